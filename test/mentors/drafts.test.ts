import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DraftChangedError, DraftExpiredError, MentorDrafts } from "../../src/domain/mentors/drafts.js";
import { createStore, type Store } from "../../src/store/store.js";

let store: Store;
let drafts: MentorDrafts;

beforeEach(async () => {
  store = await createStore({ url: "memory://" });
  drafts = new MentorDrafts(store);
});

afterEach(() => store.close());

describe("draft revisions", () => {
  it("gives every start and every save a new revision", async () => {
    const started = await drafts.start("g1", "ada");
    const saved = await drafts.save("g1", "ada", { role: "Archivist" });
    const restarted = await drafts.start("g1", "ada");
    const revisions = [started.revision, saved.revision, restarted.revision];
    expect(revisions.every((revision) => typeof revision === "string" && revision.length > 0)).toBe(true);
    expect(new Set(revisions).size).toBe(3);
  });

  it("gives back the previewed draft only while its revision is current", async () => {
    const started = await drafts.start("g1", "ada");
    const previewed = await drafts.save("g1", "ada", { role: "Archivist" });
    await expect(drafts.previewed("g1", "ada", previewed.revision)).resolves.toMatchObject({
      role: "Archivist",
    });
    await expect(drafts.previewed("g1", "ada", started.revision)).rejects.toBeInstanceOf(DraftChangedError);
    await expect(drafts.previewed("g1", "ada", undefined)).rejects.toBeInstanceOf(DraftChangedError);
  });

  it("hands the newer draft to the refusal, so it can be shown instead", async () => {
    const older = await drafts.save("g1", "ada", {}).catch((error: unknown) => error);
    expect(older).toBeInstanceOf(DraftExpiredError);
    const first = await drafts.start("g1", "ada");
    await drafts.save("g1", "ada", { role: "Newer" });
    const refusal = await drafts.previewed("g1", "ada", first.revision).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(DraftChangedError);
    expect((refusal as DraftChangedError).current.role).toBe("Newer");
  });
});
