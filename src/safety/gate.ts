/**
 * The safety gate (contract §4): the only path from a model's calls to an actuator.
 *
 * `decide` is pure and deterministic: the same profile, state, `now`, bound calls and memory
 * give the same decisions, grants, predicted state and memory. Time enters only as `now`
 * (ms), flood-control history only as `GateMemory` (passed in, returned updated).
 *
 * Per call, in order, against the state as predicted after the calls before it:
 *   1. binding failed (ok:false) or the bound call does not fit the registry -> invalid_call
 *   2. a function that does not actuate (irrelevant_function) -> accepted, no target
 *   2b. with the transcript: a number with no source in it or in §3     -> ungrounded_value
 *   3. driver/passenger windows resolved to physical windows by handedness
 *   4. speed gates from the registry's `gates` (rules 5-7)            -> speed_gate
 *   5. target from ranges, travel, hearing protection (rules 2-4, §3) -> out_of_range,
 *      state_unknown, or accepted/clamped with an absolute target
 *   5b. the response commands this call's actuator again with another value
 *       (conflicts.ts; the contract is silent, the safe reading)     -> conflicting_calls
 *   6. flood control (rule 8)                                          -> duplicate, rate_limit
 *   7. accepted/clamped: an ActuationGrant is minted, the actuation recorded, the state
 *      predicted (target applied)
 */
import type { BindResult, Decision } from "../core/types.js";
import { registry } from "../registry/index.js";
import { type Args, actuations, resolveArgs } from "./actuations.js";
import { canonicalCallKey, checkBoundArgs } from "./args.js";
import { ActuationGrant, claimMintKey, type GrantedDecision } from "./authority.js";
import { type ActuatorCall, type Conflict, conflictReason, findConflicts } from "./conflicts.js";
import { floodBlock, type GateMemory, pruneMemory, recordActuation } from "./flood.js";
import { numbersIn, ungroundedValues } from "./grounding.js";
import type { VehicleProfile } from "./profile.js";
import { speedGateBlock } from "./speed-gate.js";
import { applyTarget, type VehicleState } from "./state.js";

export type { GateMemory } from "./flood.js";
export { initialGateMemory } from "./flood.js";

/** The one key that mints grants; claimed once, here, at module load. */
const mintKey = claimMintKey();

/** Reason of every irrelevant_function (non-actuating) decision. */
export const NOT_A_VEHICLE_COMMAND = "not a vehicle command; nothing to actuate";

// Start-up check: every actuating function of the registry has an actuation.
for (const spec of registry.functions) {
  if (spec.actuates && !actuations[spec.name]) {
    throw new Error(`safety gate: no actuation for registry function ${spec.name}`);
  }
}

/** Parameters whose values are windows (resolved through the profile's handedness). */
const windowParams = new Map(
  registry.functions.map((f) => [f.name, f.params.filter((p) => p.enum === "window").map((p) => p.name)]),
);

export interface DecideInput {
  readonly profile: VehicleProfile;
  readonly state: VehicleState;
  /** Wall-clock ms of this decision (flood control; grants' `grantedAt`). */
  readonly now: number;
  /** The bound calls of one response, in order. */
  readonly results: readonly BindResult[];
  readonly memory: GateMemory;
  /**
   * The normalized transcript the model answered. When given, every number in a call must
   * come from it or from §3 (see grounding.ts); without it (a response typed in by hand)
   * the check is skipped.
   */
  readonly transcript?: string;
}

export interface DecideOutput {
  /** One per call, in order. */
  readonly decisions: Decision[];
  /** One per accepted/clamped decision with a target, in order. */
  readonly grants: ActuationGrant[];
  /** The state predicted after every granted target is applied. */
  readonly state: VehicleState;
  readonly memory: GateMemory;
}

function rejected(fn: string, args: Args, callIndex: number, code: Decision["code"], reason: string): Decision {
  return { function: fn, args, outcome: "rejected", reason, code, callIndex };
}

/**
 * Rule 5b needs to know which calls would be actuated (the ones that reach it), so the
 * response is decided, the conflicts among those calls found, and the response decided
 * again with them refused, until no new conflict appears (at most once per call; a response
 * without a conflict is decided once).
 */
export function decide(input: DecideInput): DecideOutput {
  let conflicts: ReadonlyMap<number, Conflict> = new Map();
  for (;;) {
    const { out, reached } = decideCalls(input, conflicts);
    const grown = new Map(conflicts);
    for (const [i, c] of findConflicts(reached)) if (!grown.has(i)) grown.set(i, c);
    if (grown.size === conflicts.size) return out;
    conflicts = grown;
  }
}

/** One pass over the calls; `reached` are the calls that got as far as rule 5b, with what they command. */
function decideCalls(
  input: DecideInput,
  conflicts: ReadonlyMap<number, Conflict>,
): { out: DecideOutput; reached: ActuatorCall[] } {
  const reached: ActuatorCall[] = [];
  const { profile, now } = input;
  let state = input.state;
  let memory = pruneMemory(input.memory, profile, now);
  const decisions: Decision[] = [];
  const grants: ActuationGrant[] = [];
  const spoken = input.transcript === undefined ? undefined : numbersIn(input.transcript);

  input.results.forEach((result, callIndex) => {
    if (!result.ok) {
      const fn = result.error.function ?? result.parsed.token;
      decisions.push(rejected(fn, {}, callIndex, "invalid_call", result.error.message));
      return;
    }
    const call = result.call;
    const args: Args = { ...call.args };
    const spec = registry.byName(call.name);
    if (!spec || spec.token !== call.token) {
      const reason = `Unknown function ${call.name} (token ${call.token}) in vehicle function set ${registry.version}.`;
      decisions.push(rejected(call.name, args, callIndex, "invalid_call", reason));
      return;
    }
    const problem = checkBoundArgs(spec, args);
    if (problem) {
      decisions.push(rejected(spec.name, args, callIndex, "invalid_call", `${problem}.`));
      return;
    }
    const actuation = actuations[spec.name];
    if (!spec.actuates || !actuation) {
      decisions.push({ function: spec.name, args, outcome: "accepted", reason: NOT_A_VEHICLE_COMMAND, callIndex });
      return;
    }

    const ungrounded = spoken ? ungroundedValues(call, spoken) : [];
    if (ungrounded.length > 0) {
      const what = ungrounded.map((u) => `${u.param}=${u.value}`).join(", ");
      const reason = `The model wrote ${what}, a number the driver did not say and no §3 default; not actuated.`;
      decisions.push(rejected(spec.name, args, callIndex, "ungrounded_value", reason));
      return;
    }

    const resolved = resolveArgs(profile, args, windowParams.get(spec.name) ?? []);
    const what = actuation.gated?.(resolved) ?? `${spec.name} commands`;
    const blocked = speedGateBlock(spec, [args, resolved], what, profile, state);
    if (blocked) {
      decisions.push(rejected(spec.name, args, callIndex, "speed_gate", capitalize(blocked)));
      return;
    }

    const plan = actuation.plan({ profile, state, args: resolved, given: args });
    if (plan.kind === "reject") {
      decisions.push(rejected(spec.name, args, callIndex, plan.code, plan.reason));
      return;
    }

    // The key flood control uses (plan.keyArgs carries §3's Celsius reading: 21 °F = 21 °C).
    const key = canonicalCallKey(spec, plan.keyArgs ?? resolved);
    const way = actuation.way?.(resolved);
    const covers = actuation.covers?.(resolved);
    reached.push({
      callIndex,
      actuator: actuation.actuator(resolved),
      key,
      ...(way !== undefined ? { way } : {}),
      ...(covers ? { covers } : {}),
    });
    const conflict = conflicts.get(callIndex);
    if (conflict) {
      decisions.push(rejected(spec.name, args, callIndex, "conflicting_calls", conflictReason(conflict)));
      return;
    }

    const flood = floodBlock(memory, profile, now, key);
    if (flood) {
      decisions.push(rejected(spec.name, args, callIndex, flood.code, flood.reason));
      return;
    }

    const decision: GrantedDecision = {
      function: spec.name,
      args,
      outcome: plan.outcome,
      reason: plan.reason,
      target: plan.target,
      callIndex,
    };
    const grant = new ActuationGrant(mintKey, decision, now, memory.nextGrantId);
    decisions.push(grant.decision);
    grants.push(grant);
    memory = recordActuation(memory, now, key);
    state = applyTarget(state, plan.target);
  });

  return { out: { decisions, grants, state, memory }, reached };
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
