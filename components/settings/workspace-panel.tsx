"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { InputField } from "@/components/ui/field";
import { formValues } from "@/components/ui/form-values";
import { useUpdateSettings } from "@/lib/workspace/hooks";
import { SubmitRow } from "@/components/ui/form-status";
import { ClientForm } from "@/components/ui/client-form";

export function WorkspacePanel({
  canEdit,
  initial,
}: {
  canEdit: boolean;
  initial: { name: string; anonymityThreshold: number };
}) {
  const router = useRouter();
  const [saved, setSaved] = useState(false);
  const mutation = useUpdateSettings({
    onSuccess: () => {
      setSaved(true);
      // The anonymity threshold and workspace name are read by server components.
      router.refresh();
    },
  });
  const fieldErrors = mutation.fieldErrors;
  return (
    <section className="card stack" aria-labelledby="workspace-heading">
      <h2 id="workspace-heading">Workspace</h2>
      <ClientForm
        className="stack"
        onSubmit={(form) => {
          setSaved(false);
          mutation.mutate(formValues(form, ["anonymityThreshold"]));
        }}
      >
        <div className="grid-2">
          <InputField
            label="Workspace name"
            error={fieldErrors.name}
            name="name"
            defaultValue={initial.name}
            disabled={!canEdit}
          />
          <InputField
            label="Anonymity threshold (k)"
            hint="Results for any group with fewer responses than this are hidden everywhere. 5 is the usual default; 3 is the minimum."
            error={fieldErrors.anonymityThreshold}
            name="anonymityThreshold"
            type="number"
            min={3}
            max={100}
            defaultValue={initial.anonymityThreshold}
            disabled={!canEdit}
          />
        </div>
        {canEdit ? (
          <SubmitRow mutation={mutation} label="Save" pendingLabel="Saving…" done={saved} doneLabel="Saved" />
        ) : (
          <p className="muted small">Only an owner can change workspace settings.</p>
        )}
      </ClientForm>
    </section>
  );
}
