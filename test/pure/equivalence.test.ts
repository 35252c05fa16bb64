import { describe, expect, it } from "vitest";
import type { BoundCall } from "../../src/core/types.js";
import { canonicalKey, parseAndBind, sameCalls } from "../../src/parser/index.js";

/** The bound calls of a response that must parse and bind. */
function calls(raw: string): BoundCall[] {
  const r = parseAndBind(raw);
  if (!r.ok) throw new Error(`${raw}: ${r.error.message}`);
  return r.results.map((b) => {
    if (!b.ok) throw new Error(`${raw}: ${b.error.message}`);
    return b.call;
  });
}

const same = (a: string, b: string, handedness?: "lhd" | "rhd") =>
  sameCalls(calls(a), calls(b), handedness ? { handedness } : undefined);

describe("sameCalls: the contract's equivalences", () => {
  it.each([
    [
      "optional at its default",
      "<nexa_1>('driver', 72, unit='fahrenheit')<nexa_end>",
      "<nexa_1>('driver', 72)<nexa_end>",
    ],
    ["sunroof intensity=100 is fully", "<nexa_4>('open', intensity=100)<nexa_end>", "<nexa_4>('open')<nexa_end>"],
    [
      "parallel calls in any order",
      "<nexa_17>('up'); <nexa_8>(True)<nexa_end>",
      "<nexa_8>(True); <nexa_17>('up')<nexa_end>",
    ],
    [
      "driver window is front left (LHD default)",
      "<nexa_3>('driver', 'down', 100)<nexa_end>",
      "<nexa_3>('front left', 'down', 100)<nexa_end>",
    ],
    [
      "passenger window is front right (LHD default)",
      "<nexa_3>('passenger', 'up', 500)<nexa_end>",
      "<nexa_3>('front right', 'up', 500)<nexa_end>",
    ],
    [
      "same call written differently",
      "<nexa_1>(temperature=21, zone='rear', unit='celsius')<nexa_end>",
      "<nexa_1>('rear', 21, 'celsius')<nexa_end>",
    ],
    [
      "front windows in either order, one named by seat",
      "<nexa_3>('front left', 'down', 500); <nexa_3>('front right', 'down', 500)<nexa_end>",
      "<nexa_3>('passenger', 'down', 500); <nexa_3>('driver', 'down', 500)<nexa_end>",
    ],
  ])("%s", (_name, a, b) => {
    expect(same(a, b)).toBe(true);
    expect(same(b, a)).toBe(true);
  });

  it.each([
    ["different value", "<nexa_1>('driver', 72)<nexa_end>", "<nexa_1>('driver', 73)<nexa_end>"],
    ["explicit non-default unit", "<nexa_1>('rear', 21, unit='celsius')<nexa_end>", "<nexa_1>('rear', 21)<nexa_end>"],
    ["intensity other than 100", "<nexa_4>('open', intensity=99)<nexa_end>", "<nexa_4>('open')<nexa_end>"],
    ["multiset, not set", "<nexa_8>(True); <nexa_8>(True)<nexa_end>", "<nexa_8>(True)<nexa_end>"],
    [
      "repeats count",
      "<nexa_8>(True); <nexa_8>(True); <nexa_17>('up')<nexa_end>",
      "<nexa_8>(True); <nexa_17>('up'); <nexa_17>('up')<nexa_end>",
    ],
    [
      "driver is not front right in LHD",
      "<nexa_3>('driver', 'down', 100)<nexa_end>",
      "<nexa_3>('front right', 'down', 100)<nexa_end>",
    ],
    [
      "rear windows are not seats",
      "<nexa_3>('rear left', 'down', 100)<nexa_end>",
      "<nexa_3>('driver', 'down', 100)<nexa_end>",
    ],
    ["same arguments, other function", "<nexa_8>(True)<nexa_end>", "<nexa_9>(True)<nexa_end>"],
    [
      "seat 'driver' is not resolved outside windows",
      "<nexa_14>('driver', 2)<nexa_end>",
      "<nexa_14>('passenger', 2)<nexa_end>",
    ],
  ])("not equal: %s", (_name, a, b) => {
    expect(same(a, b)).toBe(false);
    expect(same(b, a)).toBe(false);
  });

  it("resolves seat-relative windows by the profile's handedness", () => {
    const driver = "<nexa_3>('driver', 'down', 100)<nexa_end>";
    expect(same(driver, "<nexa_3>('front right', 'down', 100)<nexa_end>", "rhd")).toBe(true);
    expect(same(driver, "<nexa_3>('front left', 'down', 100)<nexa_end>", "rhd")).toBe(false);
    expect(same("<nexa_3>('passenger', 'up', 9)<nexa_end>", "<nexa_3>('front left', 'up', 9)<nexa_end>", "rhd")).toBe(
      true,
    );
    expect(same(driver, "<nexa_3>('front left', 'down', 100)<nexa_end>", "lhd")).toBe(true);
  });
});

describe("canonicalKey", () => {
  it("is the canonical text of the resolved call", () => {
    const [c] = calls("<nexa_3>('driver', 'down', 100)<nexa_end>");
    expect(canonicalKey(c!)).toBe("<nexa_3>('front left', 'down', 100)");
    expect(canonicalKey(c!, { handedness: "rhd" })).toBe("<nexa_3>('front right', 'down', 100)");
    const [t] = calls("<nexa_1>('driver', 72, unit='fahrenheit')<nexa_end>");
    expect(canonicalKey(t!)).toBe("<nexa_1>('driver', 72)");
  });

  it("treats a hand-built call without defaults like the bound one", () => {
    const bound = calls("<nexa_1>('driver', 72)<nexa_end>")[0]!;
    expect(bound.args.unit).toBe("fahrenheit");
    expect(canonicalKey({ token: 1, name: "set_climate_temperature", args: { zone: "driver", temperature: 72 } })).toBe(
      canonicalKey(bound),
    );
  });
});
