// GET /api/imports/notes — feedback notes (signed-in readers) · POST — add one from an interview, shadowing or office hours
import { json, route } from "@/lib/api/route";
import { createNote, listNotes } from "@/lib/imports/queries";
import { noteSchema, notesQuery } from "@/lib/imports/schemas";

export const GET = route({ access: "viewer", query: notesQuery }, ({ query }) => listNotes(query));

export const POST = route({ access: "editor", body: noteSchema }, async ({ body, user }) =>
  json(await createNote({ note: body, userId: user.id }), 201),
);
