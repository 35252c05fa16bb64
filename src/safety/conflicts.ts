/**
 * Self-contradicting responses. The contract (§4) is silent on a response that commands the
 * same thing twice with different values ("<nexa_12>(False); <nexa_12>(True)", "fan to 3;
 * fan up 2", the driver window down and then up). Its calls are parallel and "the same set
 * in any order" (§1, §3), yet executed in order the second call silently undoes or changes
 * the first, and which one the driver meant cannot be known. The safest reading, taken
 * here: every call of such a group is rejected `conflicting_calls`, so nothing about that
 * actuator moves and the decision says why. No labelled row of the training data, the
 * held-out split or any natural set has such a group; the model writes one only by mistake.
 *
 * - The same actuator means what `Actuation.actuator` says: setting and stepping one zone's
 *   temperature are the same actuator; two seats, two windows, the front and rear
 *   defrosters are not. A single window and "all windows" are different actuators ("close
 *   all the windows and open mine a bit" is a sequence the contract allows).
 * - Identical calls (same canonical form) are not a conflict: rule 8 already drops the
 *   repeat as a duplicate, and the driver gets what was asked once.
 * - Calls that fail binding or the registry check, and irrelevant_function, never take part.
 */
export interface ActuatorCall {
  readonly callIndex: number;
  /** From `Actuation.actuator` on the resolved arguments. */
  readonly actuator: string;
  /** Canonical form of the call (args.ts `canonicalCallKey`): equal keys = the same command. */
  readonly key: string;
}

export interface Conflict {
  readonly actuator: string;
  /** Every call of the response that commands this actuator, in order (0-based). */
  readonly callIndexes: readonly number[];
}

/** For each call that takes part in a conflict, the conflict it belongs to. */
export function findConflicts(calls: readonly ActuatorCall[]): ReadonlyMap<number, Conflict> {
  const byActuator = new Map<string, ActuatorCall[]>();
  for (const c of calls) {
    const group = byActuator.get(c.actuator);
    if (group) group.push(c);
    else byActuator.set(c.actuator, [c]);
  }
  const out = new Map<number, Conflict>();
  for (const [actuator, group] of byActuator) {
    if (new Set(group.map((c) => c.key)).size < 2) continue;
    const conflict: Conflict = { actuator, callIndexes: group.map((c) => c.callIndex) };
    for (const c of group) out.set(c.callIndex, conflict);
  }
  return out;
}

/** The reason a person reads on each rejected call of a conflict (call numbers 1-based). */
export function conflictReason(conflict: Conflict): string {
  const numbers = conflict.callIndexes.map((i) => String(i + 1));
  const list =
    numbers.length === 2 ? numbers.join(" and ") : `${numbers.slice(0, -1).join(", ")} and ${numbers.at(-1)}`;
  return (
    `Calls ${list} of this response command the ${conflict.actuator} with different values; ` +
    "which one was meant cannot be known, so none of them is actuated."
  );
}
