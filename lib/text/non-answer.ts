// Non-answers ("n/a", "idk", "-", "all good i guess") are counted apart: clustered, they would
// form a fake theme or pull short real answers towards them.
import { normalizeText } from "./normalize";

const NON_ANSWER_PHRASES = new Set([
  "n_a", "na", "none", "nothing", "nil", "null", "idk", "dunno", "dont know", "i dont know", "no idea",
  "not sure", "unsure", "no comment", "no comments", "pass", "skip", "no", "nope", "nah", "all good",
  "all fine", "its fine", "fine", "ok", "okay", "nothing really", "nothing in particular",
  "nothing comes to mind", "nothing to add", "nothing else", "cant think of anything", "not really",
  "no opinion", "no answer", "same as above", "see above", "as above", "test", "asdf", "xxx", "tbd",
]);

// Words that make up non-answers; a short answer made only of these says nothing either.
const NON_ANSWER_WORDS = new Set([
  "n_a", "na", "none", "nothing", "idk", "dunno", "not", "sure", "no", "comment", "comments", "pass",
  "all", "good", "fine", "ok", "okay", "i", "guess", "cant", "think", "of", "anything", "in", "particular",
  "comes", "to", "mind", "really", "nope", "nah", "everything", "is", "its", "great", "so", "far", "much",
  "else", "at", "the", "moment", "right", "now", "add", "dont", "know", "idea", "really", "for", "me",
  "as", "of", "yet", "honestly", "well", "just", "am", "it", "that", "this", "opinion", "answer", "here",
  "nothing", "specific", "off", "top", "my", "head", "by", "and", "pretty",
]);

/** True for blank input and for answers that carry no content ("n/a", "?", "nothing really"). */
export function isNonAnswer(text: string): boolean {
  const cleaned = normalizeText(text).replace(/[^a-z0-9_\s]+/g, " ").replace(/\s+/g, " ").trim();
  if (cleaned === "" || !/[a-z]/.test(cleaned)) return true;
  if (NON_ANSWER_PHRASES.has(cleaned)) return true;
  const words = cleaned.split(" ");
  return words.length <= 6 && words.every((w) => NON_ANSWER_WORDS.has(w));
}
