import { describe, expect, it } from "vitest";
import { journeyMapCsvRows, journeyMapFileName, neutralizeCell, toSafeCsv } from "./export-csv";

describe("journey map CSV", () => {
  it("defuses cells a spreadsheet would run as a formula", () => {
    expect(neutralizeCell("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(neutralizeCell("-2+3")).toBe("'-2+3");
    expect(neutralizeCell("@SUM")).toBe("'@SUM");
    expect(neutralizeCell("plain")).toBe("plain");
  });

  it("starts with a BOM, quotes commas and lists current steps before golden ones", () => {
    const base = { tools: 1, concepts: 0, configFiles: 2, people: 0, dashboards: 0, docs: 3, notes: "", counterpartStepId: null, outcome: null, pain: "low" as const, loadType: "extraneous" as const, loadLevel: 2, themes: [] };
    const rows = journeyMapCsvRows({ name: "Deploy", workflow: "", persona: "", maturityNow: 1, maturityTarget: 3 }, [
      { ...base, id: "g", path: "golden", position: 0, name: "Scaffold", minutes: 5, counterpartStepId: "c", outcome: "automated", themes: ["Slow CI"] },
      { ...base, id: "c", path: "current", position: 0, name: "Copy, paste", minutes: 60 },
    ]);
    expect(rows[1].slice(1, 4)).toEqual(["current", 1, "Copy, paste"]);
    expect(rows[2]).toContain("Copy, paste");
    const csv = toSafeCsv(rows);
    expect(csv.startsWith("\uFEFFMap,Path,")).toBe(true);
    expect(csv).toContain('"Copy, paste"');
    expect(csv).toContain("automated");
  });

  it("names the file after the map", () => {
    expect(journeyMapFileName("Create a new service & deploy it!")).toBe("create-a-new-service-deploy-it.csv");
  });
});
