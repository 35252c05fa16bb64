/**
 * A clause that only says how warm someone feels: "I'm cold", "we're roasting back here",
 * "it's too hot in here for the kids". The contract (§3) reads such words as a request for a
 * temperature step ("I'm cold" -> +2).
 *
 * Why: when the feeling comes first and a request follows ("I'm cold, close the windows",
 * "I'm roasting, also the fan could go up a lot"), the people who wrote the dev sets from the
 * contract answered both the step and the request, every time (7 of 7 rows). The model drops
 * the step about half the time. The clause cross-check (src/agent/clause-check.ts) uses this
 * to let such a leading clause add the step its own answer gives, which it otherwise never
 * does for a clause that names no part.
 *
 * Deliberately narrow, and only a whole clause matches:
 * - the subject is the speaker, "we", or the air around them ("it's", with no "outside" or
 *   "out": the weather is a reason, not a request);
 * - no negation, question or other words: "I'm not cold", "are you cold", "I'm cold but fine"
 *   are no match;
 * - "cool" is not a feeling here ("I'm cool" means "I'm fine"), and "warm" only with a degree
 *   word ("I'm warm now, thanks" is comfortable; "it's getting warm in here" is not).
 *
 * Works on the normalized words of one clause (lowercase, no punctuation).
 */

/** Which way the person wants the temperature to go. */
export type Feeling = "cold" | "hot";

export interface ComfortStatement {
  readonly feeling: Feeling;
  /** The words that matched (the whole clause without its fillers). */
  readonly evidence: string;
}

const COLD_WORDS = ["freezing cold", "freezing", "cold", "chilly", "frozen", "icy", "shivering"];
const HOT_WORDS = [
  "burning up",
  "hot",
  "roasting",
  "boiling",
  "sweating",
  "baking",
  "warm",
  "melting",
  "sweltering",
  "overheating",
  "cooking",
];
const FEELING_OF = new Map<string, Feeling>([
  ...COLD_WORDS.map((w) => [w, "cold"] as const),
  ...HOT_WORDS.map((w) => [w, "hot"] as const),
]);

/** Fillers before the subject ("ugh, I'm freezing", "okay car, we're boiling"). */
const FILLERS =
  "hey hi ok okay oh so well um uh er erm alright right man god gosh ugh brr phew wow jeez honestly car octopus".split(
    " ",
  );
const SUBJECT = "(?:i'm|im|i am|we're|we are|it's|its|it is)";
/** Degree words ("a little bit" is "a little" + "bit", see `COMFORT_PHRASES`). */
const DEGREES = [
  ..."so really very pretty super quite rather slightly absolutely bloody freaking still just getting too bit kinda".split(
    " ",
  ),
  ...["way too", "far too", "a bit", "a little", "kind of", "sort of"],
];
/** Where, for whom or when; nothing that names the outside. */
const TAILS = [
  ...["in here", "back here", "over here", "here", "in the back", "back there", "on my side", "on this side"],
  ...["in the car", "for me", "for us", "for the kids", "for my passenger", "now", "right now", "again"],
  ...["already", "today"],
];

/**
 * The phrase lists a clause may repeat. No phrase of a list is a run of other phrases of
 * the same list, so a run of them parses one way only and a long one cannot make the pattern
 * backtrack exponentially (a test checks it).
 */
export const COMFORT_PHRASES: Readonly<Record<"fillers" | "degrees" | "tails", readonly string[]>> = {
  fillers: FILLERS,
  degrees: DEGREES,
  tails: TAILS,
};

const alt = (phrases: readonly string[]) => `(?:${phrases.join("|")})`;
const FEELING_ALT = [...FEELING_OF.keys()].sort((a, b) => b.length - a.length).join("|");

const COMFORT = new RegExp(
  `^(?:${alt(FILLERS)}\\s+)*(${SUBJECT}((?:\\s+${alt(DEGREES)})*)\\s+(${FEELING_ALT})(?:\\s+${alt(TAILS)})*)$`,
);

/** The clause's comfort statement, or null when the clause says anything else. */
export function findComfortStatement(clause: string): ComfortStatement | null {
  const m = COMFORT.exec(clause.trim());
  const [, evidence, degrees, word] = m ?? [];
  const feeling = word === undefined ? undefined : FEELING_OF.get(word);
  if (!evidence || feeling === undefined) return null;
  // "I'm warm now, thanks" is comfortable; "I'm too warm", "it's getting warm" are not.
  if (word === "warm" && !degrees) return null;
  return { feeling, evidence };
}
