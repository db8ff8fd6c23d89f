import { describe, expect, expectTypeOf, it } from "vitest";
import { toWire, type Wire } from "./wire";

describe("Wire / toWire", () => {
  const row = {
    id: "t1",
    archivedAt: new Date("2026-07-01T00:00:00.000Z") as Date | null,
    changes: [{ at: new Date("2026-01-02T03:04:05.000Z"), onPlatform: true }],
    note: undefined as string | undefined,
  };

  it("gives the browser's shape: dates as ISO strings, undefined properties dropped", () => {
    const wire = toWire(row);
    expect(wire).toEqual({
      id: "t1",
      archivedAt: "2026-07-01T00:00:00.000Z",
      changes: [{ at: "2026-01-02T03:04:05.000Z", onPlatform: true }],
    });
    expect("note" in wire).toBe(false);
  });

  it("types dates as strings, through arrays, nulls and nested objects", () => {
    expectTypeOf<Wire<typeof row>>().toEqualTypeOf<{
      id: string;
      archivedAt: string | null;
      changes: { at: string; onPlatform: boolean }[];
      note: string | undefined;
    }>();
    expectTypeOf<Wire<"draft" | "open">>().toEqualTypeOf<"draft" | "open">();
  });
});
