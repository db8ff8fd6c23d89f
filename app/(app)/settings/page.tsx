import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { UsersPanel } from "@/components/settings/users-panel";
import { WorkspacePanel } from "@/components/settings/workspace-panel";
import { requireUser } from "@/lib/auth/guard";
import { listUsers } from "@/lib/auth/queries";
import { getWorkspaceSettings } from "@/lib/workspace/queries";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const user = await requireUser("viewer");
  const settings = await getWorkspaceSettings();
  const isOwner = user.role === "owner";
  const users = isOwner ? await listUsers() : [];
  return (
    <>
      <PageHeader title="Settings" description="Workspace, privacy threshold, teams, dimensions and people." />
      <div className="stack">
        <WorkspacePanel
          canEdit={isOwner}
          initial={{ name: settings.name, anonymityThreshold: settings.anonymityThreshold }}
        />
        {isOwner ? (
          <UsersPanel currentUserId={user.id} initialUsers={users.map((u) => ({ ...u, createdAt: u.createdAt.toISOString() }))} />
        ) : null}
      </div>
    </>
  );
}
