/**
 * The function registry: the one source of truth for the vehicle function set.
 *
 * `functions.json` (beside this file) is data that the parser, binder, safety gate,
 * adapters, the training-data generator and the Python trainer all read. This module
 * validates it once at start-up (a malformed registry is a programming error and stops
 * the process) and builds the lookup tables the per-request code uses.
 */
import { createHash } from "node:crypto";
import rawRegistry from "./functions.json" with { type: "json" };

export type ParamType = "int" | "bool" | "enum";
export type Literal = string | number | boolean;

export interface IntRange {
  readonly min: number;
  readonly max: number;
}

export interface ParamSpec {
  readonly name: string;
  readonly type: ParamType;
  readonly required: boolean;
  /** Name of the enum in `enums` (type "enum" only). */
  readonly enum?: string;
  /** Declared range (type "int" only), inclusive. */
  readonly min?: number;
  readonly max?: number;
  /** Values inside the range that are still invalid (e.g. a temperature step of 0). */
  readonly exclude?: readonly number[];
  /** A narrower range chosen by another parameter's value (temperature by unit). */
  readonly rangeBy?: { readonly param: string; readonly ranges: Readonly<Record<string, IntRange>> };
  /** Default of an optional parameter; absent = None (the parameter is simply not given). */
  readonly default?: Literal;
  /** An explicit value that means the same as omitting the parameter (sunroof intensity=100). */
  readonly equivalentToOmitted?: Literal;
  /** Whether a nested call may stand as this parameter's value (none in v1). */
  readonly acceptsCall?: boolean;
  readonly unit?: string;
}

export type GateName = "moving" | "sunroof";

export interface GateSpec {
  readonly gate: GateName;
  /** The gate applies only when every listed parameter has one of the listed values. */
  readonly when: Readonly<Record<string, readonly Literal[]>>;
}

export interface FunctionSpec {
  readonly token: number;
  /** The functional token text, e.g. `<nexa_3>`. */
  readonly tokenText: string;
  readonly name: string;
  readonly summary: string;
  readonly params: readonly ParamSpec[];
  /** Groups of optional parameters of which exactly one must be given. */
  readonly exactlyOne: readonly (readonly string[])[];
  readonly gates: readonly GateSpec[];
  /** False for `irrelevant_function`: deciding it never actuates anything. */
  readonly actuates: boolean;
}

export interface Registry {
  readonly version: string;
  readonly promptPrefix: string;
  readonly promptSuffix: string;
  readonly endToken: string;
  readonly enums: Readonly<Record<string, readonly string[]>>;
  readonly functions: readonly FunctionSpec[];
  /** sha256 (hex) of the canonical function set; goes into the model's GGUF metadata. */
  readonly hash: string;
  byToken(tokenText: string): FunctionSpec | undefined;
  byName(name: string): FunctionSpec | undefined;
  byIndex(index: number): FunctionSpec | undefined;
  enumValues(param: ParamSpec): readonly string[];
  /** The full prompt the model sees for a query. */
  prompt(query: string): string;
}

export class RegistryError extends Error {
  override readonly name = "RegistryError";
}

/** JSON with object keys sorted, so the hash does not depend on key order or whitespace. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([k, v]) => v !== undefined && !k.startsWith("$"))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

function fail(message: string): never {
  throw new RegistryError(`function registry: ${message}`);
}

interface RawFunction {
  token: number;
  name: string;
  summary: string;
  params: ParamSpec[];
  exactlyOne: string[][];
  gates: GateSpec[];
  actuates?: boolean;
}

interface RawRegistry {
  version: string;
  prompt: { prefix: string; suffix: string };
  endToken: string;
  tokenPattern: string;
  enums: Record<string, string[]>;
  functions: RawFunction[];
}

/** Builds and checks a registry from its JSON form. Exported for tests of bad registries. */
export function buildRegistry(raw: unknown): Registry {
  const r = raw as RawRegistry;
  if (!r || typeof r !== "object") fail("not an object");
  if (typeof r.version !== "string") fail("missing version");
  if (typeof r.tokenPattern !== "string" || !r.tokenPattern.includes("{index}")) fail("tokenPattern needs {index}");
  const enums = r.enums ?? fail("missing enums");
  const functions: FunctionSpec[] = [];
  const names = new Set<string>();
  r.functions.forEach((f, i) => {
    if (f.token !== i) fail(`function #${i} has token ${f.token}; tokens must be 0..N-1 in order`);
    if (!/^[a-z_][a-z0-9_]*$/.test(f.name) || names.has(f.name)) fail(`bad or duplicate name ${f.name}`);
    names.add(f.name);
    const paramNames = new Set<string>();
    let seenOptional = false;
    for (const p of f.params) {
      if (paramNames.has(p.name)) fail(`${f.name}: duplicate parameter ${p.name}`);
      paramNames.add(p.name);
      if (p.required && seenOptional) fail(`${f.name}: required ${p.name} after an optional parameter`);
      if (!p.required) seenOptional = true;
      if (p.type === "enum" && !(p.enum && enums[p.enum])) fail(`${f.name}.${p.name}: unknown enum ${p.enum}`);
      if (p.type === "int" && (typeof p.min !== "number" || typeof p.max !== "number" || p.min > p.max))
        fail(`${f.name}.${p.name}: int needs min <= max`);
      if (p.rangeBy && !f.params.some((q) => q.name === p.rangeBy?.param))
        fail(`${f.name}.${p.name}: rangeBy names unknown ${p.rangeBy.param}`);
    }
    for (const group of f.exactlyOne) {
      for (const n of group) {
        const p = f.params.find((q) => q.name === n);
        if (!p || p.required) fail(`${f.name}: exactlyOne member ${n} must be an optional parameter`);
      }
    }
    for (const g of f.gates) {
      if (g.gate !== "moving" && g.gate !== "sunroof") fail(`${f.name}: unknown gate ${g.gate}`);
      for (const n of Object.keys(g.when)) if (!paramNames.has(n)) fail(`${f.name}: gate condition on unknown ${n}`);
    }
    functions.push(
      Object.freeze({
        token: f.token,
        tokenText: r.tokenPattern.replace("{index}", String(f.token)),
        name: f.name,
        summary: f.summary,
        params: Object.freeze(f.params.map((p) => Object.freeze({ ...p }))),
        exactlyOne: f.exactlyOne,
        gates: f.gates,
        actuates: f.actuates !== false,
      }),
    );
  });
  if (functions.length === 0) fail("no functions");

  const byTokenMap = new Map(functions.map((f) => [f.tokenText, f]));
  const byNameMap = new Map(functions.map((f) => [f.name, f]));
  const hash = createHash("sha256")
    .update(
      canonicalJson({
        version: r.version,
        prompt: r.prompt,
        endToken: r.endToken,
        tokenPattern: r.tokenPattern,
        enums,
        functions: r.functions,
      }),
    )
    .digest("hex");
  const { prefix, suffix } = r.prompt;
  return Object.freeze({
    version: r.version,
    promptPrefix: prefix,
    promptSuffix: suffix,
    endToken: r.endToken,
    enums,
    functions: Object.freeze(functions),
    hash,
    byToken: (t: string) => byTokenMap.get(t),
    byName: (n: string) => byNameMap.get(n),
    byIndex: (i: number) => functions[i],
    enumValues: (p: ParamSpec) => (p.enum ? (enums[p.enum] ?? []) : []),
    prompt: (query: string) => `${prefix}${query}${suffix}`,
  });
}

/** The shipped function set (vehicle-functions-v1), built once at start-up. */
export const registry: Registry = buildRegistry(rawRegistry);
