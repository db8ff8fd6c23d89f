import type { Metadata } from "next";
import { ChangePasswordForm } from "@/components/auth/change-password-form";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/guard";
import { hasPassword } from "@/lib/auth/queries";
import { roleLabels } from "@/lib/auth/constants";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const user = await requireUser("viewer");
  const withPassword = await hasPassword({ id: user.id });
  return (
    <>
      <PageHeader title="Your account" description={`${user.email} · ${roleLabels[user.role]}`} />
      <section className="card stack" aria-labelledby="password-heading" style={{ maxWidth: 560 }}>
        <h2 id="password-heading">Password</h2>
        {withPassword ? (
          <ChangePasswordForm />
        ) : (
          <p className="muted">You sign in through single sign-on, so your password is managed there.</p>
        )}
      </section>
    </>
  );
}
