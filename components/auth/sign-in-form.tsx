"use client";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { Field, InputField } from "@/components/ui/field";

// Messages come from codes only: free text in ?error= would let a phishing link write on our page.
const errorMessages: Record<string, string> = {
  CredentialsSignin: "That email and password don’t match an account.",
  TooManyAttempts: "Too many attempts. Wait a minute and try again.",
  AccountDeactivated: "This account has been deactivated. Ask an owner of your workspace.",
  AccessDenied: "Your account is not allowed to sign in.",
};

/**
 * A plain HTML form posting to /api/sign-in, so it signs in the same way before JavaScript has
 * loaded, when it fails to load, or when it is off; JavaScript only adds the pending state and SSO.
 */
export function SignInForm({
  callbackUrl,
  initialError,
  sso,
}: {
  callbackUrl: string;
  initialError?: string;
  sso: { name: string } | null;
}) {
  const [pending, setPending] = useState(false);
  const error = initialError ? (errorMessages[initialError] ?? "Sign-in failed. Try again.") : "";

  return (
    <form className="stack" method="post" action="/api/sign-in" onSubmit={() => setPending(true)}>
      {error && !pending ? (
        <div className="alert alert-error" role="alert">
          {error}
        </div>
      ) : null}
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <InputField label="Email" name="email" type="email" autoComplete="username" required autoFocus />
      <Field label="Password">
        {(p) => (
          <input {...p} className="input" name="password" type="password" autoComplete="current-password" required />
        )}
      </Field>
      <button className="btn btn-primary" type="submit" aria-disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
      {sso ? (
        <button type="button" className="btn" onClick={() => signIn("oidc", { callbackUrl })}>
          Continue with {sso.name}
        </button>
      ) : null}
    </form>
  );
}
