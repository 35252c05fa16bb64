/**
 * Pure scoring of one system's answers against a dataset's expected responses.
 *
 * Both sides are response TEXT in the contract grammar; both go through the project's own
 * parser and binder, and calls are compared with the parser's `sameCalls`, which implements
 * the contract's §3 equivalences (optional parameter at its default == omitted, sunroof
 * intensity=100 == omitted, parallel calls in any order, 'driver'/'passenger' windows ==
 * 'front left'/'front right' in a left-hand-drive profile). So the model, the NLP.js baseline
 * and any later system are scored by exactly the same rules.
 *
 * Deterministic: no clock, no randomness; every ordering is fixed (registry order for
 * functions, first-seen order for categories, dataset order for failures).
 */
import type { BoundCall } from "../core/types.js";
import { bindResponse, type Handedness, parseResponse, sameCalls } from "../parser/index.js";
import { registry } from "../registry/index.js";

/** One dataset row with one system's answer to it. */
export interface EvalItem {
  readonly id: string;
  readonly query: string;
  /** The expected response text (`<nexa_..>(...)<nexa_end>`). */
  readonly expected: string;
  /** The system's raw response text; absent when the system gave none (see `error`). */
  readonly predicted?: string;
  /** Why the system gave no response (model timeout, overflow, crash); scored as wrong. */
  readonly error?: string;
  /** The model's own answer, when the system changed it (a check of the agent). */
  readonly modelResponse?: string;
  /** What changed it (see Prediction.changedBy). */
  readonly changedBy?: string;
  /** Text -> response time in milliseconds. */
  readonly latencyMs: number;
  readonly category?: string;
  readonly family?: string;
}

/** What became of the predicted text. */
export type PredictionStatus = "valid" | "no_response" | "parse_error" | "bind_error";

export interface ItemScore {
  readonly item: EvalItem;
  /** False when the EXPECTED text itself does not parse/bind: a dataset error, left out of every rate. */
  readonly expectedValid: boolean;
  readonly expectedError?: string;
  readonly status: PredictionStatus;
  /** Parse/bind error message of the prediction, or the system's error. */
  readonly detail?: string;
  /** Every predicted call bound and the call set equals the expected one under §3 equivalences. */
  readonly exact: boolean;
  /** The multiset of predicted function names equals the expected one (arguments ignored). */
  readonly functionMatch: boolean;
  /** Expected function names in response order. */
  readonly expectedFunctions: readonly string[];
  /** Predicted function names in response order (from the parse, so also when binding failed). */
  readonly predictedFunctions: readonly string[];
  readonly expectedIrrelevant: boolean;
  readonly predictedIrrelevant: boolean;
  /** Row and column of the confusion matrix this item counts in. */
  readonly confusionRow: string;
  readonly confusionColumn: string;
}

export interface Rate {
  readonly n: number;
  readonly hits: number;
  /** hits / n, or null when n = 0. */
  readonly rate: number | null;
}

export interface GroupScore {
  readonly n: number;
  readonly exact: Rate;
  readonly functionSelection: Rate;
}

export interface IrrelevanceScore {
  /** Expected irrelevant and predicted irrelevant. */
  readonly tp: number;
  /** Predicted irrelevant, expected a vehicle command. */
  readonly fp: number;
  /** Expected irrelevant, predicted something else (or nothing valid). */
  readonly fn: number;
  readonly precision: number | null;
  readonly recall: number | null;
  readonly f1: number | null;
}

export interface LatencyStats {
  readonly n: number;
  readonly p50: number | null;
  readonly p95: number | null;
  readonly p99: number | null;
  readonly mean: number | null;
  readonly max: number | null;
}

export interface ConfusionMatrix {
  /** Expected primary function, registry order, only those that occur. */
  readonly rows: readonly string[];
  /** Predicted primary function, registry order, then `PARSE_ERROR_COLUMN` when it occurs. */
  readonly columns: readonly string[];
  /** counts[row][column]. */
  readonly counts: readonly (readonly number[])[];
}

export interface Failure {
  readonly id: string;
  readonly query: string;
  readonly expected: string;
  /** The predicted text, or `(no response: <error>)`. */
  readonly predicted: string;
  /** The model's own answer, when the system changed it. */
  readonly modelResponse?: string;
  /** What changed it. */
  readonly changedBy?: string;
  readonly status: PredictionStatus;
  readonly detail?: string;
  readonly functionMatch: boolean;
  readonly category?: string;
}

export interface EvalSummary {
  /** Rows scored (expected valid). */
  readonly n: number;
  /** Rows whose expected text did not parse/bind (dataset errors, not scored). */
  readonly invalidExpected: number;
  readonly exact: Rate;
  readonly functionSelection: Rate;
  /** Predictions that parsed and bound completely, whatever their content. */
  readonly validResponse: Rate;
  readonly irrelevance: IrrelevanceScore;
  /** Keyed by function name (registry order); an item counts under each distinct expected function. */
  readonly perFunction: Readonly<Record<string, GroupScore>>;
  /** Keyed by category (first-seen order); rows without one under `UNCATEGORIZED`. */
  readonly perCategory: Readonly<Record<string, GroupScore>>;
  readonly perFamily: Readonly<Record<string, GroupScore>>;
  readonly confusion: ConfusionMatrix;
  readonly latency: LatencyStats;
  /** Every non-exact row, dataset order. */
  readonly failures: readonly Failure[];
}

export interface ScoredRun {
  readonly items: readonly ItemScore[];
  readonly summary: EvalSummary;
}

export const PARSE_ERROR_COLUMN = "parse error";
export const UNCATEGORIZED = "(none)";
const IRRELEVANT = "irrelevant_function";

export interface ScoreOptions {
  /** Vehicle profile handedness for the window equivalence; the contract's default is left-hand drive. */
  readonly handedness?: Handedness;
}

type Analysed =
  | { readonly ok: true; readonly calls: readonly BoundCall[]; readonly functions: readonly string[] }
  | {
      readonly ok: false;
      readonly status: "parse_error" | "bind_error";
      readonly message: string;
      readonly functions: readonly string[];
    };

/** Parses and binds one response text; function names come from the parse so a bad argument keeps its function. */
function analyse(text: string): Analysed {
  const parsed = parseResponse(text);
  if (!parsed.ok) return { ok: false, status: "parse_error", message: parsed.error.message, functions: [] };
  const functions = parsed.value.calls.map((c) => registry.byToken(c.token)?.name ?? `unknown ${c.token}`);
  const bound = bindResponse(parsed.value);
  const calls: BoundCall[] = [];
  for (const b of bound) {
    if (!b.ok) return { ok: false, status: "bind_error", message: b.error.message, functions };
    calls.push(b.call);
  }
  return { ok: true, calls, functions };
}

function sameMultiset(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const x = [...a].sort();
  const y = [...b].sort();
  return x.every((v, i) => v === y[i]);
}

function onlyIrrelevant(functions: readonly string[]): boolean {
  return functions.length > 0 && functions.every((f) => f === IRRELEVANT);
}

/** Scores one row. */
export function scoreItem(item: EvalItem, options: ScoreOptions = {}): ItemScore {
  const handedness = options.handedness ?? "lhd";
  const expected = analyse(item.expected);
  const expectedFunctions = expected.functions;
  const expectedIrrelevant = onlyIrrelevant(expectedFunctions);
  // Primary expected function: the first one as written.
  const confusionRow = expectedFunctions[0] ?? PARSE_ERROR_COLUMN;

  let status: PredictionStatus;
  let detail: string | undefined;
  let predictedFunctions: readonly string[] = [];
  let predictedCalls: readonly BoundCall[] | undefined;
  if (item.predicted === undefined) {
    status = "no_response";
    detail = item.error ?? "no response";
  } else {
    const p = analyse(item.predicted);
    predictedFunctions = p.functions;
    if (p.ok) {
      status = "valid";
      predictedCalls = p.calls;
      if (item.error !== undefined) detail = item.error;
    } else {
      status = p.status;
      detail = p.message;
    }
  }

  const exact =
    expected.ok && predictedCalls !== undefined && sameCalls(expected.calls, predictedCalls, { handedness });
  const functionMatch =
    status !== "no_response" && status !== "parse_error" && sameMultiset(expectedFunctions, predictedFunctions);
  // Order-insensitive primary prediction: the expected primary function when the prediction
  // contains it (parallel calls in another order are not a confusion), else the first predicted.
  const confusionColumn =
    status === "no_response" || status === "parse_error" || predictedFunctions.length === 0
      ? PARSE_ERROR_COLUMN
      : predictedFunctions.includes(confusionRow)
        ? confusionRow
        : (predictedFunctions[0] as string);

  return {
    item,
    expectedValid: expected.ok,
    ...(expected.ok ? {} : { expectedError: expected.message }),
    status,
    ...(detail !== undefined ? { detail } : {}),
    exact,
    functionMatch,
    expectedFunctions,
    predictedFunctions,
    expectedIrrelevant,
    predictedIrrelevant: status !== "no_response" && status !== "parse_error" && onlyIrrelevant(predictedFunctions),
    confusionRow,
    confusionColumn,
  };
}

function rate(hits: number, n: number): Rate {
  return { n, hits, rate: n === 0 ? null : hits / n };
}

/**
 * Nearest-rank percentile of an ascending-sorted array: the smallest value with at least
 * p% of the values at or below it. Null for an empty array.
 */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1] as number;
}

export function latencyStats(values: readonly number[]): LatencyStats {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  const n = sorted.length;
  return {
    n,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    mean: n === 0 ? null : sorted.reduce((s, v) => s + v, 0) / n,
    max: n === 0 ? null : (sorted[n - 1] as number),
  };
}

function groupScores(scores: readonly ItemScore[], keysOf: (s: ItemScore) => readonly string[]) {
  const acc = new Map<string, { n: number; exact: number; fn: number }>();
  for (const s of scores) {
    for (const key of new Set(keysOf(s))) {
      const g = acc.get(key) ?? { n: 0, exact: 0, fn: 0 };
      g.n += 1;
      if (s.exact) g.exact += 1;
      if (s.functionMatch) g.fn += 1;
      acc.set(key, g);
    }
  }
  return acc;
}

function toGroupRecord(
  acc: Map<string, { n: number; exact: number; fn: number }>,
  order: readonly string[],
): Record<string, GroupScore> {
  const out: Record<string, GroupScore> = {};
  for (const key of order) {
    const g = acc.get(key);
    if (g) out[key] = { n: g.n, exact: rate(g.exact, g.n), functionSelection: rate(g.fn, g.n) };
  }
  return out;
}

function firstSeen(values: Iterable<string>): string[] {
  return [...new Set(values)];
}

/** Registry order first, anything else (unknown tokens) after it in first-seen order. */
function functionOrder(names: Iterable<string>): string[] {
  const present = new Set(names);
  const known = registry.functions.map((f) => f.name).filter((n) => present.has(n));
  const rest = [...present].filter((n) => !registry.byName(n) && n !== PARSE_ERROR_COLUMN);
  return [...known, ...rest];
}

export function confusionMatrix(scores: readonly ItemScore[]): ConfusionMatrix {
  const rows = functionOrder(scores.map((s) => s.confusionRow));
  const columns = functionOrder(scores.map((s) => s.confusionColumn));
  if (scores.some((s) => s.confusionColumn === PARSE_ERROR_COLUMN)) columns.push(PARSE_ERROR_COLUMN);
  const counts = rows.map(() => columns.map(() => 0));
  for (const s of scores) {
    const r = rows.indexOf(s.confusionRow);
    const c = columns.indexOf(s.confusionColumn);
    const row = counts[r];
    if (row && c >= 0) row[c] = (row[c] ?? 0) + 1;
  }
  return { rows, columns, counts };
}

function f1(precision: number | null, recall: number | null): number | null {
  if (precision === null || recall === null) return null;
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}

/** Aggregates item scores (rows with an invalid expected text are counted, not scored). */
export function summarize(all: readonly ItemScore[]): EvalSummary {
  const scores = all.filter((s) => s.expectedValid);
  const n = scores.length;
  const count = (pred: (s: ItemScore) => boolean) => scores.reduce((k, s) => k + (pred(s) ? 1 : 0), 0);

  const tp = count((s) => s.expectedIrrelevant && s.predictedIrrelevant);
  const fp = count((s) => !s.expectedIrrelevant && s.predictedIrrelevant);
  const fn = count((s) => s.expectedIrrelevant && !s.predictedIrrelevant);
  const precision = tp + fp === 0 ? null : tp / (tp + fp);
  const recall = tp + fn === 0 ? null : tp / (tp + fn);

  const perFunctionAcc = groupScores(scores, (s) => s.expectedFunctions);
  const categoryOf = (s: ItemScore) => s.item.category ?? UNCATEGORIZED;
  const familyOf = (s: ItemScore) => s.item.family ?? UNCATEGORIZED;

  const failures: Failure[] = scores
    .filter((s) => !s.exact)
    .map((s) => ({
      id: s.item.id,
      query: s.item.query,
      expected: s.item.expected,
      predicted: s.item.predicted ?? `(no response: ${s.item.error ?? "unknown error"})`,
      ...(s.item.modelResponse !== undefined ? { modelResponse: s.item.modelResponse } : {}),
      ...(s.item.changedBy !== undefined ? { changedBy: s.item.changedBy } : {}),
      status: s.status,
      ...(s.detail !== undefined ? { detail: s.detail } : {}),
      functionMatch: s.functionMatch,
      ...(s.item.category !== undefined ? { category: s.item.category } : {}),
    }));

  return {
    n,
    invalidExpected: all.length - n,
    exact: rate(
      count((s) => s.exact),
      n,
    ),
    functionSelection: rate(
      count((s) => s.functionMatch),
      n,
    ),
    validResponse: rate(
      count((s) => s.status === "valid"),
      n,
    ),
    irrelevance: { tp, fp, fn, precision, recall, f1: f1(precision, recall) },
    perFunction: toGroupRecord(perFunctionAcc, functionOrder(perFunctionAcc.keys())),
    perCategory: toGroupRecord(
      groupScores(scores, (s) => [categoryOf(s)]),
      firstSeen(scores.map(categoryOf)),
    ),
    perFamily: toGroupRecord(
      groupScores(scores, (s) => [familyOf(s)]),
      firstSeen(scores.map(familyOf)),
    ),
    confusion: confusionMatrix(scores),
    latency: latencyStats(scores.map((s) => s.item.latencyMs)),
    failures,
  };
}

/** Scores every row and aggregates. */
export function scoreRun(items: readonly EvalItem[], options: ScoreOptions = {}): ScoredRun {
  const scored = items.map((item) => scoreItem(item, options));
  return { items: scored, summary: summarize(scored) };
}
