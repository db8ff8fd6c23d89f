"use client";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { useState } from "react";
import { InputField } from "@/components/ui/field";
import {
  useCreateDimension,
  useCustomDimensions,
  useDeleteDimension,
  useRenameDimension,
  type CustomDimension,
} from "@/lib/workspace/hooks";
import { ErrorAlert, SubmitRow } from "@/components/ui/form-status";
import { ClientForm } from "@/components/ui/client-form";

type BuiltIn = { key: string; name: string; framework: string };

/** Built-in SPACE / DevEx / DORA dimensions, and the workspace's own beside them. */
export function DimensionsPanel({
  builtIn,
  initialCustom,
  canEdit,
}: {
  builtIn: BuiltIn[];
  initialCustom: CustomDimension[];
  canEdit: boolean;
}) {
  const [renaming, setRenaming] = useState<string | null>(null);
  const custom = useCustomDimensions(initialCustom);
  const add = useCreateDimension();
  const rename = useRenameDimension({ onSuccess: () => setRenaming(null) });
  const remove = useDeleteDimension();
  const errors = add.fieldErrors;
  const frameworks = [...new Set(builtIn.map((d) => d.framework))];

  return (
    <section className="card stack" aria-labelledby="dimensions-heading">
      <div>
        <h2 id="dimensions-heading">Dimensions</h2>
        <p className="muted small">
          Every scored question is tagged with a dimension so results roll up. Judge on three or more dimensions, never
          one.
        </p>
      </div>
      <div className="grid-3">
        {frameworks.map((f) => (
          <div key={f}>
            <h3>{f}</h3>
            <ul className="small" style={{ margin: 0, paddingLeft: "1.1rem" }}>
              {builtIn
                .filter((d) => d.framework === f)
                .map((d) => (
                  <li key={d.key}>{d.name}</li>
                ))}
            </ul>
          </div>
        ))}
      </div>
      <h3>Custom dimensions</h3>
      {custom.data.length === 0 ? (
        <p className="muted">None yet — add drivers such as “Deploys”, “Docs” or “CI”.</p>
      ) : null}
      <ul className="stack" style={{ listStyle: "none", margin: 0, padding: 0 }}>
        {custom.data.map((d) => (
          <li key={d.id} className="row-between">
            {renaming === d.id ? (
              <ClientForm
                className="row"
                onSubmit={(form) => {
                  rename.mutate({ id: d.id, name: String(new FormData(form).get("name") ?? "") });
                }}
              >
                <label className="sr-only" htmlFor={`dim-${d.id}`}>
                  New name for {d.name}
                </label>
                <input id={`dim-${d.id}`} className="input" name="name" defaultValue={d.name} />
                <button className="btn btn-sm btn-primary">Save</button>
                <button type="button" className="btn btn-sm btn-ghost" onClick={() => setRenaming(null)}>
                  Cancel
                </button>
              </ClientForm>
            ) : (
              <div>
                <strong>{d.name}</strong> <code className="small">{d.key}</code>
                {d.description ? <div className="muted small">{d.description}</div> : null}
              </div>
            )}
            {canEdit && renaming !== d.id ? (
              <div className="row">
                <button
                  type="button"
                  className="btn btn-sm"
                  aria-label={`Rename ${d.name}`}
                  onClick={() => setRenaming(d.id)}
                >
                  Rename
                </button>
                <ConfirmButton
                  className="btn btn-sm btn-danger"
                  label={`Delete ${d.name}`}
                  title={`Delete the dimension “${d.name}”?`}
                  consequence="The dimension is removed from the workspace. Only a dimension no question uses can be deleted."
                  confirmLabel="Delete dimension"
                  onConfirm={() => remove.mutate(d.id)}
                >
                  Delete
                </ConfirmButton>
              </div>
            ) : null}
          </li>
        ))}
      </ul>
      <ErrorAlert message={(remove.error ?? rename.error)?.message} />
      {canEdit ? (
        <ClientForm
          className="stack"
          noValidate
          onSubmit={(form) => {
            add.mutate(Object.fromEntries(new FormData(form)), { onSuccess: () => form.reset() });
          }}
        >
          <div className="grid-2">
            <InputField label="Dimension name" error={errors.name} name="name" />
            <InputField label="Description (optional)" error={errors.description} name="description" />
          </div>
          <SubmitRow mutation={add} label="Add dimension" />
        </ClientForm>
      ) : null}
    </section>
  );
}
