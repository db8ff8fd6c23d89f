// "You said, we did" SQL; importers use "@/lib/you-said/queries".
//   source.ts  what the page is built from (the dashboard's backlog and the editors' rows)
//   page.ts    the public page (published words only)
//   editor.ts  drafts, preview, publish and unpublish
export { getYouSaidEditor, publishYouSaidItem, saveYouSaidDraft, unpublishYouSaidItem } from "./editor";
export type { YouSaidEditor, YouSaidEditorItem, YouSaidItemState } from "./editor";
export { getYouSaidPage, hasPublishedYouSaid } from "./page";
