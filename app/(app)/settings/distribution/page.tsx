import type { Metadata } from "next";
import { SlackChannelsPanel } from "@/components/distribution/slack-channels-panel";
import { SettingsNav } from "@/components/settings/settings-nav";
import { PageHeader } from "@/components/ui/page-header";
import { toWire } from "@/lib/api/wire";
import { requireUser } from "@/lib/auth/guard";
import { emailStatus, listSlackChannels } from "@/lib/distribution/queries";

export const metadata: Metadata = { title: "Distribution" };

export default async function DistributionSettingsPage() {
  const user = await requireUser("editor");
  const channels = await listSlackChannels();
  return (
    <>
      <PageHeader
        title="Distribution"
        description="Where survey announcements, reminders and closing summaries go: email through your SMTP server, and Slack channels per team and for leadership."
      />
      <SettingsNav current="/settings/distribution" role={user.role} />
      <SlackChannelsPanel initial={toWire({ channels, email: emailStatus() })} />
    </>
  );
}
