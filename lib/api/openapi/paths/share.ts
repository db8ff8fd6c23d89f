// Operations for leadership: the report PDF, and share links: managing them (editors) and the read-only views a link opens (public,
// answered by the same queries as the signed-in analytics, so under the same anonymity rules).
import * as shareDimensions from "@/app/api/share/[token]/dimensions/route";
import * as shareDora from "@/app/api/share/[token]/dora/route";
import * as shareMeta from "@/app/api/share/[token]/meta/route";
import * as shareNotice from "@/app/api/share/[token]/notice/route";
import * as shareNps from "@/app/api/share/[token]/nps/route";
import * as shareResponseRates from "@/app/api/share/[token]/response-rates/route";
import * as shareSurveyComments from "@/app/api/share/[token]/surveys/[surveyId]/comments/route";
import * as shareSurveyDrivers from "@/app/api/share/[token]/surveys/[surveyId]/drivers/route";
import * as shareSurvey from "@/app/api/share/[token]/surveys/[surveyId]/route";
import * as shareTeams from "@/app/api/share/[token]/teams/route";
import * as shareLinkItem from "@/app/api/share-links/[id]/route";
import * as shareLinksList from "@/app/api/share-links/route";
import * as reportPdf from "@/app/api/report/pdf/route";
import {
  analyticsMetaWire,
  commentsPageWire,
  dimensionTrendsWire,
  filterNoticeWire,
  doraSummaryWire,
  npsTrendWire,
  responseRatesWire,
  surveyDriversWire,
  surveyResultsWire,
  teamComparisonWire,
} from "@/lib/analytics/wire";
import { createdShareLinkWire, revokedShareLinkWire, shareLinkListWire } from "@/lib/share/wire";
import type { z } from "zod";
import { ok, type Documented, type Paths } from "../operation";

const shared = (handler: Documented, operationId: string, summary: string, schema: z.ZodType) => ({
  get: [
    handler,
    {
      operationId,
      summary,
      tag: "Analytics" as const,
      description:
        "Public: the token is the credential. 404 when the link does not open this view, 410 once it has expired or been revoked.",
      responses: { "200": ok(summary, schema) },
      adds: [404, 410],
    },
  ] as [Documented, never],
});

export const sharePaths = (): Paths => ({
  "/api/report/pdf": {
    get: [
      reportPdf.GET,
      {
        operationId: "getLeadershipReportPdf",
        summary: "The quarterly leadership report as a PDF (the figures the dashboard publishes)",
        tag: "Analytics",
        responses: { "200": { description: "A4 PDF", media: "application/pdf" } },
      },
    ],
  },
  "/api/share-links": {
    get: [
      shareLinksList.GET,
      {
        operationId: "listShareLinks",
        summary: "Every share link with its state and view count",
        tag: "Workspace",
        responses: { "200": ok("Share links, newest first", shareLinkListWire) },
      },
    ],
    post: [
      shareLinksList.POST,
      {
        operationId: "createShareLink",
        summary: "Create an expiring read-only link to the overview or one survey's results",
        tag: "Workspace",
        responses: { "201": ok("The link, and its path shown this once", createdShareLinkWire) },
      },
    ],
  },
  "/api/share-links/{id}": {
    delete: [
      shareLinkItem.DELETE,
      {
        operationId: "revokeShareLink",
        summary: "Revoke a share link at once",
        tag: "Workspace",
        responses: { "200": ok("The revoked link", revokedShareLinkWire) },
        adds: [404],
      },
    ],
  },
  "/api/share/{token}/meta": shared(
    shareMeta.GET,
    "getSharedMeta",
    "Quarters and teams for a shared view",
    analyticsMetaWire,
  ),
  "/api/share/{token}/notice": shared(
    shareNotice.GET,
    "getSharedFilterNotice",
    "A shared overview's suppression notice and filter choices",
    filterNoticeWire,
  ),
  "/api/share/{token}/nps": shared(shareNps.GET, "getSharedNpsTrend", "A shared overview's NPS trend", npsTrendWire),
  "/api/share/{token}/dimensions": shared(
    shareDimensions.GET,
    "getSharedDimensionTrends",
    "A shared overview's dimension trends",
    dimensionTrendsWire,
  ),
  "/api/share/{token}/teams": shared(
    shareTeams.GET,
    "getSharedTeamComparison",
    "A shared overview's team heatmap",
    teamComparisonWire,
  ),
  "/api/share/{token}/response-rates": shared(
    shareResponseRates.GET,
    "getSharedResponseRates",
    "A shared overview's response rates",
    responseRatesWire,
  ),
  "/api/share/{token}/dora": shared(
    shareDora.GET,
    "getSharedDoraSummary",
    "A shared overview's DORA bands",
    doraSummaryWire,
  ),
  "/api/share/{token}/surveys/{surveyId}": shared(
    shareSurvey.GET,
    "getSharedSurveyResults",
    "A shared survey's results per question",
    surveyResultsWire,
  ),
  "/api/share/{token}/surveys/{surveyId}/drivers": shared(
    shareSurveyDrivers.GET,
    "getSharedSurveyDrivers",
    "A shared survey's driver analysis",
    surveyDriversWire,
  ),
  "/api/share/{token}/surveys/{surveyId}/comments": shared(
    shareSurveyComments.GET,
    "listSharedSurveyComments",
    "A shared survey's written answers (only when the link includes free text)",
    commentsPageWire,
  ),
});
