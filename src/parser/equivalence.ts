/**
 * Call equivalence as the contract defines it (§3, "Equivalences"), for evaluation:
 *
 * - an optional parameter at its default is the same as leaving it out (`unit='fahrenheit'`),
 *   and so is a value declared `equivalentToOmitted` (sunroof `intensity=100`);
 * - `'driver'`/`'passenger'` windows are `'front left'`/`'front right'` in a left-hand-drive
 *   profile (the default) and `'front right'`/`'front left'` in a right-hand-drive one;
 * - the parallel calls of a response are a multiset: order does not matter, repeats do.
 *
 * Only these: a fahrenheit temperature of 16..27 is read as celsius by the safety gate,
 * but `<nexa_1>('rear', 21)` and `<nexa_1>('rear', 21, unit='celsius')` stay different
 * calls here, because the contract does not list them as equivalent.
 */
import type { BoundCall, Literal } from "../core/types.js";
import { type Registry, registry } from "../registry/index.js";
import { renderCall } from "./render.js";

export type Handedness = "lhd" | "rhd";

export interface EquivalenceOptions {
  /** Which side the driver sits on; `lhd` (default): driver = front left. */
  readonly handedness?: Handedness;
  readonly registry?: Registry;
}

const WINDOW_SIDES: Readonly<Record<Handedness, Readonly<Record<string, string>>>> = {
  lhd: { driver: "front left", passenger: "front right" },
  rhd: { driver: "front right", passenger: "front left" },
};

/** The call with seat-relative windows resolved to physical ones. */
export function resolveWindows(call: BoundCall, reg: Registry, handedness: Handedness): BoundCall {
  const spec = reg.byName(call.name);
  if (!spec) return call;
  let args: Record<string, Literal> | undefined;
  for (const p of spec.params) {
    const v = call.args[p.name];
    if (p.enum !== "window" || typeof v !== "string") continue;
    const physical = WINDOW_SIDES[handedness][v];
    if (physical === undefined) continue;
    args ??= { ...call.args };
    args[p.name] = physical;
  }
  return args ? { ...call, args } : call;
}

/**
 * A string that is equal for two calls exactly when they are equivalent: the canonical
 * rendering (which already drops defaults and equivalent-to-omitted values) of the call
 * with windows resolved.
 */
export function canonicalKey(call: BoundCall, opts?: EquivalenceOptions): string {
  const reg = opts?.registry ?? registry;
  return renderCall(resolveWindows(call, reg, opts?.handedness ?? "lhd"), reg);
}

/** Whether two responses' calls are the same multiset up to the contract's equivalences. */
export function sameCalls(a: readonly BoundCall[], b: readonly BoundCall[], opts?: EquivalenceOptions): boolean {
  if (a.length !== b.length) return false;
  const ka = a.map((c) => canonicalKey(c, opts)).sort();
  const kb = b.map((c) => canonicalKey(c, opts)).sort();
  return ka.every((k, i) => k === kb[i]);
}
