"use client";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { InlineError } from "@/components/ui/form-status";
import { useFormat } from "@/components/ui/locale";
import { useUndoCarry } from "@/lib/backlog/hooks";
import type { BacklogListItem } from "@/lib/backlog/queries";

/** Where a theme's curation came from (lib/backlog/carry.ts), with the undo for a wrong match. */
export function CarriedFrom({
  item,
  canEdit,
  describeScope,
}: {
  item: BacklogListItem;
  canEdit: boolean;
  describeScope: (scope: string) => string;
}) {
  const f = useFormat();
  const undo = useUndoCarry();
  const from = item.carriedFrom;
  if (!from) return null;
  const source = `${describeScope(from.scope)} (analysed ${f.date(from.ranAt)})`;
  return (
    <div className="row backlog-carried" data-testid="carried-from">
      <p className="small muted">
        Name, status, owner, effort, notes and sub-theme names carried from {source},{" "}
        {from.via === "answers" ? "where this theme had most of the same answers" : "by similar terms"}.
      </p>
      {canEdit ? (
        <ConfirmButton
          className="btn btn-sm btn-ghost"
          title="Undo the carried curation?"
          consequence={
            <>
              This theme and its sub-themes go back to their generated names with no status, owner, effort or notes, and
              a carried merge is undone. The theme from {source} will not be carried into this backlog again.
            </>
          }
          confirmLabel="Undo carry"
          disabled={undo.isPending}
          onConfirm={() => undo.mutate(item.id)}
        >
          Wrong match? Undo carry
        </ConfirmButton>
      ) : null}
      <InlineError message={undo.error ? undo.error.message : null} />
    </div>
  );
}
