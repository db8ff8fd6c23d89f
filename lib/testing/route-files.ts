// The routes as the filesystem declares them, for the tests that hold ROUTE_METHODS
// (lib/api/allowed-methods.ts) and the OpenAPI document to them.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

function files(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return files(full, pattern);
    return pattern.test(name) ? [full] : [];
  });
}

/** Route path → the methods its file exports, read from app/**\/route.ts and pages/api. */
export function routeMethodsFromFiles(): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const root = process.cwd();
  for (const file of files(path.join(root, "app"), /^route\.ts$/)) {
    const dir = path
      .relative(path.join(root, "app"), path.dirname(file))
      .split(path.sep)
      .filter((s) => !/^\(.*\)$/.test(s));
    const source = readFileSync(file, "utf8");
    const declared = [
      ...source.matchAll(/export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/g),
    ].map((m) => m[1]);
    const reexported = [...source.matchAll(/export \{([^}]*)\}/g)].flatMap((m) =>
      [...m[1].matchAll(/\b(GET|POST|PUT|PATCH|DELETE)\b/g)].map((x) => x[1]),
    );
    const methods = [...declared, ...reexported];
    out[`/${dir.join("/")}`] = [...new Set(methods)].sort();
  }
  for (const file of files(path.join(root, "pages", "api"), /\.ts$/)) {
    const rel = path.relative(path.join(root, "pages"), file).replace(/\.ts$/, "").split(path.sep).join("/");
    out[`/${rel}`] = [...readFileSync(file, "utf8").matchAll(/\b(GET|POST|PUT|PATCH|DELETE):\s*nodeRoute\(/g)]
      .map((m) => m[1])
      .sort();
  }
  return out;
}
