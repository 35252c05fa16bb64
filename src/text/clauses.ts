/**
 * Where a driver's words hold several requests: the clauses the clause cross-check
 * (src/agent/clause-check.ts) answers one at a time.
 *
 * Splits the RAW transcript, because normalization turns the commas that mark a spoken
 * list ("fan off, AC off, recirculation off") into spaces. Boundaries are punctuation and
 * the words that join requests: "and", "and then", "and also", "then", "also", "plus",
 * "as well as". Not boundaries:
 * - a comma inside a number ("1,000") and a "." not followed by a space ("21.5", "A.C.");
 * - the "and" of "face and feet" / "feet and face" (one airflow mode);
 * - an "and" followed directly by a side ("rear left and right windows", "front and rear
 *   defrosters"): what follows is a modifier of the same thing, not a request ("and the
 *   rear to 68" still splits).
 * Each clause is then normalized like any transcript; clauses that normalize to nothing are
 * dropped.
 *
 * Splitting stays crude: a clause may lose the subject a pronoun points to ("recline it"),
 * the verb it shares with the previous one ("turn off the wheel heater and my seat
 * heater"), or be no request at all ("it's stuffy"). The cross-check, not this function,
 * decides what a clause's answer may add.
 */
import { normalizeTranscript } from "./normalize.js";

/** At most this many clauses are answered; longer lists are left to the whole answer. */
export const MAX_CLAUSES = 6;

const PUNCTUATION = String.raw`(?:,(?!\d{3}(?!\d))|[;:!?]|\.(?=\s|$))`;
const AND = String.raw`\band\b(?!\s+(?:(?:(?:my|the)\s+)?(?:feet|face)|left|right|front|rear|back)\b)`;
const BOUNDARY = new RegExp(
  String.raw`\s*(?:${PUNCTUATION}+\s*(?:and then|and also|and|then|also|plus)?|\band then\b|\band also\b|\bas well as\b|${AND}|\bthen\b|\balso\b|\bplus\b)\s*`,
  "i",
);

/** The normalized clauses of a raw transcript, in spoken order (one clause = no list). */
export function splitClauses(text: string): string[] {
  const clauses: string[] = [];
  for (const part of text.split(BOUNDARY)) {
    const n = normalizeTranscript(part);
    if (n.ok) clauses.push(n.text);
  }
  return clauses;
}
