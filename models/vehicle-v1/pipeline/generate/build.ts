/**
 * Assembles the data set: single commands per function, parallel requests, and as many
 * irrelevant queries as positives, for the training split (training families) and the
 * held-out split (held-out families), each row normalized, verified and deduplicated.
 */
import { normalizeTranscript } from "../../../../src/text/normalize.js";
import { COMMAND_FUNCTIONS } from "./calls.js";
import { catalogue, type FamilyCatalogue } from "./families/index.js";
import type { Draft, Family, HeldWord } from "./families/types.js";
import { G } from "./lexicon.js";
import { CONNECTORS, compatible, joinClauses } from "./parallel.js";
import { Rng } from "./prng.js";
import { surface } from "./surface.js";
import { verifyCalls } from "./verify.js";

export type Split = "train" | "heldout";
export type Category = "single" | "parallel" | "negative" | "near_miss" | "asr_noise";

export interface Row {
  readonly query: string;
  readonly input: string;
  readonly response: string;
  readonly functions: readonly string[];
  readonly category: Category;
  readonly family: string;
  /** For a composed parallel query: the families of its clauses. */
  readonly parts?: readonly string[];
}

export interface BuildOptions {
  readonly seed: number;
  /** Single-command rows per function (both splits together). */
  readonly perFunction: number;
  /** Share of each function's rows that come from its held-out families. */
  readonly heldoutShare: number;
  /** Parallel rows as a share of single-command rows. */
  readonly parallelShare: number;
  /** Share of parallel rows from shared-verb families ("turn on the AC and the recirculation"). */
  readonly sharedVerbShare: number;
  /** Share of positive queries rendered with recognizer noise. */
  readonly noiseShare: number;
}

export const DEFAULT_OPTIONS: BuildOptions = {
  seed: 1,
  perFunction: 2200,
  heldoutShare: 0.1,
  parallelShare: 0.5,
  sharedVerbShare: 0.36,
  noiseShare: 0.22,
};

interface Entry {
  row: Row;
  split: Split;
  alive: boolean;
  positive: boolean;
}

export interface Stats {
  readonly seed: number;
  readonly options: BuildOptions;
  readonly splits: Record<Split, SplitStats>;
  readonly dropped: {
    invalid: number;
    normalizeFailed: number;
    anchorMismatch: number;
    duplicates: number;
    crossSplitDuplicates: number;
    conflicts: number;
    /** Training rows not added because a held-out family's word came out of the templates. */
    heldWordsRefused: number;
    /** Held-out words found in the finished training split (a generator bug; must stay 0). */
    heldWordsInTrain: number;
    balanceTrimmed: number;
  };
  readonly examples: { invalid: string[]; anchor: string[]; conflicts: string[]; heldWordsInTrain: string[] };
  readonly families: Record<string, { split: Split; fn: string; rows: number }>;
  readonly heldoutFamilies: readonly string[];
  readonly heldoutConnectors: readonly string[];
  readonly elapsedMs: number;
}

export interface SplitStats {
  rows: number;
  positives: number;
  negatives: number;
  /** negatives / positives (M/N of the paper). */
  negativeToPositive: number;
  /** Parallel rows (2-3 calls) as a share of positives. */
  parallelShare: number;
  byCategory: Record<string, number>;
  /** Positive rows that call each function. */
  byFunction: Record<string, number>;
}

export interface Dataset {
  readonly train: Row[];
  readonly heldout: Row[];
  readonly stats: Stats;
}

const MAX_EXAMPLES = 20;

export interface HeldWordMatcher {
  readonly family: string;
  readonly word: string;
  test(input: string): boolean;
}

/** Matchers for every held-out family's and connector's own words, over normalized inputs. */
export function heldWordMatchers(cat: FamilyCatalogue = catalogue()): HeldWordMatcher[] {
  const out: HeldWordMatcher[] = [];
  const add = (family: string, w: HeldWord) => {
    if (w instanceof RegExp) {
      out.push({ family, word: String(w), test: (input) => w.test(input) });
      return;
    }
    const r = normalizeTranscript(w);
    const phrase = ` ${r.ok ? r.text : w.toLowerCase()} `;
    out.push({ family, word: JSON.stringify(w), test: (input) => ` ${input} `.includes(phrase) });
  };
  for (const f of cat.all) if (f.held) for (const w of f.heldWords) add(f.id, w);
  for (const c of CONNECTORS) if (c.held) for (const w of c.heldWords) add(`par.${c.id}`, w);
  return out;
}

export function buildDataset(options: Partial<BuildOptions> = {}): Dataset {
  const started = Date.now();
  const opts: BuildOptions = { ...DEFAULT_OPTIONS, ...options };
  const rng = new Rng(opts.seed);
  const g = new G(rng);
  const cat: FamilyCatalogue = catalogue();

  const entries: Entry[] = [];
  const byInput = new Map<string, Entry | "poisoned">();
  const familyRows = new Map<string, number>();
  const dropped = {
    invalid: 0,
    normalizeFailed: 0,
    anchorMismatch: 0,
    duplicates: 0,
    crossSplitDuplicates: 0,
    conflicts: 0,
    heldWordsRefused: 0,
    heldWordsInTrain: 0,
    balanceTrimmed: 0,
  };
  const examples = {
    invalid: [] as string[],
    anchor: [] as string[],
    conflicts: [] as string[],
    heldWordsInTrain: [] as string[],
  };
  const note = (list: string[], s: string) => {
    if (list.length < MAX_EXAMPLES) list.push(s);
  };
  const held = heldWordMatchers(cat);

  /** Renders, normalizes, verifies and deduplicates one draft; true when a row was added. */
  function accept(d: Draft, family: Family | string, split: Split, parts?: string[]): boolean {
    const fam = typeof family === "string" ? family : family.id;
    const negKind = typeof family !== "string" && family.kind !== "command" ? family.kind : null;
    if (/[{}|]/.test(d.text)) throw new Error(`generator bug: unexpanded template in ${fam}: ${d.text}`);
    const s = surface(g, d, negKind ? opts.noiseShare / 2 : opts.noiseShare);
    const n = normalizeTranscript(s.query);
    if (!n.ok) {
      dropped.normalizeFailed++;
      return false;
    }
    const input = n.text;
    // Composed clauses can meet at a held-out word ("... full power" + "the airflow to the
    // face" = "power the", of ac.held.power): such a row never enters training.
    if (split === "train" && held.some((m) => m.test(input))) {
      dropped.heldWordsRefused++;
      return false;
    }
    const tokens = new Set(input.split(" "));
    for (const v of d.said ?? []) {
      if (!tokens.has(String(v))) {
        dropped.anchorMismatch++;
        note(examples.anchor, `${fam}: ${JSON.stringify(s.query)} -> ${JSON.stringify(input)} lacks ${v}`);
        return false;
      }
    }
    const v = verifyCalls(d.calls);
    if (!v.ok) {
      dropped.invalid++;
      note(examples.invalid, `${fam}: ${JSON.stringify(s.query)}: ${v.reason}`);
      return false;
    }
    const existing = byInput.get(input);
    if (existing === "poisoned") {
      dropped.conflicts++;
      return false;
    }
    if (existing) {
      if (existing.row.response === v.response) {
        dropped.duplicates++;
        if (existing.split !== split) dropped.crossSplitDuplicates++;
        return false;
      }
      if (existing.alive) {
        existing.alive = false;
        familyRows.set(existing.row.family, (familyRows.get(existing.row.family) ?? 1) - 1);
        dropped.conflicts++;
      }
      dropped.conflicts++;
      byInput.set(input, "poisoned");
      note(
        examples.conflicts,
        `${JSON.stringify(input)}: ${existing.row.family} ${existing.row.response} vs ${fam} ${v.response}`,
      );
      return false;
    }
    const category: Category = negKind ?? (d.calls.length > 1 ? "parallel" : s.asr ? "asr_noise" : "single");
    const functions = [...new Set(d.calls.map((c) => c.fn))];
    const row: Row = {
      query: s.query,
      input,
      response: v.response,
      functions,
      category,
      family: fam,
      ...(parts ? { parts } : {}),
    };
    const entry: Entry = { row, split, alive: true, positive: negKind === null };
    entries.push(entry);
    byInput.set(input, entry);
    familyRows.set(fam, (familyRows.get(fam) ?? 0) + 1);
    return true;
  }

  /** Draws rows from families (by weight) until `target` rows were added or all are exhausted. */
  function fill(families: readonly Family[], target: number, split: Split): number {
    const fails = new Map<Family, number>();
    let active = families.filter((f) => f.weight > 0);
    let added = 0;
    while (added < target && active.length > 0) {
      const f = rng.weighted(active, (x) => x.weight);
      if (accept(f.make(g), f, split)) {
        added++;
        fails.set(f, 0);
      } else {
        const k = (fails.get(f) ?? 0) + 1;
        fails.set(f, k);
        if (k > 300) active = active.filter((x) => x !== f);
      }
    }
    return added;
  }

  const inSplit = (f: Family, split: Split) => f.held === (split === "heldout");

  /** One imperative clause of `fn` usable inside a parallel query. */
  function clause(fn: string, pool: readonly Family[]): { family: Family; draft: Draft } | null {
    const fams = pool.filter((f) => f.fn === fn);
    if (fams.length === 0) return null;
    for (let i = 0; i < 25; i++) {
      const f = rng.weighted(fams, (x) => x.weight);
      const d = f.make(g);
      if (d.form === "imperative" && d.clause !== false) return { family: f, draft: d };
    }
    return null;
  }

  function composeParallel(split: Split, target: number): number {
    const allCommand = [...cat.commands.values()].flat();
    const trainPool = allCommand.filter((f) => !f.held);
    const heldPool = allCommand.filter((f) => f.held);
    const trainConn = CONNECTORS.filter((c) => !c.held);
    const heldConn = CONNECTORS.filter((c) => c.held);
    const heldFns = COMMAND_FUNCTIONS.filter((fn) => heldPool.some((f) => f.fn === fn));
    let added = 0;
    let attempts = 0;
    while (added < target && attempts < target * 40) {
      attempts++;
      // Three-call requests are where the natural dev set fails most ("windows up, AC on, fan on 3").
      const n = rng.chance(0.55) ? 2 : 3;
      let fns = rng.shuffle([...COMMAND_FUNCTIONS]).slice(0, n);
      let conn = rng.pick(trainConn);
      const pools: (readonly Family[])[] = fns.map(() => trainPool);
      if (split === "heldout") {
        if (rng.chance(0.35)) {
          conn = rng.pick(heldConn);
          for (let i = 0; i < n; i++) pools[i] = allCommand;
        } else {
          const first = rng.pick(heldFns);
          fns = [first, ...fns.filter((f) => f !== first)].slice(0, n);
          pools[0] = heldPool;
          for (let i = 1; i < n; i++) pools[i] = allCommand;
        }
      }
      const clauses = fns.map((fn, i) => clause(fn, pools[i]!));
      if (clauses.some((c) => c === null)) continue;
      const cs = clauses as { family: Family; draft: Draft }[];
      const drafts = rng.shuffle([...cs]);
      const calls = drafts.flatMap((c) => c.draft.calls);
      if (
        calls.length > 3 ||
        !compatible(
          calls,
          drafts.map((c) => c.family.fn),
        )
      )
        continue;
      const joined = joinClauses(
        g,
        conn,
        drafts.map((c) => c.draft),
      );
      if (
        accept(
          joined,
          `par.${conn.id}`,
          split,
          drafts.map((c) => c.family.id),
        )
      )
        added++;
    }
    return added;
  }

  const splits: Split[] = ["train", "heldout"];
  for (const split of splits) {
    // ---- single commands, per function
    for (const fn of COMMAND_FUNCTIONS) {
      const held = Math.round(opts.perFunction * opts.heldoutShare);
      const target = split === "train" ? opts.perFunction - held : held;
      fill(
        cat.commands.get(fn)!.filter((f) => inSplit(f, split)),
        target,
        split,
      );
    }
    // ---- parallel requests
    const singles = entries.filter((e) => e.alive && e.split === split && e.positive).length;
    const parTarget = Math.round(singles * opts.parallelShare);
    const sharedTarget = Math.round(parTarget * opts.sharedVerbShare);
    fill(
      cat.shared.filter((f) => inSplit(f, split)),
      sharedTarget,
      split,
    );
    composeParallel(split, parTarget - sharedTarget);
  }

  // ---- negatives: as many as positives in each split (M/N = 1)
  for (const split of splits) {
    const positives = entries.filter((e) => e.alive && e.split === split && e.positive).length;
    fill(
      cat.negatives.filter((f) => inSplit(f, split)),
      positives,
      split,
    );
  }
  // Conflicts found late may have removed rows: trim or top up to keep M/N = 1.
  for (const split of splits) {
    const alive = entries.filter((e) => e.alive && e.split === split);
    const pos = alive.filter((e) => e.positive).length;
    const negs = alive.filter((e) => !e.positive);
    if (negs.length > pos) {
      for (const e of negs.slice(pos)) {
        e.alive = false;
        familyRows.set(e.row.family, (familyRows.get(e.row.family) ?? 1) - 1);
        dropped.balanceTrimmed++;
      }
    } else if (negs.length < pos) {
      fill(
        cat.negatives.filter((f) => inSplit(f, split)),
        pos - negs.length,
        split,
      );
    }
  }

  // ---- held-out words must never reach training inputs (refused in accept(); checked again)
  for (const e of entries) {
    if (!e.alive || e.split !== "train") continue;
    for (const m of held) {
      if (m.test(e.row.input)) {
        dropped.heldWordsInTrain++;
        note(examples.heldWordsInTrain, `${e.row.family}: ${JSON.stringify(e.row.input)} has ${m.word} of ${m.family}`);
      }
    }
  }

  const rowsOf = (split: Split) => rng.shuffle(entries.filter((e) => e.alive && e.split === split).map((e) => e.row));
  const train = rowsOf("train");
  const heldout = rowsOf("heldout");

  const families: Stats["families"] = {};
  for (const f of cat.all)
    families[f.id] = { split: f.held ? "heldout" : "train", fn: f.fn, rows: familyRows.get(f.id) ?? 0 };
  for (const c of CONNECTORS) {
    families[`par.${c.id}`] = {
      split: c.held ? "heldout" : "train",
      fn: "(parallel)",
      rows: familyRows.get(`par.${c.id}`) ?? 0,
    };
  }

  const stats: Stats = {
    seed: opts.seed,
    options: opts,
    splits: { train: splitStats(train), heldout: splitStats(heldout) },
    dropped,
    examples,
    families,
    heldoutFamilies: cat.all.filter((f) => f.held).map((f) => f.id),
    heldoutConnectors: CONNECTORS.filter((c) => c.held).map((c) => `par.${c.id}`),
    elapsedMs: Date.now() - started,
  };
  return { train, heldout, stats };
}

function splitStats(rows: readonly Row[]): SplitStats {
  const byCategory: Record<string, number> = {};
  const byFunction: Record<string, number> = {};
  let positives = 0;
  let parallel = 0;
  for (const r of rows) {
    byCategory[r.category] = (byCategory[r.category] ?? 0) + 1;
    if (r.category === "negative" || r.category === "near_miss") continue;
    positives++;
    if (r.category === "parallel") parallel++;
    for (const fn of r.functions) byFunction[fn] = (byFunction[fn] ?? 0) + 1;
  }
  const negatives = rows.length - positives;
  return {
    rows: rows.length,
    positives,
    negatives,
    negativeToPositive: positives === 0 ? 0 : Number((negatives / positives).toFixed(4)),
    parallelShare: positives === 0 ? 0 : Number((parallel / positives).toFixed(4)),
    byCategory,
    byFunction,
  };
}
