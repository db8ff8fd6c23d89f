// Operations for "You said, we did": the public page's data, and the editors' drafts, preview and publishing.
import * as youSaidPage from "@/app/api/you-said/route";
import * as youSaidEditor from "@/app/api/you-said/editor/route";
import * as youSaidItem from "@/app/api/you-said/items/[id]/route";
import * as youSaidPublish from "@/app/api/you-said/items/[id]/publish/route";
import { youSaidEditorWire, youSaidItemStateWire, youSaidPageWire } from "@/lib/you-said/wire";
import { z } from "zod";
import { ok, type Paths } from "../operation";

export const youSaidPaths = (): Paths => ({
  "/api/you-said": {
    get: [
      youSaidPage.GET,
      {
        operationId: "getYouSaidPage",
        summary: "The public “You said, we did” page: published themes, their status and mention rates",
        description:
          "Public. Only what editors published, and only mention rates the backlog publishes (themes and quarters with at least k people); no answer text, counts of people or teams.",
        tag: "Backlog",
        responses: { "200": ok("The page", z.object({ page: youSaidPageWire })) },
      },
    ],
  },
  "/api/you-said/editor": {
    get: [
      youSaidEditor.GET,
      {
        operationId: "getYouSaidEditor",
        summary:
          "Every theme of the dashboard's backlog with its draft and published words, the preview and the live page",
        tag: "Backlog",
        responses: { "200": ok("The editor's view", youSaidEditorWire) },
      },
    ],
  },
  "/api/you-said/items/{id}": {
    put: [
      youSaidItem.PUT,
      {
        operationId: "saveYouSaidDraft",
        summary: "Save a theme's draft title, note and status (not live until published)",
        tag: "Backlog",
        responses: { "200": ok("The item's draft and published words", youSaidItemStateWire) },
        adds: [404, 409],
      },
    ],
  },
  "/api/you-said/items/{id}/publish": {
    post: [
      youSaidPublish.POST,
      {
        operationId: "publishYouSaidItem",
        summary: "Put a theme's saved draft on the public page, exactly as previewed",
        tag: "Backlog",
        responses: { "200": ok("The item's draft and published words", youSaidItemStateWire) },
        adds: [404, 409],
      },
    ],
    delete: [
      youSaidPublish.DELETE,
      {
        operationId: "unpublishYouSaidItem",
        summary: "Take a theme off the public page (its draft stays)",
        tag: "Backlog",
        responses: { "200": ok("The item's draft and published words", youSaidItemStateWire) },
        adds: [404],
      },
    ],
  },
});
