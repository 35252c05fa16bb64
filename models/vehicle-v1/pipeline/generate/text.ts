/**
 * Text helpers for phrasing: `{a|b|c}` template choices, numbers spoken as words, and
 * tidy spacing. Pure functions of the PRNG, so the data set is reproducible.
 */
import type { Rng } from "./prng.js";

const INNER_GROUP = /\{([^{}]*)\}/;

/**
 * Expands a phrasing template: every `{a|b|c}` group becomes one of its options (an
 * empty option makes the group optional: `{please |}`); groups may nest. Spacing is
 * tidied afterwards.
 */
export function expand(rng: Rng, template: string): string {
  let s = template;
  for (let m = INNER_GROUP.exec(s); m; m = INNER_GROUP.exec(s)) {
    const options = m[1]!.split("|");
    s = s.slice(0, m.index) + rng.pick(options) + s.slice(m.index + m[0].length);
  }
  if (/[{}|]/.test(s)) throw new Error(`template has a choice outside braces or unbalanced braces: ${template}`);
  return tidy(s);
}

/** Collapses runs of spaces and removes spaces before punctuation. */
export function tidy(s: string): string {
  return s
    .replace(/\s+/g, " ")
    .replace(/\s+([,.?!])/g, "$1")
    .replace(/,+/g, ",")
    .trim();
}

const ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];
const TEENS = [
  "ten",
  "eleven",
  "twelve",
  "thirteen",
  "fourteen",
  "fifteen",
  "sixteen",
  "seventeen",
  "eighteen",
  "nineteen",
];
const TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

/** 0..999 in words, with the variants people use ("seventy-two" / "seventy two", "a hundred and fifty"). */
export function numberWords(rng: Rng, n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 999) throw new Error(`numberWords: ${n} is out of 0..999`);
  if (n < 10) return ONES[n]!;
  if (n < 20) return TEENS[n - 10]!;
  if (n < 100) {
    const tens = TENS[Math.floor(n / 10)]!;
    const unit = n % 10;
    return unit === 0 ? tens : `${tens}${rng.chance(0.5) ? "-" : " "}${ONES[unit]}`;
  }
  const h = Math.floor(n / 100);
  const rest = n % 100;
  const head = h === 1 ? rng.pick(["a hundred", "one hundred"]) : `${ONES[h]} hundred`;
  return rest === 0 ? head : `${head}${rng.chance(0.5) ? " and " : " "}${numberWords(rng, rest)}`;
}

/** A number as a person would write or a recognizer would output it: digits or words. */
export function sayNumber(rng: Rng, n: number, wordsShare = 0.45): string {
  return rng.chance(wordsShare) ? numberWords(rng, n) : String(n);
}

/** First letter upper case (typed style). */
export function capitalize(s: string): string {
  return s.length === 0 ? s : s[0]!.toUpperCase() + s.slice(1);
}
