import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { countUsers, getUserByEmail } from "@/lib/auth/queries";
import { getCurrentUser } from "@/lib/auth/session";
import { DEMO_PASSWORD, demoUsers } from "@/lib/demo/accounts";
import { demoSeedEnabled, oidcEnabled, env } from "@/lib/env";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string | string[]; error?: string | string[] }>;
}) {
  const { callbackUrl: requested, error } = await searchParams;
  const callbackUrl = safeCallbackPath(requested);
  if (await getCurrentUser()) redirect(callbackUrl);
  if ((await countUsers()) === 0) redirect("/setup");
  const showDemo = demoSeedEnabled && (await getUserByEmail({ email: demoUsers[0].email })) !== null;
  return (
    <>
      <div className="card stack">
        <h1>Sign in</h1>
        <SignInForm
          callbackUrl={callbackUrl}
          initialError={typeof error === "string" ? error : undefined}
          sso={oidcEnabled ? { name: env.OIDC_NAME } : null}
        />
      </div>
      {showDemo ? (
        <div className="alert alert-info small" data-testid="demo-login">
          <strong>Demo workspace.</strong> Sign in as <code>{demoUsers[0].email}</code> with password{" "}
          <code>{DEMO_PASSWORD}</code>. Also available: <code>{demoUsers[1].email}</code> (editor) and{" "}
          <code>{demoUsers[2].email}</code> (viewer), same password.
        </div>
      ) : null}
    </>
  );
}
