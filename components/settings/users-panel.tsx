"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Field } from "@/components/ui/field";
import { apiFetch, ApiError } from "@/lib/api/client";
import { roleLabels } from "@/lib/auth/roles";
import type { Role } from "@/lib/db/schema";

type UserRow = { id: string; email: string; name: string; role: Role; createdAt: string };
const userKeys = { all: ["users"] as const };
const roleOptions: Role[] = ["owner", "editor", "viewer"];

export function UsersPanel({ currentUserId, initialUsers }: { currentUserId: string; initialUsers: UserRow[] }) {
  const queryClient = useQueryClient();
  const users = useQuery({
    queryKey: userKeys.all,
    queryFn: () => apiFetch<{ users: UserRow[] }>("/api/users").then((r) => r.users),
    initialData: initialUsers,
  });
  const addUser = useMutation({
    mutationFn: (input: Record<string, unknown>) => apiFetch("/api/users", { method: "POST", json: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
  const changeRole = useMutation({
    mutationFn: ({ id, role }: { id: string; role: Role }) => apiFetch(`/api/users/${id}`, { method: "PATCH", json: { role } }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
  const errors = addUser.error instanceof ApiError ? addUser.error.fieldErrors : {};

  return (
    <section className="card stack" aria-labelledby="users-heading">
      <h2 id="users-heading">People</h2>
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th>Name</th>
              <th>Email</th>
              <th>Role</th>
            </tr>
          </thead>
          <tbody>
            {users.data.map((u) => (
              <tr key={u.id}>
                <td>{u.name || "—"}</td>
                <td>{u.email}</td>
                <td>
                  <label className="sr-only" htmlFor={`role-${u.id}`}>Role of {u.email}</label>
                  <select
                    id={`role-${u.id}`}
                    className="input"
                    style={{ maxWidth: 240 }}
                    value={u.role}
                    disabled={u.id === currentUserId || changeRole.isPending}
                    onChange={(e) => changeRole.mutate({ id: u.id, role: e.target.value as Role })}
                  >
                    {roleOptions.map((r) => (
                      <option key={r} value={r}>{roleLabels[r]}</option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {changeRole.error ? <div className="alert alert-error" role="alert">{changeRole.error.message}</div> : null}
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          const form = e.currentTarget;
          addUser.mutate(Object.fromEntries(new FormData(form)), { onSuccess: () => form.reset() });
        }}
      >
        <h3>Add a person</h3>
        <div className="grid-4">
          <Field label="Name" error={errors.name}>{(p) => <input {...p} className="input" name="name" />}</Field>
          <Field label="Email" error={errors.email}>{(p) => <input {...p} className="input" name="email" type="email" />}</Field>
          <Field label="Initial password" error={errors.password}>{(p) => <input {...p} className="input" name="password" type="password" autoComplete="new-password" />}</Field>
          <Field label="Role" error={errors.role}>
            {(p) => (
              <select {...p} className="input" name="role" defaultValue="viewer">
                {roleOptions.map((r) => (
                  <option key={r} value={r}>{roleLabels[r]}</option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <div className="row">
          <button className="btn btn-primary" disabled={addUser.isPending}>{addUser.isPending ? "Adding…" : "Add person"}</button>
          {addUser.isSuccess ? <span className="badge badge-good" role="status">Added</span> : null}
          {addUser.error && !Object.keys(errors).length ? <span className="field-error" role="alert">{addUser.error.message}</span> : null}
        </div>
      </form>
    </section>
  );
}
