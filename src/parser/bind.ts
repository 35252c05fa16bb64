/**
 * The binder: a ParsedCall checked against the function registry -> BoundCall, or a
 * BindError naming the function, the parameter, what was expected and what was found.
 *
 * Binding follows Python call semantics, which the canonical form is one case of:
 * positional arguments fill the parameters in declared order (so `<nexa_1>('rear', 21,
 * 'celsius')` binds like `unit='celsius'`), keywords fill parameters by name, and no
 * parameter may be given twice. Checks run in this order and the first failure is the
 * call's error: token, positional count, each argument as written (name, nested call,
 * type, enum), missing required, exactly-one groups, then ranges (last, because a range
 * may depend on another parameter: the temperature's on the unit).
 *
 * Temperature (contract §3): a temperature whose unit is the default (fahrenheit, given
 * or not) binds in 60..80 and also in 16..27, because the model copies a unit-less
 * 16..27 number and the safety gate reads it as celsius (and says so). An explicit
 * celsius temperature binds only in 16..27. Generally: when a `rangeBy` parameter has its
 * declared default value, the union of all its ranges is accepted; otherwise the range of
 * its value.
 */
import type {
  BindError,
  BindErrorCode,
  BindResult,
  BoundCall,
  Literal,
  ParsedCall,
  ParsedResponse,
  ParsedValue,
} from "../core/types.js";
import { type FunctionSpec, type IntRange, type ParamSpec, type Registry, registry } from "../registry/index.js";
import { renderLiteral, renderString } from "./literal.js";

class BindFailure {
  constructor(readonly error: BindError) {}
}

interface Context {
  readonly spec: FunctionSpec | undefined;
  readonly callIndex: number;
}

function fail(ctx: Context, code: BindErrorCode, message: string, position: number, param?: string): never {
  const error: BindError = {
    kind: "bind",
    code,
    message,
    callIndex: ctx.callIndex,
    position,
    ...(ctx.spec ? { function: ctx.spec.name } : {}),
    ...(param !== undefined ? { param } : {}),
  };
  throw new BindFailure(error);
}

/** A parsed value described for a message: "the string 'x'", "the integer 5", "True (a bool)". */
export function describeValue(value: ParsedValue): string {
  switch (value.kind) {
    case "string":
      return `the string ${renderString(value.value)}`;
    case "int":
      return `the integer ${value.value}`;
    case "bool":
      return `${value.value ? "True" : "False"} (a bool)`;
    case "call":
      return `a nested call ${value.call.token}(...)`;
  }
}

function rangeText(r: IntRange, unit?: string): string {
  return `${r.min}..${r.max}${unit ? ` ${unit}` : ""}`;
}

function paramText(reg: Registry, p: ParamSpec): string {
  if (p.type === "bool") return "True or False";
  if (p.type === "enum")
    return `one of ${reg
      .enumValues(p)
      .map((v) => renderString(v))
      .join(", ")}`;
  const range = rangeText({ min: p.min ?? 0, max: p.max ?? 0 }, p.unit);
  return `an integer ${range}${p.exclude?.length ? ` except ${p.exclude.join(", ")}` : ""}`;
}

function signature(spec: FunctionSpec): string {
  return `${spec.name}(${spec.params.map((p) => p.name).join(", ")})`;
}

/** Checks one written value against its parameter's type and enum; returns the literal. */
function checkValue(reg: Registry, ctx: Context, p: ParamSpec, value: ParsedValue): Literal {
  const spec = ctx.spec as FunctionSpec;
  if (value.kind === "call") {
    // v1 declares no parameter that takes a call; BoundCall args hold literals only, so a
    // parameter that did declare acceptsCall would need a new binder, not a silent pass.
    const why = p.acceptsCall
      ? "this binder does not bind nested calls yet"
      : `no parameter of ${spec.name} accepts a nested call in ${reg.version}`;
    fail(
      ctx,
      "nested_call",
      `${spec.name}: ${p.name} expected ${paramText(reg, p)}, found ${describeValue(value)}; ${why}`,
      value.position,
      p.name,
    );
  }
  const expected = `${spec.name}: ${p.name} expected ${paramText(reg, p)}`;
  switch (p.type) {
    case "int":
      if (value.kind !== "int") {
        const note = value.kind === "bool" ? "; a bool is not an integer" : "";
        fail(ctx, "wrong_type", `${expected}, found ${describeValue(value)}${note}`, value.position, p.name);
      }
      return value.value;
    case "bool":
      if (value.kind !== "bool") {
        const note = value.kind === "int" ? "; write True or False, not a number" : "";
        fail(ctx, "wrong_type", `${expected}, found ${describeValue(value)}${note}`, value.position, p.name);
      }
      return value.value;
    case "enum": {
      if (value.kind !== "string")
        fail(ctx, "wrong_type", `${expected}, found ${describeValue(value)}`, value.position, p.name);
      if (!reg.enumValues(p).includes(value.value))
        fail(ctx, "enum_mismatch", `${expected}, found ${renderString(value.value)}`, value.position, p.name);
      return value.value;
    }
  }
}

/** The ranges an int parameter may take, given the other arguments (see the module comment). */
function allowedRanges(
  spec: FunctionSpec,
  p: ParamSpec,
  args: Readonly<Record<string, Literal>>,
): { ranges: IntRange[]; text: string } {
  const declared: IntRange = { min: p.min ?? 0, max: p.max ?? 0 };
  if (!p.rangeBy) return { ranges: [declared], text: rangeText(declared, p.unit) };
  const by = spec.params.find((q) => q.name === p.rangeBy?.param);
  const selector = args[p.rangeBy.param];
  const entries = Object.entries(p.rangeBy.ranges);
  const clip = (r: IntRange): IntRange => ({ min: Math.max(r.min, declared.min), max: Math.min(r.max, declared.max) });
  if (by?.default !== undefined && selector === by.default) {
    const own = entries.find(([k]) => k === selector);
    const others = entries.filter(([k]) => k !== selector);
    const ordered = own ? [own, ...others] : others;
    const text = ordered
      .map(([k, r], i) => `${rangeText(r)} (${i > 0 ? `read as ${k} by the safety gate` : k})`)
      .join(" or ");
    return { ranges: ordered.map(([, r]) => clip(r)), text: `${text} with ${by.name}=${renderLiteral(selector)}` };
  }
  const chosen = entries.find(([k]) => k === selector);
  if (!chosen) return { ranges: [declared], text: rangeText(declared, p.unit) };
  return {
    ranges: [clip(chosen[1])],
    text: `${rangeText(chosen[1])} with ${by?.name ?? p.rangeBy.param}=${renderLiteral(selector as Literal)}`,
  };
}

function bindOrThrow(call: ParsedCall, ctx: Context, reg: Registry): BoundCall {
  const spec = ctx.spec;
  if (!spec) {
    const last = reg.functions[reg.functions.length - 1];
    fail(
      ctx,
      "unknown_token",
      `expected a functional token of ${reg.version} (${reg.functions[0]?.tokenText} to ${last?.tokenText}), found ${call.token}`,
      call.position,
    );
  }
  const params = spec.params;
  if (call.positional.length > params.length) {
    const extra = call.positional[params.length] as ParsedValue;
    fail(
      ctx,
      "too_many_positional",
      `${signature(spec)} expected at most ${params.length} positional argument${params.length === 1 ? "" : "s"}, found ${call.positional.length}`,
      extra.position,
    );
  }

  const given = new Map<string, { value: Literal; position: number }>();
  call.positional.forEach((value, i) => {
    const p = params[i] as ParamSpec;
    given.set(p.name, { value: checkValue(reg, ctx, p, value), position: value.position });
  });
  for (const kw of call.keywords) {
    const p = params.find((q) => q.name === kw.name);
    if (!p)
      fail(
        ctx,
        "unknown_keyword",
        `${signature(spec)} expected a keyword among ${params.length ? params.map((q) => q.name).join(", ") : "none (it takes no arguments)"}, found ${kw.name}`,
        kw.position,
        kw.name,
      );
    const before = given.get(p.name);
    if (before) {
      const positionalIndex = params.indexOf(p);
      const earlier =
        positionalIndex < call.positional.length
          ? `positional argument ${positionalIndex + 1} at ${before.position}`
          : `keyword ${p.name} at ${before.position}`;
      fail(
        ctx,
        "duplicate_keyword",
        `${spec.name}: ${p.name} expected once, found it again as a keyword (first given as ${earlier})`,
        kw.position,
        p.name,
      );
    }
    given.set(p.name, { value: checkValue(reg, ctx, p, kw.value), position: kw.position });
  }

  for (const p of params)
    if (p.required && !given.has(p.name))
      fail(
        ctx,
        "missing_required",
        `${signature(spec)} expected ${p.name} (${paramText(reg, p)}), found no value for it`,
        call.position,
        p.name,
      );

  for (const group of spec.exactlyOne) {
    const present = group.filter((n) => given.has(n));
    if (present.length !== 1) {
      const found = present.length === 0 ? "neither" : `${present.join(" and ")}`;
      const at = present.length > 1 ? (given.get(present[1] as string)?.position ?? call.position) : call.position;
      fail(
        ctx,
        "exactly_one",
        `${spec.name} expected exactly one of ${group.join(", ")}, found ${found}`,
        at,
        present[1] ?? group[0],
      );
    }
  }

  // Arguments in declared order, declared defaults filled in (BoundCall's contract).
  const args: Record<string, Literal> = {};
  for (const p of params) {
    const g = given.get(p.name);
    if (g) args[p.name] = g.value;
    else if (p.default !== undefined) args[p.name] = p.default;
  }

  for (const p of params) {
    const g = given.get(p.name);
    if (!g || p.type !== "int" || typeof g.value !== "number") continue;
    const v = g.value;
    const { ranges, text } = allowedRanges(spec, p, args);
    if (!ranges.some((r) => v >= r.min && v <= r.max))
      fail(ctx, "out_of_range", `${spec.name}: ${p.name} expected ${text}, found ${v}`, g.position, p.name);
    if (p.exclude?.includes(v))
      fail(
        ctx,
        "out_of_range",
        `${spec.name}: ${p.name} expected ${paramText(reg, p)}, found ${v}`,
        g.position,
        p.name,
      );
  }

  return { token: spec.token, name: spec.name, args };
}

/** Binds one parsed call. Never throws: a failure is the call's BindError. */
export function bindCall(call: ParsedCall, callIndex: number, reg: Registry = registry): BindResult {
  const ctx: Context = { spec: reg.byToken(call.token), callIndex };
  try {
    return { ok: true, call: bindOrThrow(call, ctx, reg), parsed: call };
  } catch (e) {
    if (e instanceof BindFailure) return { ok: false, error: e.error, parsed: call };
    throw e; // a bug here, not bad input
  }
}

/** Binds every top-level call of a response, each on its own (one result per call, in order). */
export function bindResponse(resp: ParsedResponse, reg: Registry = registry): BindResult[] {
  return resp.calls.map((call, i) => bindCall(call, i, reg));
}
