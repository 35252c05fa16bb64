/**
 * The NLP.js baseline: an established JavaScript NLU library trained on the SAME generated
 * training rows as the model, answering in the contract's response grammar so that the
 * one scorer (score.ts) judges both.
 *
 * How the vehicle functions are cast into NLP.js's intent + entity model:
 *
 * - Intents. One per function "shape": the function, plus the parts of a call that a
 *   classifier has to decide rather than an extractor can find in the words: which member
 *   of an exactly-one pair is given (volume step vs. set level), the sign of a step
 *   (`*_diff`: louder vs. quieter), bool values (AC on vs. off) and the verb-like enums
 *   (window up/down, seat forward/backward/up/down, recline direction, sunroof and
 *   sunshade action). Example: `adjust_volume|volume_diff|+`, `control_window|position=down`.
 *   The intent label is learned from whatever phrasing the data has for it.
 * - Entities. Every other enum parameter is a named entity (NLP.js NER enum rules, with its
 *   fuzzy matching) built from the registry's enum values plus a small hand-written synonym
 *   list (what an NLP.js developer writes: "back" = rear, "windscreen" = windshield); one
 *   NER per registry enum, so the same word ("driver") can be a zone, a seat and a window.
 * - Numbers: digits in the text (and simple English number words), cm/inch converted to mm
 *   for millimetre parameters; a step's size comes from the number and its sign from the
 *   intent.
 * - Unsaid slots: the contract's §3 defaults, chosen by the modifier words §3 names
 *   ("a little", "a lot", "halfway", "all the way", "crack", "low/medium/high", "max",
 *   "off"); an unsaid zone/seat/window is the driver; anything else unsaid falls back to
 *   the value the training rows of that intent most often had.
 * - Parallel calls: NLP.js classifies a whole utterance into ONE intent, so the baseline
 *   is trained on single-call rows only (and irrelevant rows) and always answers with one
 *   call. A parallel query therefore scores as wrong: that is the honest baseline, not a
 *   splitter we would have to invent for it.
 * - Irrelevance: `irrelevant_function` rows are an intent like any other; NLP.js's own
 *   "None" (best score under its threshold) is also answered with `irrelevant_function()`.
 *
 * Training is bounded: at most `maxUtterances` rows (default 30,000) picked by a seeded
 * shuffle; NLP.js's network starts from zero weights, so a given row set trains to the same
 * classifier every time.
 */
import { createRequire } from "node:module";
import type { BoundCall, Literal } from "../core/types.js";
import { bindResponse, parseResponse, renderResponse } from "../parser/index.js";
import { type FunctionSpec, type ParamSpec, registry } from "../registry/index.js";
import { TEEN_WORDS, TENS_WORDS, UNIT_WORDS } from "../text/numbers.js";
import type { Prediction, Predictor } from "./predictor.js";

/** One generated training row; `input` is the normalized text the model was trained on. */
export interface TrainingRow {
  readonly query: string;
  readonly input?: string;
  readonly response: string;
}

export interface BaselineOptions {
  /** Upper bound of training utterances (seeded subsample above it). Default 30,000. */
  readonly maxUtterances?: number;
  /** Seed of the subsample. Default 1. */
  readonly seed?: number;
  /** Turns a raw query into the text the baseline sees when a row has no `input`. Default: identity. */
  readonly normalize?: (query: string) => string;
}

export interface BaselineInfo {
  readonly rowsGiven: number;
  /** Rows with more than one call (NLP.js is single-intent; see the module comment). */
  readonly skippedParallel: number;
  /** Rows whose response did not parse/bind. */
  readonly skippedInvalid: number;
  /** Single-call rows available before the subsample. */
  readonly eligible: number;
  readonly trainedUtterances: number;
  readonly intents: number;
  readonly trainMs: number;
}

export interface NlpjsBaseline extends Predictor {
  readonly info: BaselineInfo;
}

// ------------------------------------------------------------------ NLP.js (CommonJS, untyped)

interface NlpjsEntity {
  readonly entity: string;
  readonly option?: string;
  readonly start: number;
  readonly accuracy: number;
}
interface NlpjsNer {
  addRuleOptionTexts(locale: string, name: string, option: string, texts: readonly string[]): void;
  process(input: { locale: string; utterance: string; threshold: number }): Promise<{ entities: NlpjsEntity[] }>;
}
interface NlpjsNlp {
  addLanguage(locale: string): void;
  addDocument(locale: string, utterance: string, intent: string): void;
  train(): Promise<unknown>;
  process(locale: string, utterance: string): Promise<{ intent?: string; score?: number }>;
}
interface NlpjsModules {
  containerBootstrap(): unknown;
  Nlp: new (settings: Record<string, unknown>) => NlpjsNlp;
  Ner: new (settings: Record<string, unknown>) => NlpjsNer;
  LangEn: unknown;
}

function loadNlpjs(): NlpjsModules {
  const require = createRequire(import.meta.url);
  return {
    containerBootstrap: require("@nlpjs/core").containerBootstrap,
    Nlp: require("@nlpjs/nlp").Nlp,
    Ner: require("@nlpjs/ner").Ner,
    LangEn: require("@nlpjs/lang-en-min").LangEn,
  };
}

// ------------------------------------------------------------------ intents

/** Enums whose value is the action itself: decided by the classifier, not extracted. */
const ACTION_ENUMS = new Set(["up_down", "seat_direction", "recline_direction", "sunroof_action", "open_close"]);
const IRRELEVANT = "irrelevant_function";
const NONE_INTENT = "None";

function isIntentParam(p: ParamSpec): boolean {
  return p.type === "bool" || (p.type === "enum" && ACTION_ENUMS.has(p.enum ?? ""));
}
function isStep(p: ParamSpec): boolean {
  return p.type === "int" && p.name.endsWith("_diff");
}

/** The intent label of one bound call (see the module comment). */
export function intentOf(call: BoundCall): string {
  const spec = registry.byName(call.name) as FunctionSpec;
  const parts = [call.name];
  for (const group of spec.exactlyOne) {
    const given = group.find((n) => call.args[n] !== undefined);
    if (given) parts.push(given);
  }
  for (const p of spec.params) {
    const v = call.args[p.name];
    if (v === undefined) continue;
    if (isIntentParam(p)) parts.push(`${p.name}=${String(v)}`);
    else if (isStep(p) && typeof v === "number") parts.push(v < 0 ? "-" : "+");
  }
  return parts.join("|");
}

interface IntentShape {
  readonly fn: FunctionSpec;
  /** Values the intent fixes (bools, action enums). */
  readonly fixed: Readonly<Record<string, Literal>>;
  /** The exactly-one member this intent uses, if any. */
  readonly member?: string;
  readonly sign: 1 | -1;
}

function shapeOf(intent: string): IntentShape | undefined {
  const [name, ...parts] = intent.split("|");
  const fn = registry.byName(name ?? "");
  if (!fn) return undefined;
  const fixed: Record<string, Literal> = {};
  let member: string | undefined;
  let sign: 1 | -1 = 1;
  for (const part of parts) {
    if (part === "+" || part === "-") sign = part === "-" ? -1 : 1;
    else if (part.includes("=")) {
      const [k, v] = part.split("=") as [string, string];
      const p = fn.params.find((q) => q.name === k);
      fixed[k] = p?.type === "bool" ? v === "true" : v;
    } else member = part;
  }
  return { fn, fixed, sign, ...(member ? { member } : {}) };
}

// ------------------------------------------------------------------ entities (hand-written synonyms)

/** Synonyms per registry enum and value; the enum values themselves are always added. */
const SYNONYMS: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  zone: {
    driver: ["driver side", "driver's side", "my side", "drivers side"],
    passenger: ["passenger side", "passenger's side", "co-driver", "shotgun"],
    rear: ["back", "back seat", "backseat", "rear seats", "back seats", "rear passengers", "kids"],
  },
  front_seat: {
    driver: ["driver's seat", "drivers seat", "my seat"],
    passenger: ["passenger seat", "passenger's seat"],
  },
  heated_seat: {
    driver: ["driver's seat", "drivers seat", "my seat"],
    passenger: ["passenger seat", "passenger's seat"],
    "rear left": ["back left", "left rear", "left back"],
    "rear right": ["back right", "right rear", "right back"],
  },
  window: {
    driver: ["driver's window", "drivers window", "driver side", "my window"],
    passenger: ["passenger window", "passenger's window", "passenger side"],
    "front left": ["left front", "front driver side"],
    "front right": ["right front"],
    "rear left": ["back left", "left rear", "left back"],
    "rear right": ["back right", "right rear", "right back"],
  },
  defrost_target: {
    front: ["windshield", "windscreen", "front window"],
    rear: ["back", "rear window", "back window", "rear windscreen"],
  },
  airflow_mode: {
    face: ["vents", "upper vents", "dashboard vents", "upper body"],
    feet: ["floor", "foot", "footwell", "footwells", "legs"],
    "face and feet": ["feet and face", "bi-level", "bilevel", "face and floor", "both"],
    windshield: ["windscreen", "glass", "defog"],
  },
};

function buildNers(Ner: NlpjsModules["Ner"], container: unknown): Map<string, NlpjsNer> {
  const ners = new Map<string, NlpjsNer>();
  for (const [enumName, values] of Object.entries(registry.enums)) {
    if (ACTION_ENUMS.has(enumName) || enumName === "temperature_unit") continue;
    const ner = new Ner({ container });
    for (const value of values) {
      ner.addRuleOptionTexts("en", enumName, value, [value, ...(SYNONYMS[enumName]?.[value] ?? [])]);
    }
    ners.set(enumName, ner);
  }
  return ners;
}

// ------------------------------------------------------------------ numbers and modifiers

// The same number words the transcript normalizer reads (one table, src/text/numbers.ts).
const UNITS: Readonly<Record<string, number>> = { ...UNIT_WORDS, ...TEEN_WORDS };
const TENS = TENS_WORDS;

export interface FoundNumber {
  readonly value: number;
  /** The unit word right after the number, if any (cm, mm, inches, %, degrees ...). */
  readonly unit?: string;
}

/** Numbers in text order: digits (with an optional minus) and simple English number words. */
export function findNumbers(text: string): FoundNumber[] {
  const words = text
    .toLowerCase()
    .replace(/(\d)\s*%/g, "$1 percent")
    .replace(/(\d)(cm|mm|in)\b/g, "$1 $2")
    .split(/[^a-z0-9%-]+|(?<=[a-z])-(?=[a-z])/)
    .filter((w) => w !== "");
  const out: FoundNumber[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string;
    let value: number | undefined;
    let next = i + 1;
    if (/^-?\d+$/.test(w)) value = Number(w);
    else if (w in TENS) {
      value = TENS[w] as number;
      const u = words[i + 1];
      if (u !== undefined && u in UNITS && (UNITS[u] as number) > 0 && (UNITS[u] as number) < 10) {
        value += UNITS[u] as number;
        next = i + 2;
      }
    } else if (w in UNITS) value = UNITS[w] as number;
    else if (w === "hundred" && (words[i - 1] === "a" || words[i - 1] === "one")) value = 100;
    if (value === undefined) continue;
    const unit = words[next];
    out.push({ value, ...(unit ? { unit } : {}) });
    i = next - 1;
  }
  return out;
}

/** Millimetres per unit word for millimetre parameters. */
function toMillimetres(n: FoundNumber): number {
  const u = n.unit ?? "";
  if (/^(cm|cms|centimet(er|re)s?)$/.test(u)) return n.value * 10;
  if (/^(in|inch|inches)$/.test(u)) return Math.round(n.value * 25.4);
  return n.value;
}

const SMALL = /\b(a (little|bit|tad|touch)|slightly|little bit|a smidge|crack(ed)?|just a bit)\b/;
const LARGE = /\b(a lot|much|lots|way (up|down|more|less|warmer|cooler|louder|quieter))\b/;
const FULL = /\b(all the way|fully|completely|entirely)\b/;
const HALF = /\b(half ?way|half)\b/;
const MAX = /\b(max|maximum|full|highest|top|loudest)\b/;
const MIN = /\b(lowest|minimum|min|all the way down|quietest)\b/;
const OFF = /\b(off|zero)\b/;

type Modifier = "small" | "large" | "full" | "half";

function modifierOf(text: string): Modifier | undefined {
  if (FULL.test(text)) return "full";
  if (HALF.test(text)) return "half";
  if (LARGE.test(text)) return "large";
  if (SMALL.test(text)) return "small";
  return undefined;
}

/** §3 defaults for an unsaid amount, keyed by function.param; undefined = no rule. */
function defaultAmount(fn: string, param: string, text: string): number | undefined {
  const m = modifierOf(text);
  switch (`${fn}.${param}`) {
    case "adjust_volume.volume_diff":
      return m === "small" ? 2 : m === "large" ? 10 : 5;
    case "adjust_volume.set_value":
      return MIN.test(text) ? 0 : MAX.test(text) ? 50 : undefined;
    case "change_climate_temperature.temperature_diff":
      return m === "small" ? 1 : m === "large" ? 5 : 2;
    case "adjust_fan_speed.speed_diff":
      return m === "large" ? 3 : 1;
    case "adjust_fan_speed.set_value":
      return OFF.test(text) || MIN.test(text) ? 0 : MAX.test(text) ? 7 : undefined;
    case "adjust_seat_position.distance":
      return m === "small" ? 20 : m === "full" ? 300 : 50;
    case "adjust_seat_recline.angle":
      return m === "small" ? 5 : m === "full" ? 30 : 10;
    case "control_window.distance":
      return m === "small" ? 100 : m === "half" ? 250 : 500;
    case "operate_sunroof.intensity":
      return m === "half" ? 50 : m === "small" ? 25 : undefined;
    case "set_seat_heating.level":
    case "set_seat_ventilation.level":
      if (OFF.test(text)) return 0;
      if (/\b(low|lowest|gentle)\b/.test(text)) return 1;
      if (/\b(medium|mid|middle)\b/.test(text)) return 2;
      if (/\b(high|max|maximum|highest|full)\b/.test(text)) return 3;
      return 2;
    default:
      return undefined;
  }
}

// ------------------------------------------------------------------ training-data statistics

/** Most frequent value per intent and parameter, for slots that nothing else fills. */
class ValueCounts {
  private readonly counts = new Map<string, Map<string, { value: Literal; n: number; first: number }>>();
  private seq = 0;

  add(intent: string, param: string, value: Literal): void {
    const key = `${intent}\u0000${param}`;
    const byValue = this.counts.get(key) ?? new Map();
    const vk = `${typeof value}:${String(value)}`;
    const e = byValue.get(vk) ?? { value, n: 0, first: this.seq++ };
    e.n += 1;
    byValue.set(vk, e);
    this.counts.set(key, byValue);
  }

  /** The most frequent value (ties: the first seen), or undefined. */
  mode(intent: string, param: string): Literal | undefined {
    const byValue = this.counts.get(`${intent}\u0000${param}`);
    if (!byValue) return undefined;
    let best: { value: Literal; n: number; first: number } | undefined;
    for (const e of byValue.values()) if (!best || e.n > best.n || (e.n === best.n && e.first < best.first)) best = e;
    return best?.value;
  }
}

// ------------------------------------------------------------------ subsample

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function seededSample<T>(items: readonly T[], k: number, seed: number): T[] {
  if (items.length <= k) return [...items];
  const a = [...items];
  const rnd = mulberry32(seed);
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [a[i], a[j]] = [a[j] as T, a[i] as T];
  }
  return a.slice(0, k);
}

// ------------------------------------------------------------------ the predictor

interface Example {
  readonly input: string;
  readonly call: BoundCall;
  readonly intent: string;
}

function singleCall(response: string): BoundCall | "parallel" | "invalid" {
  const parsed = parseResponse(response);
  if (!parsed.ok) return "invalid";
  const bound = bindResponse(parsed.value);
  if (bound.length !== 1) return bound.length > 1 ? "parallel" : "invalid";
  const b = bound[0];
  return b?.ok ? b.call : "invalid";
}

/** Trains the baseline on generated rows. Bounded in time by `maxUtterances`. */
export async function trainNlpjsBaseline(
  rows: readonly TrainingRow[],
  options: BaselineOptions = {},
): Promise<NlpjsBaseline> {
  const started = performance.now();
  const normalize = options.normalize ?? ((q: string) => q);
  let skippedParallel = 0;
  let skippedInvalid = 0;
  const eligible: Example[] = [];
  for (const row of rows) {
    const call = singleCall(row.response);
    if (call === "parallel") skippedParallel += 1;
    else if (call === "invalid") skippedInvalid += 1;
    else eligible.push({ input: row.input ?? normalize(row.query), call, intent: intentOf(call) });
  }
  const chosen = seededSample(eligible, options.maxUtterances ?? 30_000, options.seed ?? 1);

  const { containerBootstrap, Nlp, Ner, LangEn } = loadNlpjs();
  const container = containerBootstrap() as { use(plugin: unknown): void };
  container.use(LangEn);
  const nlp = new Nlp({
    container,
    autoSave: false,
    autoLoad: false,
    calculateSentiment: false,
    languages: ["en"],
    nlu: { log: false },
  });
  nlp.addLanguage("en");
  const values = new ValueCounts();
  const intents = new Set<string>();
  for (const ex of chosen) {
    nlp.addDocument("en", ex.input, ex.intent);
    intents.add(ex.intent);
    const noNumber = findNumbers(ex.input).length === 0;
    for (const [param, value] of Object.entries(ex.call.args)) {
      const spec = registry.byName(ex.call.name)?.params.find((p) => p.name === param);
      // Numbers are learned as fallbacks only from rows that said none.
      if (spec?.type !== "int" || noNumber) values.add(ex.intent, param, value);
    }
  }
  await nlp.train();
  const ners = buildNers(Ner, container);

  const info: BaselineInfo = {
    rowsGiven: rows.length,
    skippedParallel,
    skippedInvalid,
    eligible: eligible.length,
    trainedUtterances: chosen.length,
    intents: intents.size,
    trainMs: performance.now() - started,
  };

  const irrelevant = renderResponse([{ token: registry.byName(IRRELEVANT)?.token ?? 20, name: IRRELEVANT, args: {} }]);

  async function callFor(intent: string, text: string): Promise<BoundCall | undefined> {
    const shape = shapeOf(intent);
    if (!shape || shape.fn.name === IRRELEVANT) return undefined;
    const lower = text.toLowerCase();
    const numbers = findNumbers(lower);
    const args: Record<string, Literal> = {};
    for (const p of shape.fn.params) {
      const fixed = shape.fixed[p.name];
      if (fixed !== undefined) {
        args[p.name] = fixed;
        continue;
      }
      const inGroup = shape.fn.exactlyOne.some((g) => g.includes(p.name));
      if (inGroup && p.name !== shape.member) continue;
      const value = await slotValue(intent, shape, p, lower, numbers);
      if (value !== undefined) args[p.name] = value;
    }
    return { token: shape.fn.token, name: shape.fn.name, args };
  }

  async function slotValue(
    intent: string,
    shape: IntentShape,
    p: ParamSpec,
    text: string,
    numbers: readonly FoundNumber[],
  ): Promise<Literal | undefined> {
    const fn = shape.fn.name;
    if (p.type === "enum" && p.enum === "temperature_unit") {
      if (/\b(celsius|centigrade)\b|\d\s*°?\s*c\b/.test(text)) return "celsius";
      if (/\bfahrenheit\b|\d\s*°?\s*f\b/.test(text)) return "fahrenheit";
      return undefined; // unsaid: omitted (the default), as the contract's examples do
    }
    if (p.type === "enum") {
      const ner = ners.get(p.enum ?? "");
      if (ner) {
        const found = await ner.process({ locale: "en", utterance: text, threshold: 0.8 });
        const first = [...found.entities].filter((e) => e.option).sort((a, b) => a.start - b.start)[0];
        if (first?.option) return first.option;
      }
      // The speaker is the driver (§3); otherwise what this intent's rows said most.
      const allowed = registry.enumValues(p);
      if (allowed.includes("driver")) return "driver";
      return values.mode(intent, p.name) ?? allowed[0];
    }
    if (p.type === "int") {
      const said = numbers[0];
      if (said !== undefined) {
        const magnitude = p.unit === "mm" ? toMillimetres(said) : said.value;
        return isStep(p) ? shape.sign * Math.abs(magnitude) : magnitude;
      }
      const amount = defaultAmount(fn, p.name, text);
      if (amount !== undefined) return isStep(p) ? shape.sign * amount : amount;
      // An unsaid optional amount (sunroof intensity) stays omitted; a needed one (required,
      // or the exactly-one member this intent chose) takes what the intent's rows said most.
      if (!p.required && p.name !== shape.member) return undefined;
      return values.mode(intent, p.name) ?? p.min;
    }
    return values.mode(intent, p.name);
  }

  return {
    name: "NLP.js baseline",
    info,
    notes: [
      `NLP.js (@nlpjs/nlp) trained on ${info.trainedUtterances} single-call utterances` +
        ` (${info.eligible} eligible of ${info.rowsGiven} rows; ${info.skippedParallel} parallel rows skipped:` +
        ` NLP.js is single-intent) into ${info.intents} intents in ${(info.trainMs / 1000).toFixed(1)} s`,
    ],
    async predict(input: string): Promise<Prediction> {
      const t0 = performance.now();
      try {
        const out = await nlp.process("en", input);
        const intent = out.intent && out.intent !== NONE_INTENT ? out.intent : IRRELEVANT;
        const call = await callFor(intent, input);
        const response = call ? renderResponse([call]) : irrelevant;
        return { response, latencyMs: performance.now() - t0 };
      } catch (e) {
        return {
          error: `NLP.js failed: ${e instanceof Error ? e.message : String(e)}`,
          latencyMs: performance.now() - t0,
        };
      }
    },
  };
}
