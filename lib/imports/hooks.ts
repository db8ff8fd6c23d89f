"use client";
// Imports in the browser: past survey results (preview, then import) and feedback notes.
import { useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import { apiFetch } from "@/lib/api/client";
import { useFormMutation, type MutationCallbacks } from "@/lib/api/use-form-mutation";
import { useInvalidate } from "@/lib/api/use-invalidate";
import type { FormBody, WireReturn } from "@/lib/api/wire";
import type { importNotesCsv } from "./notes-intake";
import type { listNotes } from "./queries";
import type { noteSchema, surveyImportSchema } from "./schemas";
import type { importSurveyCsv } from "./survey-intake";

export const importKeys = {
  all: ["imports"] as const,
  notes: () => [...importKeys.all, "notes"] as const,
};

export type SurveyImportResult = WireReturn<typeof importSurveyCsv>;
export type SurveyImportRequest = z.input<typeof surveyImportSchema>;
export type NotesImportResult = WireReturn<typeof importNotesCsv>;
export type FeedbackNotes = WireReturn<typeof listNotes>;

export function useImportSurveyCsv(callbacks?: MutationCallbacks<SurveyImportResult, SurveyImportRequest>) {
  return useFormMutation({
    mutationFn: (input: SurveyImportRequest) =>
      apiFetch<SurveyImportResult>("/api/imports/surveys", { method: "POST", json: input }),
    onSuccess: (data, input) => callbacks?.onSuccess?.(data, input),
  });
}

export function useFeedbackNotes(initialData?: FeedbackNotes) {
  return useQuery({
    queryKey: importKeys.notes(),
    queryFn: () => apiFetch<FeedbackNotes>("/api/imports/notes"),
    initialData,
  });
}

export function useAddNote(callbacks?: MutationCallbacks<{ id: number }, FormBody<z.input<typeof noteSchema>>>) {
  const refresh = useInvalidate(importKeys.notes());
  return useFormMutation({
    mutationFn: (input: FormBody<z.input<typeof noteSchema>>) =>
      apiFetch<{ id: number }>("/api/imports/notes", { method: "POST", json: input }),
    onSuccess: async (data, input) => {
      await callbacks?.onSuccess?.(data, input);
      await refresh();
    },
  });
}

export function useDeleteNote() {
  const refresh = useInvalidate(importKeys.notes());
  return useFormMutation({
    mutationFn: (id: number) => apiFetch(`/api/imports/notes/${id}`, { method: "DELETE" }),
    onSuccess: () => refresh(),
  });
}

export function useImportNotesCsv(callbacks?: MutationCallbacks<NotesImportResult, { csv: string; commit: boolean }>) {
  const refresh = useInvalidate(importKeys.notes());
  return useFormMutation({
    mutationFn: (input: { csv: string; commit: boolean }) =>
      apiFetch<NotesImportResult>("/api/imports/notes/import", { method: "POST", json: input }),
    onSuccess: async (data, input) => {
      await callbacks?.onSuccess?.(data, input);
      if (data.committed) await refresh();
    },
  });
}
