import { describe, expect, it } from "vitest";
import { pickDashboardScope } from "./dashboard-scope";

const all = { scope: "periods:2026-Q1..2026-Q4", ranAt: "2026-10-12T09:00:00.000Z" };
const q3 = { scope: "periods:2026-Q3..2026-Q3", ranAt: "2026-11-20T09:00:00.000Z" };
const friction = { scope: "friction", ranAt: "2026-11-21T09:00:00.000Z" };

describe("pickDashboardScope", () => {
  it("defaults to the widest range of quarters, not the last analysis", () => {
    expect(pickDashboardScope(null, [friction, q3, all])).toEqual(all);
  });
  it("prefers the later range among equally wide ones", () => {
    const later = { scope: "periods:2026-Q2..2027-Q1", ranAt: "2026-09-01T00:00:00.000Z" };
    expect(pickDashboardScope(null, [all, later])).toEqual(later);
  });
  it("follows the editors' pick while it has been analysed", () => {
    expect(pickDashboardScope(q3.scope, [friction, q3, all])).toEqual(q3);
    expect(pickDashboardScope("periods:2025-Q1..2025-Q1", [q3, all])).toEqual(all);
  });
  it("falls back to the last analysed scope when no quarters were analysed, and to nothing", () => {
    const survey = { scope: "survey:8c1f0a52-7d7e-4a55-9d61-3f1f0c3f2a10", ranAt: "2026-11-01T00:00:00.000Z" };
    expect(pickDashboardScope(null, [survey, friction])).toEqual(friction);
    expect(pickDashboardScope(null, [])).toBeNull();
  });
});
