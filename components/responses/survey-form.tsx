import type { ChoiceOption, QuestionKind } from "@/lib/db/schema";
import type { QuestionErrors } from "@/lib/responses/send-errors";
import { answerFieldName, IDEMPOTENCY_KEY_FIELD, type PostedValues } from "@/lib/responses/survey-form-fields";
import { estimateLabel } from "@/lib/surveys/time-estimate";
import { displaySafe } from "@/lib/text/display-safe";

// The survey as respondents see it. The public page (/s/<token>) renders it to static HTML on the
// server (lib/responses/respondent-html.tsx: no React on that page; public/respondent.js enhances the
// form through the data-* attributes below), and the editor's Preview tab renders it as it is.
// Authored text goes through displaySafe (no bidirectional or zero-width characters, whenever stored).

export type RespondentQuestion = {
  id: string;
  kind: QuestionKind;
  prompt: string;
  helpText: string;
  required: boolean;
  options: ChoiceOption[] | null;
  maxLength: number | null;
};

export type RespondentSurveyView = {
  id: string;
  title: string;
  intro: string | null;
  period: string;
  /** The last day answers are taken (YYYY-MM-DD): a draft kept in the browser expires with it. */
  closesOn?: string | null;
  /** The workspace has published "You said, we did": the introduction links to it. */
  youSaid?: boolean;
};

/** `invite`: the token is one person's single-use invitation (/s/i/<token>), not a shared link. */
export type SurveyFormMode =
  { kind: "live"; token: string; idempotencyKey: string; invite?: boolean } | { kind: "preview" };

/** A form posted without JavaScript and refused: the answers as sent, and why each refused one was. */
export type RefusedForm = { values: PostedValues; errors: QuestionErrors };

const SCALES: Partial<Record<QuestionKind, { values: number[]; low: string; high: string }>> = {
  likert: { values: [1, 2, 3, 4, 5], low: "1 = not at all", high: "5 = completely" },
  nps: { values: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10], low: "0 = not at all likely", high: "10 = extremely likely" },
};

const DEFAULT_TEXT_LIMIT = 1000;

export function AnonymousNote() {
  return <span className="muted small">Anonymous: no name, email or IP address is stored.</span>;
}

function QuestionTitle({ question, index }: { question: RespondentQuestion; index: number }) {
  return (
    <>
      <span className="q-number">{`${index + 1}.`}</span>
      {` ${displaySafe(question.prompt)}`}
      {question.required ? (
        <span className="q-required"> (required)</span>
      ) : (
        <span className="q-optional"> (optional)</span>
      )}
    </>
  );
}

function Question({
  question: q,
  index,
  idPrefix,
  posted = [],
  error,
}: {
  question: RespondentQuestion;
  index: number;
  idPrefix: string;
  posted?: string[];
  error?: string;
}) {
  const base = `${idPrefix}q-${q.id}`;
  const name = answerFieldName(q.id);
  const scale = SCALES[q.kind];
  // The error line's id is the one public/respondent.js uses, so the script replaces or clears it.
  const describedBy =
    [q.helpText ? `${base}-help` : null, scale ? `${base}-anchors` : null, error ? `${base}-error` : null]
      .filter(Boolean)
      .join(" ") || undefined;
  const help = (
    <>
      {q.helpText ? (
        <p className="q-help" id={`${base}-help`}>
          {displaySafe(q.helpText)}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={`${base}-error`}>
          {displaySafe(error)}
        </p>
      ) : null}
    </>
  );
  // The script reads the question's rules from these data attributes.
  const data = {
    className: error ? "card q q-invalid" : "card q",
    "data-question": q.id,
    "data-kind": q.kind,
    "data-required": q.required ? "1" : undefined,
  };
  // The error summary links to the first input of a group (the textarea itself has the id).
  const input = (value: string, i: number) => ({
    name,
    value,
    id: i === 0 ? base : undefined,
    defaultChecked: posted.includes(value) || undefined,
  });

  if (q.kind === "free_text") {
    const limit = q.maxLength ?? DEFAULT_TEXT_LIMIT;
    return (
      <div {...data} data-max={limit}>
        <label className="q-title" htmlFor={base}>
          <QuestionTitle question={q} index={index} />
        </label>
        {help}
        <textarea
          className="input"
          rows={3}
          id={base}
          name={name}
          maxLength={limit}
          aria-required={q.required ? "true" : undefined}
          aria-invalid={error ? "true" : undefined}
          aria-describedby={[describedBy, `${base}-count`].filter(Boolean).join(" ")}
          defaultValue={posted[0] === undefined ? undefined : displaySafe(posted[0])}
        />
        <p className="q-help right" id={`${base}-count`} data-count="">
          {`Up to ${limit} characters`}
        </p>
      </div>
    );
  }

  const type = q.kind === "multiple_choice" ? "checkbox" : "radio";
  return (
    <fieldset {...data} aria-describedby={describedBy}>
      <legend className="q-title">
        <QuestionTitle question={q} index={index} />
      </legend>
      {help}
      {scale ? (
        <>
          <div className={`scale scale-${scale.values.length}`}>
            {scale.values.map((n, i) => (
              <label className="scale-option" key={n}>
                <input type="radio" {...input(String(n), i)} />
                <span>{n}</span>
              </label>
            ))}
          </div>
          <p className="scale-anchors" id={`${base}-anchors`}>
            <span>{scale.low}</span>
            <span>{scale.high}</span>
          </p>
        </>
      ) : (
        <div className="choices">
          {(q.options ?? []).map((o, i) => (
            <label className="choice" key={o.id}>
              <input type={type} {...input(o.id, i)} />
              <span>{displaySafe(o.label)}</span>
            </label>
          ))}
        </div>
      )}
    </fieldset>
  );
}

/**
 * Every refused answer, linked to its question (the GOV.UK error summary). It takes focus when the page
 * loads (autofocus works without JavaScript), so a screen reader starts with what went wrong.
 */
function ErrorSummary({ questions, errors }: { questions: RespondentQuestion[]; errors: QuestionErrors }) {
  const named = questions.flatMap((q, i) => (errors[q.id] ? [{ q, i, message: errors[q.id] }] : []));
  return (
    <div
      className="alert alert-error error-summary"
      role="alert"
      tabIndex={-1}
      autoFocus
      aria-labelledby="error-summary-title"
      data-send-error=""
      data-testid="error-summary"
    >
      <h2 id="error-summary-title">
        {named.length === 1
          ? "Your answers were not sent: one question needs your attention"
          : `Your answers were not sent: ${named.length} questions need your attention`}
      </h2>
      <ul>
        {named.map(({ q, i, message }) => (
          <li key={q.id}>
            <a href={`#q-${q.id}`}>{`${i + 1}. ${displaySafe(q.prompt)}: ${displaySafe(message)}`}</a>
          </li>
        ))}
      </ul>
      <p className="small">Your other answers are kept below.</p>
    </div>
  );
}

const linkPath = (mode: Extract<SurveyFormMode, { kind: "live" }>) =>
  `/s/${mode.invite ? "i/" : ""}${encodeURIComponent(mode.token)}`;

/**
 * The survey header and form. "live" posts to /s/<token>/submit without JavaScript (and to the JSON
 * API with it); "preview" is the same markup for the editor's Preview tab, inert and with no form element.
 */
export function SurveyForm({
  survey,
  teamName,
  questions,
  mode,
  headingLevel = 1,
  sendError = null,
  refused = null,
}: {
  survey: RespondentSurveyView;
  teamName: string | null;
  questions: RespondentQuestion[];
  mode: SurveyFormMode;
  headingLevel?: 1 | 2;
  /** Why the last no-JavaScript send was refused: a fixed message for the redirect's code (send-errors.ts). */
  sendError?: string | null;
  /** The answers of a refused no-JavaScript send, filled back in, each refused one named. */
  refused?: RefusedForm | null;
}) {
  const estimate = estimateLabel(questions);
  const count = questions.length === 1 ? "1 question" : `${questions.length} questions`;
  const Heading = headingLevel === 1 ? "h1" : "h2";
  const header = (
    <header className="respondent-header">
      <p className="muted small">{displaySafe(survey.period) + (teamName ? ` · ${displaySafe(teamName)}` : "")}</p>
      <Heading>{displaySafe(survey.title)}</Heading>
      {survey.intro ? <p>{displaySafe(survey.intro)}</p> : null}
      {survey.youSaid ? (
        <p className="small">
          <a className="text-link" href="/you-said">
            You said, we did
          </a>
          : what changed after the last survey.
        </p>
      ) : null}
      <p className="muted small">{`${count} · ${estimate} · questions marked “required” need an answer`}</p>
    </header>
  );
  const progress = (
    <div className="respondent-progress" data-testid="progress">
      <div className="row-between small">
        <span data-progress-text="">{count}</span>
        <span className="muted">{estimate}</span>
      </div>
      <progress max={questions.length || 1} value={0} aria-label="Questions answered" hidden />
    </div>
  );
  const idPrefix = mode.kind === "live" ? "" : "preview-";
  const body = questions.map((q, i) => (
    <Question
      key={q.id}
      question={q}
      index={i}
      idPrefix={idPrefix}
      posted={refused?.values[q.id]}
      error={refused?.errors[q.id]}
    />
  ));

  if (mode.kind === "preview") {
    return (
      <>
        {header}
        <div className="respondent-form">
          {progress}
          {body}
          <div className="row">
            <button type="button" className="btn btn-primary respondent-submit" disabled>
              Send my answers
            </button>
            <span className="muted small">Preview: nothing is sent from here.</span>
          </div>
        </div>
      </>
    );
  }
  return (
    <>
      {header}
      {refused && Object.keys(refused.errors).length ? (
        <ErrorSummary questions={questions} errors={refused.errors} />
      ) : sendError ? (
        <div className="alert alert-error" role="alert" data-send-error="">
          {displaySafe(sendError)}
        </div>
      ) : null}
      <form
        className="respondent-form"
        method="post"
        noValidate
        action={`${linkPath(mode)}/submit`}
        data-token={mode.token}
        data-api={`/api${linkPath(mode)}`}
        data-survey={survey.id}
        data-closes={survey.closesOn ?? undefined}
      >
        <input type="hidden" name={IDEMPOTENCY_KEY_FIELD} value={mode.idempotencyKey} />
        <div className="alert alert-info" role="status" data-answered="" hidden>
          {
            "This browser already sent answers to this survey. If someone else is using this device they can still answer below. "
          }
          <button type="button" className="btn btn-sm btn-ghost" data-dismiss="">
            Dismiss
          </button>
        </div>
        {/* The script keeps unsent answers in this browser only (localStorage, by link) and says when it restored them. */}
        <div className="alert alert-info" role="status" data-restored="" hidden>
          {"We restored the answers you had started on this device. They stay here only until you send them. "}
          <button type="button" className="btn btn-sm btn-ghost" data-restart="">
            Start again
          </button>
        </div>
        {progress}
        {body}
        <div className="row">
          <button type="submit" className="btn btn-primary respondent-submit">
            Send my answers
          </button>
          <AnonymousNote />
        </div>
      </form>
    </>
  );
}
