/**
 * Number grounding: every number the model writes into a call must come from what the
 * driver said, or be one of the contract's §3 values for what a driver leaves unsaid.
 *
 * Why: a small model copies numbers digit by digit and sometimes adds or drops one ("seat
 * up an inch" -> 25 mm read back as 255). The range checks cannot see that, because 255 mm
 * is still a legal seat travel. A number that appears neither in the transcript nor among
 * the §3 defaults of that parameter has no source, so the gate refuses the call
 * (`ungrounded_value`) instead of moving a seat ten times further than asked.
 *
 * Measured on a v1 model's answers to 14,183 rows (held-out split and three natural dev
 * sets): no correct call is refused; 92 of the 3,487 wrong answers are caught, 4 of the 21
 * on the natural sets (millimetres copied with a digit too many or too few).
 *
 * The check needs the normalized transcript the model saw (digits, millimetres): the
 * normalizer has already turned "seventy-two" into 72 and "2 cm" into "20 mm".
 */
import type { BoundCall } from "../core/types.js";
import { registry } from "../registry/index.js";
import { isNumeric } from "../text/numbers.js";

/**
 * Contract §3, per function and numeric parameter: the values a driver's unsaid amount
 * stands for ("a bit" 20 mm, "halfway" 250 mm, "max" 7, "turn it up" +5 ...). Level
 * parameters (0..3) are covered by words ("low", "high", "off") and are not checked.
 */
const SPOKEN_DEFAULTS: Readonly<Record<string, Readonly<Record<string, readonly number[]>>>> = {
  adjust_volume: { volume_diff: [2, 5, 10, -2, -5, -10], set_value: [0, 50] },
  change_climate_temperature: { temperature_diff: [1, 2, 5, -1, -2, -5] },
  adjust_fan_speed: { speed_diff: [1, 3, -1, -3], set_value: [0, 7] },
  adjust_seat_position: { distance: [20, 50, 300] },
  adjust_seat_recline: { angle: [5, 10, 30] },
  control_window: { distance: [100, 250, 500] },
  operate_sunroof: { intensity: [25, 50, 100] },
  // A temperature is always said: §3 has no default setpoint.
  set_climate_temperature: { temperature: [] },
};

/** Parameters not checked: their whole range is named by words ("off", "low", "high"). */
const WORD_LEVELS = new Set(["set_seat_heating.level", "set_seat_ventilation.level"]);

// Start-up check: the table names real numeric parameters and legal values, and every
// numeric parameter of the registry is either in the table or a word level, so a new
// function cannot slip past the check unnoticed.
for (const spec of registry.functions) {
  for (const p of spec.params) {
    if (p.type !== "int") continue;
    const values = SPOKEN_DEFAULTS[spec.name]?.[p.name];
    if (WORD_LEVELS.has(`${spec.name}.${p.name}`)) continue;
    if (!values) throw new Error(`number grounding: no §3 defaults listed for ${spec.name}.${p.name}`);
    for (const v of values) {
      if ((p.min !== undefined && v < p.min) || (p.max !== undefined && v > p.max))
        throw new Error(`number grounding: ${spec.name}.${p.name} default ${v} is outside its range`);
    }
  }
}
for (const [fn, params] of Object.entries(SPOKEN_DEFAULTS)) {
  const spec = registry.byName(fn);
  for (const name of Object.keys(params)) {
    if (!spec?.params.some((p) => p.name === name && p.type === "int"))
      throw new Error(`number grounding: ${fn}.${name} is not a numeric parameter of the registry`);
  }
}

/** The numbers of a normalized transcript ("move it 20 mm to 21.5" -> {20, 21.5}). */
export function numbersIn(transcript: string): ReadonlySet<number> {
  const out = new Set<number>();
  for (const word of transcript.split(" ")) {
    if (isNumeric(word)) out.add(Number(word));
  }
  return out;
}

/**
 * The magnitudes a numeric argument of `fn`'s `param` may take after this transcript: the
 * numbers said and the parameter's §3 defaults, sign dropped. `undefined` when the
 * parameter is not checked (word levels, non-numeric). A value passes `ungroundedValues`
 * only if its magnitude is in this set, so a decoder limited to it (src/model/number-guard.ts)
 * never excludes a value the gate would accept.
 */
export function groundedMagnitudes(
  fn: string,
  param: string,
  spoken: ReadonlySet<number>,
): ReadonlySet<number> | undefined {
  if (WORD_LEVELS.has(`${fn}.${param}`)) return undefined;
  const defaults = SPOKEN_DEFAULTS[fn]?.[param];
  if (!defaults) return undefined;
  const out = new Set<number>();
  for (const v of spoken) if (Number.isInteger(v)) out.add(Math.abs(v));
  for (const v of defaults) out.add(Math.abs(v));
  return out;
}

export interface UngroundedValue {
  readonly param: string;
  readonly value: number;
}

/** The call's numeric arguments with no source in the transcript or §3 (empty = grounded). */
export function ungroundedValues(call: BoundCall, spoken: ReadonlySet<number>): UngroundedValue[] {
  const defaults = SPOKEN_DEFAULTS[call.name];
  const out: UngroundedValue[] = [];
  for (const [param, value] of Object.entries(call.args)) {
    if (typeof value !== "number" || WORD_LEVELS.has(`${call.name}.${param}`)) continue;
    if (spoken.has(Math.abs(value)) || defaults?.[param]?.includes(value)) continue;
    out.push({ param, value });
  }
  return out;
}
