// Database errors without the data in them. drizzle's DrizzleQueryError message is the statement plus
// "params: …" (a whole response's answers, for a submission), PGlite attaches the parameters to its
// errors, and PostgreSQL's own message and detail quote values ('invalid input syntax for type
// integer: "…"', "Failing row contains (…)", "Key (…)=(…) already exists"). Anything that logs such an
// error, our handlers or Next.js's own logging of a thrown error, would write answers and free text
// to the server log. So every failed statement is rethrown as a DatabaseError carrying only what is
// safe to log: the SQLSTATE (or the driver's connection error code), the constraint, table and
// column names from the schema, and a fingerprint of the statement.
import { createHash } from "node:crypto";

export class DatabaseError extends Error {
  override name = "DatabaseError";
  /** SQLSTATE (e.g. 23505) or a connection error code (ECONNREFUSED): what lib/errors.ts maps to statuses. */
  readonly code?: string;
  readonly constraint?: string;
  readonly table?: string;
  readonly column?: string;
  /** Short hash and verb/tables of the statement (no values), to find it in the code. */
  readonly statement: string;

  constructor(fields: { code?: string; constraint?: string; table?: string; column?: string; statement: string }) {
    const where = [
      fields.constraint && `constraint ${fields.constraint}`,
      fields.table && `table ${fields.table}`,
      fields.column && `column ${fields.column}`,
    ].filter(Boolean);
    super(
      `Database error ${fields.code ?? "(no code)"}${where.length ? ` (${where.join(", ")})` : ""} in statement ${fields.statement}`,
    );
    this.code = fields.code;
    this.constraint = fields.constraint;
    this.table = fields.table;
    this.column = fields.column;
    this.statement = fields.statement;
  }
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_$]{0,62}$/;
const CODE = /^(?:[0-9A-Z]{5}|E[A-Z]+|[A-Z_]+)$/;

/** "a1b2c3d4 insert into answers": the statement's shape without any value. */
export function statementFingerprint(statement: string): string {
  const hash = createHash("sha256").update(statement).digest("hex").slice(0, 8);
  const verb =
    /^\s*(select|insert|update|delete|with|values|truncate|begin|commit|rollback|create|alter|drop|lock|set|savepoint|release)\b/i
      .exec(statement)?.[1]
      ?.toLowerCase() ?? "statement";
  const tables = [
    ...new Set(
      [...statement.matchAll(/\b(?:from|into|update|join)\s+"([A-Za-z_][A-Za-z0-9_]{0,62})"/gi)].map((m) => m[1]),
    ),
  ].slice(0, 4);
  return `${hash} ${verb}${tables.length ? ` ${tables.join(", ")}` : ""}`;
}

/** The first code, constraint, table and column found along the cause chain, checked to be names. */
export function toDatabaseError(error: unknown, statement: string): DatabaseError {
  if (error instanceof DatabaseError) return error;
  const found: { code?: string; constraint?: string; table?: string; column?: string } = {};
  let current: unknown = error;
  for (let depth = 0; current && typeof current === "object" && depth < 5; depth++) {
    const e = current as Record<string, unknown>;
    const name = (value: unknown) => (typeof value === "string" && IDENTIFIER.test(value) ? value : undefined);
    if (!found.code && typeof e.code === "string" && CODE.test(e.code)) found.code = e.code;
    found.constraint ??= name(e.constraint_name ?? e.constraint);
    found.table ??= name(e.table_name ?? e.table);
    found.column ??= name(e.column_name ?? e.column);
    current = e.cause;
  }
  return new DatabaseError({ ...found, statement: statementFingerprint(statement) });
}
