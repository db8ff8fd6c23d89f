"use client";
import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  TouchSensor,
  useSensor,
  useSensors,
  type DragEndEvent,
  type DraggableAttributes,
  type DraggableSyntheticListeners,
  type Modifier,
  type PointerSensorOptions,
} from "@dnd-kit/core";
import {
  SortableContext,
  sortableKeyboardCoordinates,
  useSortable,
  verticalListSortingStrategy,
} from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import {
  useId,
  useMemo,
  useState,
  type CSSProperties,
  type KeyboardEvent,
  type PointerEvent,
  type ReactNode,
} from "react";
import { moveItem } from "@/lib/journeys/reorder";
import { sortableAnnouncements } from "./announcements";

// One sortable list for journey steps and survey questions: a drag handle on each row that works with
// a mouse or pen, a finger (after a short press, so a swipe still scrolls the page) and the keyboard
// (Space picks up, arrows move, Space drops, Escape cancels), with spoken announcements.

/** Mouse and pen only: fingers go to the TouchSensor, whose press delay leaves swipes to scrolling. */
class MouseAndPenSensor extends PointerSensor {
  static activators = [
    {
      eventName: "onPointerDown" as const,
      handler: (event: PointerEvent, options: PointerSensorOptions) =>
        event.nativeEvent.pointerType !== "touch" && PointerSensor.activators[0].handler(event, options),
    },
  ];
}

/** Rows move up and down only: a sideways wobble of the hand should not shift the card. */
const alongTheList: Modifier = ({ transform }) => ({ ...transform, x: 0 });

export function SortableList<T extends { id: string }>({
  items,
  describe,
  where,
  instructions,
  onMove,
  children,
}: {
  items: readonly T[];
  /** The row as a lower-case noun phrase for announcements: `step “Build”`. */
  describe: (item: T) => string;
  /** Appended to spoken positions, e.g. "on the golden path". */
  where?: string;
  /** Read by screen readers on each handle (aria-describedby). */
  instructions: string;
  /** Called on a drop that changes the order, with indexes into `items`. */
  onMove: (from: number, to: number) => void;
  children: (ordered: readonly T[]) => ReactNode;
}) {
  const sensors = useSensors(
    useSensor(MouseAndPenSensor, { activationConstraint: { distance: 5 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 250, tolerance: 8 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const contextId = useId();
  const ids = items.map((item) => item.id);
  const idsKey = ids.join(" ");

  // The caller saves the new order and shows it optimistically, but only a task later (the query
  // cache notifies asynchronously). Hold the dropped order until `items` changes, or the card would
  // jump back to where it started for a frame.
  const [held, setHeld] = useState<{ before: string; order: string[] } | null>(null);
  if (held && held.before !== idsKey) setHeld(null);
  const byId = new Map(items.map((item) => [item.id, item]));
  const ordered = held && held.before === idsKey ? held.order.map((id) => byId.get(id)!) : items;

  // Memoised on the words themselves: the caller's `items` and `describe` are new on every render.
  const namesKey = JSON.stringify(items.map(describe));
  const announcements = useMemo(() => {
    const order = idsKey.split(" ");
    const names = JSON.parse(namesKey) as string[];
    return sortableAnnouncements({ ids: order, describe: (id) => names[order.indexOf(id)] ?? "the item", where });
  }, [idsKey, namesKey, where]);

  function handleDragEnd({ active, over }: DragEndEvent) {
    if (!over || active.id === over.id) return;
    const from = ids.indexOf(String(active.id));
    const to = ids.indexOf(String(over.id));
    if (from < 0 || to < 0) return;
    const hold = { before: idsKey, order: moveItem(ids, from, to) };
    setHeld(hold);
    // Should the caller not update `items` at all (nothing cached to update), let go anyway.
    setTimeout(() => setHeld((current) => (current === hold ? null : current)), 2000);
    onMove(from, to);
  }

  return (
    <DndContext
      id={contextId}
      sensors={sensors}
      collisionDetection={closestCenter}
      modifiers={[alongTheList]}
      accessibility={{ announcements, screenReaderInstructions: { draggable: instructions } }}
      onDragEnd={handleDragEnd}
    >
      <SortableContext items={ordered.map((item) => item.id)} strategy={verticalListSortingStrategy}>
        {children(ordered)}
      </SortableContext>
    </DndContext>
  );
}

export interface SortableRowState {
  /** For the row element (the card that moves). */
  ref: (element: HTMLElement | null) => void;
  style: CSSProperties;
  isDragging: boolean;
  handle: {
    ref: (element: HTMLElement | null) => void;
    attributes: DraggableAttributes;
    listeners: DraggableSyntheticListeners;
  };
}

/** One row of a SortableList; `children` renders the row element and receives what to put on it. */
export function SortableRow({
  id,
  disabled,
  children,
}: {
  id: string;
  disabled?: boolean;
  children: (row: SortableRowState) => ReactNode;
}) {
  const { setNodeRef, setActivatorNodeRef, attributes, listeners, transform, transition, isDragging } = useSortable({
    id,
    disabled,
  });
  return children({
    ref: setNodeRef,
    style: { transform: CSS.Translate.toString(transform), transition },
    isDragging,
    handle: { ref: setActivatorNodeRef, attributes, listeners },
  });
}

/**
 * The visible grip of a row. `onKeyDown` runs first and may handle a key itself (by calling
 * `preventDefault`), e.g. a one-step move on ↑/↓; keys pressed during a drag belong to dnd-kit.
 */
export function DragHandle({
  row,
  label,
  onKeyDown,
  keyShortcuts,
}: {
  row: SortableRowState;
  label: string;
  onKeyDown?: (event: KeyboardEvent<HTMLButtonElement>) => void;
  /** aria-keyshortcuts for what `onKeyDown` handles. */
  keyShortcuts?: string;
}) {
  const { ref, attributes, listeners } = row.handle;
  return (
    <button
      type="button"
      ref={ref}
      className="btn btn-sm btn-ghost drag-handle"
      {...attributes}
      {...listeners}
      aria-label={label}
      aria-keyshortcuts={keyShortcuts}
      title="Drag to reorder"
      data-control="drag-handle"
      onKeyDown={(event) => {
        if (!row.isDragging) onKeyDown?.(event);
        if (!event.defaultPrevented) listeners?.onKeyDown?.(event);
      }}
    >
      <span aria-hidden>⠿</span>
    </button>
  );
}
