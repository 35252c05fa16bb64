/**
 * Inverse text normalization of a driver's transcript, applied to every query before
 * it reaches the model: the generator applies it to the training data and the runtime
 * applies it to what the speech recognizer (or a person) delivers, so the model only
 * ever sees one written form of each thing a person can say.
 *
 * What it does, in order:
 * - lowercase, strip accents, keep letters, digits and apostrophes inside words;
 *   punctuation that carries no meaning becomes a space; whitespace collapses;
 * - symbols that carry meaning become words: "%" -> "percent", "°" -> "degrees",
 *   "a/c" -> "ac", "&" -> "and"; "21°C" -> "21 degrees celsius";
 * - hesitations ("uh", "um", "erm") are dropped;
 * - spoken numbers become digits ("seventy-two" -> 72, "a hundred" -> 100,
 *   "one hundred fifty" -> 150, "twenty one point five" -> 21.5); "half", fractions,
 *   plain ordinals and "one" as a pronoun stay words;
 * - lengths become whole millimetres ("2 cm" -> "20 mm", "an inch" -> "25 mm");
 * - the homophones a recognizer confuses are repaired where the context is certain:
 *   "two"/"too" before a number or "max/level..." -> "to" ("set it two seventy" ->
 *   "set it to 70"), "two"/"to" before "loud/much/bright..." -> "too", "four" before
 *   "me/us/you..." or a seat ("heater four the passenger") -> "for", "to"/"for" before a
 *   counted unit ("to degrees warmer", "for notches") -> 2 / 4, a value after "to" ("set
 *   the fan to to" / "to for") -> 2 / 4.
 *   "to", "too" and "for" otherwise stay words. After "by" a lone homophone is the step
 *   ("volume down by for" -> "by 4").
 * - other words a recognizer writes for a control word, only in a context that leaves no
 *   doubt: "of" for "off" after turn/switch/shut/power or at the end of a command that names
 *   something switchable ("seat ventilation of", "turn the fan of please"); "write" for
 *   "right" beside window/side/seat or after rear/front ("rear write window"); "have way"
 *   for "halfway" at the end of an opening/closing phrase ("open the sunroof have way");
 *   "hi" for "high" at the end of a level phrase ("seat heating on hi"), "won" for "one"
 *   after level/setting/to, before a unit, or at the end after up/down/by or a tens word
 *   ("fan down won", "twenty won celsius", "up won degree"), "for"/"to"/"too" between a tens
 *   word and "degrees" ("seventy for degrees" -> 74), "too" between a tens word and
 *   celsius/fahrenheit ("twenty too celsius" -> 22), a final "for" after a dial's up/down
 *   ("volume down for" -> 4; "down for now" stays),
 *   "buy" for "by" after a direction ("down buy 4"), "al" for "all"
 *   before "the"/"windows", "widow(s)" for "window(s)" after an article or a window's
 *   position, "clothes" for "close" when a closable thing follows within three words and
 *   no number comes first,
 *   words a recognizer split ("re cline" -> "recline", "win dough" -> "window", "for word"
 *   -> "forward" after a seat or a move, "d frost" -> "defrost", "otto mode" -> "auto
 *   mode"), an article glued to its word ("allot", "alot", "abit", "alittle"), a final
 *   "for" after a tens value ("to seventy for" -> 74), "ate" after a tens value or before a
 *   unit ("to sixty ate" -> 68), "on my feat" / "face and feat" -> "feet", "real left/right
 *   window" -> "rear", "rays the/my" before a thing a driver raises -> "raise", "four" between
 *   a seat device and passenger/driver -> "for" ("ventilation four passenger"), and a final
 *   "two/too the max" -> "to the max".
 *
 * The function is total (never throws), deterministic and idempotent:
 * normalize(normalize(x)) == normalize(x).
 */
import { isNumberWord, isNumeric, readNumber } from "./numbers.js";
import { LENGTH_UNITS, toMillimetres } from "./units.js";

/** Longest normalized transcript accepted (characters). */
export const MAX_TRANSCRIPT_CHARS = 300;
/** Raw input longer than this is refused before any work is done. */
const MAX_RAW_CHARS = 4 * 1024;

export type NormalizeErrorCode = "empty" | "too_long";

export interface NormalizeError {
  readonly code: NormalizeErrorCode;
  readonly message: string;
}

export type NormalizeResult = { ok: true; text: string } | { ok: false; error: NormalizeError };

/** Hesitation sounds a recognizer writes out; they never carry meaning. */
const HESITATIONS = new Set(["uh", "uhh", "uhm", "um", "umm", "erm", "er", "err", "hmm", "hmmm"]);

/** Misspellings and variants folded into one written form. */
const SPELLING: Readonly<Record<string, string>> = {
  celcius: "celsius",
  celsious: "celsius",
  centigrade: "celsius",
  farenheit: "fahrenheit",
  farenheight: "fahrenheit",
  fahrenheight: "fahrenheit",
  farenhight: "fahrenheit",
  deg: "degrees",
  degs: "degrees",
};

/**
 * Words after which "two"/"too" can only have been "to" ("set the fan two max"). Articles
 * are not in the list: "fan to two, the seat heating on" loses its commas to a recognizer.
 */
const TO_CONTEXT_AFTER = new Set(["max", "maximum", "min", "minimum", "full", "halfway", "level", "auto", "automatic"]);
/** "two" (not "too") before a level word was "to": "seat heating two high". */
const TO_LEVEL_AFTER = new Set(["low", "medium", "high"]);
/** Words after which "to" (or "two") can only have been "too" ("it's to loud"). */
const TOO_CONTEXT_AFTER = new Set(["loud", "much", "stuffy", "noisy", "windy"]);
/**
 * Words after which "two" was "too" but "to" may be right ("to close the windows", "switch
 * to dark mode", "set it to hot"), so only "two" is repaired before them.
 */
const TOO_ONLY_FROM_TWO = new Set([
  "hot",
  "cold",
  "warm",
  "cool",
  "bright",
  "dark",
  "quiet",
  "fast",
  "slow",
  "close",
  "far",
]);
/** Words after which "four" can only have been "for" ("warmer four me"). */
const FOR_CONTEXT_AFTER = new Set(["me", "us", "you", "him", "her", "them"]);
/**
 * "seat heater four the passenger": "four", then "the"/"my", then a seat or zone. It is
 * repaired only after a word that cannot take a value ("heater", "on", "please"), never
 * after one that can ("fan four the driver...", "to four the passenger..."), where a
 * recognizer may have dropped the comma of a run-on request.
 */
const FOR_BEFORE_DETERMINER = new Set(["the", "my"]);
const SEAT_OR_ZONE = new Set(["passenger", "passenger's", "driver", "driver's", "kids", "children", "rear", "back"]);
const TAKES_A_VALUE = new Set([
  "to",
  "too",
  "two",
  "at",
  "by",
  "level",
  "setting",
  "speed",
  "fan",
  "volume",
  "temperature",
  "temp",
  "up",
  "down",
  "of",
  "and",
  "is",
  "be",
  "number",
]);

interface Token {
  text: string;
  /** The single word a number was read from ("two" -> "2"), for the homophone repair. */
  fromWord?: string;
}

function tooLong(length: number): NormalizeResult {
  return {
    ok: false,
    error: {
      code: "too_long",
      message: `transcript is ${length} characters after normalization; the limit is ${MAX_TRANSCRIPT_CHARS}`,
    },
  };
}

/** Character-level clean-up: case, accents, symbols with meaning, punctuation without. */
function cleanCharacters(text: string): string {
  let s = text
    .replace(/(\d)\s*½/g, "$1 and a half ")
    .replace(/½/g, " half ")
    .replace(/¼/g, " a quarter ")
    .replace(/¾/g, " three quarters ")
    .replace(/[º˚]/g, "°")
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase();
  s = s.replace(/[‘’ʼ`´]/g, "'");
  s = s.replace(/\ba\s*\/\s*c\b/g, " ac ").replace(/\ba\.c\.?(?![a-z0-9])/g, " ac ");
  s = s.replace(/%/g, " percent ").replace(/°/g, " degrees ").replace(/&/g, " and ").replace(/\+/g, " plus ");
  s = s.replace(/(^|[^\p{L}\p{N}])[-−](?=\d)/gu, "$1 minus ");
  // Digit grouping "1,000" -> "1000"; a decimal point or clock colon between digits stays.
  s = s.replace(/(\d),(?=\d{3}(?!\d))/g, "$1");
  s = s.replace(/[^\p{L}\p{N}'.:]+/gu, " ");
  s = s.replace(/(?<!\d)[.:]|[.:](?!\d)/g, " ");
  // "20mm" -> "20 mm", "level2" -> "level 2"; ordinals ("21st", "3rd") stay whole.
  s = s.replace(/(\d)(?!(?:st|nd|rd|th)(?![\p{L}]))(\p{L})/gu, "$1 $2").replace(/(\p{L})(\d)/gu, "$1 $2");
  return s;
}

function splitWords(s: string): string[] {
  const out: string[] = [];
  for (const raw of s.split(" ")) {
    const w = raw.replace(/^'+|'+$/g, "");
    if (w === "" || HESITATIONS.has(w)) continue;
    out.push(SPELLING[w] ?? w);
  }
  return out;
}

/** Counted units: "to degrees" / "for notches" can only be a misheard "two" / "four". */
const COUNTED_UNITS = new Set([
  "degrees",
  "notches",
  "steps",
  "clicks",
  "levels",
  "inches",
  "centimeters",
  "centimetres",
  "cms",
  "millimeters",
  "millimetres",
]);

/**
 * "set the fan to to" / "to for": a value after "to" that a recognizer wrote as its
 * homophone. Only when what follows could not continue the sentence otherwise.
 */
function misheardValueAfterTo(next: string | undefined, context: ReadonlySet<string>): boolean {
  return (
    next === undefined ||
    !(context.has(next) || ARTICLES.has(next) || HOMOPHONE_CONTEXT.has(next) || isNumberWord(next) || isNumeric(next))
  );
}

/**
 * A run of "to"s ("to to to 2") is repaired only at its end: a "to" followed by another
 * homophone could still be a preposition, and repairing it would make a second pass read
 * the run differently (normalization must be idempotent).
 */
const HOMOPHONES_OF_TO = ["to", "too", "two", "for", "four"];

/**
 * Every word before which the homophone repair may rewrite a "two"/"too" as "to"/"too":
 * a value read after "to" must not be invented there, or a second pass would read
 * "to to high" (from "two two high") as "to 2 high".
 */
const HOMOPHONE_CONTEXT: ReadonlySet<string> = new Set([
  ...HOMOPHONES_OF_TO,
  ...TO_CONTEXT_AFTER,
  ...TO_LEVEL_AFTER,
  ...TOO_CONTEXT_AFTER,
  ...TOO_ONLY_FROM_TWO,
]);

/** Words that continue a phrase after "to"/"for" ("listen to to the end"). */
const ARTICLES = new Set(["the", "a", "an", "my", "your", "his", "her", "their", "our", "this", "that"]);

/** Multi-word forms folded into one: "per cent", "half way", a spelled-out "a c". */
function mergeWords(words: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const next = words[i + 1];
    if (w === "per" && next === "cent") {
      out.push("percent");
      i++;
    } else if ((w === "half" || (w === "have" && misheardHalfway(out, words[i + 2]))) && next === "way") {
      out.push("halfway");
      i++;
    } else if (w === "a" && next === "c" && !isNumeric(out[out.length - 1])) {
      out.push("ac");
      i++;
    } else if (w === "re" && next !== undefined && RECLINE_SPLIT.has(next)) {
      out.push(`re${next}`);
      i++;
    } else if (w === "win" && next !== undefined && WINDOW_SPLIT[next] !== undefined) {
      out.push(WINDOW_SPLIT[next]!);
      i++;
    } else if (w === "for" && next === "word" && FORWARD_AFTER.has(out[out.length - 1] ?? "")) {
      out.push("forward");
      i++;
    } else if (GLUED_ARTICLE[w] !== undefined) {
      out.push("a", GLUED_ARTICLE[w]!);
    } else if (
      w === "d" &&
      next !== undefined &&
      DEFROST_SPLIT.has(next) &&
      !CONTACT_VERBS.has(out[out.length - 1] ?? "")
    ) {
      out.push(`de${next}`);
      i++;
    } else if (w === "otto" && next === "mode") {
      out.push("auto");
    } else out.push(w);
  }
  return out;
}

/** "re cline my seat": a recognizer's split of "recline" ("re" alone is no spoken word). */
const RECLINE_SPLIT = new Set(["cline", "clined", "clines", "clining"]);
/** "roll the passenger win dough down": a recognizer's split of "window(s)". */
const WINDOW_SPLIT: Readonly<Record<string, string>> = {
  dough: "window",
  doe: "window",
  dose: "windows",
};
/** "turn it down abit": an article a recognizer glued to its word ("allot" is "a lot" too). */
const GLUED_ARTICLE: Readonly<Record<string, string>> = {
  allot: "lot",
  alot: "lot",
  abit: "bit",
  alittle: "little",
};
/**
 * "rear d frost off": a recognizer's split of "defrost(er)" ("d" is no spoken word). "de
 * frost" stays as it is: the training data teaches it as a split the model reads.
 */
const DEFROST_SPLIT = new Set(["frost", "froster", "frosters", "frosting"]);
/** "call d frost": a contact's initial, not a split. */
const CONTACT_VERBS = new Set(["call", "text", "message", "dial", "ring", "phone", "email", "tell", "ask", "from"]);
/** "move my seat for word": "forward" split, only after a seat or a move ("a prize for word games" stays). */
const FORWARD_AFTER = new Set([
  "seat",
  "seats",
  "it",
  "backrest",
  "seatback",
  "move",
  "slide",
  "push",
  "scoot",
  "bring",
  "lean",
  "tilt",
]);

/** Verbs after which "of" can only be "off" ("turn of the fan"). */
const OFF_VERBS = new Set([
  "turn",
  "turns",
  "turned",
  "turning",
  "switch",
  "switches",
  "switched",
  "switching",
  "shut",
  "shuts",
  "shutting",
  "power",
  "powered",
  "powering",
]);
/**
 * Things a driver switches off, after which a final "of" was "off" ("seat ventilation of").
 * A closed list on purpose: "what is it made of", "I'm tired of" keep their "of".
 */
const SWITCHABLE = new Set([
  "ac",
  "aircon",
  "conditioning",
  "conditioner",
  "fan",
  "fans",
  "blower",
  "heater",
  "heaters",
  "heating",
  "heat",
  "warmer",
  "warmers",
  "ventilation",
  "cooling",
  "defroster",
  "defrost",
  "demister",
  "defogger",
  "recirculation",
  "recirc",
  "auto",
  "mode",
  "climate",
  "control",
  "radio",
  "music",
  "audio",
  "sound",
  "stereo",
  "mute",
  "lock",
  "locks",
  "it",
  "them",
  "everything",
]);
/** "a big fan of": a person who likes something, not a blower (checked before "fan"). */
const ADMIRER_BEFORE = new Set(["a", "big", "huge", "massive", "biggest", "real", "true", "no"]);
/** Words that may follow a final command word without changing what it was. */
const COURTESY_TAIL = new Set(["please", "thanks", "now", "cheers", "mate", "car", "octopus"]);
/** "rear write window": "write" beside these was "right". */
const RIGHT_BEFORE = new Set([
  "window",
  "windows",
  "side",
  "seat",
  "seats",
  "zone",
  "hand",
  "passenger",
  "rear",
  "front",
]);
const RIGHT_AFTER = new Set(["rear", "front", "back"]);
/** "seat heating on hi": "hi" after these, at the end of a phrase, was "high" ("hi car" stays). */
const HIGH_AFTER = new Set([
  "on",
  "to",
  "at",
  "heating",
  "heater",
  "heat",
  "ventilation",
  "cooling",
  "fan",
  "speed",
  "blower",
  "level",
  "setting",
]);
/**
 * "seat heater for the passenger hi": after a seat, "hi" ends a level phrase only when a
 * device with levels was named before it ("tell the passenger hi" stays).
 */
const HIGH_LEVEL_DEVICES = new Set(["heating", "heater", "heat", "ventilation", "cooling", "warmer", "fan", "blower"]);
// "four" too: a later stage may read "hi four me" as "hi for me", and a second pass must agree.
const PHRASE_END = new Set(["and", "then", "for", "four", "thank", ...COURTESY_TAIL]);
/** "level won": "won" after these was "one" ("we won", "who won" stay). */
const ONE_AFTER = new Set(["level", "setting", "speed", "to", "at", "notch"]);
/**
 * "fan down won", "twenty won celsius": after a direction or a tens word, "won" was "one"
 * only when a unit or nothing (but courtesy) follows: "the team that was down won the
 * game" and "who in twenty twenty won the cup" stay.
 */
const ONE_AT_END_AFTER = new Set(["up", "down", "by"]);
/** Tens words: "twenty won celsius" / "seventy for degrees" are one number a recognizer split. */
const TENS = new Set(["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]);
/** Units before which a misheard "won" can only have been a number ("up won degree"). */
const UNIT_AFTER_DIGIT = new Set(["degree", "degrees", "celsius", "fahrenheit", "notch", "notches"]);
/**
 * A tens word where a value goes: "to seventy", "temperature sixty". "what did we pay thirty
 * for" and "only twenty ate" stay.
 */
function tensInValueSlot(out: readonly string[]): boolean {
  return TENS.has(out[out.length - 1] ?? "") && VALUE_SLOT.has(out[out.length - 2] ?? "");
}
const VALUE_SLOT = new Set(["to", "too", "two", "at", "temperature", "temp", "side", "zone", "rear"]);
/** Degrees only: "seventy for degrees" is 74, but "convert seventy to celsius" keeps its "to". */
const DEGREES = new Set(["degree", "degrees"]);
/**
 * "twenty too celsius" is 22: "too" never leads into a unit. "to" and "for" can ("convert
 * seventy to celsius", "set it to twenty for celsius people"), so they stay.
 */
const TEMPERATURE_UNITS = new Set(["celsius", "fahrenheit"]);
/** Courtesy words that may end a request after a repaired value; never "now" ("down for now"). */
const POLITE_END = new Set(["please", "thanks", "cheers"]);
/** What "up/down for" must follow to be a step of 4: "turn it down for", "volume up for". */
const DIALS = new Set(["it", "volume", "sound", "music", "radio", "fan", "blower", "temperature", "temp", "heat"]);
/** Words that open a new clause: a device named before them does not reach a "hi" after. */
const CLAUSE_OPENERS = new Set(["and", "then", "also", "but", "tell", "say", "said", "says"]);

/** A device with levels named earlier in the same clause ("seat heater for the passenger hi"). */
function levelDeviceInClause(before: readonly string[]): boolean {
  for (let j = before.length - 1; j >= 0; j--) {
    const w = before[j]!;
    if (CLAUSE_OPENERS.has(w)) return false;
    if (HIGH_LEVEL_DEVICES.has(w)) return true;
  }
  return false;
}
/** "down buy 4": "buy" after a direction was "by" ("I want to buy" stays). */
const BY_AFTER = new Set([
  "up",
  "down",
  "warmer",
  "cooler",
  "hotter",
  "colder",
  "louder",
  "quieter",
  "forward",
  "forwards",
  "back",
  "backward",
  "backwards",
  "higher",
  "lower",
]);
/** "close all the widows": after these, "widow(s)" was "window(s)" ("she is a widow" stays). */
const WINDOW_NAMED_AFTER = new Set([
  "the",
  "all",
  "my",
  "your",
  "both",
  "front",
  "rear",
  "back",
  "left",
  "right",
  "driver",
  "driver's",
  "passenger",
  "passenger's",
]);
/**
 * "clothes the sunroof": "clothes" was "close" when one of these follows within three words
 * ("fold the clothes", "pack clothes the night before" stay). "widow(s)" is here because
 * this same pass may turn it into "window(s)", and a second pass must agree.
 */
const CLOSABLE_AHEAD = new Set([
  "sunroof",
  "moonroof",
  "sunshade",
  "shade",
  "blind",
  "roof",
  "window",
  "windows",
  "widow",
  "widows",
]);
/**
 * "air on my feat", "face and feat": only where air is sent ("on/to/at my/the feat") or
 * after "face and" ("quite the feat", "their feat" stay).
 */
function misheardFeet(out: readonly string[]): boolean {
  const prev = out[out.length - 1];
  const before = out[out.length - 2];
  if (prev === "and") return before === "face";
  return (prev === "my" || prev === "the") && AIR_SENT.has(before ?? "");
}
const AIR_SENT = new Set(["on", "to", "at", "towards", "onto"]);
/**
 * Windows and seats: "real left window" names a rear one. "widow(s)" because this same pass
 * may repair it, and a second pass must agree.
 */
const REAR_THINGS = new Set(["window", "windows", "widow", "widows", "seat", "seats"]);
/**
 * "real left window" / "real right seat": a left or right window or seat named after "real"
 * was a rear one. A bare "real window" or "real side" stays: "a real window seat on the
 * flight", "your real side".
 */
function misheardRear(words: readonly string[], i: number): boolean {
  const next = words[i + 1];
  // "write": this same pass reads it as "right" ("real write window"), and a second pass must agree
  return (next === "left" || next === "right" || next === "write") && REAR_THINGS.has(words[i + 2] ?? "");
}
/**
 * What a driver raises: "rays the passenger window" ("the sun's rays the whole day" stays).
 * "widow(s)" because this same pass may repair it, and a second pass must agree.
 */
const RAISABLE = new Set([
  "window",
  "windows",
  "widow",
  "widows",
  "volume",
  "temperature",
  "temp",
  "fan",
  "seat",
  "passenger",
  "passenger's",
  "driver",
  "driver's",
  "rear",
  "front",
  "sunshade",
]);
/**
 * "rays" before "the/my/all the" and a thing a driver raises. Never without the determiner:
 * "are you a rays fan", "the rays driver got hurt" (a team) stay.
 */
function misheardRaise(words: readonly string[], i: number): boolean {
  let j = i + 1;
  if (words[j] === "all" || words[j] === "al") j++; // "al": this same pass reads it as "all"
  if (words[j] !== "the" && words[j] !== "my") return false;
  j++;
  // "real left window": this same pass reads it as "rear", and a second pass must agree
  return RAISABLE.has(words[j] ?? "") || (words[j] === "real" && misheardRear(words, j));
}
/**
 * A closable thing within the next three words after "clothes", with no number in between.
 * A number (or a word a later step may turn into one, "seventy two" -> "72", "half an inch"
 * -> "13 mm") ends the search: later steps change how many words it takes, and a second pass
 * must see the same thing as the first. ("pack clothes for a week and a window scraper" stays.)
 */
function closableAhead(words: readonly string[], i: number): boolean {
  for (let j = i + 1; j < words.length && j <= i + 3; j++) {
    const w = words[j]!;
    if (isNumeric(w) || isNumberWord(w) || MAY_BECOME_NUMBER.has(w)) return false;
    if (CLOSABLE_AHEAD.has(w)) return true;
  }
  return false;
}
/** Words a later step of the same pass may turn into a number or a length. */
const MAY_BECOME_NUMBER = new Set(["ate", "won", "for", "to", "too", "two", "half", "a", "an"]);
/** "close al the windows": "al" before these was "all" ("call al" stays). */
const ALL_BEFORE = new Set(["the", "windows", "of"]);
/** "open the sunroof have way": only at the end of the phrase, never "I have way too much". */
const HALFWAY_FOLLOWERS = new Set(["open", "down", "up", "closed", "shut", "and", "then", "thank", ...COURTESY_TAIL]);
const HALFWAY_NOT_AFTER = new Set(["i", "we", "you", "they", "i'd", "we'd", "you'd", "they'd", "would"]);

function misheardHalfway(before: readonly string[], after: string | undefined): boolean {
  const prev = before[before.length - 1];
  // Never after a number or a word a later stage may read as one ("to to have way" becomes
  // "to 2 have way"): a second pass must see the same context as the first.
  return (
    prev !== undefined &&
    !HALFWAY_NOT_AFTER.has(prev) &&
    !HOMOPHONES_OF_TO.includes(prev) &&
    !isNumeric(prev) &&
    !isNumberWord(prev) &&
    (after === undefined || HALFWAY_FOLLOWERS.has(after))
  );
}

/**
 * Whether only courtesy words ("please", "thank you") follow index i. `tail` is the
 * courtesy list: `POLITE_END` where "now" or "car" after the word would leave doubt.
 */
function endsAfter(words: readonly string[], i: number, tail: ReadonlySet<string> = COURTESY_TAIL): boolean {
  for (let j = i + 1; j < words.length; j++) {
    const w = words[j]!;
    if (tail.has(w)) continue;
    if (w === "thank" && words[j + 1] === "you" && j + 2 >= words.length) return true;
    return false;
  }
  return true;
}

/** A final "of" after something switchable ("seat ventilation of"), but not "a big fan of". */
function switchedOffAtEnd(before: readonly string[], words: readonly string[], i: number): boolean {
  const device = before[before.length - 1]!;
  if (!SWITCHABLE.has(device)) return false;
  if (device === "fan" && ADMIRER_BEFORE.has(before[before.length - 2] ?? "")) return false;
  return endsAfter(words, i);
}

/**
 * "of" -> "off", "write" -> "right", "hi" -> "high", "won" -> "one", "buy" -> "by", "al" -> "all"
 * where a recognizer misheard a control word (see the module comment).
 */
function repairMisheardWords(words: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const prev = out[out.length - 1];
    const next = words[i + 1];
    if (w === "of" && prev !== undefined && (OFF_VERBS.has(prev) || switchedOffAtEnd(out, words, i))) {
      out.push("off");
    } else if (
      w === "hi" &&
      prev !== undefined &&
      (HIGH_AFTER.has(prev) || (SEAT_OR_ZONE.has(prev) && levelDeviceInClause(out))) &&
      (next === undefined || PHRASE_END.has(next))
    ) {
      out.push("high");
    } else if (
      w === "won" &&
      prev !== undefined &&
      (ONE_AFTER.has(prev) ||
        (next !== undefined && UNIT_AFTER_DIGIT.has(next)) ||
        ((TENS.has(prev) || ONE_AT_END_AFTER.has(prev)) && endsAfter(words, i, POLITE_END)))
    ) {
      out.push("one");
    } else if (
      (w === "for" || w === "to" || w === "too") &&
      prev !== undefined &&
      TENS.has(prev) &&
      next !== undefined &&
      (DEGREES.has(next) || (w === "too" && TEMPERATURE_UNITS.has(next)))
    ) {
      // "seventy for degrees": a recognizer's split of 74. (Digits are not joined: "70 for
      // degrees" stays 70 and "4 degrees"; recognizers that write digits write "74".)
      out.push(w === "for" ? "four" : "two");
    } else if (w === "for" && tensInValueSlot(out) && endsAfter(words, i, POLITE_END)) {
      // "set the driver's side to seventy for": nothing follows, so "for" was the units digit.
      // ("twenty too" stays: "passenger twenty too" can mean "as well".)
      out.push("four");
    } else if (w === "ate" && (tensInValueSlot(out) || UNIT_AFTER_DIGIT.has(next ?? ""))) {
      // "to sixty ate", "ate degrees": a number, not the verb ("only twenty ate" stays)
      out.push("eight");
    } else if (w === "feat" && misheardFeet(out) && (next === "and" || endsAfter(words, i))) {
      out.push("feet");
    } else if (w === "real" && misheardRear(words, i)) {
      out.push("rear");
    } else if (w === "rays" && misheardRaise(words, i)) {
      out.push("raise");
    } else if (w === "buy" && prev !== undefined && BY_AFTER.has(prev)) {
      out.push("by");
    } else if (w === "al" && next !== undefined && ALL_BEFORE.has(next)) {
      out.push("all");
    } else if ((w === "widow" || w === "widows") && prev !== undefined && WINDOW_NAMED_AFTER.has(prev)) {
      out.push(w === "widow" ? "window" : "windows");
    } else if (w === "clothes" && closableAhead(words, i)) {
      out.push("close");
    } else if (
      w === "write" &&
      ((next !== undefined && RIGHT_BEFORE.has(next)) ||
        (next === "real" && misheardRear(words, i + 1)) || // this same pass reads it as "rear"
        (prev !== undefined && RIGHT_AFTER.has(prev)))
    ) {
      out.push("right");
    } else out.push(w);
  }
  return out;
}

/**
 * Values a recognizer wrote as words: "to to" / "to for" / "to degrees" / "for notches".
 * Runs after the multi-word forms are folded, so it judges the word that really follows
 * ("to for a c" is "to for ac", not "to for" + article).
 */
function repairSpokenValues(words: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const next = words[i + 1];
    const prev = out[out.length - 1];
    const valueSlot = prev === "to" || prev === "by";
    if ((w === "to" || w === "too") && valueSlot && misheardValueAfterTo(next, TO_CONTEXT_AFTER)) {
      out.push("2");
    } else if (w === "for" && valueSlot && misheardValueAfterTo(next, FOR_CONTEXT_AFTER)) {
      out.push("4");
    } else if (
      w === "for" &&
      (prev === "up" || prev === "down") &&
      DIALS.has(out[out.length - 2] ?? "") &&
      endsAfter(words, i, POLITE_END)
    ) {
      // "volume down for": nothing follows "for", so it was the step "four"
      out.push("4");
    } else if ((w === "to" || w === "too") && next !== undefined && COUNTED_UNITS.has(next)) {
      out.push("2");
    } else if (w === "for" && next !== undefined && COUNTED_UNITS.has(next)) {
      out.push("4");
    } else out.push(w);
  }
  return out;
}

function readNumbers(words: readonly string[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < words.length; ) {
    const phrase = readNumber(words, i);
    if (phrase) {
      out.push(phrase.singleWord ? { text: phrase.text, fromWord: words[i]! } : { text: phrase.text });
      i = phrase.end;
    } else {
      out.push({ text: words[i]! });
      i++;
    }
  }
  return out;
}

function isSingularUnit(word: string | undefined): word is string {
  return word !== undefined && LENGTH_UNITS[word] !== undefined && !word.endsWith("s");
}

/**
 * Lengths without a digit, before numbers are read: "an inch" -> "25 mm", "a centimetre"
 * -> "10 mm", "half an inch" / "a half inch" -> "13 mm". ("one and a half inches" is
 * left to the number reader.)
 */
function convertWordLengths(words: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const next = words[i + 1];
    if (w === "half" && !(words[i - 1] === "a" && words[i - 2] === "and")) {
      const j = next === "a" || next === "an" ? i + 2 : i + 1;
      const unit = words[j];
      if (isSingularUnit(unit)) {
        if (out[out.length - 1] === "a") out.pop();
        out.push(String(toMillimetres(0.5, unit)), "mm");
        i = j;
        continue;
      }
    }
    if ((w === "a" || w === "an") && isSingularUnit(next) && next !== "mm" && next !== "mil") {
      out.push(String(toMillimetres(1, next)), "mm");
      i++;
      continue;
    }
    out.push(w);
  }
  return out;
}

/** "<n> cm" -> "<10n> mm", "3 inches" -> "76 mm" (after numbers are read). */
function convertNumericLengths(tokens: readonly Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const next = tokens[i + 1]?.text;
    if (isNumeric(t.text) && next !== undefined && LENGTH_UNITS[next] !== undefined) {
      out.push({ text: String(toMillimetres(Number(t.text), next)) }, { text: "mm" });
      i++;
      continue;
    }
    out.push(t);
  }
  return out;
}

/**
 * "volume two the max": "two"/"too", "the", then max/min ending the request was "to". Not
 * after a word that sets a value ("set the fan to two the max is too loud" keeps its 2).
 */
function toTheLimit(tokens: readonly Token[], i: number): boolean {
  const prev = tokens[i - 1]?.text;
  const tail = tokens[i + 3]?.text;
  return (
    tokens[i + 1]?.text === "the" &&
    LIMITS.has(tokens[i + 2]?.text ?? "") &&
    (tail === undefined || COURTESY_TAIL.has(tail)) &&
    prev !== undefined &&
    !VALUE_BEFORE_LIMIT.has(prev)
  );
}
/** Words after which "two" is the value itself ("fan to two, the max is too loud"). */
const VALUE_BEFORE_LIMIT = new Set(["to", "too", "two", "on", "at", "by", "level", "setting", "speed", "and"]);
const LIMITS = new Set(["max", "maximum", "min", "minimum"]);

/**
 * "ventilation four passenger": "four" straight before a front seat, without "the"/"my",
 * only after a seat device's name and not before a plural ("four passenger seats" counts
 * seats; "heater on four passenger side" may be level 4).
 */
const FRONT_SEATS = new Set(["passenger", "passenger's", "driver", "driver's"]);
const SEAT_DEVICES = new Set(["heating", "heater", "heat", "ventilation", "cooling", "warmer"]);
const COUNTED_AFTER_SEAT = new Set(["seats", "windows", "doors", "profiles", "sides"]);

/** to/two/too and for/four, only where the following word leaves no doubt. */
function repairHomophones(tokens: Token[]): void {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const next = tokens[i + 1]?.text;
    if (next === undefined) continue;
    const nextIsNumber = isNumeric(next) || isNumberWord(next);
    if (t.fromWord === "two" || t.text === "two") {
      if (nextIsNumber || TO_CONTEXT_AFTER.has(next) || TO_LEVEL_AFTER.has(next) || toTheLimit(tokens, i))
        tokens[i] = { text: "to" };
      else if (TOO_CONTEXT_AFTER.has(next) || TOO_ONLY_FROM_TWO.has(next)) tokens[i] = { text: "too" };
    } else if (t.text === "too") {
      if (nextIsNumber || TO_CONTEXT_AFTER.has(next) || toTheLimit(tokens, i)) tokens[i] = { text: "to" };
    } else if (t.text === "to") {
      if (TOO_CONTEXT_AFTER.has(next)) tokens[i] = { text: "too" };
    } else if (t.fromWord === "four" || t.text === "four") {
      const prev = tokens[i - 1]?.text;
      const after = tokens[i + 2]?.text;
      const seatNamed =
        (FOR_BEFORE_DETERMINER.has(next) && after !== undefined && SEAT_OR_ZONE.has(after)) ||
        (FRONT_SEATS.has(next) && SEAT_DEVICES.has(prev ?? "") && !COUNTED_AFTER_SEAT.has(after ?? ""));
      if (FOR_CONTEXT_AFTER.has(next)) tokens[i] = { text: "for" };
      else if (seatNamed && prev !== undefined && !TAKES_A_VALUE.has(prev) && !isNumeric(prev) && !isNumberWord(prev))
        tokens[i] = { text: "for" };
    }
  }
}

/** "21 c" -> "21 degrees celsius", "degrees f" -> "degrees fahrenheit". */
function expandTemperatureUnits(words: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const prev = out[out.length - 1];
    if ((w === "c" || w === "f") && prev !== undefined) {
      const unit = w === "c" ? "celsius" : "fahrenheit";
      if (prev === "degrees" || prev === "degree") {
        out.push(unit);
        continue;
      }
      if (isNumeric(prev)) {
        out.push("degrees", unit);
        continue;
      }
    }
    out.push(w);
  }
  return out;
}

/** Normalizes a transcript for the model (see the module comment). Never throws. */
export function normalizeTranscript(text: string): NormalizeResult {
  if (text.length > MAX_RAW_CHARS) return tooLong(text.length);
  const words = convertWordLengths(
    repairSpokenValues(repairMisheardWords(mergeWords(splitWords(cleanCharacters(text))))),
  );
  const tokens = convertNumericLengths(readNumbers(words));
  repairHomophones(tokens);
  const out = expandTemperatureUnits(tokens.map((t) => t.text)).join(" ");
  if (out === "") {
    return { ok: false, error: { code: "empty", message: "transcript has no words after normalization" } };
  }
  if (out.length > MAX_TRANSCRIPT_CHARS) return tooLong(out.length);
  return { ok: true, text: out };
}
