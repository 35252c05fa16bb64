/**
 * How a phrase reaches the model: politeness and wake words around it, typed or
 * recognizer style, and speech-recognizer noise (dropped small words, homophones,
 * stutters, hesitations, mis-segmented words). Noise never changes what was asked:
 * "to" before a value and "by" are never dropped, numbers are never altered.
 */
import type { Draft } from "./families/types.js";
import type { G } from "./lexicon.js";
import { capitalize, tidy } from "./text.js";

const POLITE_PRE = [
  "please ",
  "could you ",
  "can you ",
  "would you ",
  "could you please ",
  "can you please ",
  "would you please ",
  "I need you to ",
  "I want you to ",
  "go ahead and ",
  "quickly ",
  "just ",
  "kindly ",
  "I'd like you to ",
];
const WAKE = [
  "hey car, ",
  "ok car, ",
  "car, ",
  "hey octopus, ",
  "hello car, ",
  "hey, ",
  "excuse me, ",
  "hi, ",
  "okay car ",
];
const FILLER_PRE = [
  "uh ",
  "um, ",
  "so ",
  "okay so ",
  "actually, ",
  "oh and ",
  "and ",
  "right, ",
  "alright, ",
  "yeah ",
  "hmm, ",
  "er, ",
  "erm ",
];
const IMPERATIVE_SUFFIX = [
  " please",
  " thanks",
  " thank you",
  " for me",
  " now",
  " right now",
  " please and thank you",
  ", would you",
  ", will you",
  " if you can",
  " real quick",
  " when you get a chance",
  " if you don't mind",
  ", cheers",
  " please car",
  " thanks car",
];
const INTERJECTIONS = [
  "ugh, ",
  "man, ",
  "wow, ",
  "oh, ",
  "honestly, ",
  "jeez, ",
  "gosh, ",
  "oof, ",
  "phew, ",
  "seriously, ",
];

/**
 * Remarks a driver adds after a command that change nothing about it (never one that
 * hints at another function: no "it's hot" after a window command), so that a long
 * single command still means one call.
 */
const REMARK_SUFFIX = [
  ", I'm in a hurry",
  ", we're almost home",
  ", we're nearly there",
  ", we're running late",
  ", thanks a lot",
  ", thank you so much",
  ", much appreciated",
  ", appreciate it",
  ", that'd be great",
  ", that would be great",
  ", if that's okay",
  ", if that's alright",
  ", cheers mate",
  ", I'm driving",
  ", no rush",
  ", when you can",
  ", okay?",
  ", alright?",
  ", thanks buddy",
  ", my hands are full",
];
/** Remarks before a command, comma-led, fitting terse commands too ("before I forget, AC off"). */
const REMARK_PRE = [
  "one more thing, ",
  "before I forget, ",
  "while I remember, ",
  "real quick, ",
  "okay one more, ",
  "oh right, ",
];
/** Requests that lead into a verb ("do me a favor and close the window"). */
const REQUEST_PRE = [
  "do me a favor and ",
  "do me a favour and ",
  "if you could ",
  "I'd appreciate it if you could ",
  "be a star and ",
];

/** "would you mind opening the sunroof": a request asked with the verb's -ing form. */
const GERUND_PRE = ["would you mind ", "do you mind ", "would you mind just ", "could you go ahead and "];
const GERUND_IRREGULAR: Readonly<Record<string, string>> = {
  "de-ice": "de-icing",
  defog: "defogging",
  "de-fog": "de-fogging",
};

/** "open" -> "opening", "close" -> "closing", "put" -> "putting", "max out" -> "maxing out". */
export function gerund(verb: string): string {
  const irregular = GERUND_IRREGULAR[verb];
  if (irregular) return irregular;
  if (/e$/.test(verb) && !/ee$/.test(verb)) return `${verb.slice(0, -1)}ing`;
  // One vowel between consonants in one syllable doubles the last: "set" -> "setting"
  if (/^[^aeiou]*[aeiou][^aeiouwxy]$/.test(verb)) return `${verb}${verb.slice(-1)}ing`;
  return `${verb}ing`;
}

/** The draft with its leading verb in the -ing form after "would you mind", or null when it has none. */
function gerundRequest(g: G, text: string): string | null {
  const m = VERB_START.exec(text);
  if (!m || /^(don't|let)\b/i.test(text)) return null;
  const verb = m[0]!.toLowerCase();
  const pre = g.pick(GERUND_PRE);
  if (pre.includes("go ahead")) return `${pre}${text}`;
  const words = verb.split(" ");
  const ing = [gerund(words[0]!), ...words.slice(1)].join(" ");
  return `${pre}${ing}${text.slice(verb.length)}`;
}

export interface Surfaced {
  readonly query: string;
  /** Recognizer noise changed words (the row's category becomes asr_noise for a single command). */
  readonly asr: boolean;
}

/**
 * An imperative that starts with a verb takes "could you ..."; a terse one ("volume up",
 * "AC off", "more air") only takes a wake word, a filler or "please" after it.
 */
const VERB_START =
  /^(turn|switch|put|bring|push|raise|increase|boost|up|lower|decrease|reduce|drop|make|go|set|change|adjust|crank|pump|dial|mute|unmute|hit|press|silence|kill|cut|take|cancel|stop|restore|shush|hush|heat|warm|cool|keep|let|knock|speed|slow|blow|give|start|enable|activate|disable|deactivate|shut|fire|recirculate|use|close|defrost|defog|demist|de-mist|de-fog|de-ice|deice|clear|get|air out|direct|point|aim|send|route|move|slide|shift|lift|sit|scoot|recline|lean|tilt|lay|straighten|ease|roll|wind|crack|open|engage|release|disengage|lock|unlock|childproof|remove|retract|pull|draw|extend|deploy|unroll|stow|tuck|peel|vent|ventilate|max out|don't|lay|sit|bump|heat|cool|leave|exit|close|bring|play|navigate|call|phone|ring|text|send|read|reply|email|find|add|show|skip|shuffle|repeat|tune|resume|remind|order|book|schedule|check|flash|dim|spray|wash|clean|fold|unfold|honk|beep|park|engage|save|recall|translate|define|convert|tell|sing|say|talk|help|answer|hang|decline|redial|dial|share|avoid|reroute|zoom|cancel|queue|throw|stick|buzz|ping|shoot|preheat|arm|track|plot|guide|drive|head|pop|fasten|buckle|flip)\b/i;
const TERSE_SUFFIX = [" please", " thanks", " now", " please car", ", thanks", " thank you"];

/** Politeness, wake word and filler around a draft, fitting its form. */
export function wrap(g: G, d: Draft): string {
  let pre = "";
  let suf = "";
  if (d.form === "imperative" && (!VERB_START.test(d.text) || /^\S+ (on|off)( please)?$/.test(d.text))) {
    const r = g.rng.next();
    if (r < 0.15) pre = g.pick(WAKE);
    else if (r < 0.25) pre = g.pick(FILLER_PRE);
    else if (r < 0.29) pre = g.pick(REMARK_PRE);
    if (g.chance(0.25) && !/please$/.test(d.text)) suf = g.pick(TERSE_SUFFIX);
    if (/^( please| thanks| now|)$/.test(suf) && g.chance(0.1)) suf += g.pick(REMARK_SUFFIX);
  } else if (d.form === "imperative") {
    const r = g.rng.next();
    if (r < 0.2) pre = g.pick(POLITE_PRE);
    else if (r < 0.3) pre = g.pick(WAKE);
    else if (r < 0.38) pre = g.pick(FILLER_PRE);
    else if (r < 0.45) pre = g.pick(WAKE) + g.pick(POLITE_PRE);
    else if (r < 0.49) pre = g.pick(REQUEST_PRE);
    else if (r < 0.52) pre = g.pick(REMARK_PRE);
    else if (r < 0.56 && d.calls.length <= 1) {
      // one request only: "would you mind opening the window and close the sunroof" is not said
      const asked = gerundRequest(g, d.text);
      if (asked) return tidy(asked);
    }
    if (g.chance(0.3)) suf = g.pick(IMPERATIVE_SUFFIX);
    if (pre.trim() === "please" && suf.includes("please")) suf = "";
    if (/^( please| thanks| now| for me|)$/.test(suf) && g.chance(0.12)) suf += g.pick(REMARK_SUFFIX);
  } else if (d.form === "question") {
    const r = g.rng.next();
    if (r < 0.15) pre = g.pick(WAKE);
    else if (r < 0.25) pre = g.pick(FILLER_PRE);
    if (g.chance(0.15)) suf = " please";
    else if (g.chance(0.06)) suf = g.pick([", thanks", ", thank you", ", I'm in a hurry", ", we're almost home"]);
  } else {
    const r = g.rng.next();
    if (r < 0.15) pre = g.pick(WAKE);
    else if (r < 0.27) pre = g.pick(INTERJECTIONS);
    else if (r < 0.35) pre = g.pick(FILLER_PRE);
  }
  return tidy(`${pre}${d.text}${suf}`);
}

function endPunctuation(g: G, text: string, form: Draft["form"]): string {
  if (/[?.!]$/.test(text)) return "";
  const asks =
    form === "question" ||
    /^(hey car, |ok car, |car, )?(could|can|would|will) you\b/i.test(text) ||
    /, (would|will) you$/.test(text);
  if (asks) return g.chance(0.85) ? "?" : "";
  return g.pick([".", ".", "!", "", ""]);
}

/** Typed style: sentence case and punctuation. */
function typed(g: G, text: string, form: Draft["form"]): string {
  const t = g.chance(0.85) ? capitalize(text) : text;
  return t.replace(/\bi\b/g, "I").replace(/\bi'/g, "I'") + endPunctuation(g, text, form);
}

/** Recognizer style: lower case, no punctuation (apostrophes kept, as most recognizers do). */
function spoken(text: string): string {
  return tidy(text.toLowerCase().replace(/[,!?;:]|\.(?!\d)/g, " "));
}

// ------------------------------------------------------------------ recognizer noise

const MISHEARD: readonly (readonly [RegExp, readonly string[]])[] = [
  [/\bdefroster\b/, ["the froster", "de froster", "defrost her"]],
  [/\bdefrost\b/, ["the frost", "de frost"]],
  [/\bdemister\b/, ["the mister", "de mister"]],
  [/\bdefog\b/, ["the fog", "de fog"]],
  [/\baircon\b/, ["air con", "air khan"]],
  [/\bac\b/, ["a c", "a.c.", "ace"]],
  [/\ba\/c\b/, ["a c", "ac"]],
  [/\bwindshield\b/, ["wind shield", "windshields"]],
  [/\bwindscreen\b/, ["wind screen"]],
  [/\bsunroof\b/, ["sun roof", "son roof"]],
  [/\bmoonroof\b/, ["moon roof"]],
  [/\bsunshade\b/, ["sun shade"]],
  [/\bbackrest\b/, ["back rest"]],
  [/\bsteering wheel\b/, ["steering will", "steering wheels"]],
  [/\bseat\b/, ["seat", "sea"]],
  [/\bdriver's\b/, ["drivers", "driver"]],
  [/\bpassenger's\b/, ["passengers", "passenger"]],
  [/\brecirculation\b/, ["recirculating", "re circulation", "recirculate"]],
  [/\bvolume\b/, ["volume", "volumes"]],
  [/\bheated\b/, ["heat it", "heater"]],
  [/\bventilation\b/, ["ventilations", "vent elation"]],
  [/\bcentimeters\b/, ["centimeter", "centimetres"]],
  [/\bdegrees\b/, ["degree"]],
  [/\bthermostat\b/, ["thermostats"]],
  [/\bchild lock\b/, ["child locks", "child log"]],
];

const APOSTROPHES: readonly (readonly [RegExp, string])[] = [
  [/\bit's\b/g, "its"],
  [/\bi'm\b/g, "im"],
  [/\bcan't\b/g, "cant"],
  [/\bdon't\b/g, "dont"],
  [/\bthat's\b/g, "thats"],
  [/\bwhat's\b/g, "whats"],
  [/\bi'd\b/g, "id"],
  [/\blet's\b/g, "lets"],
];

const TO_BEFORE = /\bto (?=(\d|max|maximum|minimum|full|level|halfway|low|medium|high)\b)/g;
const FOR_BEFORE = /\bfor (?=(me|us)\b)/g;
const TOO_BEFORE = /\btoo (?=(loud|hot|cold|bright|much|quiet|warm|stuffy|noisy|windy|drafty|high|low|strong)\b)/g;

type Op = (g: G, s: string) => string;

/** Replaces each match with probability p (at least the first one when any matches). */
function replaceSome(g: G, s: string, re: RegExp, replacement: () => string, p = 0.7): string {
  let first = true;
  return s.replace(re, (m) => {
    const hit = first || g.chance(p);
    first = false;
    return hit ? replacement() : m;
  });
}

const OPS: readonly Op[] = [
  // drop articles and politeness ("open the window" -> "open window")
  (g, s) => replaceSome(g, s, /(?<!all )\bthe (?!whole way)/g, () => "", 0.6),
  (g, s) => s.replace(/\b(please|could you|can you|would you) /, g.chance(0.5) ? "" : "$1 "),
  // homophones: to/two/too, for/four
  (g, s) => replaceSome(g, s, TO_BEFORE, () => g.pick(["two ", "too "])),
  (g, s) => replaceSome(g, s, FOR_BEFORE, () => "four "),
  (g, s) => replaceSome(g, s, TOO_BEFORE, () => g.pick(["to ", "two "])),
  (g, s) => s.replace(/\bto (two|2)\b/, () => `to ${g.pick(["to", "too"])}`).replace(/\bto (four|4)\b/, "to for"),
  // stutter and hesitation
  (g, s) => {
    const w = s.split(" ");
    const i = g.int(0, Math.min(2, w.length - 1));
    if (/\d/.test(w[i]!)) return s;
    w.splice(i, 0, w[i]!);
    return w.join(" ");
  },
  (g, s) => {
    const w = s.split(" ");
    const i = g.int(0, w.length);
    if (i === 0) return `${g.pick(["like", "you know", "so", "uh", "um", "erm"])} ${s}`;
    if (/\d/.test(w[i - 1]!)) return s;
    w.splice(i, 0, g.pick(["uh", "um", "uh", "er", "erm"]));
    return w.join(" ");
  },
  // mis-segmented or misheard words
  (g, s) => {
    const hits = MISHEARD.filter(([re]) => re.test(s));
    if (hits.length === 0) return s;
    const [re, alts] = g.pick(hits);
    return s.replace(re, g.pick(alts));
  },
  (_g, s) => APOSTROPHES.reduce((acc, [re, r]) => acc.replace(re, r), s),
];

function recognizerNoise(g: G, clean: string): string {
  let s = clean;
  const n = g.rng.weighted([1, 2, 3], (k) => (k === 1 ? 0.5 : k === 2 ? 0.35 : 0.15));
  for (let i = 0; i < n; i++) s = tidy(g.pick(OPS)(g, s));
  return s;
}

/**
 * The query as a person typed it or a recognizer delivered it. `noiseShare` is the
 * share of recognizer-noise renderings (positives use more, negatives a little).
 */
export function surface(g: G, d: Draft, noiseShare: number): Surfaced {
  const text = wrap(g, d);
  const r = g.rng.next();
  if (r < noiseShare) {
    const clean = spoken(text);
    const noisy = recognizerNoise(g, clean);
    return { query: noisy, asr: noisy !== clean };
  }
  if (r < noiseShare + (1 - noiseShare) * 0.45) return { query: spoken(text), asr: false };
  return { query: typed(g, text, d.form), asr: false };
}
