/**
 * The calls of a model answer, for the checks that read one (clause, statement and negation
 * checks). A check changes only an answer that parses and binds completely: anything else
 * goes on unchanged, so the parser's error stays the evidence of a failing model.
 */
import type { BoundCall } from "../core/types.js";
import { parseAndBind } from "../parser/index.js";
import type { Registry } from "../registry/index.js";

/** Every call of `response`, or null when it does not parse or any call does not bind. */
export function boundCalls(response: string, reg: Registry): BoundCall[] | null {
  const r = parseAndBind(response, { registry: reg });
  if (!r.ok) return null;
  const calls: BoundCall[] = [];
  for (const b of r.results) {
    if (!b.ok) return null;
    calls.push(b.call);
  }
  return calls;
}

/** Whether a call acts on the vehicle (every function but "no request"). */
export function actuates(call: BoundCall, reg: Registry): boolean {
  return reg.byName(call.name)?.actuates !== false;
}
