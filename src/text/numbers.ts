/**
 * Spoken English number words -> values, for inverse text normalization.
 *
 * Works on whole tokens (never inside a word, so "often", "tone" and "someone" are safe)
 * and only on cardinals 0..999,999: "seventy two" -> 72, "a hundred and fifty" -> 150,
 * "two thousand" -> 2000, "twenty one point five" -> 21.5, "one and a half" -> 1.5,
 * "twenty first" -> 21st. Plain ordinals ("second", "third"), fractions ("half", "a
 * quarter", "two thirds") and "one" used as a pronoun ("the left one") stay words.
 */

export const UNIT_WORDS: Readonly<Record<string, number>> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
};

export const TEEN_WORDS: Readonly<Record<string, number>> = {
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};

export const TENS_WORDS: Readonly<Record<string, number>> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fourty: 40, // a common misspelling in typed text
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};

const ORDINAL_UNIT_WORDS: Readonly<Record<string, number>> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
};

/** Words after a number that make it a fraction ("two thirds", "one half"): kept as words. */
const FRACTION_WORDS = new Set([
  "half",
  "halves",
  "third",
  "thirds",
  "quarter",
  "quarters",
  "fourth",
  "fourths",
  "fifth",
  "fifths",
  "sixth",
  "sixths",
  "eighth",
  "eighths",
  "tenth",
  "tenths",
]);

/** A determiner before "one" (possibly with adjectives between) makes it a pronoun: "the left one". */
const ONE_DETERMINERS = new Set([
  "the",
  "this",
  "that",
  "which",
  "each",
  "every",
  "any",
  "no",
  "some",
  "another",
  "my",
  "your",
  "his",
  "her",
  "their",
  "our",
  "its",
  "driver's",
  "passenger's",
]);

/** Adjectives that may stand between the determiner and "one". */
const ONE_ADJECTIVES = new Set([
  "other",
  "last",
  "first",
  "next",
  "same",
  "only",
  "little",
  "big",
  "small",
  "new",
  "old",
  "left",
  "right",
  "front",
  "rear",
  "back",
  "middle",
]);

/** Words after "one" that make it a count ("one inch", "one more notch"), never a pronoun. */
const ONE_COUNTED = new Set([
  "inch",
  "inches",
  "cm",
  "centimeter",
  "centimeters",
  "centimetre",
  "centimetres",
  "mm",
  "millimeter",
  "millimetre",
  "degree",
  "degrees",
  "notch",
  "notches",
  "step",
  "steps",
  "level",
  "levels",
  "click",
  "clicks",
  "bar",
  "bars",
  "percent",
  "more",
]);

/** A word after "one" that makes it a pronoun or an idiom ("one of them", "one moment"). */
const ONE_PRONOUN_AFTER = new Set(["of", "another", "day", "moment", "sec", "second", "minute", "thing"]);

/** True for a token that is a plain decimal number as this module writes it. */
export function isNumeric(token: string | undefined): boolean {
  return token !== undefined && /^\d+(\.\d+)?$/.test(token);
}

function isDigitInt(token: string | undefined): boolean {
  return token !== undefined && /^\d+$/.test(token) && token.length <= 6;
}

/** A token that starts a spoken number (used by the homophone repair). */
export function isNumberWord(token: string | undefined): boolean {
  return (
    token !== undefined &&
    (token in UNIT_WORDS || token in TEEN_WORDS || token in TENS_WORDS || token === "hundred" || token === "thousand")
  );
}

interface Small {
  value: number;
  end: number;
  /** Set when the phrase is a compound ordinal ("twenty first" -> 21st). */
  ordinal?: boolean;
}

/** 0..99 in words: "seven", "fifteen", "seventy", "seventy two", "twenty first" (ordinal). */
function parseSmall(tokens: readonly string[], i: number): Small | null {
  const t = tokens[i];
  if (t === undefined) return null;
  const tens = TENS_WORDS[t];
  if (tens !== undefined) {
    const next = tokens[i + 1];
    if (next !== undefined && next !== "zero" && UNIT_WORDS[next] !== undefined) {
      return { value: tens + UNIT_WORDS[next]!, end: i + 2 };
    }
    if (next !== undefined && ORDINAL_UNIT_WORDS[next] !== undefined) {
      return { value: tens + ORDINAL_UNIT_WORDS[next]!, end: i + 2, ordinal: true };
    }
    return { value: tens, end: i + 1 };
  }
  const teen = TEEN_WORDS[t];
  if (teen !== undefined) return { value: teen, end: i + 1 };
  const unit = UNIT_WORDS[t];
  if (unit !== undefined) return { value: unit, end: i + 1 };
  return null;
}

/** A small number in words that is not an ordinal, or null. */
function parseSmallCardinal(tokens: readonly string[], i: number): Small | null {
  const s = parseSmall(tokens, i);
  return s && !s.ordinal ? s : null;
}

/** Optional tail after "hundred"/"thousand": ["and"] small. */
function parseTail(tokens: readonly string[], i: number): Small | null {
  if (tokens[i] === "and") {
    const s = parseSmallCardinal(tokens, i + 1);
    return s && s.value > 0 ? s : null;
  }
  const s = parseSmallCardinal(tokens, i);
  return s && s.value > 0 ? s : null;
}

/** 0..999: "a hundred", "hundred", "two hundred and five", "2 hundred", "twelve hundred", "seventy two". */
function parseBelowThousand(tokens: readonly string[], i: number, wordsOnly: boolean): Small | null {
  const t = tokens[i];
  let head: { value: number; end: number } | null = null;
  if (t === "a" && tokens[i + 1] === "hundred") head = { value: 1, end: i + 1 };
  else if (t === "hundred") head = { value: 1, end: i };
  else if (isDigitInt(t) && tokens[i + 1] === "hundred" && !wordsOnly) head = { value: Number(t), end: i + 1 };
  else {
    const s = parseSmall(tokens, i);
    if (!s) return null;
    if (s.ordinal || tokens[s.end] !== "hundred" || s.value === 0) return s;
    head = { value: s.value, end: s.end };
  }
  // tokens[head.end] === "hundred"
  if (head.value < 1 || head.value > 99) return null;
  let value = head.value * 100;
  let end = head.end + 1;
  const tail = parseTail(tokens, end);
  if (tail) {
    value += tail.value;
    end = tail.end;
  }
  return { value, end };
}

export interface NumberPhrase {
  /** The text that replaces the phrase: "72", "21.5", "21st". */
  readonly text: string;
  /** The numeric value (NaN for an ordinal). */
  readonly value: number;
  /** Index after the last token of the phrase. */
  readonly end: number;
  /** The phrase was the single word it started with (e.g. just "two"). */
  readonly singleWord: boolean;
}

function ordinalSuffix(n: number): string {
  const lastTwo = n % 100;
  if (lastTwo >= 11 && lastTwo <= 13) return "th";
  const last = n % 10;
  return last === 1 ? "st" : last === 2 ? "nd" : last === 3 ? "rd" : "th";
}

/**
 * Reads the spoken number that starts at tokens[i], or returns null when none starts
 * there (or when the words must stay words: fractions, "one" as a pronoun). A plain
 * digit token only starts a phrase when something joins it ("2 hundred", "2 point 5",
 * "2 and a half").
 */
export function readNumber(tokens: readonly string[], i: number): NumberPhrase | null {
  const t = tokens[i];
  if (t === undefined) return null;
  const startsWithDigit = isNumeric(t);
  let value: number;
  let end: number;
  let ordinal = false;

  if (startsWithDigit) {
    if (isDigitInt(t) && (tokens[i + 1] === "hundred" || tokens[i + 1] === "thousand")) {
      const below = tokens[i + 1] === "hundred" ? parseBelowThousand(tokens, i, false) : null;
      value = below ? below.value : Number(t);
      end = below ? below.end : i + 1;
    } else {
      value = Number(t);
      end = i + 1;
    }
  } else if (t === "a" && tokens[i + 1] === "thousand") {
    value = 1;
    end = i + 1;
  } else if (t === "thousand") {
    value = 1;
    end = i;
  } else {
    const below = parseBelowThousand(tokens, i, true);
    if (!below) return null;
    value = below.value;
    end = below.end;
    ordinal = below.ordinal === true;
  }

  if (!ordinal && tokens[end] === "thousand" && value >= 1 && value <= 999 && Number.isInteger(value)) {
    value *= 1000;
    end += 1;
    const rest = tokens[end] === "and" ? end + 1 : end;
    const below = parseBelowThousand(tokens, rest, true);
    if (below && !below.ordinal && below.value > 0) {
      value += below.value;
      end = below.end;
    }
  }

  const singleWord = end === i + 1 && !startsWithDigit;
  if (ordinal) return { text: `${value}${ordinalSuffix(value)}`, value: Number.NaN, end, singleWord: false };

  // "one and a half" -> 1.5
  if (tokens[end] === "and" && tokens[end + 1] === "a" && tokens[end + 2] === "half" && Number.isInteger(value)) {
    if (!startsWithDigit && singleWord && t === "one" && keepOneAsWord(tokens, i)) return null;
    return { text: `${value}.5`, value: value + 0.5, end: end + 3, singleWord: false };
  }
  // "twenty one point five" -> 21.5 (digit words after "point" are read one by one;
  // a digit token after "point" is left alone, so a second pass cannot join anything new)
  if (tokens[end] === "point" && Number.isInteger(value)) {
    let digits = "";
    let j = end + 1;
    for (; j < tokens.length; j++) {
      const d = tokens[j]!;
      if (UNIT_WORDS[d] === undefined) break;
      digits += String(UNIT_WORDS[d]);
    }
    if (digits !== "")
      return { text: `${value}.${digits}`, value: Number(`${value}.${digits}`), end: j, singleWord: false };
  }

  if (startsWithDigit) {
    // A lone digit token is already normal; report it only when words were joined to it.
    return end === i + 1 ? null : { text: String(value), value, end, singleWord: false };
  }
  // Fractions stay words: "two thirds", "one half", "three quarters".
  const next = tokens[end];
  if (next !== undefined && FRACTION_WORDS.has(next) && value <= 10) return null;
  if (singleWord && t === "one" && keepOneAsWord(tokens, i)) return null;
  return { text: String(value), value, end, singleWord };
}

/** "one" as a pronoun or in an idiom stays a word: "the left one", "one of them". */
function keepOneAsWord(tokens: readonly string[], i: number): boolean {
  const after = tokens[i + 1];
  if (after !== undefined && ONE_COUNTED.has(after)) return false;
  if (after !== undefined && ONE_PRONOUN_AFTER.has(after)) return true;
  let j = i - 1;
  while (
    j >= 0 &&
    (ONE_ADJECTIVES.has(tokens[j]!) ||
      ORDINAL_UNIT_WORDS[tokens[j]!] !== undefined ||
      /^\d+(st|nd|rd|th)$/.test(tokens[j]!))
  )
    j--;
  const det = tokens[j];
  if (det !== undefined && ONE_DETERMINERS.has(det)) return true;
  // "which one", "no one", "this one" directly; a bare adjective ("back one inch") is not enough.
  return false;
}
