// Text normalisation before tokenising: one canonical spelling per character sequence so that
// the same word typed on different keyboards, or pasted from a chat tool, counts as one term.

const URL_PATTERN = /\b(?:https?:\/\/|www\.)([^\s/?#]+)[^\s]*/g;
const EMAIL_PATTERN = /\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b/g;
// 1.2, v1.2.3, 16.x, ^4.0.0: versions say "this is about versions" at most; the number itself is noise.
const VERSION_PATTERN = /(?:^|(?<=[\s(]))[~^]?v?\d+(?:\.(?:\d+|x))+(?:-[\w.]+)?/g;
// --force, -v: keep the flag's word, drop the dashes so "--no-verify" reads as "no verify".
const FLAG_PATTERN = /(?:^|(?<=\s))--?(?=[a-z])/g;
// Slash forms whose parts mean nothing alone; every other "a/b" is read as two words.
const SLASH_TERMS: [RegExp, string][] = [
  [/\bci\s*\/\s*cd\b/g, " cicd "],
  [/\bn\s*\/\s*a\b/g, " n_a "],
  [/\bi\s*\/\s*o\b/g, " io "],
];
const DOTTED_TERMS: [RegExp, string][] = [
  [/\bnode\.js\b/g, " nodejs "],
  [/\b(?:next|vue|nuxt|react|express)\.js\b/g, " $1 "],
  [/\.net\b/g, " dotnet "],
];

/** Lower-cased, NFKC-normalised text with URLs reduced to their site name and code-ish noise removed. */
export function normalizeText(text: string): string {
  let out = text
    .replace(/^\uFEFF/, "")
    .normalize("NFKC")
    .toLowerCase();
  out = out
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2013\u2014]/g, " - ");
  out = out.replace(URL_PATTERN, (_m, host: string) => ` ${siteName(host)} `);
  out = out.replace(EMAIL_PATTERN, " ");
  for (const [pattern, replacement] of [...SLASH_TERMS, ...DOTTED_TERMS]) out = out.replace(pattern, replacement);
  out = out.replace(VERSION_PATTERN, " ");
  out = out.replace(FLAG_PATTERN, "");
  // Contractions become one token ("don't" → "dont") so the stop-word list can drop them.
  out = out.replace(/([a-z])'([a-z])/g, "$1$2");
  // Paths, file names and slash lists ("src/app.ts", "nvm/pyenv") split into their words.
  out = out.replace(/[/\\.:=|]+/g, " ");
  return out.replace(/\s+/g, " ").trim();
}

function siteName(host: string): string {
  const parts = host.replace(/^www\./, "").split(".");
  return parts.length >= 2 ? parts[parts.length - 2] : parts[0];
}
