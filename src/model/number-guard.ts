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
 * removes an answer the gate would have passed. It acts in two places only: after digits
 * that already form an allowed value it bans the digits that would make an unsaid number
 * ("25" -> "255"), and inside a number that is not yet allowed it forces the digits of a
 * number the driver said ("10" -> 100 of a said "100 mm"). It never limits the first
 * digit and never steers towards a §3 default alone (a slip like "25" of a said 20 must
 * stay a refused 25, not become the default 250); elsewhere it steps aside and the gate
 * decides.
 *
 * Off by default (`ModelRuntimeOptions.groundNumbers`), by measurement: with the shipped
 * model it fixes almost nothing and turns calls the gate would refuse as ungrounded into
 * grounded wrong ones ("aerate my seat to 1": seat down 10 mm, refused, becomes seat down
 * 1 mm). An unsaid number is the gate's evidence of a confused model; the guard hides it.
 */
import type { Registry } from "../registry/index.js";
import { groundedMagnitudes } from "../safety/grounding.js";

export const DIGITS = "0123456789";

/** What may come next inside the number being written. */
export interface DigitRule {
  /** Digits that keep the number a prefix of an allowed value. */
  readonly digits: string;
  /**
   * Only a digit may follow: the digits so far are no allowed value yet and a number the
   * driver said continues them ("10" of a said 100). Never to reach a §3 default alone:
   * a slip such as "25" of a said 20 must stay a refused 25, not become the default 250.
   */
  readonly mustContinue: boolean;
}

/** The numeric argument being written at the end of `generated`, if any. */
export interface NumberSlot {
  readonly fn: string;
  readonly param: string;
  /** Digits of the number written so far (no sign); "" at the start of the value. */
  readonly digits: string;
  /** The value so far: nothing, a minus sign first, or digits without a sign. */
  readonly sign: "none" | "minus" | "plus";
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
    sign: value === "" ? "none" : value.startsWith("-") ? "minus" : "plus",
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
  // A said number outside the parameter's range ("temp 68" read as a step) is no candidate;
  // after a minus sign only magnitudes whose negative is in range are.
  const lo = slot.min ?? Number.NEGATIVE_INFINITY;
  const hi = slot.max ?? Number.POSITIVE_INFINITY;
  const inRange = (m: number) =>
    slot.sign === "minus"
      ? -m >= lo && -m <= hi
      : slot.sign === "plus"
        ? m >= lo && m <= hi
        : (m >= lo && m <= hi) || (-m >= lo && -m <= hi);
  const allowed = [...grounded].filter(inRange).map(String);
  if (allowed.length === 0) return undefined;
  // The first digit is the model's own: limiting it could push a slip towards a default.
  if (slot.digits === "") return undefined;
  const continues = (texts: readonly string[], prefix: string) => texts.some((t) => t.startsWith(prefix));
  let digits = "";
  for (const d of DIGITS) if (continues(allowed, slot.digits + d)) digits += d;
  // An allowed value so far ("25" of a said 25): it may end here or grow into another
  // allowed value, never into a number nobody said ("255").
  if (allowed.includes(slot.digits)) return { digits, mustContinue: false };
  // Not an allowed value yet: go on only towards a number the driver said ("10" of a said
  // 100); anything else is not ours to place, and the gate decides.
  const said = [...spoken]
    .filter((v) => Number.isInteger(v))
    .map((v) => String(Math.abs(v)))
    .filter((t) => allowed.includes(t));
  const saidDigits = [...digits].filter((d) => continues(said, slot.digits + d)).join("");
  return saidDigits === "" ? undefined : { digits: saidDigits, mustContinue: true };
}
