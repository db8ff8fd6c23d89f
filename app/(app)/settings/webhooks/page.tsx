import type { Metadata } from "next";
import Link from "next/link";
import { WebhooksPanel } from "@/components/integrations/webhooks-panel";
import { PageHeader } from "@/components/ui/page-header";
import { toWire } from "@/lib/api/wire";
import { requireUser } from "@/lib/auth/guard";
import { listWebhookEndpoints } from "@/lib/integrations/queries";

export const metadata: Metadata = { title: "Webhooks" };

export default async function WebhooksPage() {
  await requireUser("owner");
  const endpoints = await listWebhookEndpoints();
  return (
    <>
      <PageHeader
        title="Webhooks"
        description="Tell other systems when a survey opens or closes, friction is reported or a backlog analysis finishes. Payloads never carry free text or a group under the anonymity threshold."
        actions={
          <Link className="btn btn-sm" href="/settings">
            Back to Settings
          </Link>
        }
      />
      <WebhooksPanel initialEndpoints={toWire(endpoints)} />
    </>
  );
}
