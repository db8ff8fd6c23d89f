import { describe, expect, it } from "vitest";
import { composeMessage, renderSlack, renderText } from "./message-content";
import { renderEmailHtml } from "./message-render";

const survey = { title: "DX 2026-Q4", period: "2026-Q4", opensOn: "2026-10-01", closesOn: "2026-10-14" };

describe("distribution messages", () => {
  it("an invitation carries the person's own link in the text and the HTML, and says it is anonymous", async () => {
    const content = composeMessage({
      kind: "announce",
      channel: "email",
      survey,
      teamName: "Payments",
      link: "https://pulse.example.com/s/i/abc",
    });
    const text = renderText(content);
    expect(content.subject).toBe("DX 2026-Q4: a few minutes of your time");
    expect(text).toContain("open until the end of 14 October 2026 (UTC)");
    expect(text).toContain("Answer the survey: https://pulse.example.com/s/i/abc");
    expect(text).toContain("no name, email or IP address is stored");
    const html = await renderEmailHtml(content);
    expect(html).toMatch(/^<!doctype html><html lang="en">/);
    expect(html).toContain('href="https://pulse.example.com/s/i/abc"');
  });

  it("HTML escapes what people typed (a survey title)", async () => {
    const content = composeMessage({
      kind: "announce",
      channel: "email",
      survey: { ...survey, title: "<img src=x onerror=alert(1)>" },
      teamName: "A & B",
      link: "https://x/s/i/t",
    });
    const html = await renderEmailHtml(content);
    expect(html).not.toContain("<img src=x");
    expect(html).toContain("&lt;img src=x");
  });

  it("a Slack reminder states the rule, not a team's count, and the survey's progress only in steps of k", () => {
    const input = {
      kind: "remind" as const,
      channel: "slack" as const,
      survey,
      teamName: "Search",
      link: "https://x/s/tok",
      k: 5,
    };
    const under = renderSlack(composeMessage({ ...input, progress: null }));
    expect(under).toContain("only once at least 5 of you have answered");
    expect(under).not.toMatch(/so far/i);
    const over = renderSlack(composeMessage({ ...input, progress: 10 }));
    expect(over).toContain("So far at least 10 people have answered across all teams.");
    expect(over).toContain("<https://x/s/tok|Answer the survey>");
  });

  it("a Slack post escapes mrkdwn control characters, and an invite-only team is told to use email", () => {
    const text = renderSlack(
      composeMessage({
        kind: "announce",
        channel: "slack",
        survey: { ...survey, title: "<!channel> & co" },
        teamName: "T",
        link: null,
      }),
    );
    expect(text).toContain("&lt;!channel&gt; &amp; co");
    expect(text).not.toContain("<!channel>");
    expect(text).toContain("personal link by email");
  });

  it("the summary lists published figures and words for hidden ones", () => {
    const text = renderSlack(
      composeMessage({
        kind: "summary",
        channel: "slack",
        survey,
        k: 5,
        total: 12,
        teams: [
          { name: "Payments", n: 7, headcount: 10 },
          { name: "Search", n: null, headcount: 4 },
        ],
        resultsUrl: "https://x/results/1",
      }),
    );
    expect(text).toContain("12 people answered.");
    expect(text).toContain("• Payments · 7 · 70%");
    expect(text).toContain("• Search · hidden (fewer than 5, or to protect another team)");
  });
});
