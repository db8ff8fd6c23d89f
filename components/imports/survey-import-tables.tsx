"use client";
import { TableScroll } from "@/components/ui/table-scroll";
import type { SurveyImportResult } from "@/lib/imports/hooks";

type Question = SurveyImportResult["questions"][number];
type Answer = SurveyImportResult["preview"][number]["answers"][number];

function choicesOf(q: Question): { value: string; label: string }[] {
  if (q.kind === "likert") return [1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: String(n) }));
  if (q.kind === "nps") return Array.from({ length: 11 }, (_, n) => ({ value: String(n), label: String(n) }));
  return (q.options ?? []).map((o) => ({ value: o.id, label: o.label }));
}

/** Each mapped column's labels as found in the file, and the value each becomes (editable). */
export function ColumnValuesTable({
  result,
  onMap,
}: {
  result: SurveyImportResult;
  onMap: (column: string, raw: string, value: number | string | null) => void;
}) {
  const byKey = new Map(result.questions.map((q) => [q.key, q]));
  const columns = result.columnValues.filter((c) => c.values.length > 0 && c.target && byKey.has(c.target));
  if (columns.length === 0) return null;
  return (
    <div className="stack">
      <h3>Values</h3>
      {columns.map((c) => {
        const q = byKey.get(c.target!)!;
        const numeric = q.kind === "likert" || q.kind === "nps";
        return (
          <TableScroll key={c.column} label={`Values of ${c.column}`}>
            <table>
              <caption>
                {c.column} → {q.prompt}
              </caption>
              <thead>
                <tr>
                  <th scope="col">In the file</th>
                  <th scope="col" className="right">
                    Rows
                  </th>
                  <th scope="col">Stored as</th>
                </tr>
              </thead>
              <tbody>
                {c.values.map((v) => (
                  <tr key={v.raw}>
                    <th scope="row">{v.raw}</th>
                    <td className="right">{v.count}</td>
                    <td>
                      <select
                        className="input"
                        aria-label={`Value of “${v.raw}” in ${c.column}`}
                        aria-invalid={!v.mapped}
                        value={!v.mapped ? "?" : v.value === null ? "" : String(v.value)}
                        onChange={(e) =>
                          onMap(
                            c.column,
                            v.raw,
                            e.target.value === "" ? null : numeric ? Number(e.target.value) : e.target.value,
                          )
                        }
                      >
                        {!v.mapped ? <option value="?">Choose…</option> : null}
                        <option value="">Unanswered</option>
                        {choicesOf(q).map((o) => (
                          <option key={o.value} value={o.value}>
                            {o.label}
                          </option>
                        ))}
                      </select>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {c.moreValues ? <p className="muted small">More values than shown; each is checked on import.</p> : null}
          </TableScroll>
        );
      })}
    </div>
  );
}

function show(q: Question | undefined, a: Answer | undefined): string {
  if (!a) return "—";
  if (a.numberValue !== null) return String(a.numberValue);
  if (a.choiceValues) return a.choiceValues.map((id) => q?.options?.find((o) => o.id === id)?.label ?? id).join(", ");
  return a.textValue ?? "—";
}

/** The first rows exactly as they will be stored: a team and answers, nothing else. */
export function PreviewTable({ result }: { result: SurveyImportResult }) {
  if (result.preview.length === 0) return null;
  const keys = [...new Set(Object.values(result.columns))].filter((k) => result.questions.some((q) => q.key === k));
  const byKey = new Map(result.questions.map((q) => [q.key, q]));
  return (
    <div className="stack">
      <h3>First rows as they will be stored</h3>
      <TableScroll label="First rows as they will be stored">
        <table data-testid="import-preview-rows">
          <thead>
            <tr>
              <th scope="col">Team</th>
              {keys.map((k) => (
                <th scope="col" key={k}>
                  {byKey.get(k)?.prompt ?? k}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {result.preview.map((row, i) => (
              <tr key={i}>
                <td>{row.team ?? "—"}</td>
                {keys.map((k) => (
                  <td key={k}>
                    {show(
                      byKey.get(k),
                      row.answers.find((a) => a.questionKey === k),
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </div>
  );
}
