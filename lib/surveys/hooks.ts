"use client";
// The survey editor's data: query keys, reads and writes of /api/surveys, with the refreshes each write needs.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { apiFetch } from "@/lib/api/client";
import { useInvalidate } from "@/lib/api/use-invalidate";
import { useFormMutation, type MutationCallbacks } from "@/lib/api/use-form-mutation";
import type { FormBody, Wire, WireReturn } from "@/lib/api/wire";
import type {
  createSurvey,
  createTeamLinks,
  getSurveyLinkStats,
  getSurveyWithQuestions,
  updateSurvey,
} from "@/lib/surveys/queries";
import type {
  changeStatusSchema,
  createSurveySchema,
  questionFieldsSchema,
  updateQuestionSchema,
  updateSurveySchema,
} from "@/lib/surveys/schemas";

export const surveyKeys = {
  all: ["surveys"] as const,
  list: () => [...surveyKeys.all, "list"] as const,
  detail: (id: string) => [...surveyKeys.all, "detail", id] as const,
  links: (id: string) => [...surveyKeys.all, "links", id] as const,
};

/** GET /api/surveys/[id]: the survey, every question, the response tally and k. */
export type SurveyDetail = Wire<NonNullable<Awaited<ReturnType<typeof getSurveyWithQuestions>>>>;
export type SurveyLinks = WireReturn<typeof getSurveyLinkStats>;
type SavedSurvey = Wire<{ survey: Awaited<ReturnType<typeof updateSurvey>> }>;

export function useSurvey(initial: SurveyDetail) {
  return useQuery({
    queryKey: surveyKeys.detail(initial.survey.id),
    queryFn: () => apiFetch<SurveyDetail>(`/api/surveys/${initial.survey.id}`),
    initialData: initial,
  });
}

type CreatedSurvey = Wire<{ survey: Awaited<ReturnType<typeof createSurvey>> }>;

export function useCreateSurvey(callbacks?: MutationCallbacks<CreatedSurvey, unknown>) {
  return useFormMutation({
    mutationFn: (input: FormBody<z.input<typeof createSurveySchema>>) =>
      apiFetch<CreatedSurvey>("/api/surveys", { method: "POST", json: input }),
    onSuccess: (data, input) => callbacks?.onSuccess?.(data, input),
  });
}

export function useUpdateSurvey(id: string, callbacks?: MutationCallbacks<SavedSurvey, unknown>) {
  const queryClient = useQueryClient();
  return useFormMutation({
    mutationFn: (input: FormBody<z.input<typeof updateSurveySchema>>) =>
      apiFetch<SavedSurvey>(`/api/surveys/${id}`, { method: "PATCH", json: input }),
    onSuccess: (data, input) => {
      callbacks?.onSuccess?.(data, input);
      void queryClient.invalidateQueries({ queryKey: surveyKeys.all });
    },
  });
}

export function useChangeSurveyStatus(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (status: z.input<typeof changeStatusSchema>["status"]) =>
      apiFetch<SavedSurvey>(`/api/surveys/${id}/status`, { method: "POST", json: { status } }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: surveyKeys.all }),
  });
}

export function useDeleteSurvey(id: string, callbacks?: MutationCallbacks<unknown, void>) {
  return useMutation({
    mutationFn: () => apiFetch(`/api/surveys/${id}`, { method: "DELETE" }),
    onSuccess: (data) => callbacks?.onSuccess?.(data),
  });
}

// ── Questions ────────────────────────────────────────────────────────────────────────────────

/** Every question write refreshes the survey (positions, archived flags, wording history). */
export function useAddQuestion(surveyId: string) {
  const refresh = useInvalidate(surveyKeys.all);
  return useMutation({
    mutationFn: (input: z.input<typeof questionFieldsSchema>) =>
      apiFetch(`/api/surveys/${surveyId}/questions`, { method: "POST", json: input }),
    onSuccess: refresh,
  });
}

export function useUpdateQuestion(surveyId: string, callbacks?: MutationCallbacks<unknown, unknown>) {
  const refresh = useInvalidate(surveyKeys.all);
  return useMutation({
    mutationFn: ({ questionId, input }: { questionId: string; input: z.input<typeof updateQuestionSchema> }) =>
      apiFetch(`/api/surveys/${surveyId}/questions/${questionId}`, { method: "PATCH", json: input }),
    onError: (error, variables) => callbacks?.onError?.(error, variables),
    onSettled: refresh,
  });
}

export function useDeleteQuestion(surveyId: string, callbacks?: MutationCallbacks<unknown, string>) {
  const refresh = useInvalidate(surveyKeys.all);
  return useMutation({
    mutationFn: (questionId: string) =>
      apiFetch(`/api/surveys/${surveyId}/questions/${questionId}`, { method: "DELETE" }),
    onSuccess: (data, questionId) => callbacks?.onSuccess?.(data, questionId),
    onError: (error, questionId) => callbacks?.onError?.(error, questionId),
    onSettled: refresh,
  });
}

/** Shows the new order at once and puts the old one back if the server refuses it. */
export function useReorderQuestions(surveyId: string, callbacks?: MutationCallbacks<unknown, string[]>) {
  const queryClient = useQueryClient();
  const refresh = useInvalidate(surveyKeys.all);
  const key = surveyKeys.detail(surveyId);
  return useMutation({
    mutationFn: (questionIds: string[]) =>
      apiFetch(`/api/surveys/${surveyId}/questions/order`, { method: "PUT", json: { questionIds } }),
    onMutate: async (ids) => {
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<SurveyDetail>(key);
      if (previous) {
        const byId = new Map(previous.questions.map((q) => [q.id, q]));
        queryClient.setQueryData<SurveyDetail>(key, {
          ...previous,
          questions: ids.map((id, position) => ({ ...byId.get(id)!, position })),
        });
      }
      return { previous };
    },
    onError: (error, ids, ctx) => {
      if (ctx?.previous) queryClient.setQueryData(key, ctx.previous);
      callbacks?.onError?.(error, ids);
    },
    onSettled: refresh,
  });
}

// ── Links ────────────────────────────────────────────────────────────────────────────────────

export function useSurveyLinks(surveyId: string, { initialData, live }: { initialData: SurveyLinks; live: boolean }) {
  return useQuery({
    queryKey: surveyKeys.links(surveyId),
    queryFn: () => apiFetch<SurveyLinks>(`/api/surveys/${surveyId}/links`),
    initialData,
    // Live counts while people answer (in steps of k).
    refetchInterval: live ? 5_000 : false,
    staleTime: 0,
  });
}

/** A link for each given team, or (none given) for every active team, that has none yet. */
export function useCreateTeamLinks(surveyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ teamIds }: { teamIds?: string[] } = {}) =>
      apiFetch<Wire<{ created: Awaited<ReturnType<typeof createTeamLinks>> } & SurveyLinks>>(
        `/api/surveys/${surveyId}/links`,
        { method: "POST", json: teamIds ? { teamIds } : {} },
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: surveyKeys.links(surveyId) }),
  });
}
