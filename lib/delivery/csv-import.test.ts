import { describe, expect, it } from "vitest";
import { CSV_EXAMPLE, CSV_COLUMNS, parseDeliveryCsv } from "./csv-import";

const header = CSV_COLUMNS.join(",");

describe("parseDeliveryCsv", () => {
  it("takes the documented example: a deployment with two commits and an incident", () => {
    const result = parseDeliveryCsv(CSV_EXAMPLE);
    expect(result).toMatchObject({ deployments: 1, incidents: 1, changes: 2, errors: [] });
    expect(result.events.deployments[0]).toMatchObject({
      repo: "payments-api",
      production: true,
      status: "success",
      rollback: false,
    });
    expect(result.events.changes.map((c) => c.pushedAt.toISOString())).toEqual([
      "2026-04-02T10:00:00.000Z",
      "2026-04-02T10:00:00.000Z",
    ]);
    expect(result.events.incidents[0].resolvedAt?.toISOString()).toBe("2026-04-02T13:30:00.000Z");
  });

  it("names every bad row by its line, with each of its problems", () => {
    const csv = [
      header,
      "deployment,d1,api,production,success,2026-04-02T10:00:00Z,2026-04-02T10:10:00Z,true,,,",
      "deployment,d2,api,production,maybe,2026-04-02T10:00:00Z,yesterday,perhaps,,,",
      "incident,i1,api,,,,,,,2026-04-02T10:00:00Z,2026-04-01T10:00:00Z",
      "release,r1,api,,,,,,,,",
      "deployment,d1,api,production,success,2026-04-03T10:00:00Z,2026-04-03T10:10:00Z,,,,",
    ].join("\n");
    const { errors, deployments } = parseDeliveryCsv(csv);
    expect(deployments).toBe(1);
    expect(errors).toEqual([
      {
        line: 3,
        message:
          "status must be success or failure; finished_at is not a date and time such as 2026-04-02T10:00:00Z; rollback must be true or false",
      },
      { line: 4, message: "resolved_at is before opened_at" },
      { line: 5, message: "kind must be deployment or incident" },
      { line: 6, message: "the same deployment as line 2" },
    ]);
  });

  it("counts lines of quoted multi-line cells and refuses a file without the key columns", () => {
    const quoted = [
      header,
      'incident,"i\n1",api,,,,,,,2026-04-02T10:00:00Z,',
      "incident,i2,,,,,,,,2026-04-02T10:00:00Z,",
    ].join("\n");
    expect(parseDeliveryCsv(quoted).errors).toEqual([{ line: 4, message: "service is empty" }]);
    expect(parseDeliveryCsv("kind,when\ndeployment,now").errors).toEqual([
      { line: 1, message: "Missing column id" },
      { line: 1, message: "Missing column service" },
    ]);
  });
});
