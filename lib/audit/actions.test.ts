import { describe, expect, it } from "vitest";
import { auditActionLabel, describeAuditDetail } from "./actions";

describe("audit wording", () => {
  it("labels known actions and passes unknown ones through", () => {
    expect(auditActionLabel("backlog.move")).toBe("Moved answers between themes");
    expect(auditActionLabel("something.new")).toBe("something.new");
  });

  it("summarises each kind of detail briefly", () => {
    expect(describeAuditDetail("backlog.move", { answers: 1, released: [] })).toBe("1 answer");
    expect(describeAuditDetail("backlog.split", { answers: 6, released: ["a", "b"] })).toBe(
      "6 answers; published figures updated",
    );
    expect(describeAuditDetail("backlog.merge", { released: ["a"] })).toBe("published figures updated");
    expect(describeAuditDetail("backlog.merge", { released: [] })).toBe("");
    expect(describeAuditDetail("backlog.status", { from: "new", to: "in_progress" })).toBe("New → In progress");
    expect(describeAuditDetail("team.platform", { onPlatform: true, effectivePeriod: "2026-Q3" })).toBe(
      "on the platform from 2026-Q3",
    );
    expect(describeAuditDetail("settings.anonymity_threshold", { from: 5, to: 3 })).toBe("k 5 → 3");
    expect(describeAuditDetail("user.role", { from: "viewer", to: "editor" })).toBe(
      "Viewer (leadership) → Editor (platform PM)",
    );
    expect(describeAuditDetail("team.archive", {})).toBe("");
  });
});
