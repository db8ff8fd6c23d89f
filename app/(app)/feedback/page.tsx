import type { Metadata } from "next";
import Link from "next/link";
import { AddNoteForm, NotesList } from "@/components/imports/notes-panel";
import { NotesImportPanel } from "@/components/imports/notes-import-panel";
import { PageHeader } from "@/components/ui/page-header";
import { toWire } from "@/lib/api/wire";
import { requireUser } from "@/lib/auth/guard";
import { hasRole } from "@/lib/auth/roles";
import { NOTES_SCOPE } from "@/lib/backlog/scope";
import { listNotes } from "@/lib/imports/queries";
import { periodOfDate } from "@/lib/period";
import { listTeams } from "@/lib/workspace/queries";

export const metadata: Metadata = { title: "Feedback notes" };

// Notes may quote people: this page is for signed-in readers only, and no share link or public page shows them.
export default async function FeedbackNotesPage() {
  const user = await requireUser("viewer");
  const canEdit = hasRole(user.role, "editor");
  const [notes, teams] = await Promise.all([listNotes(), listTeams({ includeArchived: false })]);
  return (
    <>
      <PageHeader
        title="Feedback notes"
        description="What interviews, shadowing, office hours and support channels tell you, beside the surveys. The backlog clusters them on their own or with a range of quarters’ answers."
        actions={
          <Link className="btn" href={`/backlog?scope=${encodeURIComponent(NOTES_SCOPE)}`}>
            Notes in the backlog
          </Link>
        }
      />
      <div className="stack">
        {canEdit ? (
          <AddNoteForm teams={teams.map((t) => ({ id: t.id, label: t.name }))} period={periodOfDate(new Date())} />
        ) : null}
        <NotesList initial={toWire(notes)} canEdit={canEdit} />
        {canEdit ? <NotesImportPanel /> : null}
      </div>
    </>
  );
}
