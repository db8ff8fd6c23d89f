// What each message says, as plain data: the email's text and HTML and the Slack text are all
// rendered from it (./message-render.tsx), so the preview is exactly what is sent. Nothing here can
// say who answered: the inputs are a survey's title and dates, a link, and counts the anonymity model
// already publishes (lib/anonymity/surveys.ts progressCount while collecting; published cells after).
export type MessageContent = {
  subject: string;
  paragraphs: string[];
  action?: { label: string; url: string };
  table?: { head: string[]; rows: string[][] };
};

export type SurveyFacts = { title: string; period: string; opensOn: string | null; closesOn: string | null };

/** A team's figure on the closing summary: as getResponseRates publishes it, or hidden. */
export type SummaryTeam = { name: string; n: number | null; headcount: number | null };

export type MessageInput =
  | { kind: "announce"; channel: "email"; survey: SurveyFacts; teamName: string; link: string }
  | { kind: "announce"; channel: "slack"; survey: SurveyFacts; teamName: string; link: string | null }
  | { kind: "remind"; channel: "email"; survey: SurveyFacts; teamName: string; link: string }
  | {
      kind: "remind";
      channel: "slack";
      survey: SurveyFacts;
      teamName: string;
      link: string | null;
      k: number;
      /** The whole survey's live count in steps of k (null under k): the only live figure published. */
      progress: number | null;
    }
  | {
      kind: "summary";
      channel: "slack";
      survey: SurveyFacts;
      k: number;
      total: number | null;
      teams: SummaryTeam[];
      resultsUrl: string;
    }
  | { kind: "draft_notice"; channel: "email"; survey: SurveyFacts; reviewUrl: string };

const ANONYMOUS = "Answers are anonymous: no name, email or IP address is stored with them.";

export function formatDay(isoDay: string | null): string | null {
  if (!isoDay) return null;
  return new Date(`${isoDay}T00:00:00Z`).toLocaleDateString("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
}

const closesLine = (survey: SurveyFacts) => {
  const day = formatDay(survey.closesOn);
  return day ? `It is open until the end of ${day} (UTC).` : "";
};

/** Links other than a person's own invitation: a Slack post names the team's open link, or says to use email. */
const teamLinkLine = (link: string | null) =>
  link ? "" : "Your team answers by invitation: everyone on the team's list has a personal link by email.";

export function composeMessage(input: MessageInput): MessageContent {
  const { survey } = input;
  const keep = (lines: string[]) => lines.filter(Boolean);
  switch (input.kind) {
    case "announce":
      return {
        subject: `${survey.title}: a few minutes of your time`,
        paragraphs: keep([
          input.channel === "email"
            ? `Hello, you are invited to answer ${survey.title} for ${input.teamName}.`
            : `*${survey.title}* is open for ${input.teamName}.`,
          "It takes a few minutes and tells the platform team what slows you down and what to fix first.",
          closesLine(survey),
          input.channel === "email" ? "This link is yours and works once; please do not forward it." : "",
          input.channel === "slack" ? teamLinkLine(input.link) : "",
          ANONYMOUS,
        ]),
        action: input.link ? { label: "Answer the survey", url: input.link } : undefined,
      };
    case "remind":
      return {
        subject: `Reminder: ${survey.title}`,
        paragraphs: keep([
          input.channel === "email"
            ? `A reminder: ${survey.title} is still waiting for your answers.`
            : `Reminder: *${survey.title}* is still open for ${input.teamName}.`,
          closesLine(survey),
          input.channel === "slack"
            ? `Your team's results can be shown only once at least ${input.k} of you have answered, so every answer counts.`
            : "",
          input.channel === "slack" && input.progress !== null
            ? `So far at least ${input.progress} people have answered across all teams.`
            : "",
          input.channel === "slack" ? teamLinkLine(input.link) : "",
          input.channel === "email" ? "If you have answered already, thank you, and please ignore this." : "",
          ANONYMOUS,
        ]),
        action: input.link ? { label: "Answer the survey", url: input.link } : undefined,
      };
    case "summary": {
      const hidden = `hidden (fewer than ${input.k}, or to protect another team)`;
      return {
        subject: `${survey.title} has closed`,
        paragraphs: keep([
          `*${survey.title}* (${survey.period}) has closed and its results are published.`,
          input.total === null
            ? `Fewer than ${input.k} people answered, so no results can be shown.`
            : `${input.total} people answered.`,
        ]),
        table: input.teams.length
          ? {
              head: ["Team", "Answers", "Response rate"],
              rows: input.teams.map((t) =>
                t.n === null
                  ? [t.name, hidden, ""]
                  : [t.name, String(t.n), t.headcount ? `${Math.round((100 * t.n) / t.headcount)}%` : ""],
              ),
            }
          : undefined,
        action: { label: "See the results", url: input.resultsUrl },
      };
    }
    case "draft_notice":
      return {
        subject: `Review the next survey: ${survey.title}`,
        paragraphs: keep([
          `The survey series drafted ${survey.title} for ${survey.period} by copying the last one (same question keys, so trends line up).`,
          survey.opensOn && survey.closesOn
            ? `Its dates: ${formatDay(survey.opensOn)} to ${formatDay(survey.closesOn)}.`
            : "",
          "Review it and publish it: a draft never opens by itself. Once published it opens and closes on its dates, and its invitations, reminders and summary go out as scheduled.",
        ]),
        action: { label: "Review the draft", url: input.reviewUrl },
      };
  }
}

/** The plain-text body of an email (also its text/plain part). */
export function renderText(content: MessageContent): string {
  const parts = content.paragraphs.map((p) => p.replace(/\*/g, ""));
  if (content.table)
    parts.push([content.table.head, ...content.table.rows].map((r) => r.filter(Boolean).join(" · ")).join("\n"));
  if (content.action) parts.push(`${content.action.label}: ${content.action.url}`);
  return parts.join("\n\n") + "\n";
}

/** Slack's mrkdwn escapes only these three. */
const slackEscape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** The text of a Slack post (incoming webhooks take `{ text }` in mrkdwn). */
export function renderSlack(content: MessageContent): string {
  const parts = content.paragraphs.map(slackEscape);
  if (content.table)
    parts.push(content.table.rows.map((r) => `• ${r.filter(Boolean).map(slackEscape).join(" · ")}`).join("\n"));
  if (content.action) parts.push(`<${content.action.url}|${slackEscape(content.action.label)}>`);
  return parts.join("\n");
}
