import { describe, expect, it } from "vitest";
import { maskSlackUrl, refusedSlackUrl } from "./slack-url";

const real = "https://hooks.slack.com/services/T000/B000/XXXXXXXXXXXXabcd";

describe("Slack incoming webhook URLs", () => {
  it("accepts Slack's own URLs and refuses anything else in production", () => {
    expect(refusedSlackUrl(real, false)).toBeNull();
    expect(refusedSlackUrl("http://hooks.slack.com/services/T/B/X", false)).toMatch(/hooks\.slack\.com/);
    expect(refusedSlackUrl("https://hooks.slack.com/api/T/B/X", false)).toMatch(/hooks\.slack\.com/);
    expect(refusedSlackUrl("https://evil.example.com/services/T/B/X", false)).toMatch(/hooks\.slack\.com/);
    expect(refusedSlackUrl("http://127.0.0.1:9000/hook", false)).toMatch(/loopback/);
    expect(refusedSlackUrl("http://169.254.169.254/latest", true)).toMatch(/private/);
    expect(refusedSlackUrl("not a url", false)).toMatch(/full URL/);
  });

  it("accepts a local receiver only where loopback is allowed (tests, development)", () => {
    expect(refusedSlackUrl("http://127.0.0.1:9000/hook", true)).toBeNull();
    expect(refusedSlackUrl("http://localhost:9000/hook", true)).toBeNull();
  });

  it("never shows the URL back whole", () => {
    expect(maskSlackUrl(real)).toBe("https://hooks.slack.com/services/…abcd");
    expect(maskSlackUrl(real)).not.toContain("XXXX");
  });
});
