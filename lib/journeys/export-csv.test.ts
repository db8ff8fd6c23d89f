import { describe, expect, it } from "vitest";
import { journeyMapCsvRows, journeyMapFileName } from "./export-csv";

describe("journey map CSV rows", () => {
  const base = {
    tools: 1,
    concepts: 0,
    configFiles: 2,
    people: 0,
    dashboards: 0,
    docs: 3,
    notes: "",
    counterpartStepId: null,
    outcome: null,
    pain: "low" as const,
    loadType: "extraneous" as const,
    loadLevel: 2,
    themes: [],
  };

  it("lists current steps before golden ones, numbered from 1, with the replaced step's name and linked themes", () => {
    const { header, rows } = journeyMapCsvRows({ name: "Deploy" }, [
      {
        ...base,
        id: "g",
        path: "golden",
        position: 0,
        name: "Scaffold",
        minutes: 5,
        counterpartStepId: "c",
        outcome: "automated",
        themes: ["Slow CI", "Docs"],
      },
      { ...base, id: "c", path: "current", position: 0, name: "Copy, paste", minutes: 60 },
    ]);
    expect(header.slice(0, 5)).toEqual(["Map", "Path", "Position", "Step", "Minutes"]);
    expect(header).toContain("Config files");
    expect(rows[0].slice(0, 5)).toEqual(["Deploy", "current", 1, "Copy, paste", 60]);
    const golden = rows[1];
    expect(golden[header.indexOf("Outcome")]).toBe("automated");
    expect(golden[header.indexOf("Replaces current step")]).toBe("Copy, paste");
    expect(golden[header.indexOf("Linked themes")]).toBe("Slow CI; Docs");
    expect(rows.every((r) => r.length === header.length)).toBe(true);
  });

  it("names the file after the map", () => {
    expect(journeyMapFileName("Create a new service & deploy it!")).toBe("create-a-new-service-deploy-it.csv");
    expect(journeyMapFileName("!!!")).toBe("journey-map.csv");
  });
});
