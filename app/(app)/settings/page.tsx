import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { DashboardBacklogPanel } from "@/components/backlog/dashboard-backlog-panel";
import { IntegrationsLinks } from "@/components/integrations/integrations-links";
import { AuditLogPanel } from "@/components/settings/audit-log-panel";
import { SettingsNav } from "@/components/settings/settings-nav";
import { DimensionsPanel } from "@/components/settings/dimensions-panel";
import { TeamsPanel } from "@/components/settings/teams-panel";
import { UsersPanel } from "@/components/settings/users-panel";
import { WorkspacePanel } from "@/components/settings/workspace-panel";
import { toWire } from "@/lib/api/wire";
import { requireUser } from "@/lib/auth/guard";
import { listUsers } from "@/lib/auth/queries";
import { getDashboardBacklog, listBacklogScopeOptions } from "@/lib/backlog/queries";
import { hasRole } from "@/lib/auth/roles";
import { builtInDimensions } from "@/lib/surveys/dimensions";
import { periodOfDate } from "@/lib/period";
import { getWorkspaceSettings, listCustomDimensions, listTeams } from "@/lib/workspace/queries";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const user = await requireUser("viewer");
  const settings = await getWorkspaceSettings();
  const isOwner = user.role === "owner";
  const users = isOwner ? await listUsers() : [];
  const canEditTeams = hasRole(user.role, "editor");
  const [teams, customDimensions, backlogOptions, dashboardBacklog] = await Promise.all([
    listTeams(),
    listCustomDimensions(),
    listBacklogScopeOptions(),
    getDashboardBacklog(),
  ]);
  return (
    <>
      <PageHeader
        title="Settings"
        description="Workspace, privacy threshold, teams, dimensions and people."
        actions={
          canEditTeams ? (
            <Link className="btn btn-sm" href="/settings/share-links">
              Share links
            </Link>
          ) : undefined
        }
      />
      <SettingsNav current="/settings" role={user.role} />
      <div className="stack">
        <WorkspacePanel
          canEdit={isOwner}
          initial={{ name: settings.name, anonymityThreshold: settings.anonymityThreshold }}
        />
        <TeamsPanel initialTeams={toWire(teams)} canEdit={canEditTeams} currentPeriod={periodOfDate(new Date())} />
        <DimensionsPanel builtIn={builtInDimensions} initialCustom={toWire(customDimensions)} canEdit={canEditTeams} />
        <DashboardBacklogPanel
          canEdit={canEditTeams}
          options={backlogOptions}
          initial={{ dashboard: dashboardBacklog }}
        />
        {canEditTeams ? (
          <section className="card row-between" aria-labelledby="delivery-link-heading">
            <div>
              <h2 id="delivery-link-heading">Delivery events</h2>
              <p className="muted small">
                GitHub and GitLab webhooks, CSV imports and repository → team mapping for the DORA keys measured from
                systems.
              </p>
            </div>
            <Link className="btn" href="/settings/delivery">
              Delivery events
            </Link>
          </section>
        ) : null}
        {isOwner ? <UsersPanel currentUserId={user.id} initialUsers={toWire(users)} /> : null}
        {isOwner ? <IntegrationsLinks /> : null}
        {isOwner ? <AuditLogPanel /> : null}
      </div>
    </>
  );
}
