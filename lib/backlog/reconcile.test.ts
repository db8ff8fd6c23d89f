import { describe, expect, it } from "vitest";
import { isCurated, planReconciliation, type ExistingItem, type ExistingMember } from "./reconcile";

const item = (id: string, patch: Partial<ExistingItem> = {}): ExistingItem => ({
  id,
  mergedIntoId: null,
  customLabel: null,
  effort: null,
  status: "new",
  owner: "",
  notes: "",
  hasMergedChildren: false,
  hasJourneyLinks: false,
  ...patch,
});
const members = (itemId: string, ids: string[], pinned = 0): ExistingMember[] =>
  ids.map((sourceId) => ({ itemId, sourceId, pinned, publicId: `p-${sourceId}` }));
const theme = (label: string, memberIds: string[]) => ({ label, terms: [label], memberIds, representativeIds: [] });
const range = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

describe("isCurated", () => {
  it("is false for an untouched item and true for each kind of PM edit", () => {
    expect(isCurated(item("a"), 0)).toBe(false);
    const edits: Partial<ExistingItem>[] = [
      { customLabel: "Mine" },
      { effort: "S" as const },
      { status: "planned" as const },
      { owner: "Ana" },
      { notes: "call them" },
      { mergedIntoId: "b" },
      { hasMergedChildren: true },
      { hasJourneyLinks: true },
    ];
    for (const patch of edits) expect(isCurated(item("a", patch), 0)).toBe(true);
    expect(isCurated(item("a"), 1)).toBe(true);
  });
});

describe("planReconciliation", () => {
  it("continues an item whose answers reappear in a fresh theme, and creates items for new themes", () => {
    const plan = planReconciliation([item("A")], members("A", range("a:", 6)), [
      theme("ci", range("a:", 6)),
      theme("docs", range("n:", 4)),
    ]);
    expect(plan.themes.map((t) => [t.theme.label, t.continues])).toEqual([
      ["ci", "A"],
      ["docs", null],
    ]);
    expect(plan.matched).toBe(1);
    expect(plan.removable).toEqual([]);
    expect(plan.kept).toEqual(["A"]);
  });

  it("removes an item nobody mentions any more unless a PM curated it", () => {
    const plan = planReconciliation(
      [item("plain"), item("owned", { owner: "Ana" })],
      [...members("plain", range("a:", 3)), ...members("owned", range("b:", 3))],
      [theme("other", range("n:", 5))],
    );
    expect(plan.removable).toEqual(["plain"]);
    expect(plan.kept).toEqual(["owned"]);
    expect(plan.themes[0].continues).toBeNull();
  });

  it("keeps pinned answers out of the fresh themes and keeps their item even if nothing else matches", () => {
    const plan = planReconciliation([item("A")], members("A", ["a:1", "a:2"], 1), [
      theme("mixed", ["a:1", "a:2", "n:1", "n:2"]),
      theme("only-pinned", ["a:1"]),
    ]);
    // The theme made only of pinned answers disappears; the other loses them.
    expect(plan.themes.map((t) => t.memberIds)).toEqual([["n:1", "n:2"]]);
    expect(plan.removable).toEqual([]);
  });

  it("hands back every member's public id so quotes keep theirs across re-analysis", () => {
    const plan = planReconciliation([item("A")], members("A", ["a:1", "a:2"]), [theme("t", ["a:1", "a:2"])]);
    expect(plan.publicIds.get("a:2")).toBe("p-a:2");
  });
});
