/**
 * Grounded numbers while decoding: the digits the model may write into a numeric argument
 * are limited to numbers the driver said and the contract's §3 defaults for that parameter
 * (the gate's number-grounding rule, src/safety/grounding.ts, applied one digit at a time).
 *
 * Why: a small model copies numbers digit by digit and sometimes adds one ("seat up an
 * inch" -> 25 mm written as 255) or stops one early ("10 cm" -> 100 mm written as 10). The
 * gate refuses such a call afterwards; guarding the digits lets the model finish the number
 * it meant instead. The guard only narrows digits inside a number; everything else the model
 * writes is untouched, and every output is still parsed, bound and gated.
 *
 * The allowed set is a superset of what the gate accepts (magnitudes), so the guard never
 * removes an answer the gate would have passed. When no digit could continue (a value the
 * guard cannot place), it steps aside and leaves the refusal to the gate.
 */
import type { Registry } from "../registry/index.js";
import { groundedMagnitudes } from "../safety/grounding.js";

export const DIGITS = "0123456789";

/** What may come next inside the number being written. */
export interface DigitRule {
  /** Digits that keep the number a prefix of an allowed value. */
  readonly digits: string;
  /**
   * Only a digit may follow: the digits so far are no allowed value yet, or the value of a
   * required (or already named) numeric argument has not started, where anything but a
   * number would be an invalid response anyway.
   */
  readonly mustContinue: boolean;
  /** A minus sign may come first (the value has not started and the range has negatives). */
  readonly sign: boolean;
}

/** The numeric argument being written at the end of `generated`, if any. */
export interface NumberSlot {
  readonly fn: string;
  readonly param: string;
  /** Digits of the number written so far (no sign); "" at the start of the value. */
  readonly digits: string;
  /** Nothing of the value is written yet, not even a sign. */
  readonly empty: boolean;
  /** The value must be a number here: a required parameter, or a named one after its "=". */
  readonly numeric: boolean;
  /** The parameter's range, when the registry gives one. */
  readonly min?: number;
  readonly max?: number;
}

const CALL_OPEN = /<nexa_\d+>\(/g;

/**
 * Finds the argument under the cursor: the last functional token's open call, the argument
 * after its last top-level ", " (named `name=` or positional), and whether its value so far
 * is a (signed) run of digits. Response text uses `<nexa_N>` for functional tokens.
 */
export function numberSlot(reg: Registry, generated: string): NumberSlot | undefined {
  let open = -1;
  let token = "";
  for (const m of generated.matchAll(CALL_OPEN)) {
    open = m.index + m[0].length;
    token = m[0].slice(0, -1);
  }
  if (open < 0) return undefined;
  const spec = reg.byToken(token);
  if (!spec) return undefined;
  const args: string[] = [""];
  let quoted = false;
  for (let i = open; i < generated.length; i++) {
    const c = generated[i]!;
    if (c === "'") quoted = !quoted;
    if (!quoted && c === ")") return undefined; // the call is closed
    if (!quoted && c === "," && generated[i + 1] === " ") {
      args.push("");
      i++;
      continue;
    }
    args[args.length - 1] += c;
  }
  const current = args[args.length - 1]!;
  const named = /^([a-z_]+)=(.*)$/.exec(current);
  const param = named ? spec.params.find((p) => p.name === named[1]) : spec.params[args.length - 1];
  const value = named ? named[2]! : current;
  if (!param || param.type !== "int") return undefined;
  const m = /^-?(\d*)$/.exec(value);
  if (!m) return undefined;
  return {
    fn: spec.name,
    param: param.name,
    digits: m[1]!,
    empty: value === "",
    numeric: named !== null || param.required,
    ...(param.min !== undefined ? { min: param.min } : {}),
    ...(param.max !== undefined ? { max: param.max } : {}),
  };
}

/** The digit rule at the end of `generated`, or undefined when nothing is to be limited. */
export function digitRule(reg: Registry, generated: string, spoken: ReadonlySet<number>): DigitRule | undefined {
  const slot = numberSlot(reg, generated);
  if (!slot) return undefined;
  const grounded = groundedMagnitudes(slot.fn, slot.param, spoken);
  if (!grounded) return undefined;
  // A said number outside the parameter's range ("temp 68" read as a step) is no candidate.
  const lo = slot.min ?? Number.NEGATIVE_INFINITY;
  const hi = slot.max ?? Number.POSITIVE_INFINITY;
  const allowed = new Set([...grounded].filter((m) => (m >= lo && m <= hi) || (-m >= lo && -m <= hi)));
  if (allowed.size === 0) return undefined;
  const texts = [...allowed].map(String);
  let digits = "";
  for (const d of DIGITS) {
    const next = slot.digits + d;
    if (texts.some((t) => t.startsWith(next))) digits += d;
  }
  if (digits === "" && slot.digits === "") return undefined;
  const complete = slot.digits !== "" && allowed.has(Number(slot.digits));
  if (digits === "" && !complete) return undefined; // not ours to place: the gate decides
  const started = slot.digits !== "";
  return {
    digits,
    mustContinue: started ? !complete : slot.numeric,
    sign: slot.empty && lo < 0,
  };
}
