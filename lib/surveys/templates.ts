import type { ChoiceOption } from "@/lib/db/schema";
import type { QuestionKind } from "@/lib/surveys/constants";

export type QuestionDraft = {
  key: string;
  kind: QuestionKind;
  prompt: string;
  helpText?: string;
  required?: boolean;
  dimension?: string | null;
  options?: ChoiceOption[] | null;
  maxLength?: number | null;
};

export type SurveyTemplate = {
  id: string;
  name: string;
  description: string;
  title: string;
  questions: QuestionDraft[];
};

const likert = (key: string, dimension: string, prompt: string, helpText = ""): QuestionDraft => ({
  key,
  kind: "likert",
  prompt,
  helpText,
  required: true,
  dimension,
});
const freeText = (key: string, prompt: string, helpText = ""): QuestionDraft => ({
  key,
  kind: "free_text",
  prompt,
  helpText,
  required: false,
  maxLength: 1000,
});

// DORA answer options carry their performance band as the option id, so classification is a lookup.
export const doraBands = ["elite", "high", "medium", "low"] as const;
export type DoraBand = (typeof doraBands)[number];

export const timeToFirstDeployOptions: ChoiceOption[] = [
  { id: "lt_1h", label: "Under an hour" },
  { id: "1_4h", label: "1 to 4 hours" },
  { id: "1d", label: "About a day" },
  { id: "2_5d", label: "2 to 5 days" },
  { id: "gt_1w", label: "More than a week" },
];

export const surveyTemplates: SurveyTemplate[] = [
  {
    id: "quarterly-dx",
    name: "Quarterly developer experience",
    description: "SPACE and DevEx scores, a platform NPS, time to first deploy and four open questions.",
    title: "Developer experience survey",
    questions: [
      likert(
        "tooling_satisfaction",
        "space.satisfaction",
        "Overall, how happy are you with the tools and platform you use every day?",
      ),
      likert(
        "ship_confidence",
        "space.performance",
        "How confident are you that a change you merge reaches production without surprises?",
      ),
      likert("small_changes", "space.activity", "How easy is it to ship small changes as often as you would like?"),
      likert(
        "find_help",
        "space.communication",
        "When you are stuck, how easy is it to find the right person or document?",
      ),
      likert("deploy_ease", "space.efficiency", "How easy is it to get a change deployed to production?"),
      likert(
        "ci_feedback",
        "devex.feedback_loops",
        "How quickly do builds and tests tell you whether your change works?",
      ),
      likert(
        "cognitive_load",
        "devex.cognitive_load",
        "How manageable is the number of tools, configs and concepts you juggle to ship a change?",
      ),
      likert("deep_work", "devex.flow_state", "How often do you get long stretches of focused time to do deep work?"),
      {
        key: "platform_nps",
        kind: "nps",
        prompt: "How likely are you to recommend our internal developer platform to another engineer?",
        required: true,
        dimension: "space.satisfaction",
      },
      {
        key: "time_to_first_deploy",
        kind: "single_choice",
        prompt: "How long does it take to get a brand-new service running in production?",
        helpText: "From an empty repository to serving real traffic.",
        required: false,
        dimension: "space.efficiency",
        options: timeToFirstDeployOptions,
      },
      freeText("frustration", "What is the most frustrating part of your workflow right now?"),
      freeText("one_thing", "If the platform team could change one thing for you, what should it be?"),
      freeText("automate", "What do you still do by hand that should be automated?"),
      freeText("protect", "What works well today and must not be broken?"),
    ],
  },
  {
    id: "dora",
    name: "DORA self-assessment",
    description: "The four DORA delivery metrics as self-reported bands, to compare teams on and off the platform.",
    title: "Delivery performance check-in",
    questions: [
      {
        key: "dora_deployment_frequency",
        kind: "single_choice",
        prompt: "How often does your team deploy the main service it owns to production?",
        required: true,
        dimension: "dora.deployment_frequency",
        options: [
          { id: "elite", label: "On demand, several times a day" },
          { id: "high", label: "Between once a week and once a month" },
          { id: "medium", label: "Between once a month and once every six months" },
          { id: "low", label: "Less often than every six months" },
        ],
      },
      {
        key: "dora_lead_time",
        kind: "single_choice",
        prompt: "How long does a committed change usually take to reach production?",
        required: true,
        dimension: "dora.lead_time",
        options: [
          { id: "elite", label: "Less than an hour" },
          { id: "high", label: "Between a day and a week" },
          { id: "medium", label: "Between a week and a month" },
          { id: "low", label: "Between one and six months" },
        ],
      },
      {
        key: "dora_change_failure_rate",
        kind: "single_choice",
        prompt: "Roughly what share of your deployments cause a failure that needs a fix or rollback?",
        required: true,
        dimension: "dora.change_failure_rate",
        options: [
          { id: "elite", label: "0 to 15%" },
          { id: "high", label: "16 to 30%" },
          { id: "low", label: "More than 30%" },
        ],
      },
      {
        key: "dora_recovery_time",
        kind: "single_choice",
        prompt: "When a deployment fails in production, how long does it take to restore service?",
        required: true,
        dimension: "dora.recovery_time",
        options: [
          { id: "elite", label: "Less than an hour" },
          { id: "high", label: "Less than a day" },
          { id: "medium", label: "Between a day and a week" },
          { id: "low", label: "More than a week" },
        ],
      },
    ],
  },
  {
    id: "devex-pulse",
    name: "DevEx pulse",
    description:
      "Three quick questions on feedback loops, cognitive load and flow, plus one open question. Under 2 minutes.",
    title: "DevEx pulse",
    questions: [
      likert(
        "ci_feedback",
        "devex.feedback_loops",
        "How quickly do builds and tests tell you whether your change works?",
      ),
      likert(
        "cognitive_load",
        "devex.cognitive_load",
        "How manageable is the number of tools, configs and concepts you juggle to ship a change?",
      ),
      likert("deep_work", "devex.flow_state", "How often do you get long stretches of focused time to do deep work?"),
      freeText("frustration", "What is the most frustrating part of your workflow right now?"),
    ],
  },
  { id: "blank", name: "Blank survey", description: "Start from scratch.", title: "Untitled survey", questions: [] },
];

export function getTemplate(id: string): SurveyTemplate | undefined {
  return surveyTemplates.find((t) => t.id === id);
}
