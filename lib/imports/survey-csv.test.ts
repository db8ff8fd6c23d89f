import { describe, expect, it } from "vitest";
import { TEAM_COLUMN } from "./constants";
import {
  mapSurveyRows,
  readCsv,
  splitChoices,
  suggestColumns,
  suggestValue,
  type ImportQuestion,
  type ParsedCsv,
} from "./survey-csv";

const questions: ImportQuestion[] = [
  { key: "nps", kind: "nps", prompt: "How likely are you to recommend the platform?", options: null, maxLength: null },
  { key: "ci", kind: "likert", prompt: "CI is fast", options: null, maxLength: null },
  {
    key: "lead",
    kind: "single_choice",
    prompt: "Lead time",
    options: [
      { id: "hour", label: "Under an hour" },
      { id: "day", label: "A day" },
    ],
    maxLength: null,
  },
  {
    key: "tools",
    kind: "multiple_choice",
    prompt: "Tools",
    options: [
      { id: "docker", label: "Docker" },
      { id: "k8s", label: "Kubernetes" },
    ],
    maxLength: null,
  },
  { key: "pain", kind: "free_text", prompt: "What slows you down?", options: null, maxLength: 20 },
];
const teams = [{ id: "t-pay", name: "Payments" }];

const csv = (text: string) => readCsv(text) as ParsedCsv;

describe("reading a form tool's CSV", () => {
  it("names the header and each record's line", () => {
    const parsed = csv('Timestamp,Email,"CI is fast"\n2025-03-01 10:00,a@x.io,Agree\n\n2025-03-02,b@x.io,5\n');
    expect(parsed.header).toEqual(["Timestamp", "Email", "CI is fast"]);
    expect(parsed.records.map((r) => r.line)).toEqual([2, 4]);
  });
  it("refuses duplicate or blank column names and unreadable files", () => {
    expect(readCsv("a,a\n1,2")).toMatchObject({ line: 1, column: "a" });
    expect(readCsv('a,b\n"open,2')).toMatchObject({ message: expect.stringContaining("not readable") });
    expect(readCsv("")).toMatchObject({ message: "The file is empty" });
  });
});

describe("column and value mapping", () => {
  it("suggests columns by key, prompt and a team column, never identifying columns", () => {
    expect(suggestColumns(["Timestamp", "Email address", "CI is fast", "nps", "Team"], questions)).toEqual({
      "CI is fast": "ci",
      nps: "nps",
      Team: TEAM_COLUMN,
    });
  });
  it("reads Likert labels and scores, NPS 0–10 and option labels", () => {
    const [nps, ci, lead] = questions;
    expect(suggestValue(ci, "Strongly agree")).toBe(5);
    expect(suggestValue(ci, "neither agree nor disagree")).toBe(3);
    expect(suggestValue(ci, "4 (Agree)")).toBe(4);
    expect(suggestValue(ci, "6")).toBeUndefined();
    expect(suggestValue(ci, "Sometimes")).toBeUndefined();
    expect(suggestValue(nps, "10 - extremely likely")).toBe(10);
    expect(suggestValue(nps, "0")).toBe(0);
    expect(suggestValue(nps, "11")).toBeUndefined();
    expect(suggestValue(nps, "7.5")).toBeUndefined();
    expect(suggestValue(lead, "under an HOUR")).toBe("hour");
    expect(suggestValue(lead, "A week")).toBeUndefined();
  });
  it("splits multiple choices on ; or Google Forms' commas", () => {
    expect(splitChoices(questions[3], "Docker, Kubernetes")).toEqual(["Docker", "Kubernetes"]);
    expect(splitChoices(questions[3], "Docker;Kubernetes")).toEqual(["Docker", "Kubernetes"]);
  });
  it("maps rows, drops unmapped columns and applies the editor's value mapping", () => {
    const parsed = csv(
      "When,Name,Team,NPS,CI,Lead,Tools,Pain\n" +
        '2025-03-01 09:13,Ana,Payments,9,Sometimes,A day,"Docker, Kubernetes",slow CI\n' +
        "2025-03-02 17:40,Bo,,3,Agree,,Docker,\n",
    );
    const out = mapSurveyRows({
      csv: parsed,
      columns: { Team: TEAM_COLUMN, NPS: "nps", CI: "ci", Lead: "lead", Tools: "tools", Pain: "pain" },
      values: { CI: { Sometimes: 3 } },
      questions,
      teams,
    });
    expect(out.errors).toEqual([]);
    expect(out.rows).toEqual([
      {
        teamId: "t-pay",
        answers: [
          { questionKey: "nps", numberValue: 9, choiceValues: null, textValue: null },
          { questionKey: "ci", numberValue: 3, choiceValues: null, textValue: null },
          { questionKey: "lead", numberValue: null, choiceValues: ["day"], textValue: null },
          { questionKey: "tools", numberValue: null, choiceValues: ["docker", "k8s"], textValue: null },
          { questionKey: "pain", numberValue: null, choiceValues: null, textValue: "slow CI" },
        ],
      },
      {
        teamId: null,
        answers: [
          { questionKey: "nps", numberValue: 3, choiceValues: null, textValue: null },
          { questionKey: "ci", numberValue: 4, choiceValues: null, textValue: null },
          { questionKey: "tools", numberValue: null, choiceValues: ["docker"], textValue: null },
        ],
      },
    ]);
    // Nothing of the unmapped columns survives, not even in the preview's values.
    expect(JSON.stringify(out)).not.toMatch(/Ana|2025-03-01|09:13/);
    const ci = out.columns.find((c) => c.column === "CI")!;
    expect(ci.values).toEqual([
      { raw: "Sometimes", value: 3, count: 1, mapped: true },
      { raw: "Agree", value: 4, count: 1, mapped: true },
    ]);
  });
  it("names every bad cell by line and column", () => {
    const parsed = csv(
      "Team,NPS,CI,Pain\nNowhere,12,Agree,ok\nPayments,5,Sometimes,this answer is far too long\n,,,\n",
    );
    const out = mapSurveyRows({
      csv: parsed,
      columns: { Team: TEAM_COLUMN, NPS: "nps", CI: "ci", Pain: "pain" },
      questions,
      teams,
    });
    expect(out.rows).toEqual([]);
    expect(out.errors.map((e) => [e.line, e.column])).toEqual([
      [2, "Team"],
      [2, "NPS"],
      [3, "CI"],
      [3, "Pain"],
      [4, null],
    ]);
  });
  it("a value mapped to null leaves the question unanswered", () => {
    const out = mapSurveyRows({
      csv: csv("NPS,CI\n8,N/A\n"),
      columns: { NPS: "nps", CI: "ci" },
      values: { CI: { "N/A": null } },
      questions,
      teams,
    });
    expect(out.errors).toEqual([]);
    expect(out.rows[0].answers.map((a) => a.questionKey)).toEqual(["nps"]);
  });
  it("refuses mappings to unknown questions, twice-mapped questions and missing columns", () => {
    const out = mapSurveyRows({
      csv: csv("A,B\n1,2\n"),
      columns: { A: "nps", B: "nps", C: "ci" },
      questions,
      teams,
    });
    expect(out.errors.filter((e) => e.line === 1).map((e) => e.column)).toEqual(["B", "C"]);
    expect(mapSurveyRows({ csv: csv("A\n1\n"), columns: { A: "nope" }, questions, teams }).errors[0]).toMatchObject({
      column: "A",
    });
  });
});
