import { describe, expect, it } from "vitest";
import { describeMailError } from "./mail";
import { describeSlackError } from "./slack";

describe("send failures in plain words, never the server's reply", () => {
  it("SMTP", () => {
    expect(describeMailError({ code: "ECONNECTION", message: "connect ECONNREFUSED 10.0.0.1" })).toBe(
      "The SMTP server could not be reached",
    );
    expect(describeMailError({ code: "EAUTH", response: "535 bad password for bob" })).toBe(
      "The SMTP server refused the login in SMTP_URL",
    );
    expect(describeMailError({ code: "EENVELOPE", responseCode: 550, response: "550 no such user ana@x" })).toBe(
      "The SMTP server refused the message (code 550)",
    );
  });

  it("Slack", () => {
    expect(describeSlackError({ statusCode: 404, body: "no_service" })).toMatch(/removed or is wrong/);
    expect(describeSlackError({ statusCode: 500 })).toBe("Slack answered HTTP 500");
    expect(describeSlackError({ original: { code: "ECONNREFUSED" } })).toBe(
      "Slack could not be reached (connection refused)",
    );
  });
});
