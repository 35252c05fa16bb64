/**
 * One model response through parse -> bind -> gate. Pure: the caller supplies the
 * profile, the state, the time and the gate's memory, and gets them back updated.
 * A response that does not parse yields its ParseError and no decisions at all.
 */
import type { BindResult, Decision, ParseError } from "../core/types.js";
import { parseAndBind } from "../parser/index.js";
import type { ActuationGrant } from "../safety/authority.js";
import { decide, type GateMemory } from "../safety/gate.js";
import type { VehicleProfile } from "../safety/profile.js";
import type { VehicleState } from "../safety/state.js";

export interface GateContext {
  readonly profile: VehicleProfile;
  readonly state: VehicleState;
  readonly now: number;
  readonly memory: GateMemory;
  /** The normalized transcript the model answered (enables the number-grounding check). */
  readonly transcript?: string;
}

export type ResponseDecision =
  | { readonly ok: false; readonly raw: string; readonly error: ParseError }
  | {
      readonly ok: true;
      readonly raw: string;
      readonly results: readonly BindResult[];
      readonly decisions: readonly Decision[];
      readonly grants: readonly ActuationGrant[];
      readonly state: VehicleState;
      readonly memory: GateMemory;
    };

export function decideResponse(raw: string, ctx: GateContext): ResponseDecision {
  const parsed = parseAndBind(raw);
  if (!parsed.ok) return { ok: false, raw, error: parsed.error };
  const out = decide({ ...ctx, results: parsed.results });
  return { ok: true, raw, results: parsed.results, ...out };
}
