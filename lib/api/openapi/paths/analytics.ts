// Operations of analytics: trends, comparisons and survey results, all with groups under k hidden.
import * as analyticsAdoption from "@/app/api/analytics/adoption/route";
import * as analyticsDimensions from "@/app/api/analytics/dimensions/route";
import * as analyticsDora from "@/app/api/analytics/dora/route";
import * as analyticsExportTable from "@/app/api/analytics/export/[table]/route";
import * as analyticsMeta from "@/app/api/analytics/meta/route";
import * as analyticsNotice from "@/app/api/analytics/notice/route";
import * as analyticsNps from "@/app/api/analytics/nps/route";
import * as analyticsResponseRates from "@/app/api/analytics/response-rates/route";
import * as analyticsSurveyComments from "@/app/api/analytics/surveys/[surveyId]/comments/route";
import * as analyticsSurveyDrivers from "@/app/api/analytics/surveys/[surveyId]/drivers/route";
import * as analyticsSurvey from "@/app/api/analytics/surveys/[surveyId]/route";
import * as analyticsTeams from "@/app/api/analytics/teams/route";
import {
  adoptionComparisonWire,
  analyticsMetaWire,
  commentsPageWire,
  dimensionTrendsWire,
  doraSummaryWire,
  filterNoticeWire,
  npsTrendWire,
  responseRatesWire,
  surveyDriversWire,
  surveyResultsWire,
  teamComparisonWire,
} from "@/lib/analytics/wire";
import { csv, ok, type Paths } from "../operation";

export const analyticsPaths = (): Paths => ({
  "/api/analytics/meta": {
    get: [
      analyticsMeta.GET,
      {
        operationId: "getAnalyticsMeta",
        summary: "Quarters with responses, teams and the anonymity threshold k",
        tag: "Analytics",
        responses: { "200": ok("What the filter bar offers", analyticsMetaWire) },
      },
    ],
  },
  "/api/analytics/notice": {
    get: [
      analyticsNotice.GET,
      {
        operationId: "getFilterNotice",
        summary: "What the filters' group hides and why, the ways out, and which filter choices show anything",
        tag: "Analytics",
        responses: { "200": ok("One notice for the dashboard and the filter bar's choices", filterNoticeWire) },
      },
    ],
  },
  "/api/analytics/nps": {
    get: [
      analyticsNps.GET,
      {
        operationId: "getNpsTrend",
        summary: "NPS per quarter with 95% intervals and changes",
        tag: "Analytics",
        responses: { "200": ok("NPS trend", npsTrendWire) },
      },
    ],
  },
  "/api/analytics/dimensions": {
    get: [
      analyticsDimensions.GET,
      {
        operationId: "getDimensionTrends",
        summary: "Per-dimension scores per quarter",
        tag: "Analytics",
        responses: { "200": ok("Dimension trends", dimensionTrendsWire) },
      },
    ],
  },
  "/api/analytics/teams": {
    get: [
      analyticsTeams.GET,
      {
        operationId: "getTeamComparison",
        summary: "One quarter team by team (groups under k hidden)",
        tag: "Analytics",
        responses: { "200": ok("Teams with NPS, dimension scores and benchmarks", teamComparisonWire) },
      },
    ],
  },
  "/api/analytics/adoption": {
    get: [
      analyticsAdoption.GET,
      {
        operationId: "getAdoptionComparison",
        summary: "On-platform vs off-platform scores per quarter",
        tag: "Analytics",
        responses: { "200": ok("Both adoption groups per quarter", adoptionComparisonWire) },
      },
    ],
  },
  "/api/analytics/dora": {
    get: [
      analyticsDora.GET,
      {
        operationId: "getDoraSummary",
        summary: "DORA bands per team and adoption group",
        tag: "Analytics",
        responses: { "200": ok("DORA classification", doraSummaryWire) },
      },
    ],
  },
  "/api/analytics/response-rates": {
    get: [
      analyticsResponseRates.GET,
      {
        operationId: "getResponseRates",
        summary: "Responses and response rates per survey and team",
        tag: "Analytics",
        responses: { "200": ok("Response rates", responseRatesWire) },
      },
    ],
  },
  "/api/analytics/surveys/{surveyId}": {
    get: [
      analyticsSurvey.GET,
      {
        operationId: "getSurveyResults",
        summary: "Each question's answer distribution",
        tag: "Analytics",
        responses: { "200": ok("Results per question", surveyResultsWire) },
      },
    ],
  },
  "/api/analytics/surveys/{surveyId}/comments": {
    get: [
      analyticsSurveyComments.GET,
      {
        operationId: "listSurveyComments",
        summary: "Free-text answers of one question, searchable, hidden under k",
        tag: "Analytics",
        responses: { "200": ok("One page of answers", commentsPageWire) },
      },
    ],
  },
  "/api/analytics/surveys/{surveyId}/drivers": {
    get: [
      analyticsSurveyDrivers.GET,
      {
        operationId: "getSurveyDrivers",
        summary: "Relative importance of each dimension for platform NPS, with bootstrap intervals",
        tag: "Analytics",
        responses: { "200": ok("Driver analysis, hidden under k", surveyDriversWire) },
      },
    ],
  },
  "/api/analytics/export/{table}": {
    get: [
      analyticsExportTable.GET,
      {
        operationId: "exportAnalyticsTable",
        summary: "A trend table as CSV, with the same filters and suppression",
        tag: "Analytics",
        responses: { "200": csv("CSV (UTF-8 with BOM)") },
      },
    ],
  },
});
