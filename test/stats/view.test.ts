import { describe, expect, it } from "vitest";
import { statsReply } from "../../src/discord/stats/view.js";
import { summarize } from "../../src/domain/stats/summary.js";
import { recordingLogger } from "../requests/helpers.js";

const pngSize = (png: Buffer) => [png.readUInt32BE(16), png.readUInt32BE(20)];

describe("the /stats answer", () => {
  it("says there is nothing yet and still draws a chart of the fixed size when nothing was counted", async () => {
    const logger = recordingLogger();
    const reply = await statsReply(summarize([undefined, undefined], "2026-12-05", "2026-12-06"), logger);
    const fields = Object.fromEntries((reply.embeds?.[0]?.fields ?? []).map((f) => [f.name, f.value]));
    expect(fields.Searches).toBe("0 searches; 0 found nobody available");
    expect(fields["Unmet demand (searches that found nobody available, by library type)"]).toBe(
      "None: every search found someone.",
    );
    expect(fields["Median time to answer"]).toBe("None yet.");
    expect(fields["Average rating"]).toBe("None yet.");
    const png = reply.files?.[0]?.attachment as Buffer;
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    expect(pngSize(png)).toEqual([1280, 480]);
    expect(logger.errors).toEqual([]);
  });

  it("names library types, most unmet first, and gives hours past one hour to a tenth", async () => {
    const day = {
      searches: 5,
      unmet: { museum: 1, law: 3 },
      sent: 4,
      accepted: 3,
      declined: 1,
      expired: 0,
      scheduled: 2,
      met: 2,
      noShows: 1,
      answerHours: [1.25, 2, 30],
      meetHours: [0.5],
      ratingSum: 9,
      ratings: 2,
    };
    const reply = await statsReply(summarize([day], "2026-12-06", "2026-12-06"), recordingLogger());
    const embed = reply.embeds?.[0];
    const fields = Object.fromEntries((embed?.fields ?? []).map((f) => [f.name, f.value]));
    expect(embed?.title).toBe("Reference Desk statistics: today");
    expect(fields["Unmet demand (searches that found nobody available, by library type)"]).toBe(
      "Law library 3 · Museum library 1",
    );
    expect(fields.Interviews).toBe("Scheduled 2 · Met 2 · No-shows 1");
    expect(fields["Median time to answer"]).toBe("2.0 hours (3 answers)");
    expect(fields["Median time to meet"]).toBe("30 minutes (1 interview)");
    expect(fields["Average rating"]).toBe("4.5 / 5 (2 ratings)");
  });
});
