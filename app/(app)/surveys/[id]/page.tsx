import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SurveyEditor } from "@/components/surveys/survey-editor";
import { toWire } from "@/lib/api/wire";
import { requireUser } from "@/lib/auth/guard";
import { hasRole } from "@/lib/auth/roles";
import { builtInDimensions } from "@/lib/surveys/dimensions";
import { getSurveyLinkStats, getSurveyWithQuestions } from "@/lib/surveys/queries";
import { listCustomDimensions, listTeams } from "@/lib/workspace/queries";

export const metadata: Metadata = { title: "Survey" };

export default async function SurveyPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ tab?: string }>;
}) {
  const user = await requireUser("viewer");
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  const found = await getSurveyWithQuestions({ id });
  if (!found) notFound();
  const canEdit = hasRole(user.role, "editor");
  const [links, custom, teams] = await Promise.all([
    getSurveyLinkStats({ surveyId: id, showTokens: canEdit }),
    listCustomDimensions(),
    canEdit ? listTeams({ includeArchived: false }) : [],
  ]);
  const dimensions = [...builtInDimensions, ...custom.map((d) => ({ key: d.key, name: d.name, framework: "Custom" }))];
  const tab = (await searchParams).tab;
  return (
    <SurveyEditor
      // Dates become strings, the same shape the client refetches from /api/surveys/[id].
      initial={toWire(found)}
      initialLinks={links}
      dimensions={dimensions}
      canEdit={canEdit}
      teams={teams.map((t) => ({ id: t.id, name: t.name }))}
      initialTab={
        tab === "share" || tab === "preview" || tab === "details" || (tab === "distribution" && canEdit)
          ? tab
          : "questions"
      }
    />
  );
}
