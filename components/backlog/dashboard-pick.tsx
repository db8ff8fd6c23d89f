"use client";
import { InlineError } from "@/components/ui/form-status";
import { useFormat } from "@/components/ui/locale";
import { useDashboardBacklog, useSetDashboardBacklog, type DashboardBacklogData } from "@/lib/backlog/hooks";

/**
 * Which backlog leadership sees on the dashboard, and (for editors) a way to show this one instead.
 * Analysing a scope never changes it: only this button does.
 */
export function DashboardPick({
  scope,
  analysed,
  canEdit,
  describeScope,
  initial,
}: {
  scope: string;
  analysed: boolean;
  canEdit: boolean;
  describeScope: (scope: string) => string;
  initial?: DashboardBacklogData;
}) {
  const f = useFormat();
  const dashboard = useDashboardBacklog(initial).data?.dashboard ?? null;
  const pick = useSetDashboardBacklog();
  const shown = dashboard?.scope === scope;
  return (
    <div className="row backlog-dashboard-pick" data-testid="dashboard-pick">
      {shown ? (
        <span className="small">
          <span className="badge badge-good">On the dashboard</span>{" "}
          {dashboard.chosen ? "Leadership sees this backlog." : "Leadership sees this backlog (the widest analysed)."}
        </span>
      ) : (
        <span className="small muted">
          {dashboard
            ? `The dashboard shows ${describeScope(dashboard.scope)} (analysed ${f.date(dashboard.ranAt)}).`
            : "Nothing is on the dashboard yet."}
        </span>
      )}
      {canEdit && analysed && !shown ? (
        <button type="button" className="btn btn-sm" disabled={pick.isPending} onClick={() => pick.mutate({ scope })}>
          {pick.isPending ? "Saving…" : "Show this on the dashboard"}
        </button>
      ) : null}
      <InlineError message={pick.generalError ?? pick.fieldErrors.scope?.[0]} />
    </div>
  );
}
