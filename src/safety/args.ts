/**
 * Defence in depth: the gate re-checks a bound call's arguments against the registry before
 * planning anything, so a hand-built or buggy BoundCall (not from the binder) can never reach
 * an actuator. The binder reports these problems first; here they are simply `invalid_call`.
 *
 * The one deliberate difference from the binder: a temperature is checked against the
 * parameter's overall declared range (16..80), not the range of its unit, because the
 * contract (§3) makes the gate read a Fahrenheit 16..27 as Celsius.
 */
import type { Literal } from "../core/types.js";
import { type FunctionSpec, type ParamSpec, registry } from "../registry/index.js";

function checkParam(spec: FunctionSpec, p: ParamSpec, value: Literal): string | undefined {
  const where = `${spec.name}: argument ${p.name}`;
  switch (p.type) {
    case "bool":
      return typeof value === "boolean" ? undefined : `${where} must be True or False, not ${JSON.stringify(value)}`;
    case "enum": {
      const allowed = registry.enumValues(p);
      return typeof value === "string" && allowed.includes(value)
        ? undefined
        : `${where} must be one of ${allowed.map((v) => `'${v}'`).join(", ")}, not ${JSON.stringify(value)}`;
    }
    case "int": {
      if (typeof value !== "number" || !Number.isInteger(value)) {
        return `${where} must be an integer, not ${JSON.stringify(value)}`;
      }
      if (p.min !== undefined && p.max !== undefined && (value < p.min || value > p.max)) {
        return `${where} is ${value}, outside its declared range ${p.min}..${p.max}`;
      }
      if (p.exclude?.includes(value)) return `${where} must not be ${value}`;
      return undefined;
    }
  }
}

/** The first problem with a bound call's arguments, or undefined when they fit the registry. */
export function checkBoundArgs(spec: FunctionSpec, args: Readonly<Record<string, Literal>>): string | undefined {
  for (const name of Object.keys(args)) {
    if (!spec.params.some((p) => p.name === name)) return `${spec.name} has no parameter ${name}`;
  }
  for (const p of spec.params) {
    const value = args[p.name];
    if (value === undefined) {
      if (p.required) return `${spec.name}: missing required argument ${p.name}`;
      continue;
    }
    const problem = checkParam(spec, p, value);
    if (problem) return problem;
  }
  for (const group of spec.exactlyOne) {
    const given = group.filter((n) => args[n] !== undefined);
    if (given.length !== 1) {
      return `${spec.name} needs exactly one of ${group.join(", ")} (got ${given.length === 0 ? "none" : given.join(" and ")})`;
    }
  }
  return undefined;
}

/**
 * The call's arguments in canonical form for duplicate detection (contract §3 equivalences):
 * an optional parameter given at its default, or at the value that means the same as
 * omitting it, is dropped; keys are sorted.
 */
export function canonicalCallKey(spec: FunctionSpec, args: Readonly<Record<string, Literal>>): string {
  const parts: string[] = [];
  for (const name of Object.keys(args).sort()) {
    const value = args[name];
    const p = spec.params.find((q) => q.name === name);
    if (value === undefined) continue;
    if (p && !p.required && (value === p.default || value === p.equivalentToOmitted)) continue;
    parts.push(`${JSON.stringify(name)}:${JSON.stringify(value)}`);
  }
  return `${spec.name}(${parts.join(",")})`;
}
