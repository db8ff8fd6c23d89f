// The demo workspace: four quarters of surveys, DORA check-ins, friction reports, a journey map,
// workflow timings and a curated backlog. Domain writers create what the product itself can create
// (surveys with their questions and links, the journey map, the backlog); the rest is history the
// product never writes directly (answers, back-dated statuses and dates), inserted here.
import { and, count, eq, isNull, sql } from "drizzle-orm";
import { hashPassword } from "@/lib/auth/password";
import type { Database, DbClient } from "@/lib/db/client";
import * as s from "@/lib/db/schema";
import { builtInWorkflows } from "@/lib/journeys/baseline-workflows";
import { suggestThemeLinks } from "@/lib/journeys/link-suggestions";
import { createJourneyMap } from "@/lib/journeys/queries";
import { journeyTemplates } from "@/lib/journeys/templates";
import { createSurvey, createTeamLinks } from "@/lib/surveys/queries";
import { DEMO_PASSWORD, demoUsers } from "./accounts";
import { DEMO_BACKLOG_SCOPE, seedDemoBacklog } from "./backlog";
import { seedDemoPlans } from "./plans";
import { demoRandom, type DemoRandom } from "./random";
import { seedFrictionEntries, seedNonAnswers, seedThemes } from "./texts";
import { refreshPlannerStatistics } from "@/lib/db/statistics";

const PERIODS = ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"] as const;
const QUARTER_START = ["2026-01-12", "2026-04-13", "2026-07-13", "2026-10-12"];

const demoTeams = [
  { name: "Payments", headcount: 30, onPlatformFrom: "2026-Q1" },
  { name: "Checkout", headcount: 25, onPlatformFrom: "2026-Q1" },
  { name: "Data Platform", headcount: 19, onPlatformFrom: "2026-Q1" },
  { name: "Search", headcount: 21, onPlatformFrom: "2026-Q2" },
  { name: "Mobile", headcount: 28, onPlatformFrom: "2026-Q3" },
  { name: "Growth", headcount: 24, onPlatformFrom: null },
  { name: "Identity", headcount: 6, onPlatformFrom: null }, // small on purpose: under k in Q4, so the demo shows suppression
];

// NPS as a fraction, per quarter, for teams on and off the platform at the time.
const NPS_ON = [-0.12, 0.03, 0.18, 0.31];
const NPS_OFF = [-0.18, -0.15, -0.17, -0.13];
const LIKERT_ON = [3.0, 3.3, 3.55, 3.85];
const LIKERT_OFF = [2.9, 2.95, 2.9, 3.0];
const LIKERT_OFFSET: Record<string, number> = {
  tooling_satisfaction: 0.1,
  ship_confidence: 0.2,
  small_changes: 0,
  find_help: -0.3,
  deploy_ease: -0.1,
  ci_feedback: -0.5,
  cognitive_load: -0.35,
  deep_work: -0.2,
};

const DEMO_INTRO = "Five minutes, fully anonymous. Your answers decide what the platform team fixes next quarter.";
const REWORDED_DEPLOY_EASE = "How easy is it to ship a change to production today?";

export async function isDatabaseEmpty(db: Database): Promise<boolean> {
  const [{ n }] = await db.select({ n: count() }).from(s.users);
  const [{ m }] = await db.select({ m: count() }).from(s.surveys);
  return n === 0 && m === 0;
}

export async function seedDemoIfEmpty(db: Database) {
  if (!(await isDatabaseEmpty(db))) return false;
  const started = Date.now();
  await seedDemo(db);
  console.log(
    `[dx-pulse] demo workspace seeded in ${Date.now() - started} ms — sign in as ${demoUsers[0].email} / ${DEMO_PASSWORD}`,
  );
  return true;
}

export async function resetDatabase(db: Database) {
  await db.execute(sql`truncate table
    journey_step_themes, journey_steps, journey_maps, workflow_timings, baseline_workflows,
    theme_releases, theme_members, backlog_carries, backlog_dashboard, backlog_runs, backlog_items, submission_keys, answers, responses, friction_entries, feedback_notes,
    survey_links, question_wording_changes, questions, surveys, team_platform_changes, teams,
    custom_dimensions, audit_log, password_reset_tokens, login_throttle, users, workspace_settings cascade`);
}

export async function seedDemo(db: Database) {
  const rand = demoRandom(20260101);
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  await db.transaction(async (tx) => {
    await tx.insert(s.workspaceSettings).values({ id: 1, name: "Acme Engineering", anonymityThreshold: 5 });
    await tx.insert(s.users).values(demoUsers.map((u) => ({ ...u, passwordHash })));
    await tx.insert(s.customDimensions).values([
      { key: "custom.deploys", name: "Deploys", description: "Getting changes safely to production" },
      { key: "custom.docs", name: "Docs", description: "Finding and trusting internal documentation" },
    ]);

    const teamRows = await tx
      .insert(s.teams)
      .values(demoTeams.map((t) => ({ name: t.name, headcount: t.headcount, onPlatform: t.onPlatformFrom !== null })))
      .returning();
    const teams = teamRows.map((row, i) => ({ ...row, onPlatformFrom: demoTeams[i].onPlatformFrom }));
    await tx
      .insert(s.teamPlatformChanges)
      .values(
        teams.flatMap((t) =>
          t.onPlatformFrom
            ? [{ teamId: t.id, effectivePeriod: t.onPlatformFrom, onPlatform: true }]
            : [{ teamId: t.id, effectivePeriod: PERIODS[0], onPlatform: false }],
        ),
      );
    const onPlatformIn = (team: (typeof teams)[number], period: string) =>
      team.onPlatformFrom !== null && team.onPlatformFrom <= period;

    let previousSurveyId: string | null = null;
    for (let qi = 0; qi < PERIODS.length; qi++) {
      const period = PERIODS[qi];
      const isLast = qi === PERIODS.length - 1;
      const survey = await createDemoSurvey(tx, {
        templateId: "quarterly-dx",
        title: `Developer experience survey ${period}`,
        period,
        status: isLast ? "open" : "closed",
        opensOn: QUARTER_START[qi],
        intro: DEMO_INTRO,
        copiedFromSurveyId: previousSurveyId,
      });
      previousSurveyId = survey.id;
      // The open survey's own link has a fixed token (/s/demo-q4), which the e2e specs open.
      if (isLast) await tx.update(s.surveyLinks).set({ token: "demo-q4" }).where(eq(s.surveyLinks.surveyId, survey.id));
      await createTeamLinks({ surveyId: survey.id }, tx);
      if (qi >= 2) {
        // From Q3 on, one question is reworded; the wording change is recorded on the day Q3 opened.
        const [reworded] = await tx
          .update(s.questions)
          .set({ prompt: REWORDED_DEPLOY_EASE })
          .where(and(eq(s.questions.surveyId, survey.id), eq(s.questions.key, "deploy_ease")))
          .returning();
        if (qi === 2) {
          await tx.insert(s.questionWordingChanges).values({
            questionId: reworded.id,
            previousPrompt: survey.questions.find((q) => q.key === "deploy_ease")!.prompt,
            newPrompt: reworded.prompt,
            changedAt: new Date(`${QUARTER_START[qi]}T09:00:00Z`),
          });
        }
      }
      const questionRows = survey.questions;

      const responseRows: (typeof s.responses.$inferInsert)[] = [];
      const answerPlans: { responseIndex: number; values: Omit<typeof s.answers.$inferInsert, "responseId">[] }[] = [];
      for (const team of teams) {
        const on = onPlatformIn(team, period);
        const rate = 0.5 + rand.next() * 0.3 + (qi === 3 ? -0.1 : 0);
        const n = Math.max(2, Math.round(team.headcount * rate));
        const npsTarget = (on ? NPS_ON[qi] : NPS_OFF[qi]) + rand.normal() * 0.04;
        const promoterShare = Math.max(0, (0.7 + npsTarget) / 2);
        const detractorShare = Math.max(0, (0.7 - npsTarget) / 2);
        for (let r = 0; r < n; r++) {
          const day = Math.floor(rand.next() * 21);
          const submittedOn = new Date(Date.parse(QUARTER_START[qi]) + day * 86_400_000).toISOString().slice(0, 10);
          responseRows.push({ surveyId: survey.id, teamId: team.id, submittedOn });
          const values: Omit<typeof s.answers.$inferInsert, "responseId">[] = [];
          const mood = rand.normal() * 0.5; // a respondent's general mood moves all their scores together
          for (const q of questionRows) {
            if (q.kind === "likert") {
              let mean = (on ? LIKERT_ON[qi] : LIKERT_OFF[qi]) + (LIKERT_OFFSET[q.key] ?? 0) + mood;
              if (q.key === "ci_feedback" && qi === 3) mean += 0.6; // CI got faster for everyone in Q4
              const v = Math.min(5, Math.max(1, Math.round(mean + rand.normal() * 0.8)));
              values.push({ questionId: q.id, numberValue: v });
            } else if (q.kind === "nps") {
              const u = rand.next() + mood * 0.15; // a happier respondent is less likely a detractor
              const v =
                u < detractorShare
                  ? rand.weighted([0, 1, 2, 3, 4, 5, 6], [1, 1, 2, 3, 4, 6, 8])
                  : u < 1 - promoterShare
                    ? rand.pick([7, 8])
                    : rand.weighted([9, 10], [3, 2]);
              values.push({ questionId: q.id, numberValue: v });
            } else if (q.kind === "single_choice" && q.options) {
              const shift = on ? qi * 0.8 : 0;
              const weights = [0.3 + shift, 1 + shift, 2.2, 2.5 - shift * 0.5, 1.5 - Math.min(1.2, shift * 0.5)].map(
                (w) => Math.max(0.1, w),
              );
              if (rand.next() < 0.9)
                values.push({ questionId: q.id, choiceValues: [rand.weighted(q.options, weights).id] });
            } else if (q.kind === "free_text") {
              const text = pickFreeText(rand, q.key, qi, on);
              if (text) values.push({ questionId: q.id, textValue: text });
            }
          }
          answerPlans.push({ responseIndex: responseRows.length - 1, values });
        }
      }
      const inserted = await tx.insert(s.responses).values(responseRows).returning({ id: s.responses.id });
      const answerRows = answerPlans.flatMap((plan) =>
        plan.values.map((v) => ({ ...v, responseId: inserted[plan.responseIndex].id })),
      );
      for (let i = 0; i < answerRows.length; i += 1000)
        await tx.insert(s.answers).values(answerRows.slice(i, i + 1000));
    }

    await seedDoraSurveys(tx, teams, onPlatformIn, rand);

    await tx.insert(s.surveyLinks).values({ token: "demo-friction", kind: "friction" });
    await tx.insert(s.frictionEntries).values(
      seedFrictionEntries.map((text, i) => ({
        text,
        teamId: teams[i % teams.length].id,
        period: i < 5 ? "2026-Q3" : "2026-Q4",
        submittedOn: i < 5 ? "2026-08-03" : "2026-10-20",
      })),
    );

    await seedJourneysAndTimings(tx, rand.next);
    const curated = await seedDemoBacklog(tx);
    await linkDemoJourneyToThemes(tx);
    const [owner] = await tx.select({ id: s.users.id }).from(s.users).where(eq(s.users.role, "owner"));
    await seedDemoPlans(tx, curated, owner.id);
  });
  await refreshPlannerStatistics(db);
}

// Self-reported DORA bands: teams on the platform report better delivery performance.
async function seedDoraSurveys(
  db: DbClient,
  teams: { id: string; headcount: number }[],
  onPlatformIn: (team: never, period: string) => boolean,
  rand: DemoRandom,
) {
  for (const [period, status, opensOn] of [
    ["2026-Q3", "closed", "2026-08-03"],
    ["2026-Q4", "open", "2026-11-02"],
  ] as const) {
    const survey = await createDemoSurvey(db, {
      templateId: "dora",
      title: `Delivery performance check-in ${period}`,
      period,
      status,
      opensOn,
      intro: "",
      copiedFromSurveyId: null,
    });
    // The check-ins went to team links only.
    await db.delete(s.surveyLinks).where(eq(s.surveyLinks.surveyId, survey.id));
    await createTeamLinks({ surveyId: survey.id }, db);
    const questionRows = survey.questions;
    for (const team of teams) {
      const on = onPlatformIn(team as never, period);
      const n = Math.max(2, Math.round(team.headcount * (0.35 + rand.next() * 0.25)));
      const inserted = await db
        .insert(s.responses)
        .values(Array.from({ length: n }, () => ({ surveyId: survey.id, teamId: team.id, submittedOn: opensOn })))
        .returning({ id: s.responses.id });
      const weights = on ? [0.35, 0.4, 0.2, 0.05] : [0.05, 0.3, 0.4, 0.25];
      await db.insert(s.answers).values(
        inserted.flatMap((r) =>
          questionRows.map((q) => {
            const options = q.options!;
            const band = rand.weighted(
              options,
              options.map((o) => weights[["elite", "high", "medium", "low"].indexOf(o.id)]),
            );
            return { responseId: r.id, questionId: q.id, choiceValues: [band.id] };
          }),
        ),
      );
    }
  }
}

/**
 * A survey as the product creates it (template questions, its own link), then given the demo's
 * history: the status, dates and intro it would have after a quarter of use.
 */
async function createDemoSurvey(
  db: DbClient,
  demo: {
    templateId: "quarterly-dx" | "dora";
    title: string;
    period: string;
    status: s.SurveyStatus;
    opensOn: string;
    intro: string;
    copiedFromSurveyId: string | null;
  },
) {
  const { templateId, title, period, ...history } = demo;
  const survey = await createSurvey({ input: { templateId, title, period }, userId: null }, db);
  await db.update(s.surveys).set(history).where(eq(s.surveys.id, survey.id));
  const questions = await db
    .select()
    .from(s.questions)
    .where(eq(s.questions.surveyId, survey.id))
    .orderBy(s.questions.position);
  return { id: survey.id, questions };
}

// Evidence for the demo map: each current step is linked to the theme that best matches its words.
async function linkDemoJourneyToThemes(db: DbClient) {
  const themes = await db
    .select({ id: s.backlogItems.id, label: s.backlogItems.label, terms: s.backlogItems.terms })
    .from(s.backlogItems)
    .where(and(eq(s.backlogItems.scope, DEMO_BACKLOG_SCOPE), isNull(s.backlogItems.mergedIntoId)));
  const steps = await db
    .select({ id: s.journeySteps.id, name: s.journeySteps.name, notes: s.journeySteps.notes })
    .from(s.journeySteps)
    .where(eq(s.journeySteps.path, "current"));
  const best = new Map<string, string>();
  for (const suggestion of suggestThemeLinks(steps, themes))
    if (!best.has(suggestion.stepId)) best.set(suggestion.stepId, suggestion.themeId);
  if (best.size) {
    await db
      .insert(s.journeyStepThemes)
      .values([...best].map(([stepId, backlogItemId]) => ({ stepId, backlogItemId, status: "accepted" as const })));
  }
}

function pickFreeText(rand: DemoRandom, key: string, qi: number, onPlatform: boolean): string | null {
  const answerChance = key === "protect" ? 0.35 : key === "frustration" ? 0.7 : 0.45;
  if (rand.next() > answerChance) return null;
  if (rand.next() < 0.06) return rand.pick(seedNonAnswers);
  const pool = seedThemes.filter((t) => (key === "protect") === (t.theme === "protect-good"));
  const theme = rand.weighted(
    pool,
    pool.map((t) => t.weights[qi] * (onPlatform ? t.onPlatformFactor : 1)),
  );
  const text = rand.pick(theme.texts);
  // Light variation so the same complaint is not always word-for-word identical.
  const style = rand.next();
  if (style < 0.15) return text.toLowerCase();
  if (style < 0.22) return `${text}.`;
  if (style < 0.27) return `Honestly? ${text.charAt(0).toLowerCase()}${text.slice(1)}`;
  return text;
}

async function seedJourneysAndTimings(db: DbClient, random: () => number) {
  const template = journeyTemplates.find((t) => t.id === "new-service")!;
  await createJourneyMap(
    {
      input: {
        templateId: "new-service",
        name: template.name,
        workflow: template.workflow,
        persona: template.persona,
        maturityNow: 1,
        maturityTarget: 4,
      },
    },
    db,
  );

  const workflows = await db
    .insert(s.baselineWorkflows)
    .values(builtInWorkflows.map((w) => ({ key: w.key, name: w.name, targetMinutes: w.targetMinutes, builtIn: 1 })))
    .returning();
  const rows = workflows.flatMap((w) =>
    (["2026-Q3", "2026-Q4"] as const).map((period, i) => {
      const factor = (i === 0 ? 2.2 : 1.4) * (0.6 + random());
      return {
        workflowId: w.id,
        period,
        measurementsMinutes: [0, 1, 2].map(() => Math.round(w.targetMinutes * factor * (0.85 + random() * 0.3))),
      };
    }),
  );
  await db.insert(s.workflowTimings).values(rows);
}
