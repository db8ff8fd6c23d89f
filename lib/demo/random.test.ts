import { describe, expect, it } from "vitest";
import { demoRandom } from "./random";

describe("demoRandom", () => {
  // Pinned from the seed's former private copy of mulberry32: a change here changes the demo
  // workspace that e2e specs and screenshots read.
  it("draws the same sequence the demo workspace was built from", () => {
    const r = demoRandom(20260101);
    expect([
      r.next(),
      r.next(),
      r.normal(),
      r.pick(["a", "b", "c", "d"]),
      r.weighted([0, 1, 2, 3], [1, 2, 3, 4]),
      r.next(),
    ]).toEqual([0.2559139896184206, 0.5929048631805927, 0.6444089018956421, "c", 1, 0.3791074389591813]);
  });

  it("never picks an item of weight zero", () => {
    const r = demoRandom(7);
    for (let i = 0; i < 200; i++) expect(r.weighted(["never", "always"], [0, 1])).toBe("always");
  });
});
