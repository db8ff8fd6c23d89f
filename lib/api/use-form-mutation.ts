"use client";
// useMutation for a form: the mutation plus its errors read the one way every form shows them.
import { useMutation, type DefaultError, type UseMutationOptions } from "@tanstack/react-query";
import { formErrors } from "./form-errors";

export function useFormMutation<TData = unknown, TVariables = void, TContext = unknown>(
  options: UseMutationOptions<TData, DefaultError, TVariables, TContext>,
) {
  const mutation = useMutation(options);
  return { ...mutation, ...formErrors(mutation.error) };
}

/**
 * What a screen adds to a domain's mutation hook: its own reaction (close a form, show "Saved"). The
 * hook runs `onSuccess` first and then refreshes the queries the change affects.
 */
export type MutationCallbacks<TData, TVariables> = {
  onMutate?: (variables: TVariables) => unknown;
  onSuccess?: (data: TData, variables: TVariables) => unknown;
  onError?: (error: Error, variables: TVariables) => unknown;
};
