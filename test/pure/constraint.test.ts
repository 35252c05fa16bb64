import { describe, expect, it } from "vitest";
import { FN_BASE, ResponseConstraint } from "../../src/model/constraint.js";
import { registry } from "../../src/registry/index.js";

const constraint = new ResponseConstraint(registry);
/** Writes `<nexa_N>` as the constraint's functional-token character. */
const t = (s: string) => s.replace(/<nexa_(\d+)>/g, (_m, n) => String.fromCharCode(FN_BASE + Number(n)));
const status = (s: string) => constraint.status(t(s));

describe("response constraint (token-level decoding guard)", () => {
  it.each([
    "<nexa_1>('driver', 72)",
    "<nexa_1>('rear', 21, unit='celsius')",
    "<nexa_1>('driver', 21)",
    "<nexa_0>(volume_diff=-5)",
    "<nexa_0>(set_value=30)",
    "<nexa_3>('rear left', 'down', 100)",
    "<nexa_17>('up'); <nexa_8>(True)",
    "<nexa_4>('open')",
    "<nexa_4>('tilt', intensity=50)",
    "<nexa_20>()",
    "<nexa_3>('front left', 'down', 500); <nexa_3>('front right', 'down', 500); <nexa_9>(False)",
  ])("complete: %s", (s) => {
    expect(status(s)).toBe("complete");
  });

  it("no proper prefix of a complete response is invalid", () => {
    for (const s of [
      "<nexa_3>('rear left', 'down', 100)",
      "<nexa_17>('up'); <nexa_8>(True)",
      "<nexa_4>('tilt', intensity=50)",
    ]) {
      const full = t(s);
      for (let i = 0; i < full.length; i++)
        expect(constraint.status(full.slice(0, i)), full.slice(0, i)).not.toBe("invalid");
    }
  });

  it("a complete call may still continue (sunroof intensity, another call)", () => {
    expect(status("<nexa_4>('open'")).toBe("partial");
    expect(status("<nexa_4>('open', ")).toBe("partial");
    expect(status("<nexa_1>('driver', 7")).toBe("partial");
    expect(status("<nexa_8>(True); ")).toBe("partial");
  });

  it.each([
    ["text instead of a functional token", "<nexa_3"],
    ["unknown token", "<nexa_21>()"],
    ["out of range", "<nexa_0>(set_value=51)"],
    ["negative absolute value prefix", "<nexa_0>(set_value=-"],
    ["three digits for a 0..50 value", "<nexa_0>(set_value=500"],
    ["leading zero", "<nexa_0>(set_value=05)"],
    ["both of an exactly-one pair", "<nexa_0>(volume_diff=5, set_value=3)"],
    ["neither of an exactly-one pair", "<nexa_7>()"],
    ["enum of another function", "<nexa_14>('rear', 2)"],
    ["celsius out of range", "<nexa_1>('driver', 72, unit='celsius')"],
    ["explicit default unit", "<nexa_1>('driver', 72, unit='fahrenheit')"],
    ["intensity 100 (canonically omitted)", "<nexa_4>('open', intensity=100)"],
    ["temperature step 0", "<nexa_6>('driver', 0)"],
    ["nested call", "<nexa_5>(<nexa_8>"],
    ["wrong separator", "<nexa_17>('up');<nexa_8>(True)"],
    ["trailing text", "<nexa_20>() "],
  ])("invalid: %s", (_name, s) => {
    expect(status(s)).toBe("invalid");
  });
});
