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
 * - Only calls that would otherwise be actuated take part (the calls that reach the gate's
 *   rule 5b): a call already refused for its own reason (invalid, ungrounded number, speed
 *   gate, out of range, unknown state) is reported as that, and does not take the other
 *   call down with it. "Close the sunroof; tilt it" at 140 km/h still closes it:
 *   the tilt is refused by the speed gate and the close stands alone. Calls dropped only by
 *   flood control (rule 8) do take part: the model did ask for them.
 * - The same actuator means what `Actuation.actuator` says: setting and stepping one zone's
 *   temperature are the same actuator; two seats, two windows, the front and rear
 *   defrosters, a seat's height and its fore/aft position are not.
 * - Identical calls (same canonical form, the key flood control uses, so §3's equivalences
 *   hold) are not a conflict: rule 8 already drops the repeat as a duplicate.
 * - All windows and one window: "close all the windows and open mine a bit" is a sequence
 *   drivers say (and the contract allows), so a window moved after an all-windows call is
 *   not a conflict. A window moved the other way *before* an all-windows call is: the
 *   all-windows call would silently undo it.
 */

export interface ActuatorCall {
  readonly callIndex: number;
  /** From `Actuation.actuator` on the resolved arguments. */
  readonly actuator: string;
  /** Canonical form of the call (args.ts `canonicalCallKey`): equal keys = the same command. */
  readonly key: string;
  /** From `Actuation.way`: the way it moves its actuator. */
  readonly way?: string;
  /** From `Actuation.covers`: other actuators this call also moves, and which way. */
  readonly covers?: { readonly actuators: readonly string[]; readonly way: string };
}

export interface Conflict {
  /** What the calls contradict each other on, with its article ("the fan speed", "the front left window and all windows"). */
  readonly what: string;
  /** The calls of the response in the conflict, in order (0-based). */
  readonly callIndexes: readonly number[];
}

/** For each call that takes part in a conflict, the conflict it belongs to. */
export function findConflicts(calls: readonly ActuatorCall[]): ReadonlyMap<number, Conflict> {
  const out = new Map<number, Conflict>();
  const add = (conflict: Conflict) => {
    for (const i of conflict.callIndexes) if (!out.has(i)) out.set(i, conflict);
  };
  const byActuator = new Map<string, ActuatorCall[]>();
  for (const c of calls) {
    const group = byActuator.get(c.actuator);
    if (group) group.push(c);
    else byActuator.set(c.actuator, [c]);
  }
  for (const [actuator, group] of byActuator) {
    if (new Set(group.map((c) => c.key)).size > 1) {
      add({ what: withArticle(actuator), callIndexes: group.map((c) => c.callIndex) });
    }
  }
  for (const wide of calls) {
    if (!wide.covers) continue;
    const { actuators, way } = wide.covers;
    const undone = calls.filter((c) => c.callIndex < wide.callIndex && actuators.includes(c.actuator) && c.way !== way);
    for (const c of undone) {
      add({
        what: `${withArticle(c.actuator)} and ${withArticle(wide.actuator)}`,
        callIndexes: [c.callIndex, wide.callIndex],
      });
    }
  }
  return out;
}

function withArticle(actuator: string): string {
  return actuator.startsWith("all ") ? actuator : `the ${actuator}`;
}

/** The reason a person reads on each rejected call of a conflict (call numbers 1-based). */
export function conflictReason(conflict: Conflict): string {
  const numbers = conflict.callIndexes.map((i) => String(i + 1));
  const list =
    numbers.length === 2 ? numbers.join(" and ") : `${numbers.slice(0, -1).join(", ")} and ${numbers.at(-1)}`;
  return (
    `Calls ${list} of this response command ${conflict.what} with different values; ` +
    "which one was meant cannot be known, so none of them is actuated."
  );
}
