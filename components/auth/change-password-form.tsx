"use client";
import { Field } from "@/components/ui/field";
import { NewPasswordFields } from "./new-password-fields";
import { useChangePassword } from "@/lib/auth/hooks";
import { ErrorAlert, SubmitRow } from "@/components/ui/form-status";
import { ClientForm } from "@/components/ui/client-form";

export function ChangePasswordForm() {
  const change = useChangePassword();
  const { fieldErrors: errors, generalError } = change;

  return (
    <ClientForm
      className="stack"
      noValidate
      onSubmit={(form) => {
        change.mutate(Object.fromEntries(new FormData(form)), { onSuccess: () => form.reset() });
      }}
    >
      <p className="muted small" style={{ margin: 0 }}>
        Changing your password signs you out on every other device and browser.
      </p>
      <Field label="Current password" error={errors.currentPassword}>
        {(p) => (
          <input {...p} className="input" name="currentPassword" type="password" autoComplete="current-password" />
        )}
      </Field>
      <NewPasswordFields name="newPassword" error={errors.newPassword} confirmError={errors.confirmPassword} />
      <SubmitRow
        mutation={change}
        label="Change password"
        pendingLabel="Changing…"
        doneLabel="Password changed"
        error={null}
      />
      <ErrorAlert message={generalError} />
    </ClientForm>
  );
}
