// Answers for warming a server's clustering thread (cluster-off-thread.ts) when it starts: the
// JIT compiles and optimises the pipeline on them, so the first real clustering runs as fast as
// later ones (a cold thread takes about 40% longer on 20k answers). Made up, not anyone's feedback;
// recombined with a seeded PRNG, so every start clusters the same text.
import type { AnswerItem } from "./cluster";
import { createRandom } from "./prng";

const PROBLEMS: { things: string[]; troubles: string[] }[] = [
  {
    things: ["code review", "PR reviews", "getting approvals", "review requests", "the CODEOWNERS file"],
    troubles: [
      "waits for days",
      "blocks my work",
      "needs two seniors",
      "is slow across time zones",
      "gets lost in Slack",
    ],
  },
  {
    things: ["the staging environment", "staging", "shared test envs", "preview environments", "the QA cluster"],
    troubles: [
      "is always broken",
      "is out of date",
      "is shared by five teams",
      "has no seed data",
      "gets reset randomly",
    ],
  },
  {
    things: ["on-call", "pager alerts", "incident handoffs", "the runbooks", "weekend pages"],
    troubles: [
      "burn people out",
      "wake me up for nothing",
      "are missing context",
      "have no clear owner",
      "are too frequent",
    ],
  },
  {
    things: ["meetings", "status updates", "planning sessions", "the weekly sync", "context switching"],
    troubles: [
      "eat my focus time",
      "could be an email",
      "break up the day",
      "run over every time",
      "leave no time to code",
    ],
  },
  {
    things: ["the monorepo", "git checkouts", "the build graph", "dependency upgrades", "package versions"],
    troubles: [
      "are painfully slow",
      "conflict all the time",
      "take a whole sprint",
      "break other teams",
      "are impossible to follow",
    ],
  },
  {
    things: ["onboarding", "new hire setup", "the first week", "finding the right person", "team knowledge"],
    troubles: [
      "takes far too long",
      "depends on who you ask",
      "has no checklist",
      "lives in people's heads",
      "is chaotic",
    ],
  },
];
/** Enough for the JIT to optimise every stage (about a second of CPU, once per server start). */
export const WARM_UP_ANSWERS = 3_000;

const STARTS = ["", "honestly ", "for me ", "mostly ", "the worst part: "];
const ENDS = ["", ".", "!", " which is frustrating", " again and again"];

/** `count` made-up answers about six developer-experience problems, a few mentioning two. */
export function warmUpAnswers(count: number): AnswerItem[] {
  const random = createRandom(20_261_129);
  const choose = <T>(xs: T[]): T => xs[Math.floor(random() * xs.length)];
  return Array.from({ length: count }, (_, i) => {
    const problem = choose(PROBLEMS);
    let text = `${choose(STARTS)}${choose(problem.things)} ${choose(problem.troubles)}${choose(ENDS)}`;
    if (random() < 0.15) {
      const other = choose(PROBLEMS);
      text += `, and ${choose(other.things)} ${choose(other.troubles)}`;
    }
    return { id: `warm-up-${i}`, text };
  });
}
