/**
 * The number guard (src/model/number-guard.ts): which digits the model may write into a
 * numeric argument, given the numbers the driver said and the contract's §3 defaults.
 */
import { readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_EVAL_DATASETS } from "../../src/eval/run.js";
import { DIGITS, digitRule, numberSlot } from "../../src/model/number-guard.js";
import { registry } from "../../src/registry/index.js";
import { numbersIn, ungroundedValues } from "../../src/safety/grounding.js";
import { normalizeTranscript } from "../../src/text/normalize.js";
import { boundCalls } from "../bound-calls.js";

describe("numberSlot", () => {
  it("finds the numeric argument under the cursor, positional or named, with its digits so far", () => {
    expect(numberSlot(registry, "<nexa_2>('driver', 'up', 2")).toMatchObject({
      fn: "adjust_seat_position",
      param: "distance",
      digits: "2",
    });
    expect(numberSlot(registry, "<nexa_0>(volume_diff=-")).toMatchObject({
      fn: "adjust_volume",
      param: "volume_diff",
      digits: "",
    });
    expect(numberSlot(registry, "<nexa_8>(True); <nexa_1>('passenger', 7")).toMatchObject({
      fn: "set_climate_temperature",
      param: "temperature",
      digits: "7",
    });
    expect(numberSlot(registry, "<nexa_4>('open', intensity=5")).toMatchObject({ param: "intensity", digits: "5" });
  });

  it("is undefined outside a number (an enum being spelled, a closed call, no call yet); a level is a slot", () => {
    expect(numberSlot(registry, "<nexa_2>('dri")).toBeUndefined();
    expect(numberSlot(registry, "<nexa_2>('driver', 'up', 25)")).toBeUndefined();
    expect(numberSlot(registry, "<nexa_2>('driver', 'up', 25); ")).toBeUndefined();
    expect(numberSlot(registry, "")).toBeUndefined();
    expect(numberSlot(registry, "<nexa_1>('driver', 72, unit='cel")).toBeUndefined();
    expect(numberSlot(registry, "<nexa_14>('driver', ")).toMatchObject({ param: "level" });
  });
});

describe("digitRule", () => {
  it("lets a said number be finished but not lengthened: 25 mm is never written as 255", () => {
    const spoken = numbersIn("seat up 25 mm");
    // After "2": "2" alone is no allowed distance; the said 25 continues it (the default 20
    // would too, but the guard forces only towards what was said).
    expect(digitRule(registry, "<nexa_2>('driver', 'up', 2", spoken)).toEqual({ digits: "5", mustContinue: true });
    // After "25": nothing continues (250 is neither said nor a default); the number may end.
    expect(digitRule(registry, "<nexa_2>('driver', 'up', 25", spoken)).toEqual({ digits: "", mustContinue: false });
  });

  it("lets a short number go on to the said one: '10 cm' (100 mm) is not cut to 10", () => {
    const spoken = numbersIn("lower the rear windows 100 mm");
    expect(digitRule(registry, "<nexa_3>('rear left', 'down', 10", spoken)).toEqual({
      digits: "0",
      mustContinue: true,
    });
  });

  it("never limits the first digit: that is the model's own choice", () => {
    expect(digitRule(registry, "<nexa_1>('driver', ", numbersIn("set it to 72"))).toBeUndefined();
    expect(digitRule(registry, "<nexa_0>(volume_diff=-", numbersIn("turn it down"))).toBeUndefined();
  });

  it("lets an allowed value grow only into another allowed value (a step of 1 into 10)", () => {
    expect(digitRule(registry, "<nexa_6>('driver', -1", numbersIn("make it 10 degrees cooler"))).toEqual({
      digits: "0",
      mustContinue: false,
    });
  });

  it("never steers towards a §3 default alone: '25' of a said 20 mm stays a refused 25, not 250", () => {
    const spoken = numbersIn("rear left window down 20 mm");
    expect(digitRule(registry, "<nexa_3>('rear left', 'down', 25", spoken)).toBeUndefined();
    // ... and a number nobody said ("crack" is 100, "15" leads nowhere said) is the gate's.
    expect(
      digitRule(registry, "<nexa_3>('rear left', 'down', 15", numbersIn("crack the rear left window")),
    ).toBeUndefined();
  });

  it("drops a said number outside the parameter's range ('temp 68' as a step)", () => {
    // 68 is said but no temperature step: after "6" nothing said continues.
    expect(digitRule(registry, "<nexa_6>('passenger', 6", numbersIn("passenger side temp 68"))).toBeUndefined();
    // The same 68 as a temperature is finished.
    expect(digitRule(registry, "<nexa_1>('passenger', 6", numbersIn("passenger side temp 68"))).toEqual({
      digits: "8",
      mustContinue: true,
    });
  });

  it("steps aside where it cannot place a value: nothing said for a temperature, a word level", () => {
    expect(digitRule(registry, "<nexa_1>('driver', ", numbersIn("make it warm"))).toBeUndefined();
    expect(digitRule(registry, "<nexa_14>('driver', ", numbersIn("seat heating 3"))).toBeUndefined();
    // Digits the guard did not allow (written without it) are left to the gate.
    expect(digitRule(registry, "<nexa_1>('driver', 9", numbersIn("set it to 72"))).toBeUndefined();
  });

  // The guarantee that makes the guard safe to keep on: every answer the gate's grounding
  // check accepts can still be written digit by digit. Checked on every natural set's
  // expected answers (all of them grounded by construction of the contract).
  // The dev sets of the default evaluation (sealed sets are only scored for reports).
  const sets = DEFAULT_EVAL_DATASETS.map((d) => basename(d.path)).filter((f) => f.startsWith("dev-natural"));
  it.each(sets)("never blocks an answer the gate would accept (%s)", (file) => {
    const rows = readFileSync(join(__dirname, "../../models/vehicle-v1/eval", file), "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { id: string; query: string; response: string });
    let checkedDigits = 0;
    let grounded = 0;
    for (const row of rows) {
      const n = normalizeTranscript(row.query);
      if (!n.ok) continue;
      const spoken = numbersIn(n.text);
      const calls = boundCalls(row.response);
      if (calls.some((c) => ungroundedValues(c, spoken).length > 0)) continue;
      grounded++;
      const text = row.response;
      for (let i = 0; i < text.length; i++) {
        const rule = digitRule(registry, text.slice(0, i), spoken);
        if (!rule) continue;
        const next = text[i]!;
        if (DIGITS.includes(next)) {
          checkedDigits++;
          expect(rule.digits, `${row.id} at ${i}: ${text}`).toContain(next);
        } else expect(rule.mustContinue, `${row.id} at ${i}: ${text}`).toBe(false);
      }
    }
    expect(grounded).toBeGreaterThan(rows.length * 0.9);
    expect(checkedDigits).toBeGreaterThan(25); // digits after the first, where the guard acts
  });
});
