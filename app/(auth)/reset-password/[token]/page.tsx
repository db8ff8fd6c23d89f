import type { Metadata } from "next";
import Link from "next/link";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { findUsableResetLink } from "@/lib/auth/queries";
import { resetTokenSchema } from "@/lib/auth/schemas";

// The token is a credential: keep it out of Referer headers and search engines.
export const metadata: Metadata = {
  title: "Set a new password",
  referrer: "no-referrer",
  robots: { index: false, follow: false },
};
export const dynamic = "force-dynamic";

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = resetTokenSchema.safeParse(token).success ? await findUsableResetLink({ token }) : null;
  return (
    <div className="card stack">
      <h1>Set a new password</h1>
      {link ? (
        <ResetPasswordForm token={token} email={link.email} />
      ) : (
        <>
          <p>This link has expired or was already used. Ask an owner of your workspace for a new one.</p>
          <Link href="/sign-in" className="btn">
            Go to sign-in
          </Link>
        </>
      )}
    </div>
  );
}
