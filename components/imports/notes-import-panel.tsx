"use client";
import { useState } from "react";
import { ErrorAlert } from "@/components/ui/form-status";
import { NOTES_CSV_EXAMPLE } from "@/lib/imports/constants";
import { useImportNotesCsv, type NotesImportResult } from "@/lib/imports/hooks";

/** Support-channel questions from a CSV: check the file, see every problem by line and column, then import all or nothing. */
export function NotesImportPanel() {
  const [csv, setCsv] = useState("");
  const [result, setResult] = useState<NotesImportResult | null>(null);
  const run = useImportNotesCsv({ onSuccess: (data) => setResult(data) });
  const send = (commit: boolean) => run.mutate({ csv, commit });
  return (
    <section className="card stack" aria-labelledby="notes-csv-heading">
      <div>
        <h2 id="notes-csv-heading">Import support-channel questions (CSV)</h2>
        <p className="muted small">
          One question per row; period defaults to this quarter, team is a team’s name, loop is inner or outer. Other
          columns (who asked, when) are dropped. A file with any problem imports nothing.
        </p>
        <pre className="small" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
          {NOTES_CSV_EXAMPLE}
        </pre>
      </div>
      <div className="field">
        <label htmlFor="notes-csv-file">CSV file</label>
        <input
          id="notes-csv-file"
          type="file"
          accept=".csv,text/csv"
          onChange={async (e) => {
            const file = e.target.files?.[0];
            setResult(null);
            setCsv(file ? await file.text() : "");
          }}
        />
      </div>
      <div className="row">
        <button type="button" className="btn" disabled={!csv || run.isPending} onClick={() => send(false)}>
          Check file
        </button>
        <button
          type="button"
          className="btn btn-primary"
          disabled={!csv || run.isPending || !result || result.errorCount > 0 || result.committed || result.rows === 0}
          onClick={() => send(true)}
        >
          Import
        </button>
      </div>
      <ErrorAlert message={run.generalError ?? run.fieldErrors.csv?.[0]} />
      {result ? (
        <div role="status" className="stack" data-testid="notes-csv-result">
          <p>
            {result.committed ? "Imported" : "Ready to import"}: {result.rows} questions.
          </p>
          {result.errors.length ? (
            <div className="alert alert-error" role="alert">
              <p>Nothing can be imported until these rows are fixed:</p>
              <ul>
                {result.errors.map((e, i) => (
                  <li key={i}>
                    Line {e.line}
                    {e.column ? `, column “${e.column}”` : ""}: {e.message}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
