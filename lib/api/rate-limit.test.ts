import { describe, expect, it } from "vitest";
import { createRateLimiter } from "./rate-limit";

describe("createRateLimiter", () => {
  it("allows `limit` requests per window and resets afterwards", () => {
    let t = 0;
    const limiter = createRateLimiter({ limit: 2, windowMs: 1000, now: () => t });
    expect([limiter.take("a"), limiter.take("a"), limiter.take("a")]).toEqual([true, true, false]);
    expect(limiter.take("b")).toBe(true);
    t = 1000;
    expect(limiter.take("a")).toBe(true);
  });

  it("forgets keys whose window has ended", () => {
    let t = 0;
    const limiter = createRateLimiter({ limit: 1, windowMs: 100, now: () => t });
    for (let i = 0; i < 50; i++) limiter.take(`k${i}`);
    t = 500;
    limiter.take("fresh");
    expect(limiter.size()).toBe(1);
  });
});
