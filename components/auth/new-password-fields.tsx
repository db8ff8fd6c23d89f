import { InputField } from "@/components/ui/field";

/** A new password and the same again, filed by password managers as a new password for the account. */
export function NewPasswordFields({
  name,
  error,
  confirmError,
  autoFocus,
}: {
  name: string;
  error?: string[] | string;
  confirmError?: string[] | string;
  autoFocus?: boolean;
}) {
  return (
    <>
      <InputField
        label="New password"
        hint="At least 10 characters"
        error={error}
        name={name}
        type="password"
        autoComplete="new-password"
        autoFocus={autoFocus}
      />
      <InputField
        label="New password again"
        error={confirmError}
        name="confirmPassword"
        type="password"
        autoComplete="new-password"
      />
    </>
  );
}
