import "server-only";
import type { DbClient } from "@/lib/db/client";

// A survey's domain events. Each is emitted once per survey, by the job that opens or closes it
// (lib/surveys/transitions.ts), inside that job's transaction: a listener that queues follow-up work
// with `enqueue(kind, payload, { tx })` (lib/jobs/enqueue.ts) gets it exactly when the event commits.
//
//   onSurveyClosed(async (event, tx) => { await enqueue("webhook.deliver", {...}, { tx }); });
//
// Register listeners from a module that lib/jobs/handlers.ts imports, so every instance running jobs
// has them. survey.opened always comes before survey.closed (a close emits the open first if its job
// has not run yet, e.g. after downtime spanning both dates). Listeners get ids and titles only; a payload sent on must still pass lib/anonymity's rules.

export type SurveyEvent = { surveyId: string; period: string; title: string };
export type SurveyEventListener = (event: SurveyEvent, tx: DbClient) => Promise<void>;
export type SurveyEventName = "survey.opened" | "survey.closed";

const listeners: Record<SurveyEventName, SurveyEventListener[]> = { "survey.opened": [], "survey.closed": [] };

/** The survey started taking answers: published by hand, or its open date came. */
export function onSurveyOpened(listener: SurveyEventListener): () => void {
  return subscribe("survey.opened", listener);
}

/** The survey stopped taking answers and published its results: closed by hand, or its close date passed. */
export function onSurveyClosed(listener: SurveyEventListener): () => void {
  return subscribe("survey.closed", listener);
}

function subscribe(name: SurveyEventName, listener: SurveyEventListener): () => void {
  listeners[name].push(listener);
  return () => {
    listeners[name] = listeners[name].filter((l) => l !== listener);
  };
}

/** Runs the listeners one after another in the caller's transaction; one failing fails the emitting job. */
export async function emitSurveyEvent(name: SurveyEventName, event: SurveyEvent, tx: DbClient): Promise<void> {
  for (const listener of listeners[name]) await listener(event, tx);
}
