"use client";
import Link from "next/link";
import { useState } from "react";
import { ErrorAlert } from "@/components/ui/form-status";
import { RecordOptions } from "@/components/ui/options";
import { TableScroll } from "@/components/ui/table-scroll";
import { TEAM_COLUMN } from "@/lib/imports/constants";
import { useImportSurveyCsv, type SurveyImportRequest, type SurveyImportResult } from "@/lib/imports/hooks";
import { ColumnValuesTable, PreviewTable } from "./survey-import-tables";

type SurveyChoice = { id: string; label: string };

/**
 * Past results from a form tool's CSV: pick where they go, check the file, map each column onto a
 * question (or the team, or drop it) and each label onto a value, then import all rows or none.
 */
export function SurveyImportPanel({
  copySources,
  emptyTargets,
  suggestedPeriod,
}: {
  copySources: SurveyChoice[];
  emptyTargets: SurveyChoice[];
  suggestedPeriod: string;
}) {
  const [mode, setMode] = useState<"copy" | "survey">("copy");
  const [sourceId, setSourceId] = useState(copySources[0]?.id ?? "");
  const [targetId, setTargetId] = useState(emptyTargets[0]?.id ?? "");
  const [period, setPeriod] = useState(suggestedPeriod);
  const [csv, setCsv] = useState("");
  const [columns, setColumns] = useState<Record<string, string> | undefined>(undefined);
  const [values, setValues] = useState<Record<string, Record<string, number | string | null>>>({});
  const [result, setResult] = useState<SurveyImportResult | null>(null);
  const run = useImportSurveyCsv({ onSuccess: (data) => setResult(data) });

  const target: SurveyImportRequest["target"] =
    mode === "copy" ? { kind: "copy", copyFromSurveyId: sourceId, period } : { kind: "survey", surveyId: targetId };
  const check = (next: { columns?: Record<string, string>; values?: typeof values; commit?: boolean } = {}) => {
    const cols = next.columns ?? columns;
    run.mutate({ csv, target, columns: cols, values: next.values ?? values, commit: next.commit ?? false });
  };
  const reset = () => {
    setResult(null);
    setColumns(undefined);
    setValues({});
  };
  const mapColumn = (column: string, to: string) => {
    const base = { ...(columns ?? result?.columns ?? {}) };
    if (to) base[column] = to;
    else delete base[column];
    setColumns(base);
    check({ columns: base });
  };
  const mapValue = (column: string, raw: string, value: number | string | null) => {
    const next = { ...values, [column]: { ...values[column], [raw]: value } };
    setValues(next);
    check({ values: next, columns: columns ?? result?.columns });
  };
  const fieldError = (name: string) => run.fieldErrors[name]?.[0];
  const committed = result?.committed ? result : null;

  return (
    <section className="card stack" aria-labelledby="survey-import-heading">
      <h2 id="survey-import-heading">Import past survey results (CSV)</h2>
      <p className="muted small">
        Map the file’s columns onto a survey’s questions. Only mapped columns are stored: names, emails, timestamps and
        any column you leave unmapped are dropped. Every imported response is dated the first day of its quarter, and
        the survey is left closed so its results publish once, complete, under the same anonymity rules as any other.
      </p>
      <fieldset className="stack" disabled={Boolean(committed)}>
        <legend>Where the results go</legend>
        <label className="row">
          <input
            type="radio"
            name="import-mode"
            checked={mode === "copy"}
            onChange={() => (setMode("copy"), reset())}
          />
          A new closed survey for a past quarter, with the questions of an existing one
        </label>
        <label className="row">
          <input
            type="radio"
            name="import-mode"
            checked={mode === "survey"}
            disabled={emptyTargets.length === 0}
            onChange={() => (setMode("survey"), reset())}
          />
          A survey of a past quarter without responses{emptyTargets.length === 0 ? " (there is none)" : ""}
        </label>
        {mode === "copy" ? (
          <div className="row">
            <div className="field">
              <label htmlFor="import-source">Questions of</label>
              <select
                className="input"
                id="import-source"
                value={sourceId}
                onChange={(e) => (setSourceId(e.target.value), reset())}
              >
                <RecordOptions records={copySources} />
              </select>
            </div>
            <div className="field">
              <label htmlFor="import-period">Quarter of the results</label>
              <input
                className="input"
                id="import-period"
                value={period}
                onChange={(e) => (setPeriod(e.target.value), reset())}
                aria-invalid={Boolean(fieldError("target.period"))}
              />
            </div>
          </div>
        ) : (
          <div className="field">
            <label htmlFor="import-target">Survey</label>
            <select
              className="input"
              id="import-target"
              value={targetId}
              onChange={(e) => (setTargetId(e.target.value), reset())}
            >
              <RecordOptions records={emptyTargets} />
            </select>
          </div>
        )}
        <div className="field">
          <label htmlFor="survey-csv-file">CSV file</label>
          <input
            id="survey-csv-file"
            type="file"
            accept=".csv,text/csv"
            onChange={async (e) => {
              const file = e.target.files?.[0];
              reset();
              setCsv(file ? await file.text() : "");
            }}
          />
        </div>
        <div className="row">
          <button type="button" className="btn" disabled={!csv || run.isPending} onClick={() => check()}>
            Check file
          </button>
          <button
            type="button"
            className="btn btn-primary"
            disabled={!csv || run.isPending || !result || result.errorCount > 0 || result.rows === 0}
            onClick={() => check({ columns: columns ?? result?.columns, commit: true })}
          >
            Import {result && result.errorCount === 0 ? `${result.rows} responses` : ""}
          </button>
        </div>
      </fieldset>
      <ErrorAlert
        message={
          run.generalError ??
          fieldError("csv") ??
          fieldError("target.period") ??
          fieldError("target.surveyId") ??
          fieldError("target.copyFromSurveyId")
        }
      />
      {committed ? (
        <div role="status" className="alert alert-good" data-testid="survey-import-done">
          Imported {committed.rows} responses into {committed.target.title} ({committed.target.period}).{" "}
          <Link href={`/results/${committed.surveyId}`}>See its results</Link> or the{" "}
          <Link href="/dashboard">dashboard’s trends</Link>.
        </div>
      ) : null}
      {result && !committed ? (
        <div className="stack" data-testid="survey-import-preview">
          <p role="status">
            {result.target.title} ({result.target.period}): {result.rows} rows ready
            {result.errorCount
              ? `, ${result.errorCount} ${result.errorCount === 1 ? "problem" : "problems"} to fix first`
              : ""}
            .
          </p>
          {result.header.length ? (
            <TableScroll label="Column mapping">
              <table>
                <caption className="sr-only">Each column of the file and what it becomes</caption>
                <thead>
                  <tr>
                    <th scope="col">Column in the file</th>
                    <th scope="col">Stored as</th>
                  </tr>
                </thead>
                <tbody>
                  {result.header.map((column, i) => (
                    <tr key={column}>
                      <th scope="row">{column}</th>
                      <td>
                        <select
                          className="input"
                          aria-label={`Map column ${column}`}
                          data-testid={`map-column-${i}`}
                          value={result.columns[column] ?? ""}
                          onChange={(e) => mapColumn(column, e.target.value)}
                        >
                          <option value="">Not imported (dropped)</option>
                          <option value={TEAM_COLUMN}>Team (matched by name)</option>
                          {result.questions.map((q) => (
                            <option key={q.key} value={q.key}>
                              {q.prompt}
                            </option>
                          ))}
                        </select>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          ) : null}
          <ColumnValuesTable result={result} onMap={mapValue} />
          {result.errors.length ? (
            <div className="alert alert-error" role="alert">
              <p>Nothing can be imported until these are fixed:</p>
              <ul>
                {result.errors.map((e, i) => (
                  <li key={i}>
                    Line {e.line}
                    {e.column ? `, column “${e.column}”` : ""}: {e.message}
                  </li>
                ))}
              </ul>
              {result.errorCount > result.errors.length ? (
                <p>…and {result.errorCount - result.errors.length} more.</p>
              ) : null}
            </div>
          ) : null}
          <PreviewTable result={result} />
        </div>
      ) : null}
    </section>
  );
}
