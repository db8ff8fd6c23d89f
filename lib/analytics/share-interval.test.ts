import { describe, expect, it } from "vitest";
import { wilsonInterval } from "./share-interval";

describe("wilsonInterval", () => {
  it("matches published Wilson intervals", () => {
    // 2 of 7: the new quarter's "28.6%" spike of finding 10.
    const small = wilsonInterval(2, 7)!;
    expect(small.share).toBeCloseTo(0.2857, 4);
    expect(small.low).toBeCloseTo(0.0822, 3);
    expect(small.high).toBeCloseTo(0.6411, 3);
    // 50 of 100 → 0.4038..0.5962.
    const even = wilsonInterval(50, 100)!;
    expect(even.low).toBeCloseTo(0.4038, 3);
    expect(even.high).toBeCloseTo(0.5962, 3);
  });

  it("stays inside 0..1 and keeps a width at the ends", () => {
    const none = wilsonInterval(0, 10)!;
    expect(none.low).toBe(0);
    expect(none.high).toBeCloseTo(0.2775, 3);
    const all = wilsonInterval(10, 10)!;
    expect(all.high).toBe(1);
    expect(all.low).toBeCloseTo(0.7225, 3);
  });

  it("narrows as n grows", () => {
    const width = (x: number, n: number) => {
      const i = wilsonInterval(x, n)!;
      return i.high - i.low;
    };
    expect(width(20, 100)).toBeLessThan(width(2, 10));
  });

  it("has no share for nobody and refuses impossible counts", () => {
    expect(wilsonInterval(0, 0)).toBeNull();
    expect(() => wilsonInterval(3, 2)).toThrow(RangeError);
    expect(() => wilsonInterval(-1, 2)).toThrow(RangeError);
    expect(() => wilsonInterval(1.5, 2)).toThrow(RangeError);
  });
});
