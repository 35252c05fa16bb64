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
 * never adds or changes a call. And it holds back whenever the words also carry a request:
 * "please", "can you", "I'd like", a command verb after "and"/"so"/"then", or a later
 * clause that starts with a command verb or names a setting ("my son opened the window, close
 * it" is a request). Polite questions that are requests are not findings: "would you",
 * "will you", "would it be possible to", "do you think you could", "can/could ...".
 *
 * Works on the normalized words (lowercase, no punctuation) of each clause of
 * src/text/clauses.ts, so a recognizer's unpunctuated text is read the same way.
 */
import { splitClauses } from "./clauses.js";

export type StatementKind = "report" | "hypothetical";

export interface StatementFinding {
  readonly kind: StatementKind;
  /** The words that made the finding, for the log and the evaluation report. */
  readonly evidence: string;
}

/** Command verbs in the base form: an item that starts with one is a request. */
const COMMAND_VERBS =
  "turn switch set put open close shut raise lower crank bump drop change mute unmute roll move push pull recline adjust increase decrease boost reduce start stop activate deactivate enable disable make bring slide tilt lock unlock heat cool warm blast run knock kill crack lift give take keep leave pop wind nudge tweak dial defog defrost demist engage disengage kick fire cut ditch hit aim point direct send blow lean let silence quiet dim vent seal shade block draw retract extend lean";

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
const THIRD = String.raw`(?:he|she|they|someone|somebody|everyone|nobody|no one|(?:my|our|his|her|their|the)(?:\s+(?!(?:${PAST}|${SAME}|${SETTING_WORDS}|is|was|are|were|has|have|had|will|would|can|could|should)\b)[a-z-]+(?=\s)){1,4})`;
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

/** Openers that make the whole sentence a hypothetical. */
const SUPPOSE =
  /^(?:what (?:happens|would happen|will happen|happened|if)|suppose|supposing|imagine|hypothetically|in theory)\b/;
/** "if" + a subject other than "you": a condition whose main clause decides. */
const IF_CLAUSE = /^if\s+(?:i|we|it|he|she|they|the|my|our|there)\b/;
/**
 * Main clauses after such a condition that ask or muse instead of requesting: "would it",
 * "will the windows", "I'd ...", "maybe we'll". Not "would you", and not "I'd like".
 */
const HEDGE = String.raw`(?:(?:would|will|does|do|did|is|was|could)\s+(?!you\b|u\b)(?:it|that|this|the|a|my|our|i|we|he|she|they|there)\b|(?:i'd|we'd|i would|we would|i'll|we'll)\s+(?!like\b|love\b|prefer\b|appreciate\b|rather\b|want\b|be grateful\b)|maybe\b|probably\b|how (?:long|much|many|bad|loud|cold|hot|far)\b|what then\b)`;
const HEDGE_AT_START = new RegExp(`^${HEDGE}`);
const HEDGE_ANYWHERE = new RegExp(String.raw`\b${HEDGE}`);
/** Questions about a consequence or advice. */
const QUESTION =
  /^(?:(?:would|will)\s+(?!you\b|u\b)(?:it|that|this|\d+|[a-z]+ing|(?:the|a|an|my)(?:\s+[a-z'-]+){1,3}?)(?:\s+[a-z'-]+){0,3}?\s+(?:be (?:too|really|very|so|bad|better|worse|noisy|safe|enough|hot enough|cold enough)|help|hurt|use|drain|damage|cost|matter|affect|waste|burn|fog|wear)\b|do you (?:think|reckon)\s+(?!you\b|u\b|(?:we|i) (?:could|can|might)\b)|is it (?:bad|safe|normal|better|worse|wise|smart|a good idea|worth|true|harmful|dangerous)\b|should (?:i|we)\b)/;

/** Words that carry a request wherever they stand. */
const REQUEST_WORDS =
  /\b(?:please|pls|can you|could you|would you|will you|can u|could u|let's|lets|go ahead and|i'd like|i would like|i want|i need|we need|i'd love|i'd prefer|you should|(?:that|it) would be (?:great|nice|lovely|good)|that'd be (?:great|nice|lovely|good)|thanks|thank you|cheers|much appreciated)\b/;
/** A command verb after a joining word: "... so turn it down", "... and open the sunroof". */
const JOINED_COMMAND = new RegExp(
  String.raw`\b(?:and|but|so|then|now|just)\s+(?:(?:also|please|just)\s+)?(?:${[...COMMAND].join("|")})\b`,
);

/** Whether a later clause could be a request: it starts with a command verb or a setting. */
function laterClauseRequests(clause: string): boolean {
  const words = clause.replace(/^(?:(?:and|but|so|then|now|also|oh|ok|okay|just)\s+)*/, "").split(" ");
  const first = words[0] ?? "";
  if (COMMAND.has(first)) return true;
  // A bare setting: "windows down", "fan 3", "ac off", "the rear to 68".
  return /\b(?:on|off|up|down|open|closed|max|maximum|min|minimum|\d+)$/.test(clause) && !HEDGE_AT_START.test(clause);
}

/**
 * The finding for a raw transcript, or null when its words may carry a request (the model
 * then decides, as always).
 */
export function findStatement(rawText: string): StatementFinding | null {
  const clauses = splitClauses(rawText);
  if (clauses[0] === undefined) return null;
  const first = stripLead(clauses[0]);
  const all = clauses.join(" ");
  if (REQUEST_WORDS.test(all)) return null;
  const later = clauses.slice(1);

  const report = REPORT.exec(first) ?? USED_TO.exec(first);
  if (report) {
    // "my son opened the window, close it" / "... so turn it down": a request after the story.
    if (JOINED_COMMAND.test(first.slice(report[0].length)) || later.some(laterClauseRequests)) return null;
    return { kind: "report", evidence: report[0] };
  }

  const question = SUPPOSE.exec(first) ?? QUESTION.exec(first);
  if (question) {
    if (JOINED_COMMAND.test(first.slice(question[0].length)) || later.some(laterClauseRequests)) return null;
    return { kind: "hypothetical", evidence: question[0] };
  }

  const condition = IF_CLAUSE.exec(first);
  if (condition) {
    // The main clause decides: in the same clause (no comma from a recognizer) or the next.
    const rest = first.slice(condition[0].length);
    const inFirst = HEDGE_ANYWHERE.exec(rest);
    const main = inFirst ?? (later[0] !== undefined ? HEDGE_AT_START.exec(later[0]) : null);
    if (!main) return null;
    const after = inFirst ? later : later.slice(1);
    if (JOINED_COMMAND.test(rest) || after.some(laterClauseRequests)) return null;
    return { kind: "hypothetical", evidence: `${condition[0]}… ${main[0]}` };
  }
  return null;
}
