"use client";
// People and passwords: query keys, the list of accounts (owners) and the account writes.
import { useMutation, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import { apiFetch } from "@/lib/api/client";
import { useInvalidate } from "@/lib/api/use-invalidate";
import { useFormMutation, type MutationCallbacks } from "@/lib/api/use-form-mutation";
import type { FormBody, Wire, WireReturn } from "@/lib/api/wire";
import type { listUsers } from "@/lib/auth/queries";
import type {
  changePasswordSchema,
  createUserSchema,
  resetPasswordSchema,
  setupOwnerSchema,
  updateUserSchema,
} from "@/lib/auth/schemas";

export const userKeys = {
  all: ["users"] as const,
  list: () => [...userKeys.all, "list"] as const,
};

export type UserRow = WireReturn<typeof listUsers>[number];
/** A one-time reset link: a path the owner's browser completes with its own origin, and its expiry. */
export type ResetLinkPath = { path: string; expiresAt: string };

export function useUsers(initialData: UserRow[]) {
  return useQuery({
    queryKey: userKeys.list(),
    queryFn: () => apiFetch<Wire<{ users: UserRow[] }>>("/api/users").then((r) => r.users),
    initialData,
  });
}

export function useCreateUser() {
  const refresh = useInvalidate(userKeys.all);
  return useFormMutation({
    mutationFn: (input: FormBody<z.input<typeof createUserSchema>>) =>
      apiFetch("/api/users", { method: "POST", json: input }),
    onSuccess: refresh,
  });
}

/** A role change, or deactivating (signed out everywhere) and reactivating someone. */
export function useUpdateUser() {
  const refresh = useInvalidate(userKeys.all);
  return useMutation({
    mutationFn: ({ id, change }: { id: string; change: z.input<typeof updateUserSchema> }) =>
      apiFetch(`/api/users/${id}`, { method: "PATCH", json: change }),
    onSettled: refresh,
  });
}

export function useDeleteUser() {
  const refresh = useInvalidate(userKeys.all);
  return useMutation({
    mutationFn: (id: string) => apiFetch(`/api/users/${id}`, { method: "DELETE" }),
    onSettled: refresh,
  });
}

export function useIssueResetLink<TUser extends { id: string }>(callbacks?: MutationCallbacks<ResetLinkPath, TUser>) {
  return useMutation({
    mutationFn: (user: TUser) => apiFetch<ResetLinkPath>(`/api/users/${user.id}/reset-link`, { method: "POST" }),
    onMutate: (user) => {
      callbacks?.onMutate?.(user);
    },
    onSuccess: (data, user) => callbacks?.onSuccess?.(data, user),
  });
}

/** Your own password; the server ends your other sessions. */
export function useChangePassword() {
  return useFormMutation({
    mutationFn: (input: FormBody<z.input<typeof changePasswordSchema>>) =>
      apiFetch("/api/account/password", { method: "POST", json: input }),
  });
}

// The first-run and reset-link pages sit outside the signed-in shell and its QueryClientProvider,
// so they call these directly and keep their own pending state.

/** First run: creates the owner account (the server refuses once anyone exists). */
export function setUpWorkspace(input: FormBody<z.input<typeof setupOwnerSchema>>) {
  return apiFetch("/api/setup", { method: "POST", json: input });
}

/** Sets a new password through a one-time reset link. */
export function resetPassword(input: z.input<typeof resetPasswordSchema>) {
  return apiFetch<{ ok: true; email: string }>("/api/password-reset", { method: "POST", json: input });
}
