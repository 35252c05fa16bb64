/**
 * The renderer: BoundCalls -> the one canonical response text. The training-data
 * generator writes targets with it and evaluation compares through it, so it is a pure
 * function of its input (no locale, no key-order dependence beyond the registry's
 * declared parameter order).
 *
 * Canonical form: required parameters positional in declared order; optional parameters
 * as keywords in declared order, left out when equal to their `default` or to
 * `equivalentToOmitted`; strings single-quoted with minimal escapes; calls joined by
 * "; "; the end token last. E.g. `<nexa_1>('rear', 21, unit='celsius')<nexa_end>`.
 *
 * A BoundCall that does not match the registry (hand-built, unknown name) still renders
 * without throwing: its token as `<nexa_N>`, declared parameters as above, and any
 * undeclared arguments as keywords sorted by name after them.
 */
import type { BoundCall, Literal } from "../core/types.js";
import { type ParamSpec, type Registry, registry } from "../registry/index.js";
import { renderLiteral } from "./literal.js";

function omittable(p: ParamSpec, value: Literal): boolean {
  return !p.required && (value === p.default || value === p.equivalentToOmitted);
}

/** One call in canonical form, without the end token. */
export function renderCall(call: BoundCall, reg: Registry = registry): string {
  const spec = reg.byName(call.name) ?? reg.byIndex(call.token);
  const tokenText = spec?.tokenText ?? `<nexa_${call.token}>`;
  const params = spec?.params ?? [];
  const parts: string[] = [];
  // Positional form is only faithful while no earlier parameter is missing.
  let positional = true;
  for (const p of params) {
    const has = Object.hasOwn(call.args, p.name);
    const value = call.args[p.name];
    if (!has || value === undefined) {
      positional = false;
      continue;
    }
    if (p.required && positional) parts.push(renderLiteral(value));
    else {
      positional = false;
      if (!omittable(p, value)) parts.push(`${p.name}=${renderLiteral(value)}`);
    }
  }
  const declared = new Set(params.map((p) => p.name));
  const extra = Object.keys(call.args)
    .filter((k) => !declared.has(k))
    .sort();
  for (const k of extra) {
    const value = call.args[k];
    if (value !== undefined) parts.push(`${k}=${renderLiteral(value)}`);
  }
  return `${tokenText}(${parts.join(", ")})`;
}

/** A whole response in canonical form: calls joined by "; ", then the end token. */
export function renderResponse(calls: readonly BoundCall[], reg: Registry = registry): string {
  return `${calls.map((c) => renderCall(c, reg)).join("; ")}${reg.endToken}`;
}
