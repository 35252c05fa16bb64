/**
 * Speed gating (contract §4 rules 5 and 6). Which calls are gated is data: the registry's
 * `gates` field of each function (e.g. `{ gate: "moving", when: { seat: ["driver"] } }`);
 * this module only knows what each named gate's threshold is.
 *
 * Boundaries (exact, both tested):
 *   - moving      = speedKmh > movingAboveKmh   (5 km/h is not moving, 5.1 km/h is)
 *   - sunroof     = speedKmh > sunroofGateKmh   (130 km/h is allowed, 131 km/h is not)
 *   - stale speed = speedAgeMs >= staleAfterMs  (a 1000 ms old reading is stale, 999 ms is not).
 *     The contract says "older than 1 s"; we read the boundary fail-safe: at exactly the
 *     limit the reading is already too old to trust.
 * Unknown or stale speed acts as if the vehicle were above every gate (rule 6).
 *
 * Closing and defrost (rule 7) are never gated because the registry gives them no gate;
 * a test checks that no registry gate can match a closing or defrost call.
 */
import type { Literal } from "../core/types.js";
import type { FunctionSpec, GateName, GateSpec } from "../registry/index.js";
import type { VehicleProfile } from "./profile.js";
import type { VehicleState } from "./state.js";

export type SpeedReading =
  | { readonly known: true; readonly kmh: number }
  | { readonly known: false; readonly why: "unknown" }
  | { readonly known: false; readonly why: "stale"; readonly ageMs: number; readonly kmh: number };

export function readSpeed(state: VehicleState, profile: VehicleProfile): SpeedReading {
  if (state.speedKmh === undefined) return { known: false, why: "unknown" };
  const ageMs = state.speedAgeMs ?? 0;
  if (ageMs >= profile.speed.staleAfterMs) return { known: false, why: "stale", ageMs, kmh: state.speedKmh };
  return { known: true, kmh: state.speedKmh };
}

function threshold(gate: GateName, profile: VehicleProfile): number {
  return gate === "moving" ? profile.speed.movingAboveKmh : profile.speed.sunroofGateKmh;
}

/** Whether a gate's condition holds for these arguments (every listed parameter matches). */
export function gateApplies(gate: GateSpec, args: Readonly<Record<string, Literal>>): boolean {
  return Object.entries(gate.when).every(([param, values]) => {
    const v = args[param];
    return v !== undefined && values.includes(v);
  });
}

function fmtKmh(n: number): string {
  return `${Number.isInteger(n) ? n : Number(n.toFixed(3))} km/h`;
}

/**
 * The reason a call is blocked by a speed gate, or undefined when no gate blocks it.
 * `what` names the gated action for the reason ("driver seat moves"); `argSets` are the
 * argument sets a gate condition is matched against (as written and as resolved).
 */
export function speedGateBlock(
  spec: FunctionSpec,
  argSets: readonly Readonly<Record<string, Literal>>[],
  what: string,
  profile: VehicleProfile,
  state: VehicleState,
): string | undefined {
  const speed = readSpeed(state, profile);
  for (const gate of spec.gates) {
    if (!argSets.some((args) => gateApplies(gate, args))) continue;
    const limit = threshold(gate.gate, profile);
    const condition =
      gate.gate === "moving" ? `while the vehicle is moving (above ${fmtKmh(limit)})` : `above ${fmtKmh(limit)}`;
    if (!speed.known) {
      const why =
        speed.why === "unknown"
          ? "the vehicle speed is unknown"
          : `the last speed reading (${fmtKmh(speed.kmh)}) is ${speed.ageMs} ms old, stale at ${profile.speed.staleAfterMs} ms or more`;
      return `${what} are blocked ${condition}; ${why}, so the gate assumes the vehicle is above every speed gate.`;
    }
    if (speed.kmh > limit) {
      return gate.gate === "moving"
        ? `${what} are blocked while the vehicle is moving (${fmtKmh(speed.kmh)} > ${fmtKmh(limit)}).`
        : `${what} are blocked above ${fmtKmh(limit)} (vehicle at ${fmtKmh(speed.kmh)}).`;
    }
  }
  return undefined;
}
