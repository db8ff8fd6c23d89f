// What the JSON API hands the browser for a value a query returns: route handlers answer with
// JSON.stringify, so a Date arrives as its ISO string and undefined properties are dropped.
// Client types derive from the server's with this instead of being declared a second time.

/** `T` after a JSON round trip (Date → string, anything with toJSON → what toJSON returns). */
export type Wire<T> = T extends { toJSON(): infer J }
  ? J
  : T extends (infer U)[]
    ? Wire<U>[]
    : T extends readonly (infer U)[]
      ? readonly Wire<U>[]
      : T extends object
        ? { [K in keyof T]: Wire<T[K]> }
        : T;

/**
 * A server value in the shape the JSON API would send it, for a page's first paint (a client
 * component's initialData must equal what its refetch returns, dates as strings included).
 */
export function toWire<T>(value: T): Wire<T> {
  return JSON.parse(JSON.stringify(value)) as Wire<T>;
}

/**
 * A request body read from a form: the schema's field names, values not yet checked. The handler's
 * schema checks them and answers with field errors, which is how an empty number field gets its message.
 */
export type FormBody<T> = { [K in keyof T]?: unknown };

/** What a route sends for a query function's result: `WireReturn<typeof listTeams>`. */
export type WireReturn<F extends (...args: never[]) => unknown> = Wire<Awaited<ReturnType<F>>>;
