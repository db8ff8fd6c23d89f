"use client";
// Survey series and distribution: query keys, the survey's distribution and send log, Slack channels,
// previews and the writes.
import { useMutation, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import { apiFetch } from "@/lib/api/client";
import { useInvalidate } from "@/lib/api/use-invalidate";
import { useFormMutation } from "@/lib/api/use-form-mutation";
import type { FormBody, Wire } from "@/lib/api/wire";
import type { distributionWire, channelsWire, previewWire } from "./wire";
import type { previewSchema, seriesSchema, slackChannelSchema } from "./schemas";

export const distributionKeys = {
  all: ["distribution"] as const,
  survey: (surveyId: string) => [...distributionKeys.all, "survey", surveyId] as const,
  channels: () => [...distributionKeys.all, "channels"] as const,
};

export type SurveyDistribution = z.infer<typeof distributionWire>;
export type SlackChannels = z.infer<typeof channelsWire>;
export type MessagePreviewData = z.infer<typeof previewWire>;
export type SendLogRow = SurveyDistribution["messages"][number];

const ACTIVE = new Set(["scheduled", "sending", "retrying"]);

/** The survey's distribution; refreshed every few seconds while a message is on its way. */
export function useSurveyDistribution(surveyId: string) {
  return useQuery({
    queryKey: distributionKeys.survey(surveyId),
    queryFn: () => apiFetch<Wire<SurveyDistribution>>(`/api/surveys/${surveyId}/distribution`),
    refetchInterval: (query) =>
      query.state.data?.messages.some((m) => ACTIVE.has(m.status) && (m.sendAfter === null || m.attempts > 0))
        ? 3000
        : false,
  });
}

export function useSaveSeries(surveyId: string) {
  const refresh = useInvalidate(distributionKeys.survey(surveyId));
  return useFormMutation({
    mutationFn: (input: FormBody<z.input<typeof seriesSchema>>) =>
      apiFetch(`/api/surveys/${surveyId}/series`, { method: "PUT", json: input }),
    onSuccess: () => refresh(),
  });
}

/** Stops the survey's series (nothing further drafted; this survey's unsent messages skipped). */
export function useStopSeries(surveyId: string) {
  const refresh = useInvalidate(distributionKeys.survey(surveyId));
  return useMutation({
    mutationFn: () => apiFetch(`/api/surveys/${surveyId}/series`, { method: "DELETE" }),
    onSuccess: () => refresh(),
  });
}

export function usePreviewMessage(surveyId: string) {
  return useFormMutation({
    mutationFn: (input: z.input<typeof previewSchema>) =>
      apiFetch<MessagePreviewData>(`/api/surveys/${surveyId}/distribution/preview`, { method: "POST", json: input }),
  });
}

export function useScheduleMessages(surveyId: string) {
  const refresh = useInvalidate(distributionKeys.survey(surveyId));
  return useMutation({
    mutationFn: () => apiFetch(`/api/surveys/${surveyId}/distribution/schedule`, { method: "POST" }),
    onSettled: refresh,
  });
}

export function useRemindNow(surveyId: string) {
  const refresh = useInvalidate(distributionKeys.survey(surveyId));
  return useMutation({
    mutationFn: () => apiFetch(`/api/surveys/${surveyId}/distribution/reminders`, { method: "POST" }),
    onSettled: refresh,
  });
}

export function useSlackChannels(initialData: Wire<SlackChannels>) {
  return useQuery({
    queryKey: distributionKeys.channels(),
    queryFn: () => apiFetch<Wire<SlackChannels>>("/api/distribution/channels"),
    initialData,
  });
}

export function useSaveSlackChannel() {
  const refresh = useInvalidate(distributionKeys.all);
  return useFormMutation({
    mutationFn: (input: FormBody<z.input<typeof slackChannelSchema>>) =>
      apiFetch<Wire<SlackChannels>>("/api/distribution/channels", { method: "PUT", json: input }),
    onSuccess: () => refresh(),
  });
}
