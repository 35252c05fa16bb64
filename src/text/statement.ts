/**
 * Words that tell, from grammar alone, that a driver is not asking for anything: a report of
 * what someone did ("my wife turned the heat up earlier", "I used to keep my seat all the
 * way back") or a hypothetical question ("if I opened the sunroof on the highway, would it
 * be noisy?", "suppose I set it to 80, how long would it take?").
 *
 * Why: the model answers most of these with a call. It has training families for both
 * phenomena (near.narration, near.consequence, near.wish_judge), yet past-tense command
 * verbs and conditionals it has not seen in exactly those words still read to it as the
 * command inside them. A car must not act on a story. The shapes below are English grammar,
 * not a list of utterances: a subject followed by the past tense of a command verb and its
 * object; "if" + a subject other than "you" followed by a hedge ("would it", "I'd");
 * "suppose", "what happens if"; a question about consequences ("will it", "is it bad",
 * "should I").
 *
 * Only ever in the safe direction: a finding turns the agent's answer into "no request", it
 * never adds or changes a call. So it holds back whenever the words may also carry a request:
 * - request words anywhere: "please", "thanks", "can/could/would/will you", "can we", "how
 *   about", "mind", "I'd like", "I'd really …", "I'll have", "that would be great";
 * - an imperative after the matched words, punctuated or not: a command verb with an
 *   object that follows no subject, modal or "to" ("my son opened the window close it",
 *   "if it gets hot maybe turn the fan up"), or any command verb after "and/so/then/now";
 * - after a report, a complaint about now ("… it's too hot now", "… but it's still cold");
 * - a later clause that does not simply go on with the story (a past tense, "apparently")
 *   or, after a hypothetical, hedge ("would it be noisy", "how long would it take"):
 *   "…, a bit cooler", "…, the passenger one too" are requests;
 * - polite questions: "would you", "would it be possible to", "would it be too much
 *   trouble to turn …", "do you think the heat could go up", "what if we …", "can/could …".
 * Kept as findings on purpose, as the dev sets' writers and the generator label them:
 * questions whether something would help ("would tilting the sunroof help stop the
 * fogging?") and advice questions ("should I use the defroster or wipe the glass?").
 *
 * A third kind, `negated`: a command the driver forbids, said on its own ("please don't turn
 * on the AC"); see `negatedCommand`.
 *
 * Three more (sixteenth round): an `opinion` ("my mom hates it when the steering wheel gets
 * hot", "heated seats are overrated"), a `capability` question ("can the passenger seat go
 * back far enough for …?") and a `phone` number ("dial 555 0142"); see `opinion`,
 * `capabilityQuestion` and `phoneNumber`.
 *
 * Works on the normalized words (lowercase, no punctuation) of each clause of
 * src/text/clauses.ts, so a recognizer's unpunctuated text is read the same way.
 */
import { splitClauses } from "./clauses.js";
import { findComfortStatement } from "./comfort.js";

export type StatementKind = "report" | "hypothetical" | "negated" | "opinion" | "capability" | "phone";

/** How the log names each kind (one entry per kind: the compiler checks none is missing). */
export const STATEMENT_KIND_LABELS: Readonly<Record<StatementKind, string>> = {
  report: "a report",
  hypothetical: "a hypothetical",
  negated: "a negated command",
  opinion: "an opinion",
  capability: "a question about what the car can do",
  phone: "a phone number",
};

export interface StatementFinding {
  readonly kind: StatementKind;
  /** The words that made the finding, for the log and the evaluation report. */
  readonly evidence: string;
}

/** Command verbs in the base form: an item that starts with one is a request. */
const COMMAND_VERBS =
  "reopen reset restore undo turn switch set put open close shut raise lower crank bump drop change mute unmute roll move push pull recline adjust increase decrease boost reduce start stop activate deactivate enable disable make bring slide tilt lock unlock heat cool warm blast run knock kill crack lift give take keep leave pop wind nudge tweak dial defog defrost demist engage disengage kick fire cut ditch hit aim point direct send blow lean let silence quiet dim vent seal shade block draw retract extend";

/**
 * Past forms of the command verbs whose past differs from the base, and of verbs a report
 * uses for a setting ("had the heat on", "kept the AC on", "left the sunroof open").
 */
const PAST_DISTINCT =
  "turned switched opened closed raised lowered cranked bumped dropped changed muted unmuted rolled moved pushed pulled reclined adjusted increased decreased boosted reduced started stopped activated deactivated enabled disabled made brought slid tilted locked unlocked heated cooled warmed blasted ran knocked killed cracked lifted gave took kept left had popped wound nudged tweaked dialled dialed engaged disengaged kicked fired ditched aimed pointed directed sent blew leaned silenced quieted dimmed vented sealed shaded blocked drew retracted extended";

/**
 * Verbs whose past is the base form ("she put the heat on"): read as past only after a
 * third-person subject, because "I set it to 20" or "we put the windows down" can be a
 * driver describing what they want done.
 */
const PAST_SAME = "set put shut cut hit let";

const COMMAND = new Set(COMMAND_VERBS.split(" "));
const COMMAND_ALT = [...COMMAND].join("|");
const PAST = PAST_DISTINCT.split(" ").join("|");
const SAME = PAST_SAME.split(" ").join("|");

/**
 * Words a driver puts before anything else: wake words, fillers, time adverbs. Stripped by
 * `stripLead` before the patterns below, not matched inside them: as an optional repeated
 * group in a regular expression, overlapping phrases ("earlier today" = "earlier" +
 * "today") backtrack exponentially on a long run of them (a 280-character transcript took
 * ~250 ms); stripping is linear. No pattern starts with one of these words.
 */
const LEAD_PHRASES = [
  "hey",
  "hi",
  "hello",
  "ok",
  "okay",
  "oh",
  "so",
  "well",
  "um",
  "uh",
  "hm",
  "hmm",
  "ah",
  "ugh",
  "argh",
  "phew",
  "oof",
  "jeez",
  "gosh",
  "wow",
  "whoa",
  "oops",
  "man",
  "oh man",
  "yeah",
  "seriously",
  "excuse me",
  "er",
  "erm",
  "alright",
  "right",
  "now",
  "car",
  "octopus",
  "by the way",
  "just so you know",
  "fyi",
  "honestly",
  "actually",
  "anyway",
  "yesterday",
  "earlier",
  "earlier today",
  "today",
  "this morning",
  "last night",
  "last week",
  "the other day",
  "on the way here",
  "before",
].sort((a, b) => b.length - a.length);

/** A word said twice or more in a row ("the the", "my my"); numbers are left alone. */
const STUTTER = /\b([a-z][a-z']*)(?: \1\b)+/g;
/**
 * One word for a stutter ("the the kids", "don't close close the sunroof"), except a part, a
 * setting or a degree said twice, and a state or command right after a part: "the kids
 * opened the windows | windows up", "… up max max", "… the sunroof shut | shut it" ask for
 * something.
 */
function unstutter(run: string, word: string, offset: number, clause: string): string {
  if (PARTS.test(word) || PLURAL_PARTS.test(word) || SETTING_END.has(word) || DEGREES.has(word)) return run;
  if (STATES.has(word) || COMMAND.has(word)) {
    // A command said twice is one ("don't close close the sunroof"), unless it follows a
    // part, where the first is the part's state ("the sunroof shut | shut it").
    const before = clause.slice(0, offset).trim().split(" ").at(-1) ?? "";
    if (PARTS.test(before) || PLURAL_PARTS.test(before)) return run;
  }
  return word;
}

/** `clause` without its leading wake words, fillers and time adverbs. */
function stripLead(clause: string): string {
  let rest = clause;
  for (;;) {
    const lead = LEAD_PHRASES.find((p) => rest.startsWith(`${p} `));
    if (lead === undefined) return rest;
    rest = rest.slice(lead.length + 1);
  }
}

/** Words of a setting: a noun phrase holding one is a terse request ("the seat vent on put ..."). */
const SETTING_WORDS =
  "on|off|up|down|open|closed|max|maximum|min|minimum|high|low|medium|back|forward|a|tad|bit|level|to";
/**
 * Words that name a part of the car (and what a report says was done to it): the object of
 * a reported verb must name one within a few words ("closed the sunshade"), so that a terse
 * request followed by its reason is no report ("the sunshade closed, the sun's in my eyes").
 */
const PART_WORDS =
  "windows?|sunroof|moonroof|roof|shade|sunshade|blind|music|radio|tunes|stereo|speakers?|volume|sound|audio|heat|heater|heaters|heating|air|aircon|ac|a c|air conditioning|climate|fan|blower|seats?|backrest|temperature|temp|thermostat|defrost|defroster|demister|wheel|recirculation|vents?|lock|locks|mute";
/** Subjects of a report; "you" is not one ("you turned it up too much" may want a fix). */
const FIRST = "(?:i|we)";
/**
 * A third-person subject: a pronoun, or "my/our/the …" and up to four words that hold no
 * other determiner, pronoun or relative word, so that "the seat the way I had it" or "the
 * temperature I set it to" (terse requests) are not read as a subject and its verb.
 */
const NP_STOP =
  "the|a|an|my|your|our|his|her|their|i|we|you|he|she|they|it|where|how|like|when|that|which|who|way|what|same";
const THIRD = String.raw`(?:he|she|they|someone|somebody|everyone|nobody|no one|(?:my|our|his|her|their|the)(?:\s+(?!(?:${PAST}|${SAME}|${SETTING_WORDS}|${NP_STOP}|is|was|are|were|has|have|had|will|would|can|could|should)\b)[a-z-]+(?=\s)){1,4})`;
const ADVERB = String.raw`(?:(?:just|already|accidentally|finally|never|always|also|even|once|probably|apparently|definitely|must have|must've|have|has|had|'ve)\s+)*`;
/**
 * What follows a reported verb: its object ("the heat", "all the windows", "it"), possibly
 * after a particle ("turned up the heat"). An amount is no object ("lowered a bit" is a
 * terse request for a window, not a report), nor "all the way".
 */
const OBJECT = String.raw`(?:(?:up|down|on|off|back|out)\s+)?(?:(?:it|them)(?=\s|$)|(?:the|my|our|his|her|their|both|every|that|this|all|a|an)(?:\s+[a-z'-]+){0,3}?\s+(?:${PART_WORDS})\b)`;

const REPORT = new RegExp(
  String.raw`^(?:(${FIRST})\s+${ADVERB}(${PAST})|(${THIRD})\s+${ADVERB}(${PAST}|${SAME}))\s+${OBJECT}`,
);
/** "I used to keep my seat all the way back": a habit of the past. */
const USED_TO = new RegExp(String.raw`^(?:${FIRST}|${THIRD})\s+used to\b`);

/** Openers that make the whole sentence a hypothetical ("what if we …" is a suggestion: not one). */
const SUPPOSE =
  /^(?:what (?:happens|would happen|will happen)|(?:suppose|supposing|imagine)(?! (?:you|we)\b)|hypothetically|in theory)\b/;
/** "if" + a subject other than "you": a condition whose main clause decides. */
const IF_CLAUSE = /^if\s+(?:i|we|it|he|she|they|the|my|our|there)\b/;
/**
 * A question about a consequence: "would/will/does + subject + help/hurt/use/… / be too …"
 * ("would it use more fuel", "would 18 degrees be too cold for a baby"). Not "would you".
 */
const CONSEQUENCE = String.raw`(?:would|will|does|do|did)\s+(?!you\b|u\b)(?:it|that|this|\d+|[a-z]+ing|(?:the|a|an|my)(?:\s+[a-z'-]+){1,3}?)(?:\s+[a-z'-]+){0,3}?\s+(?:be (?:too (?!much\b)|really|very|so|bad|noisy|safe|enough|hot enough|cold enough)|help|hurt|use|drain|damage|cost|matter|affect|waste|burn|fog|wear)\b`;
/**
 * Main clauses after such a condition that ask or muse instead of requesting: a consequence
 * question, "how long …", "I'd turn on …" (a command verb right after "I'd"/"we'll"), "maybe
 * we'll …". Not "I'd like", "I'd really like", "maybe turn …", "could …".
 */
const HEDGE = String.raw`(?:${CONSEQUENCE}|how (?:long|much|many|bad|loud|cold|hot|far)\b|(?:i'd|we'd|i would|we would|i'll|we'll)\s+(?:${COMMAND_ALT})\b|(?:maybe|probably)\s+(?:we'll|i'll|it'll|we will|i will|it will|we'd|i'd|it'd|we would|i would|it would)\b|what then\b)`;
/** "I'd …" / "we'll …" muses only after a condition contrary to fact ("if it were colder"). */
const MUSING = /^(?:i'd|we'd|i would|we would|i'll|we'll)\b/;
const COUNTERFACTUAL = /\b(?:were|was|had|did)\b|\b[a-z]{3,}ed\b/;
const HEDGE_AT_START = new RegExp(`^${HEDGE}`);
const HEDGE_ANYWHERE = new RegExp(String.raw`\b${HEDGE}`);
/** Questions about a consequence or advice. */
const QUESTION = new RegExp(
  String.raw`^(?:${CONSEQUENCE}|do you (?:think|reckon)\s+(?!you\b|u\b)|is it (?:bad|safe|normal|better|worse|wise|smart|a good idea|worth|true|harmful|dangerous)\b|should (?:i|we)\b)`,
);
/** "would it be too much trouble to turn …": a request inside a consequence question. */
const TO_COMMAND = new RegExp(String.raw`\bto (?:${COMMAND_ALT})\b`);
/** "do you think the heat could go up": a request inside "do you think". */
const MODAL = /\b(?:could|can|might|maybe|possible|possibly|would)\b/;

/** Words that carry a request wherever they stand. */
const REQUEST_WORDS =
  /\b(?:please|pls|can you|could you|would you|will you|can u|could u|could ya|would ya|can ya|mind|if you could|if you would|if you wouldn't|how about|can we|could we|let's|lets|go ahead and|i'd like|i would like|i want|i need|we need|i'd love|i'd prefer|i'd rather|i'd really|i'd just|i'd quite|i'd much|i'd be happy|we'd really|i would really|i'll have|we'll have|can i|could i|kindly|fancy|do it|do that|go ahead|undo|instead|you should|would be (?:great|nice|lovely|good|better|perfect)|that'd be (?:great|nice|lovely|good|better|perfect)|is (?:better|fine|good)|thanks|thank you|cheers|much appreciated)\b/;
/** A command verb after a joining word: "... so turn it down", "... and open the sunroof". */
const JOINED_COMMAND = new RegExp(
  String.raw`\b(?:and|but|so|then|now|just)\s+(?:(?:also|please|just)\s+)?(?:${COMMAND_ALT}|do|get)\b`,
);
/**
 * A complaint about how things are now, after a story: "my wife turned the heat up it's too
 * hot now", "I turned it to 70 but it's still cold". It may want a fix: the model decides.
 */
const COMPLAINT = /\b(?:it's|its|it is|i'm|im|i am|still|now|need|too)\b/;

/** Words before a command verb that make it no imperative: its subject, a modal, "to". */
const NOT_IMPERATIVE_AFTER = new Set(
  "i we you he she they it to would will could can should shall might may must did do does didn't don't dont doesn't not never help let make".split(
    " ",
  ),
);
/** Words that start a command verb's object: "close it", "turn the heat", "crack a window". */
const OBJECT_STARTS = new Set(
  "it them the my our his her their all both that this up down on off back out a an some".split(" "),
);
const PARTS = new RegExp(`^(?:${PART_WORDS})$`);
const PLURAL_PARTS = new RegExp(`^(?:${PART_WORDS})s$`);

/** Whether a verb after `prev` has its subject, a modal or "to" before it: no imperative. */
function notImperativeAfter(prev: string | undefined): boolean {
  return prev !== undefined && (NOT_IMPERATIVE_AFTER.has(prev) || /'(?:d|ll)$/.test(prev));
}

/**
 * Whether the words hold an imperative: a command verb with an object, not after its
 * subject, a modal or "to" ("my son opened the window close it", "if it gets hot turn the
 * fan up").
 */
function hasImperative(words: readonly string[], from = 0): boolean {
  return nextImperative(words, from) >= 0;
}

/** Where the next imperative (see `hasImperative`) starts, or -1. */
function nextImperative(words: readonly string[], from = 0): number {
  for (let i = from; i < words.length; i++) {
    const w = words[i] as string;
    if (!COMMAND.has(w)) continue;
    const prev = words[i - 1];
    if (notImperativeAfter(prev)) continue;
    // A state after a part ("left the windows open", "pulled the sunshade shut") and the
    // noun in "child lock" are no verbs.
    if ((w === "open" || w === "shut") && prev !== undefined && PARTS.test(prev)) continue;
    if (w === "lock" && (prev === "child" || prev === "window")) continue;
    const next = words[i + 1];
    if (next !== undefined && OBJECT_STARTS.has(next)) return i;
  }
  return -1;
}

/** Past forms a story goes on with ("… and forgot all about it", "it rained all night"). */
const NARRATIVE_PAST = new Set(
  `was were had got went came fell froze forgot left took made said thought felt did didn't couldn't wasn't weren't kept ran sat slept woke rained snowed spent drove stayed ${PAST_DISTINCT}`.split(
    " ",
  ),
);
const STORY_SUBJECTS = new Set("i we he she they it that there everyone".split(" "));
const STORY_TAILS =
  /^(?:no idea why|apparently|i think|i guess|for some reason|just so you know|to be honest|by the way|for the news|on the way here)\b/;

/**
 * Words right after a report's object that still belong to it: the state it was left in
 * ("turned the heat up", "left the sunroof open", "had the fan on full"), or a value ("set
 * the temperature to 76").
 */
const PARTICLES = new Set("up down on off back out open shut closed running going blasting cracked".split(" "));
const DEGREES = new Set("full max maximum high low loud blast wide".split(" "));
const UNITS = new Set("degrees degree percent celsius fahrenheit".split(" "));
/**
 * Words that, in what follows a story, may ask for something: a part, a setting or a state,
 * a wish ("I wanted it open"), a number. A story's tail is time and place ("earlier", "on
 * the way here", "while I was in the shop") and how it went ("and forgot all about it").
 */
const ASKING = new Set(
  `up down off back open opened closed shut max maximum min minimum high low medium full half halfway warmer cooler hotter colder louder quieter softer higher lower cold hot forward forwards backward backwards upright further feet face windshield windscreen fresh outside mine try tilted cracked locked unlocked muted unmuted heated cooled ventilated degrees degree percent celsius fahrenheit notch notches level setting want wanted wants asked prefer preferred like liked better rather need needed same`.split(
    " ",
  ),
);

/**
 * Whether `words` only tell: no part, setting, wish or number, no command verb that follows
 * no subject, modal or "to" ("… close", "… unmute"), no "on it".
 */
function onlyTells(words: readonly string[]): boolean {
  // Any command verb that follows no subject, modal or "to" counts, with or without an
  // object, so this also covers `hasImperative`.
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string;
    if (/\d/.test(w) || ASKING.has(w) || PARTS.test(w) || PLURAL_PARTS.test(w)) return false;
    if (COMMAND.has(w) && !notImperativeAfter(words[i - 1])) return false;
    // "on" is a place ("on the way here", "on sunday") unless it is a setting ("… on it again").
    if (
      (w === "on" || w === "off") &&
      (words[i + 1] === undefined || /^(?:it|them|again|now)$/.test(words[i + 1] as string))
    )
      return false;
  }
  return true;
}

/**
 * How many of the words after a report's object finish the part's name ("my seat |
 * heater", "the steering | wheel"); a repeat is no part of it ("the windows | windows up").
 */
function partNameRest(report: string, rest: readonly string[]): number {
  let i = 0;
  let previous = report.split(" ").at(-1);
  while (i < rest.length && PARTS.test(rest[i] as string) && rest[i] !== previous) previous = rest[i++];
  return i;
}

/**
 * Whether a degree after "to"/"at" is the value of the report's state: "up/on/open … to
 * max", "down … to low". "turned the heat off to max" or "down to max" asks for something.
 */
function degreeFits(state: string | undefined, degree: string): boolean {
  if (!DEGREES.has(degree)) return false;
  if (degree === "low") return state === "down";
  return state === "up" || state === "on" || state === "open";
}

/**
 * Whether the words after a report's object only finish the story: an optional state or
 * value that belongs to the report ("up", "open", "on full", "to 76 degrees"), then a tail
 * that only tells. "my wife turned the heat up cooler", "the kids opened the windows windows
 * up", "… set the temp to 80 72 instead" ask for something.
 */
function reportTailTells(report: string, rest: readonly string[]): boolean {
  let i = 0;
  // One state per report: "switched off the ac | on again" asks for the other one.
  const stateBefore =
    /\b(up|down|on|off|back|out)\s+(?:it|them|the|my|our|his|her|their|both|every|that|this|all|a|an)\b/.exec(report);
  let state = stateBefore?.[1];
  if (!stateBefore && PARTICLES.has(rest[i] ?? "")) {
    state = rest[i];
    i++;
    if (DEGREES.has(rest[i] ?? "")) i++;
    else if (rest[i] === "on" && DEGREES.has(rest[i + 1] ?? "")) i += 2;
  }
  if (/^(?:to|at|on)$/.test(rest[i] ?? "") && /^\d+$/.test(rest[i + 1] ?? "")) {
    i += 2;
    if (UNITS.has(rest[i] ?? "")) i++;
  } else if (/^(?:to|at)$/.test(rest[i] ?? "") && degreeFits(state, rest[i + 1] ?? "")) {
    // "turned the fan up to max before I got in": the value the report names.
    i += 2;
  }
  // What is left only finishes the story: no feeling, complaint or terse request ("… up to
  // max we're freezing", "… so loud").
  return asksNothing(rest.slice(i).join(" "));
}

/**
 * Whether a later clause only goes on with the story or the question: it only tells
 * (`onlyTells`) and starts with a past tense ("and forgot all about it", "it rained") or a
 * known tail ("apparently"); or, after a hypothetical, it hedges ("would it be noisy", "how
 * long would it take"). Anything else may be a request ("close it", "a bit cooler", "I
 * wanted it open", "the passenger one too"), and the model decides.
 */
function continuesStory(clause: string, hypothetical: boolean): boolean {
  const c = clause.replace(/^(?:(?:and|but|so|then|oh|well|anyway|which)\s+)*/, "");
  const words = c.split(" ");
  if (hasImperative(words)) return false;
  if (hypothetical && HEDGE_AT_START.test(c)) return true;
  if (!onlyTells(words)) return false;
  if (STORY_TAILS.test(c)) return true;
  if (NARRATIVE_PAST.has(words[0] ?? "")) return true;
  return STORY_SUBJECTS.has(words[0] ?? "") && NARRATIVE_PAST.has(words[1] ?? "");
}

/**
 * Verbs that can follow "don't" in a request after all: "don't let it get cold", "don't
 * leave the windows open", "don't keep the AC on", "don't make it too cold".
 */
const NEGATION_MAY_ASK = new Set("let keep leave make stop take give hold".split(" "));
/** Words after which a "don't" still starts a command: "…, but don't open the windows". */
const NEGATION_MAY_FOLLOW = new Set("and but so then also now just please oh ok okay no".split(" "));
/** Words between the negation and its verb: "don't ever open …", "do not please …". */
const NEGATION_FILLS = new Set(["ever", "please", "you"]);
/** Words before a negation that own it: a subject ("I don't need …") or "why" (a suggestion). */
const NEGATION_OWNERS = new Set("i you we they he she it who why that this there".split(" "));
/** Verbs a negated command may have: the command verbs, and "touch" ("don't touch the fan"). */
const NEGATED_VERB = new Set([...[...COMMAND].filter((v) => !NEGATION_MAY_ASK.has(v)), "touch"]);
/** Words said after a command that add nothing to it. */
const COURTESY = /^(?:thanks|thank you|please|ok|okay|cheers|thanks a lot)$/;

/** Words after the part in "I don't want the AC on anymore" that say no more than "on". */
const WISH_TAIL = new Set("on running anymore any more now again please thanks today either".split(" "));

/**
 * "I don't want the AC on", "we don't need the seat heater anymore": the speaker declines a
 * part, and the model turned some of these on. Forbidden as "turn on <the part>" (what the
 * driver surely does not want), never as the wish itself: the model reads "i need the ac" as
 * AC off. "I don't want to open the window" forbids "open the window". Only with a part named.
 * `subject` is the index of "i"/"we", `after` the index after the negation.
 */
function unwanted(words: readonly string[], subject: number, after: number): ForbiddenCommand | null {
  if (words[subject] !== "i" && words[subject] !== "we") return null;
  const verb = words[after];
  if (verb !== "want" && verb !== "need") return null;
  const evidence = words.slice(subject).join(" ");
  // Never the statement check's whole-utterance finding: "I don't need the AC anymore" alone
  // asks for the AC off, which only the model can answer.
  const startsClause = false;
  if (words[after + 1] === "to") {
    const rest = words.slice(after + 2);
    if (!COMMAND.has(rest[0] ?? "") || NEGATION_MAY_ASK.has(rest[0] ?? "")) return null;
    return { evidence, command: rest.join(" "), startsClause, requestFollows: false };
  }
  // The part ends at the first word that says no more than "on" or starts something else
  // ("we don't need it anymore, please cut the a/c": "it", no part, nothing forbidden).
  const rest = words.slice(after + 1);
  const stop = rest.findIndex((w) => WISH_TAIL.has(w) || COMMAND.has(w));
  const object = stop < 0 ? rest : rest.slice(0, stop);
  if (!object.some((w) => PARTS.test(w) || PLURAL_PARTS.test(w))) return null;
  return { evidence, command: ["turn", "on", ...object].join(" "), startsClause, requestFollows: false };
}

/** A command the driver forbids ("don't open the windows"), within one clause. */
export interface ForbiddenCommand {
  /** From the negation to the end of the command: "don't open the windows". */
  readonly evidence: string;
  /** The command itself, without the negation: "open the windows". */
  readonly command: string;
  /** Whether the negation starts its clause (after wake words and fillers). */
  readonly startsClause: boolean;
  /** Whether another imperative follows it in the clause ("don't open it close it"). */
  readonly requestFollows: boolean;
}

/**
 * The negated commands in a clause: "don't"/"dont"/"do not"/"never", then a command verb
 * (not one of NEGATION_MAY_ASK), where the negation starts the clause, follows a joining
 * word ("…, but don't open …", "so don't …"), or follows a request said without a comma
 * ("turn on the ac don't open the sunroof": the clause starts with a command verb, as a
 * speech recognizer writes it) or a feeling ("im cold dont open the windows"). Not when a subject owns the negation ("I don't need the AC",
 * "the kids don't …"). Each command ends where the next imperative starts ("don't turn on
 * the ac turn on the fan" forbids "turn on the ac"). Linear in the clause's words.
 */
function forbiddenIn(clause: string): ForbiddenCommand[] {
  const words = stripLead(clause).split(" ");
  const found: ForbiddenCommand[] = [];
  const afterRequest = COMMAND.has(words[0] ?? "");
  const negationWidth = (i: number) => {
    const w = words[i];
    return w === "don't" || w === "dont" || w === "never" ? 1 : w === "do" && words[i + 1] === "not" ? 2 : 0;
  };
  for (let i = 0; i < words.length; i++) {
    const width = negationWidth(i);
    if (width === 0) continue;
    const prev = words[i - 1];
    const wish = unwanted(words, i - 1, i + width);
    if (wish) {
      found.push(wish);
      continue;
    }
    // "why don't you …" suggests; "the kids don't …" reports.
    if (prev !== undefined && NEGATION_OWNERS.has(prev)) continue;
    const owned = prev !== undefined && !NEGATION_MAY_FOLLOW.has(prev);
    // After a request or another negated command said without a comma, or after a feeling.
    const afterCommand = afterRequest || found.length > 0;
    if (owned && !afterCommand && !findComfortStatement(words.slice(0, i).join(" "))) continue;
    let verb = i + width;
    while (NEGATION_FILLS.has(words[verb] ?? "")) verb++;
    const v = words[verb];
    if (v === undefined || !NEGATED_VERB.has(v)) continue;
    // The command ends at the next imperative or the next negation, whichever comes first.
    let next = nextImperative(words, verb + 1);
    const request = next >= 0;
    for (let j = verb + 1; j < (next < 0 ? words.length : next); j++)
      if (negationWidth(j) > 0) {
        next = j;
        break;
      }
    let end = next < 0 ? words.length : next;
    // "don't open it just close it": the joining word belongs to what follows.
    while (end > verb + 1 && NEGATION_MAY_FOLLOW.has(words[end - 1] as string)) end--;
    // "please don't …", "oh and don't …": only joining words before it.
    const startsClause = words.slice(0, i).every((p) => NEGATION_MAY_FOLLOW.has(p));
    found.push({
      evidence: words.slice(startsClause ? 0 : i, end).join(" "),
      command: words.slice(verb, end).join(" "),
      startsClause,
      requestFollows: request && words[next] !== undefined && negationWidth(next) === 0,
    });
    i = (next < 0 ? words.length : next) - 1;
  }
  return found;
}

/**
 * A command the driver forbids, said on its own: "don't open the sunroof", "please do not
 * turn on the AC". The model has training rows for these ("car don't open the window please"
 * -> no request) and still read some as the command itself (a cold review, fifteenth
 * round): the car must never do what it was told not to. Only the whole utterance here; a
 * negated clause beside a request ("I'm cold, don't open the windows") is for
 * `findForbiddenCommands` and the agent's negation check.
 */
function negatedCommand(clauses: readonly string[]): StatementFinding | null {
  // `clauses` starts after any clause of wake words alone ("hey car, don't …"): see findStatement.
  const [first, ...later] = clauses;
  if (first === undefined || !later.every((c) => COURTESY.test(c))) return null;
  const forbidden = forbiddenIn(first);
  // Only negated commands, one after another ("dont open the window dont open the sunroof").
  if (!forbidden[0]?.startsClause || forbidden.some((f) => f.requestFollows)) return null;
  return { kind: "negated", evidence: forbidden.map((f) => f.evidence).join(" ") };
}

/** Words that start the thing a correction excludes: "…, not the sunroof". */
const EXCLUDED_STARTS = new Set("the my his her our their that this those these".split(" "));
/** Words of a manner, not a thing: "open the window, not the whole way" excludes no part. */
const MANNER = /\b(?:way|much|bit|lot|whole|entire|fully|all|too|so|quite|fast|quickly|slowly|loud|long)\b/;
/** Particles of a phrasal command verb ("turn on", "roll down"). */
const VERB_PARTICLES = new Set("on off up down out back in".split(" "));

/**
 * A correction: "open the window, not the sunroof", "turn on my seat heater not the wheel".
 * The excluded thing takes the verb of the request before it ("open the sunroof", "turn on
 * the wheel"), which must start its clause. `verbOf` is that request's clause.
 */
function excludedIn(clause: string, verbOf: string | undefined): ForbiddenCommand | null {
  const words = stripLead(clause).split(" ");
  const at = words.findIndex((w, i) => w === "not" && EXCLUDED_STARTS.has(words[i + 1] ?? ""));
  if (at < 0) return null;
  // Said within the request's clause ("open the window not the sunroof") or as the next one
  // ("open the window, (but) not the sunroof").
  const own = !words.slice(0, at).every((w) => NEGATION_MAY_FOLLOW.has(w));
  const before = verbOf === undefined ? [] : stripLead(verbOf).split(" ");
  // "turn on the ac and the fan but not the seat heater": the verb is the previous clause's.
  const request = own && COMMAND.has(words[0] ?? "") ? words.slice(0, at) : before;
  const [verb, particle] = request;
  if (verb === undefined || !COMMAND.has(verb) || NEGATION_MAY_ASK.has(verb)) return null;
  if (request.some((w) => w === "not" || w === "don't" || w === "dont" || w === "never")) return null;
  const next = nextImperative(words, at + 1);
  const thing = words.slice(at + 1, next < 0 ? words.length : next);
  if (MANNER.test(thing.join(" "))) return null;
  // "turn on the AC, not …" -> "turn on …"; "turn the heat up, not the fan" -> "turn … up".
  const last = request.filter((w) => !NEGATION_MAY_FOLLOW.has(w)).at(-1);
  const verbPhrase =
    particle !== undefined && VERB_PARTICLES.has(particle)
      ? { head: [verb, particle], tail: [] as string[] }
      : { head: [verb], tail: last !== undefined && VERB_PARTICLES.has(last) ? [last] : [] };
  return {
    evidence: words.slice(at, next < 0 ? words.length : next).join(" "),
    command: [...verbPhrase.head, ...thing, ...verbPhrase.tail].join(" "),
    startsClause: !own,
    requestFollows: next >= 0,
  };
}

/**
 * Every command the driver forbids in a raw transcript (clauses of src/text/clauses.ts): "I'm
 * cold, don't open the windows", "close the sunroof but don't close the shade", and the thing
 * a correction excludes ("open the window, not the sunroof").
 */
export function findForbiddenCommands(rawText: string): ForbiddenCommand[] {
  const clauses = splitClauses(rawText);
  return clauses.flatMap((clause, i) => {
    const negated = forbiddenIn(clause);
    const excluded = excludedIn(clause, clauses[i - 1]);
    return excluded ? [...negated, excluded] : negated;
  });
}

/**
 * Words a terse request ends with ("… windows up", "… seat heater on for her", "… feet
 * mode", "… recirc", "… a bit"): said at the end of an opinion's clause or beside it, they
 * may ask for something.
 */
const SETTING_END = new Set(
  "on off up down open closed shut louder quieter softer warmer cooler hotter colder higher lower high low medium max maximum min minimum halfway full mode tilt tilted more less loud recirc recirculation auto mute unmute defog defrost demist hush bit little lot tad touch notch notches".split(
    " ",
  ),
);
/** Words that ask wherever they stand: a comparison or an extreme ("… cooler on her side", "… max ac"). */
const ASKS_ANYWHERE =
  /\b(?:warmer|cooler|hotter|colder|louder|quieter|softer|higher|lower|brighter|darker|max|maximum|min|minimum|full blast|to (?:the )?(?:feet|face|windshield|windscreen|floor))\b/;
/** Words after a request that add nothing to it: "… for her please". */
const TRAILING_COURTESY = new Set("please thanks thank you cheers now for him her them me us".split(" "));
/** States a part can be in: "sunroof open" is a state, not the verb "open". */
const STATES = new Set("open closed shut on off up down".split(" "));
/** Words after which a command verb is a noun ("the heat", "a blast", "this cold"). */
const NOUN_AFTER = new Set("the my his her their our its your a an this that some any no".split(" "));
/** A complaint about a degree: "… this loud", "… so cold", "I hate how loud …" wants a change. */
const DEGREE_COMPLAINT = /\b(?:this|that|so|too|how)\s+(?:cold|hot|warm|loud|quiet|bright|dark|stuffy|chilly|noisy)\b/;
/** A fix asked for with a verb the command list lacks: "… fix it", "… sort that out", "… revert it". */
const FIX_IT = /\b(?:fix|revert|sort|reset|redo)\s+(?:it|that|this|them)\b/;
/** How things are now, said beside a finding: "it's too loud", "I'm …", "we're …", "still". */
const STATE_COMPLAINT = /\b(?:it's|its|it is|i'm|im|i am|we're|we are|too|still)\b/;
/**
 * A feeling or exasperation said beside a finding ("we're boiling, the kids hate the heat",
 * "… up to max ugh") asks (contract §3: "I'm cold" is +2).
 */
const FEELING_WORDS =
  /\b(?:freezing|frozen|boiling|roasting|sweating|baking|melting|cold|hot|chilly|stuffy|warm|cooking|dying|brr|deafening|ugh|argh|jeez)\b/;

/**
 * Whether words (a clause, or what follows an opinion's verb in it) may ask for something:
 * a command verb after no subject, modal, "to" or determiner ("… open it for him", "…
 * switch it off"; not "the heat"), a comparison or an extreme anywhere ("… cooler on her
 * side"), a setting word or an amount at the end ("my mum hates drafts windows up", "i love
 * that song louder", "… seat heater on for her"), a number at the end (`digits`), or a
 * complaint about a degree ("… the fan this loud"). A state at the end counts too ("my son
 * loves the sunroof open" may want it open): the model then decides.
 */
function mayAsk(words: readonly string[], digits = true): boolean {
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string;
    if (!COMMAND.has(w) || notImperativeAfter(words[i - 1]) || NOUN_AFTER.has(words[i - 1] ?? "")) continue;
    // A state after a part ("the sunroof open") is read by the end-word test below.
    if (STATES.has(w) && PARTS.test(words[i - 1] ?? "") && !/^(?:it|them)$/.test(words[i + 1] ?? "")) continue;
    return true;
  }
  const text = words.join(" ");
  if (DEGREE_COMPLAINT.test(text) || ASKS_ANYWHERE.test(text)) return true;
  let end = words.length;
  while (end > 0 && TRAILING_COURTESY.has(words[end - 1] as string)) end--;
  const last = words[end - 1];
  if (last === undefined) return false;
  return SETTING_END.has(last) || (digits && /^\d/.test(last));
}

/** A clause without its wake words, fillers, time adverbs and leading conjunctions. */
function bareClause(clause: string): string {
  return stripLead(`${clause} `)
    .trim()
    .replace(/^(?:(?:and|but|so|then|also|anyway)\s+)*/, "");
}

/**
 * Whether words ask for nothing: empty, or words that only tell (`onlyTells`) with no terse
 * request (`mayAsk`), complaint or feeling ("I'm freezing, my wife hates the cold" asks for
 * +2; "way too loud, call 555 0142" asks for less).
 */
function asksNothing(text: string): boolean {
  if (text === "" || COURTESY.test(text)) return true;
  const words = text.split(" ");
  return (
    onlyTells(words) &&
    !mayAsk(words) &&
    !STATE_COMPLAINT.test(text) &&
    !FIX_IT.test(text) &&
    !FEELING_WORDS.test(text) &&
    !findComfortStatement(text)
  );
}

/** Whether every clause but `except` asks for nothing (`asksNothing`) or is `alsoFine`. */
function othersAskNothing(
  clauses: readonly string[],
  except: number,
  alsoFine: (c: string) => boolean = () => false,
): boolean {
  return clauses.every((c, i) => {
    if (i === except) return true;
    const rest = bareClause(c);
    return alsoFine(rest) || asksNothing(rest);
  });
}

/** Verbs of a phone call: "dial 555 0142", "ring mum on 07700 900123". */
const PHONE_VERB = new Set(["dial", "call", "ring", "phone"]);
/** Fewest digits of a phone number; no value of the contract has more than three. */
const PHONE_DIGITS = 7;
/** Emergency numbers: short, and never a car setting after "call". */
const EMERGENCY = new Set(["911", "999", "112", "000"]);
/** A wish whose object is the call: "i'd like you to | dial …", "i need to | call …". */
const CALL_WISH = /\b(?:i'd|i would|i|we|we'd)\s+(?:like|want|need|love)(?:\s+you)?\s+to$/;
/** How a call is made, said after the number: not the car's speakers. */
const ON_SPEAKER = /\s+on (?:the )?(?:speaker|speakers|speakerphone)\b/g;

/**
 * A phone number: "dial 555 0142", "call 0207 946 0018", "dial five five five oh one four
 * two", "call 911". No setting of the contract has seven digits, so a call verb followed
 * (skipping at most four words: "ring mum on …") by a run of at least seven digits ("oh" and
 * "o" count as 0, "double oh" as two) or an emergency number is a call, which the car's
 * function table does not hold. The model read "Dial 555 0142." as the sunroof at 55% (dev
 * 13). Read on the whole utterance, so "Dial 555, 0142." is one number. What comes before
 * the verb and after the number must ask nothing (`asksNothing`): "could you dial …" is
 * polite and still a call (so this runs before the request-word test), "volume down call
 * 555 0142" and "call 555 0142, it's freezing" ask.
 */
function phoneNumber(clauses: readonly string[]): StatementFinding | null {
  const words = stripLead(`${clauses.join(" ")} `)
    .trim()
    .split(" ");
  const verb = words.findIndex((w) => PHONE_VERB.has(w));
  if (verb < 0) return null;
  // "I'd like you to dial …": the wish is the call itself.
  if (!asksNothing(words.slice(0, verb).join(" ").replace(CALL_WISH, "").trim())) return null;
  let i = verb + 1;
  while (i < words.length && i <= verb + 4 && !/^\d/.test(words[i] as string)) i++;
  let digits = "";
  let end = i;
  for (; end < words.length; end++) {
    const w = words[end] as string;
    const next = words[end + 1] ?? "";
    if (/^\d+$/.test(w)) digits += w;
    else if ((w === "oh" || w === "o") && digits !== "") digits += "0";
    else if (w === "double" && /^(?:\d|oh$|o$)/.test(next)) {
      digits += /^\d/.test(next) ? next.charAt(0) : "0";
    } else break;
  }
  if (digits.length < PHONE_DIGITS && !EMERGENCY.has(digits)) return null;
  if (!asksNothing(` ${words.slice(end).join(" ")}`.replace(ON_SPEAKER, "").trim())) return null;
  return { kind: "phone", evidence: words.slice(verb, end).join(" ") };
}

/** Adverbs between a subject and its verb of liking: "she really hates …", "I absolutely love …". */
const LIKING_ADVERBS = String.raw`(?:(?:really|just|always|never|absolutely|totally|honestly|actually|also|still|kind of|kinda|so|simply)\s+)*`;
/** Kin said without "my": "mom hates it when …". */
const KIN = "(?:mom|mum|dad|mama|papa|grandma|grandpa|granny|grandad|nana)";
/**
 * Someone else's liking: any verb of it. "She prefers the air on her feet" tells, asks
 * nothing. Not bare "like", which is also a preposition ("the air outside smells like smoke").
 */
const THIRD_LIKING = new RegExp(
  String.raw`^(?:${THIRD}|${KIN})\s+${LIKING_ADVERBS}(?:prefers?|preferred|likes|liked|loves?|loved|hates?|hated|dislikes?|disliked|enjoys?|enjoyed|adores?|adored|can't stand|cannot stand|couldn't stand|doesn't like|does not like|don't like|do not like|didn't like|did not like)\b`,
);
/**
 * The driver's own liking, without "like" and "prefer", which ask for a setting ("I prefer
 * it at 75", "I'd like …"), and without "don't like" ("I don't like the fan this loud"
 * wants it lower).
 */
const FIRST_LIKING = new RegExp(
  String.raw`^${FIRST}\s+${LIKING_ADVERBS}(?:love|loved|hate|hated|adore|adored|dislike|disliked|enjoy|enjoyed|can't stand|cannot stand)\b`,
);
/** Where a liking turns to a situation ("I hate it when the windows fog up"). */
const SITUATION = new Set(["when", "whenever", "how", "if", "way"]);
/**
 * Words of a wanted setting after the driver's liking, before any situation: "I love it at
 * 72", "I love the sunroof open" may ask for it, and the model decides.
 */
const WANTED = new Set(
  "on off up down open closed shut max maximum min minimum full half halfway warmer cooler hotter colder louder quieter softer higher lower more less further back forward at".split(
    " ",
  ),
);
/**
 * A judgement: "heated seats are overrated", "72 degrees is my favourite temperature". Not
 * "overkill", "pointless", "useless": said of a running part they often mean "less".
 */
const JUDGEMENT =
  /\b(?:is|are|'s)\s+(?:(?:so|really|totally|just|kind of|kinda|a bit|pretty|very)\s+)*(?:overrated|underrated|confusing|a gimmick|gimmicky|(?:my|our) (?:favourite|favorite) [a-z]+)\b/;
/** "My favourite temperature is 72": the same judgement, said the other way round. */
const FAVOURITE_FIRST = /^(?:my|our) (?:favourite|favorite)(?: [a-z]+){1,2}? (?:is|was)\b/;
/** What may follow a judgement: "… if you ask me", "… to be honest". */
const JUDGEMENT_TAIL = /^(?:if you ask me|in my opinion|to be honest|honestly|i think|i reckon|i guess)?$/;
/** "My dad's truck has a heated steering wheel": someone else's thing, no request. */
const SOMEONE_ELSE_HAS = /^(?:my|our|his|her|their)\s+[a-z']+(?:\s+[a-z']+)?\s+(?:has|had|have)\b/;

/** The opinion one clause (bare, see `bareClause`) states, or null. */
function opinionIn(clause: string): string | null {
  const liking = THIRD_LIKING.exec(clause) ?? FIRST_LIKING.exec(clause);
  if (liking) {
    // Read to the clause's end: "my mum hates drafts windows up" asks.
    const rest = clause.slice(liking[0].length).trim();
    const words = rest === "" ? [] : rest.split(" ");
    if (/\d/.test(rest) || mayAsk(words)) return null;
    // The driver's own liking of a setting may ask for it ("I love the sunroof open"), up to
    // where it turns to a situation ("I hate it when …").
    if (FIRST_LIKING.test(clause)) {
      const situation = words.findIndex((w) => SITUATION.has(w));
      if ((situation < 0 ? words : words.slice(0, situation)).some((w) => WANTED.has(w))) return null;
    }
    return liking[0];
  }
  const favourite = FAVOURITE_FIRST.exec(clause);
  if (favourite) {
    const value = clause.slice(favourite[0].length).trim().split(" ");
    let i = 0;
    while (i < value.length && (/^\d+$/.test(value[i] as string) || UNITS.has(value[i] as string))) i++;
    return i > 0 && JUDGEMENT_TAIL.test(value.slice(i).join(" ")) ? favourite[0] : null;
  }
  const judged = JUDGEMENT.exec(clause);
  // What is judged is a thing ("72 degrees", "heated seats"), not a request ("pump it up").
  const judgedThing = judged ? clause.slice(0, judged.index).trim().split(" ") : [];
  if (
    judged &&
    !judgedThing.some((w) => WANTED.has(w) || w === "it" || w === "them") &&
    JUDGEMENT_TAIL.test(clause.slice(judged.index + judged[0].length).trim())
  ) {
    return clause.slice(0, judged.index + judged[0].length);
  }
  return null;
}

/**
 * An opinion or a liking, no request: "She prefers the air blowing on her feet", "My mom
 * hates it when the steering wheel gets hot", "Heated seats are overrated if you ask me",
 * "Seventy-two degrees is my favourite temperature". The model answered each with the
 * setting it names (dev sets). The opinion's clause is read to its end (`mayAsk`); every
 * other clause must ask nothing, be another opinion, or say that someone else has something.
 * The request words and imperatives were ruled out by the caller.
 */
function opinion(clauses: readonly string[]): StatementFinding | null {
  const bare = clauses.map(bareClause);
  const found = bare.map(opinionIn);
  const at = found.findIndex((o) => o !== null);
  if (at < 0) return null;
  const fine = (c: string) => opinionIn(c) !== null || (SOMEONE_ELSE_HAS.test(c) && !mayAsk(c.split(" ")));
  if (!othersAskNothing(clauses, at, fine)) return null;
  return { kind: "opinion", evidence: found[at] as string };
}

/** A question about what a part can do: "can the passenger seat …", "does the sunroof …". */
const CAPABILITY_OPENER = /^(?:can|could|will|does|do)\s+(?:the|my|this|these|those|our|its)\b/;
/** Verbs of a capability question besides the command verbs: "can the seat go back …". */
const QUESTION_VERBS = new Set("go be get work run stay reach fold slide come".split(" "));
/**
 * A limit or a condition asked about: "… or only forward and back", "… far enough for …",
 * "… while we're on the motorway". Not "while it's raining" (a reason to act now).
 */
const CAPABILITY_LIMIT =
  /\b(?:or only|or just|far enough|while (?:we're|we are|i'm|i am|driving|moving|we drive|i drive|the car|on the|parked)|at (?:high |full |motorway |highway )?speeds?|on the (?:motorway|highway|freeway))\b/;
/** A setting asked to go one way: "can the volume go up on the highway" asks (not "… up and down"). */
const CAPABILITY_WISH =
  /^(?:can|could|will) (?:the|my) (?:volume|music|radio|sound|heat|heating|temperature|temp|fan|ac|air|air conditioning) (?:go|get|come|be turned) (?:up|down)\b(?! and\b)/;
/** An amount or a value before the limit: "can the temp go up a bit while we're parked" asks. */
const CAPABILITY_AMOUNT =
  /\d|\b(?:a bit|a little|a lot|a tad|all the way|halfway|more|less|further|higher|lower|louder|quieter|warmer|cooler|hotter|colder|up to)\b/;
/** Where a speaker's punctuation ends a part of the utterance. */
const SEGMENT = /[,;:!?]|\.(?=\s|$)/;

/**
 * A question about what the car can do, no request: "Can the passenger seat go back far
 * enough for someone who's six foot five?", "Can the passenger seat move up and down, or
 * only forward and back?". "Can the back be a lot cooler?" asks for it (no limit or
 * condition), and so do an amount before the limit ("… go to 40 on the highway"), an
 * imperative or a terse request after it ("…, sunroof open halfway"), and request words
 * (ruled out by the caller). Read on the whole utterance: the clause split cuts "up and
 * down" apart; a later punctuated part must start with "or" or ask nothing.
 */
function capabilityQuestion(rawText: string, clauses: readonly string[]): StatementFinding | null {
  const all = stripLead(`${clauses.join(" ")} `).trim();
  const opener = CAPABILITY_OPENER.exec(all);
  if (!opener) return null;
  const limit = CAPABILITY_LIMIT.exec(all);
  if (!limit || CAPABILITY_AMOUNT.test(all.slice(0, limit.index)) || CAPABILITY_WISH.test(all)) return null;
  // The question's own verb follows its subject ("can the seat | move up …"); an imperative
  // after it still asks ("can the sunroof open at speed open it a bit").
  const words = all.split(" ");
  const verb = words.findIndex((w, i) => i > 1 && (COMMAND.has(w) || QUESTION_VERBS.has(w)));
  if (verb < 0 || hasImperative(words, verb + 1)) return null;
  // After the limit, a description ("… for someone who's 6 foot 5"), not a request.
  const afterLimit = all.slice(limit.index + limit[0].length).trim();
  if (afterLimit !== "" && mayAsk(afterLimit.split(" "), false)) return null;
  const later = rawText
    .split(SEGMENT)
    .slice(1)
    .map((p) => splitClauses(p).join(" "));
  if (!later.every((p) => p === "" || p.startsWith("or ") || othersAskNothing([p], -1))) return null;
  return { kind: "capability", evidence: `${opener[0]} … ${limit[0]}` };
}

/**
 * The finding for a raw transcript, or null when its words may carry a request (the model
 * then decides, as always).
 */
export function findStatement(rawText: string): StatementFinding | null {
  // "Hey car, my wife turned …": a first clause of wake words and fillers alone says nothing,
  // and a stutter ("the the kids", "my my daughter") is one word.
  const spoken = splitClauses(rawText).map((c) => c.replace(STUTTER, unstutter));
  const start = spoken.findIndex((c) => stripLead(`${c} `) !== "");
  if (start < 0) return null;
  const clauses = spoken.slice(start);
  if (clauses[0] === undefined) return null;
  // Before the request words: "please don't turn on the AC" is polite and still forbids.
  const negated = negatedCommand(clauses);
  if (negated) return negated;
  // Before the request words too: "could you dial 555 0142" is a call, not a car setting.
  const phone = phoneNumber(clauses);
  if (phone) return phone;
  const first = stripLead(clauses[0]);
  const all = clauses.join(" ");
  if (REQUEST_WORDS.test(all)) return null;
  const later = clauses.slice(1);
  // What follows the matched words must not be a request: no imperative, no "and turn …",
  // and, after a report, no complaint about now; later clauses only go on with the story
  // (or, after a hypothetical, hedge).
  const quietAfter = (match: string, hypothetical: boolean, laterClauses: readonly string[]) => {
    const rest = first.slice(match.length).trim();
    // The word before the rest (the match's last) still decides whether a verb is imperative.
    const matched = match.trim().split(" ").length;
    return (
      !JOINED_COMMAND.test(rest) &&
      (hypothetical || !COMPLAINT.test(rest)) &&
      !hasImperative(first.split(" "), matched) &&
      laterClauses.every((c) => continuesStory(c, hypothetical))
    );
  };

  const report = REPORT.exec(first);
  if (report) {
    const tail = first.slice(report[0].length).trim();
    const tailWords = tail === "" ? [] : tail.split(" ");
    const named = partNameRest(report[0], tailWords);
    const evidence = [report[0], ...tailWords.slice(0, named)].join(" ");
    if (!reportTailTells(evidence, tailWords.slice(named))) return null;
    return quietAfter(report[0], false, later) ? { kind: "report", evidence } : null;
  }
  const usedTo = USED_TO.exec(first);
  if (usedTo) return quietAfter(usedTo[0], false, later) ? { kind: "report", evidence: usedTo[0] } : null;

  const question = SUPPOSE.exec(first) ?? QUESTION.exec(first);
  if (question) {
    if (/^(?:would|will|does|do|did) /.test(question[0]) && !question[0].startsWith("do you") && TO_COMMAND.test(first))
      return null;
    if (/^do you (?:think|reckon)/.test(question[0]) && MODAL.test(first)) return null;
    return quietAfter(question[0], true, later) ? { kind: "hypothetical", evidence: question[0] } : null;
  }

  const condition = IF_CLAUSE.exec(first);
  if (condition) {
    // The main clause decides: in the same clause (no comma from a recognizer) or the next.
    const rest = first.slice(condition[0].length);
    const inFirst = HEDGE_ANYWHERE.exec(rest);
    const next = later[0];
    const main = inFirst ?? (next !== undefined ? HEDGE_AT_START.exec(next) : null);
    if (!main || /\bnow\b/.test(all)) return null;
    // "if it's stuffy I'd open the window" suggests; "if it were colder I'd …" muses.
    if (MUSING.test(main[0]) && !COUNTERFACTUAL.test(inFirst ? rest.slice(0, inFirst.index) : rest)) return null;
    // "… would it be too much trouble to turn the heat down": a request after all.
    const fromHedge = inFirst ? rest.slice(inFirst.index) : (next as string);
    if (TO_COMMAND.test(fromHedge)) return null;
    // A main clause in `next` hedges, so `continuesStory` only checks it for an imperative.
    if (!quietAfter(condition[0], true, later)) return null;
    return { kind: "hypothetical", evidence: `${condition[0]}… ${main[0]}` };
  }
  if (JOINED_COMMAND.test(all)) return null;
  const capability = capabilityQuestion(rawText, clauses);
  if (capability) return capability;
  if (clauses.some((c) => hasImperative(stripLead(c).split(" ")))) return null;
  return opinion(clauses);
}
