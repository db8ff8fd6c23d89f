"use client";
import { useState } from "react";
import { ErrorAlert } from "@/components/ui/form-status";
import { CSV_EXAMPLE } from "@/lib/delivery/constants";
import { useImportDeliveryCsv, type CsvImportResult } from "@/lib/delivery/hooks";

/** Deployments and incidents from another tool: check the file, see every row error by line, then import all or nothing. */
export function CsvImportPanel() {
  const [csv, setCsv] = useState("");
  const [result, setResult] = useState<CsvImportResult | null>(null);
  const run = useImportDeliveryCsv({ onSuccess: (data) => setResult(data) });
  const send = (commit: boolean) => run.mutate({ csv, commit });
  return (
    <section className="card stack" aria-labelledby="csv-heading">
      <div>
        <h2 id="csv-heading">Import deployments and incidents (CSV)</h2>
        <p className="muted small">
          One row per deployment or incident. A file with any error imports nothing; importing the same rows again
          changes nothing. Columns:
        </p>
        <pre className="small" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
          {CSV_EXAMPLE}
        </pre>
      </div>
      <div className="field">
        <label htmlFor="delivery-csv-file">CSV file</label>
        <input
          id="delivery-csv-file"
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
          disabled={!csv || run.isPending || !result || result.errors.length > 0 || result.committed}
          onClick={() => send(true)}
        >
          Import
        </button>
      </div>
      <ErrorAlert message={run.generalError ?? run.fieldErrors.csv?.[0]} />
      {result ? (
        <div role="status" className="stack" data-testid="csv-result">
          <p>
            {result.committed ? "Imported" : "Ready to import"}: {result.deployments} deployments ({result.changes}{" "}
            commits) and {result.incidents} incidents.
          </p>
          {result.errors.length ? (
            <div className="alert alert-error" role="alert">
              <p>Nothing can be imported until these rows are fixed:</p>
              <ul>
                {result.errors.map((e) => (
                  <li key={`${e.line}-${e.message}`}>
                    Line {e.line}: {e.message}
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
