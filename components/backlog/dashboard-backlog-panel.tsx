"use client";
import { useId, useState } from "react";
import { ClientForm } from "@/components/ui/client-form";
import { SubmitRow } from "@/components/ui/form-status";
import { useFormat } from "@/components/ui/locale";
import { useDashboardBacklog, useSetDashboardBacklog, type DashboardBacklogData } from "@/lib/backlog/hooks";
import type { BacklogScopeOptions } from "@/lib/backlog/queries";
import { scopeLabel } from "./scope-label";

/** Settings → the backlog the dashboard's "Top backlog items" come from (editors and owners pick it). */
export function DashboardBacklogPanel({
  canEdit,
  options,
  initial,
}: {
  canEdit: boolean;
  options: BacklogScopeOptions;
  initial: DashboardBacklogData;
}) {
  const f = useFormat();
  const selectId = useId();
  const dashboard = useDashboardBacklog(initial).data?.dashboard ?? null;
  const [saved, setSaved] = useState(false);
  const save = useSetDashboardBacklog();
  return (
    <section className="card stack" aria-labelledby="dashboard-backlog-heading" data-testid="dashboard-backlog-panel">
      <h2 id="dashboard-backlog-heading">Dashboard backlog</h2>
      <p className="small muted">
        {dashboard
          ? `The dashboard's top backlog items come from ${scopeLabel(dashboard.scope, options)}, analysed ${f.date(dashboard.ranAt)}${dashboard.chosen ? "" : " (by default, the widest range of quarters analysed)"}. Analysing another scope does not change it.`
          : "Nothing has been analysed yet: the dashboard shows top backlog items once a backlog is."}
      </p>
      {canEdit && dashboard && options.analysed.length > 1 ? (
        <ClientForm
          className="row"
          key={dashboard.scope}
          onSubmit={(form) => {
            setSaved(false);
            save.mutate({ scope: String(new FormData(form).get("scope")) }, { onSuccess: () => setSaved(true) });
          }}
        >
          <div className="field">
            <label htmlFor={selectId}>Show on the dashboard</label>
            <select id={selectId} className="input" name="scope" defaultValue={dashboard.scope}>
              {options.analysed.map((a) => (
                <option key={a.scope} value={a.scope}>
                  {scopeLabel(a.scope, options)} (analysed {f.date(a.ranAt)})
                </option>
              ))}
            </select>
          </div>
          <SubmitRow mutation={save} label="Save" pendingLabel="Saving…" done={saved} doneLabel="Saved" />
        </ClientForm>
      ) : null}
    </section>
  );
}
