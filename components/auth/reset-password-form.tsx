"use client";
import Link from "next/link";
import { useState } from "react";
import { NewPasswordFields } from "./new-password-fields";
import { formErrors } from "@/lib/api/form-errors";
import { resetPassword } from "@/lib/auth/hooks";
import type { ResetPasswordInput } from "@/lib/auth/schemas";
import { ErrorAlert } from "@/components/ui/form-status";

// A public page outside the signed-in shell (no TanStack Query provider there), like the setup form.
export function ResetPasswordForm({ token, email }: { token: string; email: string }) {
  const [errors, setErrors] = useState<Record<string, string[] | undefined>>({});
  const [message, setMessage] = useState("");
  const [pending, setPending] = useState(false);
  const [done, setDone] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = Object.fromEntries(new FormData(event.currentTarget)) as Record<string, string>;
    const input: ResetPasswordInput = {
      token,
      password: form.password ?? "",
      confirmPassword: form.confirmPassword ?? "",
    };
    setPending(true);
    setErrors({});
    setMessage("");
    try {
      await resetPassword(input);
      setDone(true);
    } catch (error) {
      const { fieldErrors, generalError } = formErrors(error);
      setErrors(fieldErrors);
      setMessage(generalError ?? "");
    } finally {
      setPending(false);
    }
  }

  if (done) {
    return (
      <div className="stack">
        <div className="alert alert-good" role="status">
          Your password is set. Sign in with it now.
        </div>
        <Link href="/sign-in" className="btn btn-primary">
          Sign in
        </Link>
      </div>
    );
  }
  return (
    <form className="stack" noValidate onSubmit={onSubmit}>
      <p className="muted" style={{ margin: 0 }}>
        For <strong>{email}</strong>. Setting it signs this account out everywhere.
      </p>
      {/* Lets password managers file the new password under the right account. */}
      <input type="email" name="username" value={email} autoComplete="username" readOnly hidden />
      <NewPasswordFields name="password" error={errors.password} confirmError={errors.confirmPassword} autoFocus />
      <button className="btn btn-primary" disabled={pending}>
        {pending ? "Saving…" : "Set password"}
      </button>
      <ErrorAlert message={message} />
    </form>
  );
}
