import { cruise } from "dependency-cruiser";
import { describe, expect, it } from "vitest";

/** Each feature folder (src/discord/requests, src/domain/mentors, …) or top-level file or folder of src/. */
const FOLDERS = "^src/(discord|domain)/[^/]+|^src/[^/]+";

/** Every chain of imports between folders that leads back to where it started, as "a → b → a". */
function folderCycles(graph: Map<string, string[]>): string[] {
  const cycles: string[] = [];
  const visit = (start: string, path: string[]) => {
    for (const next of graph.get(path.at(-1) ?? start) ?? []) {
      if (next === start) cycles.push([...path, next].join(" → "));
      // Each cycle is reported once, from its alphabetically first folder.
      else if (!path.includes(next) && next > start) visit(start, [...path, next]);
    }
  };
  for (const folder of [...graph.keys()].sort()) visit(folder, [folder]);
  return cycles;
}

describe("the layout", () => {
  it("has no import cycles between folders", async () => {
    const { output } = await cruise(["src"], {
      parser: "swc",
      tsConfig: { fileName: "tsconfig.json" },
      includeOnly: "^src/",
      collapse: FOLDERS,
    });
    if (typeof output === "string") throw new Error("expected the cruise result, not a report");
    const graph = new Map(
      output.modules.map((module) => [
        module.source,
        module.dependencies.map((dependency) => dependency.resolved).filter((to) => to !== module.source),
      ]),
    );
    expect(graph.get("src/domain/requests")).toContain("src/domain/mentors");
    expect(folderCycles(graph)).toEqual([]);
  });

  it("finds a cycle between folders when there is one", () => {
    const graph = new Map([
      ["src/discord/requests", ["src/discord/mentors", "src/core"]],
      ["src/discord/mentors", ["src/discord/requests"]],
      ["src/core", []],
    ]);
    expect(folderCycles(graph)).toEqual(["src/discord/mentors → src/discord/requests → src/discord/mentors"]);
  });
});
