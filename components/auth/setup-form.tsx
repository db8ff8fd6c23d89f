"use client";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { InputField } from "@/components/ui/field";
import { formErrors } from "@/lib/api/form-errors";
import { setUpWorkspace } from "@/lib/auth/hooks";
import { ErrorAlert } from "@/components/ui/form-status";

export function SetupForm() {
  const router = useRouter();
  const [errors, setErrors] = useState<Record<string, string[] | undefined>>({});
  const [message, setMessage] = useState("");
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = Object.fromEntries(new FormData(event.currentTarget)) as Record<string, string>;
    setPending(true);
    setErrors({});
    setMessage("");
    try {
      await setUpWorkspace(input);
      await signIn("credentials", { email: input.email, password: input.password, redirect: false });
      router.replace("/dashboard");
      router.refresh();
    } catch (error) {
      const { fieldErrors, generalError } = formErrors(error);
      setErrors(fieldErrors);
      setMessage(generalError ?? "");
      setPending(false);
    }
  }

  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      <ErrorAlert message={message} />
      <InputField
        label="Workspace name"
        error={errors.workspaceName}
        name="workspaceName"
        defaultValue="My engineering org"
      />
      <InputField label="Your name" error={errors.name} name="name" autoComplete="name" />
      <InputField label="Email" error={errors.email} name="email" type="email" autoComplete="username" />
      <InputField
        label="Password"
        hint="At least 10 characters."
        error={errors.password}
        name="password"
        type="password"
        autoComplete="new-password"
      />
      <button className="btn btn-primary" disabled={pending}>
        {pending ? "Creating…" : "Create owner account"}
      </button>
    </form>
  );
}
