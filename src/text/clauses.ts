/**
 * Where a driver's words hold several requests: the clauses the clause cross-check
 * (src/agent/clause-check.ts) answers one at a time.
 *
 * Splits the RAW transcript, because normalization turns the commas that mark a spoken
 * list ("fan off, AC off, recirculation off") into spaces. Boundaries are punctuation
 * (a "." only when no digit follows, so "21.5" stays one number) and the words that join
 * requests: "and", "and then", "and also", "then", "also", "plus", "as well as". The "and"
 * of "face and feet" is not a boundary: it names one airflow mode. Each clause is then
 * normalized like any transcript; clauses that normalize to nothing are dropped.
 *
 * Splitting is deliberately crude: a clause may lose the subject a pronoun points to
 * ("recline it") or be no request at all ("it's stuffy"). The cross-check, not this
 * function, decides what a clause's answer may add.
 */
import { normalizeTranscript } from "./normalize.js";

/** At most this many clauses are answered; longer lists are left to the whole answer. */
export const MAX_CLAUSES = 6;

const BOUNDARY =
  /\s*(?:(?:[,;:!?]|\.(?!\d))+\s*(?:and then|and also|and|then|also|plus)?|\band then\b|\band also\b|\bas well as\b|\band\b(?! feet)|\bthen\b|\balso\b|\bplus\b)\s*/i;

/** The normalized clauses of a raw transcript, in spoken order (one clause = no list). */
export function splitClauses(text: string): string[] {
  const clauses: string[] = [];
  for (const part of text.split(BOUNDARY)) {
    const n = normalizeTranscript(part);
    if (n.ok) clauses.push(n.text);
  }
  return clauses;
}
