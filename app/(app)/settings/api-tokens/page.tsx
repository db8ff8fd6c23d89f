import type { Metadata } from "next";
import Link from "next/link";
import { ApiTokensPanel } from "@/components/integrations/api-tokens-panel";
import { PageHeader } from "@/components/ui/page-header";
import { toWire } from "@/lib/api/wire";
import { requireUser } from "@/lib/auth/guard";
import { listApiTokens } from "@/lib/integrations/queries";

export const metadata: Metadata = { title: "API tokens" };

export default async function ApiTokensPage() {
  await requireUser("owner");
  const tokens = await listApiTokens();
  return (
    <>
      <PageHeader
        title="API tokens"
        description="Let scripts and dashboards use the DX Pulse API. A read token can read what a viewer sees; a read-write token can also make an editor's changes. No token can manage people, settings, tokens or webhooks."
        actions={
          <>
            <a className="btn btn-sm" href="/api/openapi.json">
              API description (OpenAPI)
            </a>
            <Link className="btn btn-sm" href="/settings">
              Back to Settings
            </Link>
          </>
        }
      />
      <ApiTokensPanel initialTokens={toWire(tokens)} />
    </>
  );
}
