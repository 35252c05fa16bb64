/**
 * Real grants for the bus tests: a model response text through the parser, binder and the
 * safety gate (`decideResponse`), exactly as the agent does. Nothing here forges a grant.
 */
import { decideResponse } from "../../src/agent/decide-response.js";
import type { Decision } from "../../src/core/types.js";
import type { ActuationGrant } from "../../src/safety/authority.js";
import { initialGateMemory } from "../../src/safety/gate.js";
import { defaultProfile } from "../../src/safety/profile.js";
import { parkedVehicleState, type VehicleState } from "../../src/safety/state.js";

export interface Decided {
  readonly decisions: readonly Decision[];
  readonly grants: readonly ActuationGrant[];
}

export function decideText(raw: string, state: VehicleState = parkedVehicleState(), now = Date.now()): Decided {
  const r = decideResponse(raw, { profile: defaultProfile, state, now, memory: initialGateMemory() });
  if (!r.ok) throw new Error(`test response does not parse: ${r.error.message}`);
  return { decisions: r.decisions, grants: r.grants };
}

/** The single grant of a one-call response (throws if the gate did not grant it). */
export function grantFor(raw: string, state?: VehicleState, now?: number): ActuationGrant {
  const d = decideText(raw, state, now);
  const g = d.grants[0];
  if (d.grants.length !== 1 || !g) {
    throw new Error(`expected one grant for ${raw}, got decisions ${JSON.stringify(d.decisions)}`);
  }
  return g;
}
