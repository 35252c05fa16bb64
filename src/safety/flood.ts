/**
 * Flood control (contract §4 rule 8), carried across calls to `decide` in `GateMemory`, a
 * plain immutable value the caller keeps and passes back (so the gate itself stays pure).
 *
 * Boundaries (exact, both tested):
 *   - rate: an actuation counts against the limit while `now - at < 1000` ms. With a limit of
 *     10, the 11th actuation 999 ms after the first is rejected; at 1000 ms it is allowed.
 *   - duplicate: the same canonical call actuated `now - at < duplicateWindowMs` ago is a
 *     duplicate (299 ms: dropped; 300 ms: allowed). Calls of one response share one `now`,
 *     so a call repeated inside one response is a duplicate too.
 * Only actuations (accepted/clamped with a target) are recorded; rejected calls and
 * irrelevant_function do not count. A clock that goes backwards (now < at) keeps entries
 * counting, the conservative direction.
 */
import type { VehicleProfile } from "./profile.js";

export const RATE_WINDOW_MS = 1000;

export interface ActuationRecord {
  /** `now` of the decide call that actuated it. */
  readonly at: number;
  /** Canonical call: function + resolved arguments (see args.ts). */
  readonly key: string;
}

export interface GateMemory {
  /** Actuations recent enough to matter for rule 8, oldest first. */
  readonly actuations: readonly ActuationRecord[];
  /** Id of the next ActuationGrant (monotonic across decide calls). */
  readonly nextGrantId: number;
}

export function initialGateMemory(): GateMemory {
  return { actuations: [], nextGrantId: 1 };
}

/** Drops actuations too old to affect any check at `now`. */
export function pruneMemory(memory: GateMemory, profile: VehicleProfile, now: number): GateMemory {
  const horizon = Math.max(RATE_WINDOW_MS, profile.flood.duplicateWindowMs);
  const actuations = memory.actuations.filter((a) => now - a.at < horizon);
  return actuations.length === memory.actuations.length ? memory : { ...memory, actuations };
}

/** Why this actuation must be dropped by rule 8, or undefined when it may go ahead. */
export function floodBlock(
  memory: GateMemory,
  profile: VehicleProfile,
  now: number,
  key: string,
): { readonly code: "duplicate" | "rate_limit"; readonly reason: string } | undefined {
  const { duplicateWindowMs, maxActuationsPerSecond } = profile.flood;
  for (let i = memory.actuations.length - 1; i >= 0; i--) {
    const a = memory.actuations[i]!;
    if (a.key === key && now - a.at < duplicateWindowMs) {
      return {
        code: "duplicate",
        reason: `The same call was already actuated ${now - a.at} ms ago; a repeat within ${duplicateWindowMs} ms is dropped as a duplicate.`,
      };
    }
  }
  const recent = memory.actuations.filter((a) => now - a.at < RATE_WINDOW_MS).length;
  if (recent >= maxActuationsPerSecond) {
    return {
      code: "rate_limit",
      reason: `Flood control: ${recent} actuations already in the last ${RATE_WINDOW_MS} ms (at most ${maxActuationsPerSecond} per second), so this one is dropped.`,
    };
  }
  return undefined;
}

export function recordActuation(memory: GateMemory, now: number, key: string): GateMemory {
  return { actuations: [...memory.actuations, { at: now, key }], nextGrantId: memory.nextGrantId + 1 };
}
