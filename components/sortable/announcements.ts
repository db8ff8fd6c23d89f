import type { Announcements } from "@dnd-kit/core";

// What a screen reader hears while a row is dragged, in the product's words. dnd-kit's defaults
// speak of "draggable item 3b1f…", which means nothing to anyone.

export interface AnnouncementWords {
  /** Ids in the order shown before the drag. */
  ids: readonly string[];
  /** The row as a noun phrase, lower case: `step “Build”`, `question “How easy…”`. */
  describe: (id: string) => string;
  /** Appended to each position, e.g. "on the golden path". */
  where?: string;
}

export function sortableAnnouncements({ ids, describe, where }: AnnouncementWords): Announcements {
  const position = (id: string | number) =>
    `position ${ids.indexOf(String(id)) + 1} of ${ids.length}${where ? ` ${where}` : ""}`;
  const name = (id: string | number) => capitalise(describe(String(id)));
  // dnd-kit reports "over itself" right after the pick-up, and again on every pointer move: speak
  // only when the place changes, or the pick-up message is drowned before it is read.
  let lastOver: string | number | null = null;
  return {
    onDragStart: ({ active }) => {
      lastOver = active.id;
      return `Picked up ${describe(String(active.id))}. It is in ${position(active.id)}.`;
    },
    onDragOver: ({ active, over }) => {
      const now = over?.id ?? null;
      if (now === lastOver) return undefined;
      lastOver = now;
      if (now === null) return `${name(active.id)} is not over the list; dropping it now leaves it where it was.`;
      if (now === active.id) return `${name(active.id)} is back in ${position(active.id)}.`;
      return `${name(active.id)} is over ${position(now)}.`;
    },
    onDragEnd: ({ active, over }) => {
      if (!over || over.id === active.id) return `${name(active.id)} dropped; it stays in ${position(active.id)}.`;
      return `${name(active.id)} dropped in ${position(over.id)}.`;
    },
    onDragCancel: ({ active }) => `Move cancelled. ${name(active.id)} is back in ${position(active.id)}.`,
  };
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
