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
 *   rear to 68" still splits);
 * - the "and" inside a spoken number ("one hundred and fifteen millimetres", "two and a
 *   half"), which src/text/numbers.ts reads as one number: split there, the first clause
 *   said "100" and the second "15 mm", and a clause could vouch for a number the driver
 *   never said.
 * Each clause is then normalized like any transcript; clauses that normalize to nothing are
 * dropped.
 *
 * Splitting stays crude: a clause may lose the subject a pronoun points to ("recline it"),
 * the verb it shares with the previous one ("turn off the wheel heater and my seat
 * heater"), or be no request at all ("it's stuffy"). The cross-check, not this function,
 * decides what a clause's answer may add.
 */
import { normalizeTranscript } from "./normalize.js";
import { TEEN_WORDS, TENS_WORDS, UNIT_WORDS } from "./numbers.js";

/** At most this many clauses are answered; longer lists are left to the whole answer. */
export const MAX_CLAUSES = 6;

const PUNCTUATION = String.raw`(?:,(?!\d{3}(?!\d))|[;:!?]|\.(?=\s|$))`;
const NUMBER_WORD = `(?:${Object.keys({ ...UNIT_WORDS, ...TEEN_WORDS, ...TENS_WORDS }).join("|")}|\\d)`;
/** An "and" that belongs to a spoken number: "hundred and five", "two and a half". */
const NUMBER_AND = String.raw`(?<=\b(?:hundred|thousand)\s+and)\s+${NUMBER_WORD}|(?<=(?:\b${NUMBER_WORD}[a-z-]*|\d)\s+and)\s+a\s+(?:half|quarter)\b`;
const AND = String.raw`\band\b(?!\s+(?:(?:(?:my|the)\s+)?(?:feet|face)|left|right|front|rear|back)\b)(?!${NUMBER_AND})`;
const BOUNDARY = new RegExp(
  String.raw`\s*(?:${PUNCTUATION}+\s*(?:and then|and also|and|then|also|plus)?|\band then\b|\band also\b|\bas well as\b|${AND}|\bthen\b|\balso\b|\bplus\b)\s*`,
  "i",
);

/**
 * Words that end a spoken setting ("fan off", "windows up", "volume 20", "rear 19
 * celsius"): after one of these (or a number), a word that names a part or a seat starts
 * the next item of an unpunctuated list.
 */
const SETTING_ENDS = new Set(
  "on off up down open closed shut high low medium max maximum min minimum halfway mm degrees degree celsius fahrenheit percent".split(
    " ",
  ),
);
const PLACES = new Set(["driver", "passenger", "rear", "front"]);

export interface SplitOptions {
  /** Whether `words[i]` starts the name of a part ("fan", "ac", "seat heater"). */
  readonly startsPart?: (words: readonly string[], i: number) => boolean;
}

/**
 * The normalized clauses of a raw transcript, in spoken order (one clause = no list).
 * With `startsPart`, a clause is also split where a setting ends and a part or a place is
 * named next ("fan off ac off recirculation off"): a speech recognizer writes no commas.
 */
export function splitClauses(text: string, options: SplitOptions = {}): string[] {
  const clauses: string[] = [];
  for (const part of text.split(BOUNDARY)) {
    const n = normalizeTranscript(part);
    if (!n.ok) continue;
    if (options.startsPart) clauses.push(...splitSettings(n.text, options.startsPart));
    else clauses.push(n.text);
  }
  return clauses;
}

function splitSettings(clause: string, startsPart: NonNullable<SplitOptions["startsPart"]>): string[] {
  const words = clause.split(" ");
  // A word starts an item if it names a part or a place and is no unit or state word itself.
  const starts = words.map((w, i) => !SETTING_ENDS.has(w) && !/^\d/.test(w) && (PLACES.has(w) || startsPart(words, i)));
  const out: string[] = [];
  let start = 0;
  let named = starts[0] === true;
  for (let i = 1; i < words.length; i++) {
    const prev = words[i - 1] as string;
    const ended = SETTING_ENDS.has(prev) || /^\d+(?:\.\d+)?$/.test(prev);
    // Split only after an item that named something itself ("fan off | ac off"), never
    // after a bare verb ("turn off ac" stays whole).
    if (ended && named && starts[i]) {
      out.push(words.slice(start, i).join(" "));
      start = i;
      named = false;
    }
    if (starts[i]) named = true;
  }
  out.push(words.slice(start).join(" "));
  return out;
}
