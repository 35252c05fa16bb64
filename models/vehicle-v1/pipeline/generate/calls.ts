/**
 * Calls as the generator builds them, checked against the registry (the one source of
 * the function set): names, parameter names, enum values and ranges all come from
 * src/registry/functions.json, never from a list kept here.
 */
import type { BoundCall, Literal } from "../../../../src/core/types.js";
import { type FunctionSpec, type IntRange, type ParamSpec, registry } from "../../../../src/registry/index.js";

export interface CallSpec {
  readonly fn: string;
  readonly args: Readonly<Record<string, Literal>>;
}

/** The function irrelevant queries map to (the registry's non-actuating function). */
export const IRRELEVANT: string = (() => {
  const f = registry.functions.find((s) => !s.actuates);
  if (!f) throw new Error("registry has no non-actuating (irrelevant) function");
  return f.name;
})();

/** Every function the generator must phrase, in token order. */
export const COMMAND_FUNCTIONS: readonly string[] = registry.functions.filter((f) => f.actuates).map((f) => f.name);

export function spec(fn: string): FunctionSpec {
  const s = registry.byName(fn);
  if (!s) throw new Error(`generator: unknown function ${fn}`);
  return s;
}

export function param(fn: string, name: string): ParamSpec {
  const p = spec(fn).params.find((q) => q.name === name);
  if (!p) throw new Error(`generator: ${fn} has no parameter ${name}`);
  return p;
}

/** An int parameter's declared range, or the narrower range chosen by another parameter's value. */
export function range(fn: string, name: string, by?: string): IntRange {
  const p = param(fn, name);
  if (by !== undefined) {
    const r = p.rangeBy?.ranges[by];
    if (!r) throw new Error(`generator: ${fn}.${name} has no range for ${by}`);
    return r;
  }
  if (p.min === undefined || p.max === undefined) throw new Error(`generator: ${fn}.${name} is not an int`);
  return { min: p.min, max: p.max };
}

export function enumValues(fn: string, name: string): readonly string[] {
  return registry.enumValues(param(fn, name));
}

/** A call with its arguments checked for names and enum membership (a generator bug throws). */
export function call(fn: string, args: Record<string, Literal> = {}): CallSpec {
  const s = spec(fn);
  for (const [k, v] of Object.entries(args)) {
    const p = s.params.find((q) => q.name === k);
    if (!p) throw new Error(`generator: ${fn} has no parameter ${k}`);
    if (p.type === "enum" && !registry.enumValues(p).includes(String(v)))
      throw new Error(`generator: ${fn}.${k} has no value ${String(v)}`);
  }
  return { fn, args };
}

/** The BoundCall the binder would produce: given arguments plus declared defaults. */
export function toBound(c: CallSpec): BoundCall {
  const s = spec(c.fn);
  const args: Record<string, Literal> = {};
  for (const p of s.params) {
    const v = c.args[p.name];
    if (v !== undefined) args[p.name] = v;
    else if (p.default !== undefined) args[p.name] = p.default;
  }
  return { token: s.token, name: s.name, args };
}
