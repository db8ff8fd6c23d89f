// DELETE /api/imports/notes/[id] — remove a feedback note (and its place in backlog themes)
import { route } from "@/lib/api/route";
import { deleteNote } from "@/lib/imports/queries";
import { noteIdParams } from "@/lib/imports/schemas";

export const DELETE = route({ access: "editor", params: noteIdParams }, async ({ params }) => {
  await deleteNote(params);
  return { ok: true };
});
