// Every kind of background job in one place: its queue name, the zod schema of its payload, how it
// retries, and its label on Settings → Jobs. Adding a kind: add an entry here, a handler in
// ./handlers.ts, and an integration test that enqueues it and drains it with runJobsNow (./drain.ts).
// Payloads are ids and settings only — never answer text, emails or anything about a respondent —
// because they are stored in pgboss.job and shown (as the kind's label) to owners.
import { z } from "zod";
import { scopeSchema } from "@/lib/backlog/schemas";

/** Attempts after the first for a distribution message (30 s, doubling: about 4 hours in all). */
export const MESSAGE_RETRY_LIMIT = 8;

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

type KindConfig = {
  label: string;
  payload: z.ZodType;
  /**
   * "standard": every enqueue is a job. "stately": at most one queued and one running job per
   * singleton key (an analysis per scope, an open per survey and date); enqueue then requires a key,
   * since pg-boss would treat every job without one as sharing the empty key.
   */
  policy: "standard" | "stately";
  /** Attempts after the first; pg-boss waits retryDelay seconds, doubling with retryBackoff. */
  retryLimit: number;
  retryDelay: number;
  /** A running job not finished by then (its instance died) is failed and retried by another instance. */
  expireInSeconds: number;
};

export const jobKinds = {
  "backlog.analyse": {
    label: "Backlog analysis",
    policy: "stately",
    payload: z.object({
      scope: scopeSchema,
      k: z.number().int().min(2).max(40).nullable(),
      actor: z.object({ id: z.string(), email: z.string() }).nullable(),
    }),
    retryLimit: 2,
    retryDelay: 30,
    expireInSeconds: 15 * 60,
  },
  "survey.open": {
    label: "Survey opens",
    policy: "stately",
    // `on`: the open date the job was scheduled for (null: opened by hand, no date); a job whose date
    // no longer matches the survey's is stale and does nothing.
    payload: z.object({ surveyId: z.uuid(), on: isoDay.nullable() }),
    retryLimit: 5,
    retryDelay: 60,
    expireInSeconds: 5 * 60,
  },
  "survey.close": {
    label: "Survey closes",
    policy: "stately",
    payload: z.object({ surveyId: z.uuid(), on: isoDay.nullable() }),
    retryLimit: 5,
    retryDelay: 60,
    expireInSeconds: 5 * 60,
  },
  "webhook.deliver": {
    label: "Webhook delivery",
    policy: "standard",
    // One attempt per job run; deliverWebhook claims the delivery first, so a retry or a second
    // instance never sends a delivered one again.
    payload: z.object({ deliveryId: z.uuid() }),
    retryLimit: 8,
    retryDelay: 30,
    expireInSeconds: 2 * 60,
  },
  "webhook.announce-survey": {
    label: "Webhook: survey opened or closed",
    policy: "standard",
    payload: z.object({ surveyId: z.uuid(), status: z.enum(["open", "closed"]) }),
    retryLimit: 5,
    retryDelay: 30,
    expireInSeconds: 2 * 60,
  },
  // Survey series and distribution (lib/distribution). A message job sends each of its recipients at
  // most once: deliveries are claimed before sending and marked sent after (lib/distribution/send.ts),
  // so a retry sends only what failed.
  "series.draft-next": {
    label: "Series: draft the next survey",
    policy: "stately",
    payload: z.object({ seriesId: z.uuid(), period: z.string().regex(/^\d{4}-Q[1-4]$/) }),
    retryLimit: 5,
    retryDelay: 60,
    expireInSeconds: 5 * 60,
  },
  "distribution.announce": messageJob("Survey announcement (email, Slack)"),
  "distribution.remind": messageJob("Survey reminder (email, Slack)"),
  "distribution.summary": messageJob("Closing summary to leadership"),
  "distribution.notify": messageJob("Notice to editors"),
} satisfies Record<string, KindConfig>;

function messageJob(label: string) {
  return {
    label,
    policy: "stately" as const,
    payload: z.object({ messageId: z.uuid() }),
    retryLimit: MESSAGE_RETRY_LIMIT,
    retryDelay: 30,
    expireInSeconds: 10 * 60,
  };
}

export type JobKind = keyof typeof jobKinds;
export type JobPayload<K extends JobKind> = z.infer<(typeof jobKinds)[K]["payload"]>;
export const JOB_KINDS = Object.keys(jobKinds) as JobKind[];

export const isJobKind = (name: string): name is JobKind => name in jobKinds;
export const jobKindLabel = (name: string) => (isJobKind(name) ? jobKinds[name].label : name);
