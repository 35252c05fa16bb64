/**
 * Property and fuzz tests of the parser, binder and renderer (fast-check).
 *
 * Every generated input goes through `parseChecked`, which asserts the invariants that
 * must hold for ANY string: no throw, a well-formed result (an error with a known code, a
 * position inside the text, a message naming what was expected and found, the raw text);
 * a successful parse stays within the limits, binds without throwing, and reprints to
 * text that parses to the same structure. The case counter and the wall time are printed
 * at the end (the issue asks for >= 100k cases per run; the count is asserted, the time is
 * only reported).
 */
import fc from "fast-check";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import {
  BIND_ERROR_CODES,
  type BindErrorCode,
  type BoundCall,
  type Literal,
  PARSE_ERROR_CODES,
  type ParsedCall,
  type ParsedResponse,
  type ParsedValue,
  type ParseErrorCode,
} from "../../src/core/types.js";
import {
  bindResponse,
  DEFAULT_PARSE_LIMITS,
  type ParseLimits,
  type ParseOutcome,
  parseResponse,
  renderCall,
  renderResponse,
  sameCalls,
} from "../../src/parser/index.js";
import { type FunctionSpec, type IntRange, type ParamSpec, registry } from "../../src/registry/index.js";

const PARSE_CODES = new Set<ParseErrorCode>(PARSE_ERROR_CODES);
const BIND_CODES = new Set<BindErrorCode>(BIND_ERROR_CODES);

let cases = 0;
let propertiesRun = 0;
const PROPERTIES = 8;
const startedAt = performance.now();

// ------------------------------------------------------------ an independent reprinter

/** Prints a parsed structure back as response text (written here, not with src/parser/render). */
function printValue(v: ParsedValue): string {
  switch (v.kind) {
    case "string":
      return `'${v.value.replace(/\\/g, "\\\\").replace(/'/g, "\\'").replace(/\n/g, "\\n").replace(/\r/g, "\\r")}'`;
    case "int":
      return String(v.value);
    case "bool":
      return v.value ? "True" : "False";
    case "call":
      return printCall(v.call);
  }
}
function printCall(c: ParsedCall): string {
  const args = [...c.positional.map(printValue), ...c.keywords.map((k) => `${k.name}=${printValue(k.value)}`)];
  return `${c.token}(${args.join(", ")})`;
}
function printResponse(r: ParsedResponse): string {
  return `${r.calls.map(printCall).join("; ")}<nexa_end>`;
}

/** The structure without positions. */
function shape(v: ParsedValue | ParsedCall): unknown {
  if ("token" in v) return [v.token, v.positional.map(shape), v.keywords.map((k) => [k.name, shape(k.value)])];
  return v.kind === "call" ? shape(v.call) : [v.kind, v.value];
}
function stats(calls: readonly ParsedCall[], depth = 1): { calls: number; depth: number } {
  let n = 0;
  let d = 0;
  for (const c of calls) {
    n++;
    d = Math.max(d, depth);
    const nested = [...c.positional, ...c.keywords.map((k) => k.value)].flatMap((v) =>
      v.kind === "call" ? [v.call] : [],
    );
    const s = stats(nested, depth + 1);
    n += s.calls;
    d = Math.max(d, s.depth);
  }
  return { calls: n, depth: d };
}

// ------------------------------------------------------------ the universal invariants

function checkOutcome(raw: string, out: ParseOutcome, limits: ParseLimits): void {
  if (!out.ok) {
    const e = out.error;
    expect(e.kind).toBe("parse");
    expect(PARSE_CODES.has(e.code)).toBe(true);
    expect(Number.isInteger(e.position)).toBe(true);
    expect(e.position).toBeGreaterThanOrEqual(0);
    expect(e.position).toBeLessThanOrEqual(raw.length);
    expect(e.message).toMatch(/^expected [\s\S]+, found [\s\S]+$/);
    expect(e.raw).toBe(raw);
    return;
  }
  const resp = out.value;
  expect(resp.raw).toBe(raw);
  expect(raw.trimEnd().endsWith("<nexa_end>")).toBe(true);
  const s = stats(resp.calls);
  expect(s.calls).toBeGreaterThan(0);
  expect(s.calls).toBeLessThanOrEqual(limits.maxCalls);
  expect(s.depth).toBeLessThanOrEqual(limits.maxDepth);
  // Reprinting reads back to the same structure.
  const again = parseResponse(printResponse(resp), { ...limits, maxLength: 1e6 });
  expect(again.ok).toBe(true);
  if (again.ok) expect(again.value.calls.map(shape)).toEqual(resp.calls.map(shape));
  // Binding never throws; a bound call renders to canonical text that binds back to itself.
  const bound = bindResponse(resp);
  expect(bound).toHaveLength(resp.calls.length);
  bound.forEach((b, i) => {
    if (!b.ok) {
      expect(BIND_CODES.has(b.error.code)).toBe(true);
      expect(b.error.callIndex).toBe(i);
      expect(b.error.position).toBeGreaterThanOrEqual(0);
      expect(b.error.position).toBeLessThan(raw.length);
      expect(b.error.message).toMatch(/expected [\s\S]+, found [\s\S]+/);
      return;
    }
    const text = renderResponse([b.call]);
    const back = parseResponse(text);
    expect(back.ok).toBe(true);
    if (back.ok) {
      // Equal up to the contract's equivalences (intensity=100 renders as omitted).
      const rebound = bindResponse(back.value)[0];
      expect(rebound?.ok).toBe(true);
      if (rebound?.ok) {
        expect(sameCalls([rebound.call], [b.call])).toBe(true);
        expect(renderResponse([rebound.call])).toBe(text);
      }
    }
  });
}

afterEach(() => {
  propertiesRun++;
});

function parseChecked(raw: string, limits: Partial<ParseLimits> = {}): ParseOutcome {
  cases++;
  const out = parseResponse(raw, limits);
  checkOutcome(raw, out, { ...DEFAULT_PARSE_LIMITS, ...limits });
  return out;
}

// ------------------------------------------------------------ valid calls from the registry

/** The integer ranges the contract allows a parameter, given the other arguments. */
function contractRanges(spec: FunctionSpec, p: ParamSpec, args: Record<string, Literal>): IntRange[] {
  if (!p.rangeBy) return [{ min: p.min ?? 0, max: p.max ?? 0 }];
  const unit = args[p.rangeBy.param] ?? spec.params.find((q) => q.name === p.rangeBy?.param)?.default;
  // §3: the default unit (fahrenheit) also takes 16..27, which the gate reads as celsius.
  const by = spec.params.find((q) => q.name === p.rangeBy?.param);
  if (unit === by?.default) return Object.values(p.rangeBy.ranges);
  const r = p.rangeBy.ranges[String(unit)];
  return r ? [r] : [];
}

/** Every value an int parameter may take (ranges are small: at most 101 values). */
function intValues(ranges: IntRange[], exclude: readonly number[] = []): number[] {
  const values = new Set<number>();
  for (const r of ranges) for (let v = r.min; v <= r.max; v++) if (!exclude.includes(v)) values.add(v);
  return [...values].sort((a, b) => a - b);
}

/** The value a seed picks for a parameter (seeds shrink to 0 = the first/smallest value). */
function pickLiteral(spec: FunctionSpec, p: ParamSpec, args: Record<string, Literal>, seed: number): Literal {
  if (p.type === "bool") return seed % 2 === 1;
  const values = p.type === "enum" ? registry.enumValues(p) : intValues(contractRanges(spec, p, args), p.exclude);
  return values[seed % values.length] as Literal;
}

/**
 * A random valid call of one function: required params, one of each exactly-one group,
 * optionals maybe. Values come from plain integer seeds (not fc.gen(), whose shrinking
 * did not terminate here), so failures shrink quickly.
 */
function callArb(spec: FunctionSpec): fc.Arbitrary<BoundCall> {
  const n = spec.params.length;
  const grouped = new Set(spec.exactlyOne.flat());
  const groupPicks = fc.tuple(...spec.exactlyOne.map((g) => fc.constantFrom(...g)));
  const optionalFlags = fc.array(fc.boolean(), { minLength: n, maxLength: n });
  const seeds = fc.array(fc.nat({ max: 1 << 20 }), { minLength: n, maxLength: n });
  return fc.tuple(groupPicks, optionalFlags, seeds).map(([picks, flags, seedOf]) => {
    const args: Record<string, Literal> = {};
    // Params a range depends on come first, so the dependent range sees their value.
    const order = [...spec.params].sort((a, b) => Number(!!a.rangeBy) - Number(!!b.rangeBy));
    for (const p of order) {
      const i = spec.params.indexOf(p);
      const wanted = p.required || (grouped.has(p.name) ? picks.includes(p.name) : flags[i]);
      if (wanted) args[p.name] = pickLiteral(spec, p, args, seedOf[i] ?? 0);
    }
    const ordered: Record<string, Literal> = {};
    for (const p of spec.params) if (p.name in args) ordered[p.name] = args[p.name] as Literal;
    return { token: spec.token, name: spec.name, args: ordered };
  });
}

const anyCallArb = fc.oneof(...registry.functions.map(callArb));
const callsArb = fc.array(anyCallArb, { minLength: 1, maxLength: DEFAULT_PARSE_LIMITS.maxCalls });

/** What the binder must return for a valid call: defaults filled, equivalent-to-omitted dropped. */
function expectedBound(call: BoundCall): BoundCall {
  const spec = registry.byName(call.name)!;
  const args: Record<string, Literal> = {};
  for (const p of spec.params) {
    const v = call.args[p.name];
    if (v !== undefined && !(p.equivalentToOmitted !== undefined && v === p.equivalentToOmitted)) args[p.name] = v;
    else if (p.default !== undefined) args[p.name] = p.default;
  }
  return { token: call.token, name: call.name, args };
}

// ------------------------------------------------------------ non-canonical writings of valid calls

/** Choices read from a generated array of numbers, in turn (wrapping around). */
class Chooser {
  private i = 0;
  constructor(private readonly seeds: readonly number[]) {}
  int(n: number): number {
    const seed = this.seeds[this.i++ % this.seeds.length] ?? 0;
    return n <= 0 ? 0 : seed % n;
  }
  bool(): boolean {
    return this.int(2) === 1;
  }
  one<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }
  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      [out[i], out[j]] = [out[j] as T, out[i] as T];
    }
    return out;
  }
  space(): string {
    return this.one(["", "", " ", "  ", "\t"]);
  }
  outerSpace(): string {
    return this.one(["", "", " ", "\n", "\r\n", " \t\n"]);
  }
}
const chooserArb = fc.array(fc.nat({ max: 1 << 20 }), { minLength: 512, maxLength: 512 }).map((a) => new Chooser(a));

/** The same call written another legal way: positional/keyword mix, explicit defaults, spacing, LHD windows. */
function writeVariant(call: BoundCall, g: Chooser): string {
  const spec = registry.byName(call.name)!;
  const sp = () => g.space();
  const args: Record<string, Literal> = { ...call.args };
  for (const p of spec.params) {
    const v = args[p.name];
    if (p.enum === "window" && typeof v === "string") {
      const swap: Record<string, string> = {
        driver: "front left",
        passenger: "front right",
        "front left": "driver",
        "front right": "passenger",
      };
      if (swap[v] && g.bool()) args[p.name] = swap[v];
    }
    if (v === undefined && p.default !== undefined && g.bool()) args[p.name] = p.default;
    if (v === undefined && p.equivalentToOmitted !== undefined && g.bool()) args[p.name] = p.equivalentToOmitted;
    if (v !== undefined && v === p.default && g.bool()) delete args[p.name];
  }
  let prefix = 0;
  while (prefix < spec.params.length && (spec.params[prefix] as ParamSpec).name in args) prefix++;
  const positionalCount = g.int(prefix + 1);
  const lit = (v: Literal) =>
    typeof v === "string" ? `'${v}'` : typeof v === "boolean" ? (v ? "True" : "False") : String(v);
  const positional = spec.params.slice(0, positionalCount).map((p) => lit(args[p.name] as Literal));
  const keywordNames = spec.params.slice(positionalCount).flatMap((p) => (p.name in args ? [p.name] : []));
  const shuffled = g.shuffle(keywordNames);
  const keywords = shuffled.map((n) => `${n}${sp()}=${sp()}${lit(args[n] as Literal)}`);
  const parts = [...positional, ...keywords].map((a) => `${sp()}${a}${sp()}`);
  return `${spec.tokenText}${sp()}(${parts.length ? parts.join(",") : sp()})`;
}

// ------------------------------------------------------------ fragments for grammar-shaped noise

const FRAGMENTS = [
  "<nexa_",
  "<nexa_0>",
  "<nexa_1>",
  "<nexa_3>",
  "<nexa_20>",
  "<nexa_99>",
  "<nexa_end>",
  "<nexa_end",
  "(",
  ")",
  "(",
  ")",
  "'",
  "'",
  "\\",
  "\\'",
  "\\x4",
  "\\u00e9",
  ",",
  ", ",
  "; ",
  ";",
  "=",
  "-",
  "0",
  "7",
  "72",
  "007",
  "1.5",
  "9999999999",
  "True",
  "False",
  "None",
  "unit",
  "volume_diff",
  "'driver'",
  "'rear left'",
  "'celsius'",
  "driver",
  " ",
  "\t",
  "\n",
  '"',
  ">",
  "<",
  "x",
  "é",
  "🚗",
  "\u0000",
];
const grammarNoiseArb = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 40 }).map((a) => a.join(""));

/** A response written another legal way: each call by writeVariant, spacing around ';' and the ends. */
function writeResponse(calls: readonly BoundCall[], g: Chooser): string {
  const written = calls.map((c) => writeVariant(c, g));
  return `${g.outerSpace()}${written.join(`${g.space()};${g.space()}`)}${g.space()}<nexa_end>${g.outerSpace()}`;
}

const validTextArb = fc.oneof(
  callsArb.map((calls) => renderResponse(calls)),
  fc.tuple(callsArb, chooserArb).map(([calls, g]) => writeResponse(calls, g)),
);

type Mutation = { kind: "insert" | "delete" | "replace" | "duplicate" | "swap"; at: number; len: number; text: string };
const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom("insert", "delete", "replace", "duplicate", "swap"),
  at: fc.nat(),
  len: fc.integer({ min: 1, max: 12 }),
  text: fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ unit: "binary", minLength: 1, maxLength: 3 })),
});
function mutate(text: string, mutations: readonly Mutation[]): string {
  let s = text;
  for (const m of mutations) {
    const at = m.at % (s.length + 1);
    const end = Math.min(s.length, at + m.len);
    if (m.kind === "insert") s = s.slice(0, at) + m.text + s.slice(at);
    else if (m.kind === "delete") s = s.slice(0, at) + s.slice(end);
    else if (m.kind === "replace") s = s.slice(0, at) + m.text + s.slice(end);
    else if (m.kind === "duplicate") s = s.slice(0, end) + s.slice(at, end) + s.slice(end);
    else {
      const other = (m.at * 7919) % (s.length + 1);
      const a = Math.min(at, other);
      const b = Math.max(at, other);
      s = s.slice(0, a) + s.slice(b, b + 1) + s.slice(a + 1, b) + s.slice(a, a + 1) + s.slice(b + 1);
    }
  }
  return s;
}

// ------------------------------------------------------------ the properties

describe("parser fuzz: any input gives a well-formed result, never a throw", () => {
  it("random strings (full unicode, incl. lone surrogates)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 300 }), (s) => {
        parseChecked(s);
      }),
      { numRuns: 15_000 },
    );
  });

  it("random printable-ASCII strings, bare and wrapped in a call", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.constantFrom(0, 1, 2), (s, wrap) => {
        const raw = wrap === 0 ? s : wrap === 1 ? `<nexa_1>(${s})<nexa_end>` : `<nexa_11>('${s}')<nexa_end>`;
        parseChecked(raw);
      }),
      { numRuns: 15_000 },
    );
  });

  it("random strings over the grammar's alphabet", () => {
    fc.assert(
      fc.property(grammarNoiseArb, (s) => {
        parseChecked(s);
      }),
      { numRuns: 25_000 },
    );
  });

  it("mutated valid responses (insert, delete, replace, duplicate, swap)", () => {
    fc.assert(
      fc.property(validTextArb, fc.array(mutationArb, { minLength: 1, maxLength: 6 }), (text, muts) => {
        parseChecked(mutate(text, muts));
      }),
      { numRuns: 20_000 },
    );
  });

  it("every truncation of a valid response is a truncation error", () => {
    const truncationCodes = new Set<ParseErrorCode>([
      "empty",
      "unexpected_end",
      "unterminated_string",
      "missing_end_token",
    ]);
    fc.assert(
      fc.property(validTextArb, (text) => {
        const full = parseChecked(text);
        expect(full.ok).toBe(true);
        const end = text.trimEnd().length;
        for (let cut = 0; cut < end; cut++) {
          const out = parseChecked(text.slice(0, cut));
          expect(out.ok).toBe(false);
          if (!out.ok)
            expect(truncationCodes.has(out.error.code), `${out.error.code}: ${text.slice(0, cut)}`).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });

  it("deep nesting and long inputs stay bounded, whatever limits are passed", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5_000 }),
        fc.constantFrom("<nexa_0>(", "<nexa_1>(x=", "<nexa_3>('a', "),
        fc.boolean(),
        fc.constantFrom<Partial<ParseLimits>>({}, { maxLength: 1e6 }, { maxLength: 1e6, maxDepth: 1e9, maxCalls: 1e9 }),
        (depth, opener, closed, limits) => {
          const raw = `${opener.repeat(depth)}${closed ? ")".repeat(depth) : ""}<nexa_end>`;
          const out = parseChecked(raw, limits);
          if (depth > 64) expect(out.ok).toBe(false);
        },
      ),
      { numRuns: 1_500 },
    );
  });
});

describe("round trip: valid calls -> render -> parse -> bind -> the same calls", () => {
  it("renders canonical text that binds back to the same calls, byte-identical when rendered again", () => {
    fc.assert(
      fc.property(callsArb, (calls) => {
        const text = renderResponse(calls);
        const out = parseChecked(text);
        expect(out.ok).toBe(true);
        if (!out.ok) return;
        const bound = bindResponse(out.value).map((b) => {
          if (!b.ok) throw new Error(`${text}: ${b.error.message}`);
          return b.call;
        });
        expect(bound).toEqual(calls.map(expectedBound));
        expect(sameCalls(bound, calls)).toBe(true);
        expect(renderResponse(bound)).toBe(text);
      }),
      { numRuns: 8_000 },
    );
  });

  it("any legal writing of valid calls binds to the same calls (contract equivalences)", () => {
    fc.assert(
      fc.property(callsArb, chooserArb, (calls, g) => {
        const text = writeResponse(g.shuffle(calls), g);
        const out = parseChecked(text);
        expect(out.ok).toBe(true);
        if (!out.ok) return;
        const bound = bindResponse(out.value).map((b) => {
          if (!b.ok) throw new Error(`${JSON.stringify(text)}: ${b.error.message}`);
          return b.call;
        });
        expect(sameCalls(bound, calls)).toBe(true);
        // Canonical text of each call is independent of how it was written (windows aside).
        const canonical = (cs: readonly BoundCall[]) => cs.map((c) => renderCall(c)).sort();
        if (!calls.some((c) => c.name === "control_window")) expect(canonical(bound)).toEqual(canonical(calls));
      }),
      { numRuns: 6_000 },
    );
  });
});

afterAll(() => {
  const seconds = (performance.now() - startedAt) / 1000;
  console.log(`parser fuzz: ${cases} parse cases in ${seconds.toFixed(1)} s (${propertiesRun} properties)`);
  // The volume promise holds for a full run, not for one property picked with -t.
  if (propertiesRun === PROPERTIES) expect(cases).toBeGreaterThanOrEqual(100_000);
});
