"use client";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Field } from "@/components/ui/field";

const errorMessages: Record<string, string> = {
  CredentialsSignin: "That email and password don’t match an account.",
  TooManyAttempts: "Too many attempts. Wait a few minutes and try again.",
  AccessDenied: "Your account is not allowed to sign in.",
};

export function SignInForm({ callbackUrl, initialError, sso }: { callbackUrl: string; initialError?: string; sso: { name: string } | null }) {
  const router = useRouter();
  const [error, setError] = useState(initialError ? (errorMessages[initialError] ?? "Sign-in failed. Try again.") : "");
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError("");
    const result = await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      redirect: false,
    });
    setPending(false);
    if (!result || result.error) {
      setError(errorMessages[result?.error ?? ""] ?? "That email and password don’t match an account.");
      return;
    }
    router.replace(callbackUrl);
    router.refresh();
  }

  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      {error ? (
        <div className="alert alert-error" role="alert">
          {error}
        </div>
      ) : null}
      <Field label="Email">{(p) => <input {...p} className="input" name="email" type="email" autoComplete="username" required autoFocus />}</Field>
      <Field label="Password">{(p) => <input {...p} className="input" name="password" type="password" autoComplete="current-password" required />}</Field>
      <button className="btn btn-primary" type="submit" disabled={pending}>
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
