/**
 * The safety gate, rule by rule and boundary by boundary (contract §4 and §3's temperature
 * reading). Bound calls are built directly (the binder's output type), so these tests do not
 * depend on the parser.
 */
import { describe, expect, it } from "vitest";
import type { BindErrorCode, BindResult, Decision, Literal } from "../../src/core/types.js";
import { type FunctionSpec, registry } from "../../src/registry/index.js";
import { decide, type GateMemory, initialGateMemory, NOT_A_VEHICLE_COMMAND } from "../../src/safety/gate.js";
import { defaultProfile, type VehicleProfile } from "../../src/safety/profile.js";
import { gateApplies, speedGateBlock } from "../../src/safety/speed-gate.js";
import { parkedVehicleState, type VehicleState } from "../../src/safety/state.js";

type Args = Record<string, Literal>;

function call(name: string, args: Args = {}): BindResult {
  const spec = registry.byName(name);
  if (!spec) throw new Error(`test bug: no function ${name}`);
  return {
    ok: true,
    call: { token: spec.token, name, args },
    parsed: { token: spec.tokenText, positional: [], keywords: [], position: 0 },
  };
}

function bindError(code: BindErrorCode, message: string, token: string, fn?: string): BindResult {
  return {
    ok: false,
    error: { kind: "bind", code, message, callIndex: 0, position: 0, ...(fn ? { function: fn } : {}) },
    parsed: { token, positional: [], keywords: [], position: 0 },
  };
}

interface RunOptions {
  state?: VehicleState;
  profile?: VehicleProfile;
  now?: number;
  memory?: GateMemory;
  transcript?: string;
}

function run(results: BindResult[], o: RunOptions = {}) {
  return decide({
    profile: o.profile ?? defaultProfile,
    state: o.state ?? parkedVehicleState(),
    now: o.now ?? 10_000,
    results,
    memory: o.memory ?? initialGateMemory(),
    ...(o.transcript !== undefined ? { transcript: o.transcript } : {}),
  });
}

function one(result: BindResult, o: RunOptions = {}): Decision {
  const out = run([result], o);
  expect(out.decisions).toHaveLength(1);
  return out.decisions[0]!;
}

const parked = parkedVehicleState();
const at = (speedKmh: number | undefined, speedAgeMs?: number): VehicleState => {
  const { speedKmh: _s, speedAgeMs: _a, ...rest } = parked;
  return {
    ...rest,
    ...(speedKmh === undefined ? {} : { speedKmh }),
    ...(speedAgeMs === undefined ? {} : { speedAgeMs }),
  };
};
const withProfile = (patch: (p: VehicleProfile) => VehicleProfile): VehicleProfile =>
  patch(structuredClone(defaultProfile) as VehicleProfile);

// ------------------------------------------------------------------ rule 1: invalid calls

describe("rule 1: calls that failed binding or do not fit the registry are rejected invalid_call", () => {
  const cases: [string, BindResult, string][] = [
    [
      "nested call",
      bindError(
        "nested_call",
        "adjust_volume: argument set_value cannot be a call (no parameter accepts one in v1)",
        "<nexa_0>",
        "adjust_volume",
      ),
      "adjust_volume",
    ],
    ["unknown token", bindError("unknown_token", "unknown functional token <nexa_99>", "<nexa_99>"), "<nexa_99>"],
    [
      "exactly-one (both given)",
      bindError(
        "exactly_one",
        "adjust_volume needs exactly one of volume_diff, set_value",
        "<nexa_0>",
        "adjust_volume",
      ),
      "adjust_volume",
    ],
    [
      "out of declared range",
      bindError("out_of_range", "adjust_fan_speed: set_value 9 is outside 0..7", "<nexa_7>", "adjust_fan_speed"),
      "adjust_fan_speed",
    ],
  ];
  it.each(cases)("%s -> rejected with the binder's message", (_label, result, fn) => {
    const out = run([result]);
    const d = out.decisions[0]!;
    expect(d.outcome).toBe("rejected");
    expect(d.code).toBe("invalid_call");
    expect(d.reason).toBe(result.ok ? "" : result.error.message);
    expect(d.function).toBe(fn);
    expect(d.target).toBeUndefined();
    expect(out.grants).toHaveLength(0);
  });

  // A BoundCall that did not come from the binder is checked again (defence in depth).
  const handBuilt: [string, BindResult, RegExp][] = [
    ["exactly-one: both", call("adjust_volume", { volume_diff: 5, set_value: 10 }), /exactly one/],
    ["exactly-one: neither", call("adjust_fan_speed", {}), /exactly one/],
    ["wrong type", call("set_air_conditioning", { on: "yes" }), /True or False/],
    ["enum mismatch", call("control_window", { window: "sunroof", position: "up", distance: 5 }), /one of/],
    ["declared range", call("adjust_seat_position", { seat: "driver", position: "up", distance: 301 }), /1\.\.300/],
    ["excluded value", call("change_climate_temperature", { zone: "rear", temperature_diff: 0 }), /must not be 0/],
    ["non-integer", call("adjust_volume", { set_value: 2.5 }), /integer/],
    ["missing required", call("set_defroster", { on: true }), /missing required argument target/],
    ["unknown parameter", call("mute_audio", { mute: true, loud: true }), /no parameter loud/],
  ];
  it.each(handBuilt)("hand-built call, %s -> invalid_call", (_label, result, reason) => {
    const d = one(result);
    expect(d).toMatchObject({ outcome: "rejected", code: "invalid_call" });
    expect(d.reason).toMatch(reason);
  });

  it("a token that does not match the function name is rejected", () => {
    const d = one({
      ...call("mute_audio", { mute: true }),
      call: { token: 8, name: "mute_audio", args: { mute: true } },
    });
    expect(d).toMatchObject({ outcome: "rejected", code: "invalid_call" });
  });
});

// ------------------------------------------------------------------ irrelevant_function

describe("irrelevant_function", () => {
  it("is accepted with no target, no grant and no state change", () => {
    const out = run([call("irrelevant_function")]);
    expect(out.decisions[0]).toEqual({
      function: "irrelevant_function",
      args: {},
      outcome: "accepted",
      reason: NOT_A_VEHICLE_COMMAND,
      callIndex: 0,
    });
    expect(NOT_A_VEHICLE_COMMAND).toBe("not a vehicle command; nothing to actuate");
    expect(out.grants).toHaveLength(0);
    expect(out.state).toEqual(parked);
    expect(out.memory.actuations).toHaveLength(0);
  });
});

// ------------------------------------------------------------------ rules 1/2: absolute targets vs profile

describe("rule 2: absolute targets outside the profile range are rejected out_of_range", () => {
  const narrow = withProfile((p) => ({
    ...p,
    ranges: {
      volume: { min: 0, max: 40 },
      fanSpeed: { min: 1, max: 5 },
      temperature: { fahrenheit: { min: 62, max: 78 }, celsius: { min: 17, max: 26 } },
    },
  }));
  const state: VehicleState = { ...parked, volume: 30 };
  const cases: [string, BindResult, "accepted" | "rejected", Record<string, unknown> | undefined][] = [
    ["volume 40 (max)", call("adjust_volume", { set_value: 40 }), "accepted", { kind: "volume", volume: 40 }],
    ["volume 41", call("adjust_volume", { set_value: 41 }), "rejected", undefined],
    ["fan 5 (max)", call("adjust_fan_speed", { set_value: 5 }), "accepted", { kind: "fan", speed: 5 }],
    ["fan 6", call("adjust_fan_speed", { set_value: 6 }), "rejected", undefined],
    ["fan 1 (min)", call("adjust_fan_speed", { set_value: 1 }), "accepted", { kind: "fan", speed: 1 }],
    ["fan 0", call("adjust_fan_speed", { set_value: 0 }), "rejected", undefined],
    [
      "78 °F (max)",
      call("set_climate_temperature", { zone: "driver", temperature: 78, unit: "fahrenheit" }),
      "accepted",
      { kind: "temperature", zone: "driver", temperature: 78, unit: "fahrenheit" },
    ],
    [
      "79 °F",
      call("set_climate_temperature", { zone: "driver", temperature: 79, unit: "fahrenheit" }),
      "rejected",
      undefined,
    ],
    [
      "61 °F",
      call("set_climate_temperature", { zone: "driver", temperature: 61, unit: "fahrenheit" }),
      "rejected",
      undefined,
    ],
    [
      "17 °C (min)",
      call("set_climate_temperature", { zone: "rear", temperature: 17, unit: "celsius" }),
      "accepted",
      { kind: "temperature", zone: "rear", temperature: 17, unit: "celsius" },
    ],
    [
      "16 °C",
      call("set_climate_temperature", { zone: "rear", temperature: 16, unit: "celsius" }),
      "rejected",
      undefined,
    ],
    [
      "27 °C",
      call("set_climate_temperature", { zone: "rear", temperature: 27, unit: "celsius" }),
      "rejected",
      undefined,
    ],
  ];
  it.each(cases)("%s", (_label, result, outcome, target) => {
    const d = one(result, { profile: narrow, state });
    expect(d.outcome).toBe(outcome);
    if (outcome === "rejected") {
      expect(d.code).toBe("out_of_range");
      expect(d.reason).toMatch(/outside this vehicle's/);
      expect(d.target).toBeUndefined();
    } else {
      expect(d.target).toEqual(target);
    }
  });
});

// ------------------------------------------------------------------ rules 2/4: relative steps and travel

describe("rules 2 and 4: relative steps are applied to the known state and clamped to range and travel", () => {
  const seats = (foreAftMm: number, heightMm: number, reclineDeg: number): VehicleState["seats"] => ({
    driver: { foreAftMm, heightMm, reclineDeg },
    passenger: { foreAftMm, heightMm, reclineDeg },
  });
  const cases: [string, VehicleState, BindResult, "accepted" | "clamped", Record<string, unknown>, string?][] = [
    // volume (range 0..50)
    [
      "volume down 15 from 10",
      { ...parked, volume: 10 },
      call("adjust_volume", { volume_diff: -15 }),
      "clamped",
      { kind: "volume", volume: 0 },
      "clamped from -5 to 0",
    ],
    [
      "volume down 10 from 10",
      { ...parked, volume: 10 },
      call("adjust_volume", { volume_diff: -10 }),
      "accepted",
      { kind: "volume", volume: 0 },
    ],
    [
      "volume up 10 from 45",
      { ...parked, volume: 45 },
      call("adjust_volume", { volume_diff: 10 }),
      "clamped",
      { kind: "volume", volume: 50 },
      "clamped from 55 to 50",
    ],
    // fan (0..7)
    [
      "fan up 1 from 6",
      { ...parked, fanSpeed: 6 },
      call("adjust_fan_speed", { speed_diff: 1 }),
      "accepted",
      { kind: "fan", speed: 7 },
    ],
    [
      "fan up 3 from 6",
      { ...parked, fanSpeed: 6 },
      call("adjust_fan_speed", { speed_diff: 3 }),
      "clamped",
      { kind: "fan", speed: 7 },
      "clamped from 9 to 7",
    ],
    [
      "fan down 3 from 1",
      { ...parked, fanSpeed: 1 },
      call("adjust_fan_speed", { speed_diff: -3 }),
      "clamped",
      { kind: "fan", speed: 0 },
      "clamped from -2 to 0",
    ],
    // temperature step in the zone's unit
    [
      "warmer 2 from 72 °F",
      parked,
      call("change_climate_temperature", { zone: "driver", temperature_diff: 2 }),
      "accepted",
      { kind: "temperature", zone: "driver", temperature: 74, unit: "fahrenheit" },
    ],
    [
      "warmer 5 from 78 °F",
      { ...parked, climate: { driver: { temperature: 78, unit: "fahrenheit" } } },
      call("change_climate_temperature", { zone: "driver", temperature_diff: 5 }),
      "clamped",
      { kind: "temperature", zone: "driver", temperature: 80, unit: "fahrenheit" },
      "clamped from 83 °F to 80 °F",
    ],
    [
      "cooler 10 from 20 °C",
      { ...parked, climate: { rear: { temperature: 20, unit: "celsius" } } },
      call("change_climate_temperature", { zone: "rear", temperature_diff: -10 }),
      "clamped",
      { kind: "temperature", zone: "rear", temperature: 16, unit: "celsius" },
      "clamped from 10 °C to 16 °C",
    ],
    // seat fore/aft (0..250, backward increases)
    [
      "seat forward 50 from 20",
      { ...parked, seats: seats(20, 40, 20) },
      call("adjust_seat_position", { seat: "driver", position: "forward", distance: 50 }),
      "clamped",
      { kind: "seat_position", seat: "driver", axis: "fore_aft", mm: 0 },
      "clamped from -30 mm to 0 mm",
    ],
    [
      "seat forward 20 from 20 (exactly the front end)",
      { ...parked, seats: seats(20, 40, 20) },
      call("adjust_seat_position", { seat: "driver", position: "forward", distance: 20 }),
      "accepted",
      { kind: "seat_position", seat: "driver", axis: "fore_aft", mm: 0 },
    ],
    [
      "seat backward 50 from 200 (exactly the rear end)",
      { ...parked, seats: seats(200, 40, 20) },
      call("adjust_seat_position", { seat: "passenger", position: "backward", distance: 50 }),
      "accepted",
      { kind: "seat_position", seat: "passenger", axis: "fore_aft", mm: 250 },
    ],
    [
      "seat backward 51 from 200",
      { ...parked, seats: seats(200, 40, 20) },
      call("adjust_seat_position", { seat: "passenger", position: "backward", distance: 51 }),
      "clamped",
      { kind: "seat_position", seat: "passenger", axis: "fore_aft", mm: 250 },
      "clamped from 251 mm to 250 mm",
    ],
    // seat height (0..80)
    [
      "seat up 10 from 75",
      { ...parked, seats: seats(100, 75, 20) },
      call("adjust_seat_position", { seat: "driver", position: "up", distance: 10 }),
      "clamped",
      { kind: "seat_position", seat: "driver", axis: "height", mm: 80 },
      "clamped from 85 mm to 80 mm",
    ],
    [
      "seat down 5 from 5",
      { ...parked, seats: seats(100, 5, 20) },
      call("adjust_seat_position", { seat: "driver", position: "down", distance: 5 }),
      "accepted",
      { kind: "seat_position", seat: "driver", axis: "height", mm: 0 },
    ],
    // recline (0..45, backward increases)
    [
      "recline backward 10 from 40",
      { ...parked, seats: seats(100, 40, 40) },
      call("adjust_seat_recline", { seat: "driver", direction: "backward", angle: 10 }),
      "clamped",
      { kind: "seat_recline", seat: "driver", deg: 45 },
      "clamped from 50° to 45°",
    ],
    [
      "recline forward 10 from 5",
      { ...parked, seats: seats(100, 40, 5) },
      call("adjust_seat_recline", { seat: "passenger", direction: "forward", angle: 10 }),
      "clamped",
      { kind: "seat_recline", seat: "passenger", deg: 0 },
      "clamped from -5° to 0°",
    ],
    [
      "recline backward 5 from 40",
      { ...parked, seats: seats(100, 40, 40) },
      call("adjust_seat_recline", { seat: "driver", direction: "backward", angle: 5 }),
      "accepted",
      { kind: "seat_recline", seat: "driver", deg: 45 },
    ],
    // window (0..500, down opens)
    [
      "window down 100 from 450",
      { ...parked, windowsMm: { "rear left": 450 } },
      call("control_window", { window: "rear left", position: "down", distance: 100 }),
      "clamped",
      { kind: "window", window: "rear left", mm: 500 },
      "clamped from 550 mm to 500 mm",
    ],
    [
      "window up 100 from 50",
      { ...parked, windowsMm: { "rear right": 50 } },
      call("control_window", { window: "rear right", position: "up", distance: 100 }),
      "clamped",
      { kind: "window", window: "rear right", mm: 0 },
      "clamped from -50 mm to 0 mm",
    ],
    [
      "window down 500 from 0 (whole travel)",
      parked,
      call("control_window", { window: "rear right", position: "down", distance: 500 }),
      "accepted",
      { kind: "window", window: "rear right", mm: 500 },
    ],
    // sunroof close relative to the current opening
    [
      "sunroof close by 30 from 50",
      { ...parked, sunroofPercent: 50 },
      call("operate_sunroof", { action: "close", intensity: 30 }),
      "accepted",
      { kind: "sunroof", action: "close", percent: 20 },
    ],
    [
      "sunroof close by 30 from 10",
      { ...parked, sunroofPercent: 10 },
      call("operate_sunroof", { action: "close", intensity: 30 }),
      "clamped",
      { kind: "sunroof", action: "close", percent: 0 },
      "clamped from -20 % to 0 %",
    ],
  ];
  it.each(cases)("%s", (_label, state, result, outcome, target, reason) => {
    const out = run([result], { state });
    const d = out.decisions[0]!;
    expect(d.outcome).toBe(outcome);
    expect(d.target).toEqual(target);
    expect(d.code).toBeUndefined();
    if (reason) expect(d.reason).toContain(reason);
    expect(out.grants).toHaveLength(1);
  });

  it("clamps to a narrower profile travel and to the open end of a narrower sunroof", () => {
    const p = withProfile((x) => ({
      ...x,
      travel: { ...x.travel, windowMm: { min: 0, max: 400 }, sunroofPercent: { min: 0, max: 80 } },
    }));
    const w = one(call("control_window", { window: "rear left", position: "down", distance: 450 }), { profile: p });
    expect(w).toMatchObject({ outcome: "clamped", target: { kind: "window", window: "rear left", mm: 400 } });
    const full = one(call("operate_sunroof", { action: "open" }), { profile: p });
    expect(full).toMatchObject({ outcome: "accepted", target: { kind: "sunroof", action: "open", percent: 80 } });
    const ninety = one(call("operate_sunroof", { action: "open", intensity: 90 }), { profile: p });
    expect(ninety).toMatchObject({ outcome: "clamped", target: { kind: "sunroof", action: "open", percent: 80 } });
    expect(ninety.reason).toContain("clamped from 90 % to 80 %");
    const all = one(call("control_all_windows", { position: "down" }), { profile: p });
    expect(all).toMatchObject({ outcome: "accepted", target: { kind: "all_windows", mm: 400 } });
  });
});

// ------------------------------------------------------------------ unknown state

describe("relative steps with unknown current values", () => {
  const unknown: VehicleState = { speedKmh: 0 };
  const rejectedCases: [string, BindResult][] = [
    ["volume up 5", call("adjust_volume", { volume_diff: 5 })],
    [
      "volume up 50 (a raise never saturates: rule 3 needs the current volume)",
      call("adjust_volume", { volume_diff: 50 }),
    ],
    ["volume down 49", call("adjust_volume", { volume_diff: -49 })],
    ["fan up 1", call("adjust_fan_speed", { speed_diff: 1 })],
    ["warmer 2", call("change_climate_temperature", { zone: "rear", temperature_diff: 2 })],
    ["seat backward 50", call("adjust_seat_position", { seat: "passenger", position: "backward", distance: 50 })],
    ["seat backward 249", call("adjust_seat_position", { seat: "passenger", position: "backward", distance: 249 })],
    ["recline forward 30", call("adjust_seat_recline", { seat: "passenger", direction: "forward", angle: 30 })],
    ["window down 100", call("control_window", { window: "rear left", position: "down", distance: 100 })],
    ["window up 499", call("control_window", { window: "rear left", position: "up", distance: 499 })],
    ["sunroof close by 30", call("operate_sunroof", { action: "close", intensity: 30 })],
  ];
  it.each(rejectedCases)("%s -> rejected state_unknown", (_label, result) => {
    const d = one(result, { state: unknown });
    expect(d).toMatchObject({ outcome: "rejected", code: "state_unknown" });
    expect(d.reason).toMatch(/is unknown, so a relative step cannot be applied safely/);
  });

  const saturated: [string, BindResult, Record<string, unknown>][] = [
    [
      "window up 500 (close fully)",
      call("control_window", { window: "rear left", position: "up", distance: 500 }),
      { kind: "window", window: "rear left", mm: 0 },
    ],
    [
      "window down 500",
      call("control_window", { window: "rear left", position: "down", distance: 500 }),
      { kind: "window", window: "rear left", mm: 500 },
    ],
    [
      "seat backward 250",
      call("adjust_seat_position", { seat: "passenger", position: "backward", distance: 250 }),
      { kind: "seat_position", seat: "passenger", axis: "fore_aft", mm: 250 },
    ],
    [
      "seat forward 300",
      call("adjust_seat_position", { seat: "passenger", position: "forward", distance: 300 }),
      { kind: "seat_position", seat: "passenger", axis: "fore_aft", mm: 0 },
    ],
    ["volume down 50", call("adjust_volume", { volume_diff: -50 }), { kind: "volume", volume: 0 }],
    ["fan up 7", call("adjust_fan_speed", { speed_diff: 7 }), { kind: "fan", speed: 7 }],
  ];
  it.each(saturated)("%s reaches a travel end from any position -> clamped to it", (_label, result, target) => {
    const d = one(result, { state: unknown });
    expect(d).toMatchObject({ outcome: "clamped", target });
    expect(d.reason).toMatch(/is unknown, but this step reaches the end of the .* from any position/);
  });

  it("absolute targets do not need the current value", () => {
    for (const r of [
      call("adjust_fan_speed", { set_value: 3 }),
      call("set_climate_temperature", { zone: "rear", temperature: 70, unit: "fahrenheit" }),
      call("operate_sunroof", { action: "close" }),
      call("operate_sunroof", { action: "open", intensity: 40 }),
      call("control_all_windows", { position: "up" }),
    ]) {
      expect(one(r, { state: unknown }).outcome).toBe("accepted");
    }
  });
});

// ------------------------------------------------------------------ rule 3: hearing protection

describe("rule 3: one command raises the volume by at most 20", () => {
  const cases: [string, number | undefined, Args, "accepted" | "clamped", number, RegExp?][] = [
    ["up 20 from 10", 10, { volume_diff: 20 }, "accepted", 30],
    [
      "up 21 from 10",
      10,
      { volume_diff: 21 },
      "clamped",
      30,
      /clamped from 31 to 30 \(hearing protection allows at most \+20/,
    ],
    ["up 50 from 0", 0, { volume_diff: 50 }, "clamped", 20, /hearing protection/],
    ["set 30 from 10 (exactly +20)", 10, { set_value: 30 }, "accepted", 30],
    ["set 31 from 10", 10, { set_value: 31 }, "clamped", 30, /clamped from 31 to 30 by hearing protection/],
    ["set 50 from 0", 0, { set_value: 50 }, "clamped", 20],
    ["set 5 from 40 (lowering is never limited)", 40, { set_value: 5 }, "accepted", 5],
    ["down 30 from 40", 40, { volume_diff: -30 }, "accepted", 10],
    ["unknown volume, set 20", undefined, { set_value: 20 }, "accepted", 20],
    [
      "unknown volume, set 21",
      undefined,
      { set_value: 21 },
      "clamped",
      20,
      /unknown, so it is taken as 0 \(worst case\)/,
    ],
    [
      "up 25 from 40: hearing step and range",
      40,
      { volume_diff: 25 },
      "clamped",
      50,
      /hearing protection.*; the volume range is 0\.\.50/,
    ],
    ["up 15 from 40: range only", 40, { volume_diff: 15 }, "clamped", 50, /\(the volume range is 0\.\.50\)/],
  ];
  const table = cases.map(([label, volume, args, outcome, target, reason]) => ({
    label,
    volume,
    args,
    outcome,
    target,
    reason,
  }));
  it.each(table)("$label -> $outcome $target", ({ volume, args, outcome, target, reason }) => {
    const state: VehicleState = volume === undefined ? { speedKmh: 0 } : { ...parked, volume };
    const d = one(call("adjust_volume", args), { state });
    expect(d.outcome).toBe(outcome);
    expect(d.target).toEqual({ kind: "volume", volume: target });
    if (reason) expect(d.reason).toMatch(reason);
  });

  it("rejects a set_value whose hearing-limited target would fall below the profile's minimum volume", () => {
    const p = withProfile((x) => ({ ...x, ranges: { ...x.ranges, volume: { min: 25, max: 50 } } }));
    const d = one(call("adjust_volume", { set_value: 30 }), { profile: p, state: { speedKmh: 0 } });
    expect(d).toMatchObject({ outcome: "rejected", code: "out_of_range" });
    expect(d.reason).toMatch(/stays below this vehicle's minimum volume 25/);
    const known = one(call("adjust_volume", { set_value: 30 }), { profile: p, state: { volume: 25 } });
    expect(known).toMatchObject({ outcome: "accepted", target: { kind: "volume", volume: 30 } });
  });

  it("uses the profile's hearing step", () => {
    const p = withProfile((x) => ({ ...x, hearingStepMax: 10 }));
    expect(one(call("adjust_volume", { volume_diff: 10 }), { profile: p }).outcome).toBe("accepted");
    expect(one(call("adjust_volume", { volume_diff: 11 }), { profile: p })).toMatchObject({
      outcome: "clamped",
      target: { kind: "volume", volume: 20 },
    });
  });
});

// ------------------------------------------------------------------ rules 5/6: speed gating

describe("rules 5 and 6: speed gating", () => {
  const driverSeat = call("adjust_seat_position", { seat: "driver", position: "backward", distance: 50 });
  const driverRecline = call("adjust_seat_recline", { seat: "driver", direction: "backward", angle: 10 });
  const passengerSeat = call("adjust_seat_position", { seat: "passenger", position: "backward", distance: 50 });
  const passengerRecline = call("adjust_seat_recline", { seat: "passenger", direction: "forward", angle: 10 });
  const childLockOff = call("set_window_child_lock", { on: false });
  const childLockOn = call("set_window_child_lock", { on: true });
  const sunroofOpen = call("operate_sunroof", { action: "open" });
  const sunroofTilt = call("operate_sunroof", { action: "tilt", intensity: 50 });

  type Row = [string, BindResult, number | undefined, number | undefined, "rejected" | "ok"];
  const rows: Row[] = [
    // moving = speed > 5 km/h
    ["driver seat at 0 km/h", driverSeat, 0, undefined, "ok"],
    ["driver seat at 5 km/h", driverSeat, 5, undefined, "ok"],
    ["driver seat at 5.1 km/h", driverSeat, 5.1, undefined, "rejected"],
    ["driver seat at 80 km/h", driverSeat, 80, undefined, "rejected"],
    ["driver recline at 5 km/h", driverRecline, 5, undefined, "ok"],
    ["driver recline at 5.1 km/h", driverRecline, 5.1, undefined, "rejected"],
    ["passenger seat at 80 km/h", passengerSeat, 80, undefined, "ok"],
    ["passenger recline at 80 km/h", passengerRecline, 80, undefined, "ok"],
    ["child lock off at 5 km/h", childLockOff, 5, undefined, "ok"],
    ["child lock off at 5.1 km/h", childLockOff, 5.1, undefined, "rejected"],
    ["child lock on at 200 km/h", childLockOn, 200, undefined, "ok"],
    ["child lock on, speed unknown", childLockOn, undefined, undefined, "ok"],
    // sunroof: rejected above 130 km/h
    ["sunroof open at 130 km/h", sunroofOpen, 130, undefined, "ok"],
    ["sunroof open at 130.1 km/h", sunroofOpen, 130.1, undefined, "rejected"],
    ["sunroof open at 131 km/h", sunroofOpen, 131, undefined, "rejected"],
    ["sunroof tilt at 130 km/h", sunroofTilt, 130, undefined, "ok"],
    ["sunroof tilt at 131 km/h", sunroofTilt, 131, undefined, "rejected"],
    // rule 6: unknown or stale (>= 1000 ms) speed acts as above every gate
    ["driver seat, speed unknown", driverSeat, undefined, undefined, "rejected"],
    ["driver seat, 0 km/h 999 ms old", driverSeat, 0, 999, "ok"],
    ["driver seat, 0 km/h 1000 ms old", driverSeat, 0, 1000, "rejected"],
    ["driver seat, 0 km/h 1001 ms old", driverSeat, 0, 1001, "rejected"],
    ["driver recline, speed unknown", driverRecline, undefined, undefined, "rejected"],
    ["child lock off, speed unknown", childLockOff, undefined, undefined, "rejected"],
    ["child lock off, 0 km/h 1000 ms old", childLockOff, 0, 1000, "rejected"],
    ["sunroof open, speed unknown", sunroofOpen, undefined, undefined, "rejected"],
    ["sunroof open, 0 km/h 999 ms old", sunroofOpen, 0, 999, "ok"],
    ["sunroof open, 0 km/h 1000 ms old", sunroofOpen, 0, 1000, "rejected"],
    ["sunroof tilt, speed unknown", sunroofTilt, undefined, undefined, "rejected"],
    ["passenger seat, speed unknown (not gated)", passengerSeat, undefined, undefined, "ok"],
  ];
  const table = rows.map(([label, result, speed, age, expected]) => ({ label, result, speed, age, expected }));
  it.each(table)("$label -> $expected", ({ result, speed, age, expected }) => {
    const out = run([result], { state: at(speed, age) });
    const d = out.decisions[0]!;
    if (expected === "rejected") {
      expect(d).toMatchObject({ outcome: "rejected", code: "speed_gate" });
      expect(d.target).toBeUndefined();
      expect(out.grants).toHaveLength(0);
      expect(out.state).toEqual(at(speed, age));
    } else {
      expect(d.outcome).not.toBe("rejected");
      expect(out.grants).toHaveLength(1);
    }
  });

  it("says why in words a person can read", () => {
    expect(one(driverSeat, { state: at(80) }).reason).toBe(
      "Driver seat moves are blocked while the vehicle is moving (80 km/h > 5 km/h).",
    );
    expect(one(driverRecline, { state: at(5.1) }).reason).toBe(
      "Driver seat recline changes are blocked while the vehicle is moving (5.1 km/h > 5 km/h).",
    );
    expect(one(sunroofOpen, { state: at(131) }).reason).toBe(
      "Sunroof open commands are blocked above 130 km/h (vehicle at 131 km/h).",
    );
    expect(one(childLockOff, { state: at(30) }).reason).toBe(
      "Child lock release commands are blocked while the vehicle is moving (30 km/h > 5 km/h).",
    );
    expect(one(driverSeat, { state: at(undefined) }).reason).toMatch(
      /the vehicle speed is unknown, so the gate assumes the vehicle is above every speed gate/,
    );
    expect(one(driverSeat, { state: at(0, 1000) }).reason).toMatch(
      /the last speed reading \(0 km\/h\) is 1000 ms old, stale at 1000 ms or more/,
    );
  });

  it("uses the profile's thresholds", () => {
    const p = withProfile((x) => ({ ...x, speed: { movingAboveKmh: 3, sunroofGateKmh: 100, staleAfterMs: 500 } }));
    expect(one(driverSeat, { profile: p, state: at(3) }).outcome).not.toBe("rejected");
    expect(one(driverSeat, { profile: p, state: at(3.5) }).code).toBe("speed_gate");
    expect(one(sunroofOpen, { profile: p, state: at(100) }).outcome).not.toBe("rejected");
    expect(one(sunroofOpen, { profile: p, state: at(101) }).code).toBe("speed_gate");
    expect(one(driverSeat, { profile: p, state: at(0, 499) }).outcome).not.toBe("rejected");
    expect(one(driverSeat, { profile: p, state: at(0, 500) }).code).toBe("speed_gate");
  });

  it("takes gate conditions from the registry's gates field, not from function names", () => {
    const control = registry.byName("control_window")!;
    const gatedWindow: FunctionSpec = { ...control, gates: [{ gate: "moving", when: { window: ["rear left"] } }] };
    const speed = at(50);
    const args = (window: string) => ({ window, position: "down", distance: 100 });
    expect(speedGateBlock(gatedWindow, [args("rear left")], "rear left window moves", defaultProfile, speed)).toBe(
      "rear left window moves are blocked while the vehicle is moving (50 km/h > 5 km/h).",
    );
    expect(speedGateBlock(gatedWindow, [args("rear right")], "x", defaultProfile, speed)).toBeUndefined();
    expect(speedGateBlock(control, [args("rear left")], "x", defaultProfile, speed)).toBeUndefined();
    const sunroofGated: FunctionSpec = { ...control, gates: [{ gate: "sunroof", when: {} }] };
    expect(speedGateBlock(sunroofGated, [args("rear left")], "x", defaultProfile, at(130))).toBeUndefined();
    expect(speedGateBlock(sunroofGated, [args("rear left")], "x", defaultProfile, at(131))).toMatch(/above 130 km\/h/);
  });
});

// ------------------------------------------------------------------ rule 7: closing and defrost never gated

describe("rule 7: closing and defrost are never blocked by gating", () => {
  const closing: [string, BindResult][] = [
    ["window up", call("control_window", { window: "driver", position: "up", distance: 500 })],
    ["front right window up a bit", call("control_window", { window: "front right", position: "up", distance: 100 })],
    ["all windows up", call("control_all_windows", { position: "up" })],
    ["sunroof close", call("operate_sunroof", { action: "close" })],
    ["sunroof close (intensity 100)", call("operate_sunroof", { action: "close", intensity: 100 })],
    ["sunshade close", call("operate_sunshade", { action: "close" })],
    ["front defrost on", call("set_defroster", { target: "front", on: true })],
    ["rear defrost on", call("set_defroster", { target: "rear", on: true })],
    ["front defrost off", call("set_defroster", { target: "front", on: false })],
  ];
  const speeds: [string, VehicleState][] = [
    ["200 km/h", { ...at(200), windowsMm: { "front left": 300, "front right": 300 }, sunroofPercent: 60 }],
    ["unknown speed", { ...at(undefined), windowsMm: { "front left": 300, "front right": 300 }, sunroofPercent: 60 }],
    ["stale speed", { ...at(0, 5000), windowsMm: { "front left": 300, "front right": 300 }, sunroofPercent: 60 }],
  ];
  for (const [speedLabel, state] of speeds) {
    it.each(closing)(`%s at ${speedLabel} -> actuated`, (_label, result) => {
      const out = run([result], { state });
      expect(out.decisions[0]!.outcome).not.toBe("rejected");
      expect(out.grants).toHaveLength(1);
    });
  }

  it("no registry gate can match any closing or defrost call (every enum combination)", () => {
    const closingCalls: [string, Args][] = [];
    for (const window of registry.enums["window"]!) {
      closingCalls.push(["control_window", { window, position: "up", distance: 1 }]);
    }
    closingCalls.push(["control_all_windows", { position: "up" }]);
    for (const intensity of [undefined, 0, 50, 100]) {
      closingCalls.push([
        "operate_sunroof",
        intensity === undefined ? { action: "close" } : { action: "close", intensity },
      ]);
    }
    closingCalls.push(["operate_sunshade", { action: "close" }]);
    for (const target of registry.enums["defrost_target"]!) {
      for (const on of [true, false]) closingCalls.push(["set_defroster", { target, on }]);
    }
    for (const [name, args] of closingCalls) {
      for (const gate of registry.byName(name)!.gates) expect(gateApplies(gate, args)).toBe(false);
    }
  });
});

// ------------------------------------------------------------------ LHD / RHD

describe("driver/passenger windows resolve through the profile's handedness", () => {
  const rhd = withProfile((p) => ({ ...p, name: "rhd", handedness: "rhd" }));
  const cases: [string, VehicleProfile, string, string, string][] = [
    ["LHD driver", defaultProfile, "driver", "front left", "left-hand-drive"],
    ["LHD passenger", defaultProfile, "passenger", "front right", "left-hand-drive"],
    ["RHD driver", rhd, "driver", "front right", "right-hand-drive"],
    ["RHD passenger", rhd, "passenger", "front left", "right-hand-drive"],
  ];
  it.each(cases)("%s window", (_label, profile, named, physical, handedness) => {
    const state: VehicleState = { ...parked, windowsMm: { "front left": 100, "front right": 300 } };
    const before = state.windowsMm![physical as "front left"]!;
    const out = run([call("control_window", { window: named, position: "down", distance: 50 })], { profile, state });
    const d = out.decisions[0]!;
    expect(d.args).toEqual({ window: named, position: "down", distance: 50 });
    expect(d.target).toEqual({ kind: "window", window: physical, mm: before + 50 });
    expect(d.reason).toContain(`The ${named} window is the ${physical} window in this ${handedness} vehicle.`);
    expect(out.state.windowsMm?.[physical as "front left"]).toBe(before + 50);
  });

  it("physical windows are not renamed", () => {
    const d = one(call("control_window", { window: "rear left", position: "down", distance: 50 }), { profile: rhd });
    expect(d.target).toEqual({ kind: "window", window: "rear left", mm: 50 });
    expect(d.reason).not.toContain("vehicle.");
  });
});

// ------------------------------------------------------------------ §3 temperature reading

describe("§3: a Fahrenheit value in 16..27 is read as Celsius", () => {
  type Unit = "fahrenheit" | "celsius";
  const cases: [number, Unit, "accepted" | "out_of_range" | "invalid_call", Unit | undefined][] = [
    [21, "fahrenheit", "accepted", "celsius"],
    [16, "fahrenheit", "accepted", "celsius"],
    [27, "fahrenheit", "accepted", "celsius"],
    [15, "fahrenheit", "invalid_call", undefined], // below the parameter's declared 16..80
    [28, "fahrenheit", "out_of_range", undefined],
    [59, "fahrenheit", "out_of_range", undefined],
    [60, "fahrenheit", "accepted", "fahrenheit"],
    [80, "fahrenheit", "accepted", "fahrenheit"],
    [21, "celsius", "accepted", "celsius"],
    [28, "celsius", "out_of_range", undefined],
  ];
  it.each(cases)("%d %s -> %s (%s)", (value, unit, expected, targetUnit) => {
    const d = one(call("set_climate_temperature", { zone: "rear", temperature: value, unit }));
    expect(d.code ?? d.outcome).toBe(expected);
    if (targetUnit) {
      expect(d.target).toEqual({ kind: "temperature", zone: "rear", temperature: value, unit: targetUnit });
    }
    const read = unit === "fahrenheit" && targetUnit === "celsius";
    expect(d.reason.includes(`so it is read as ${value} °C`)).toBe(read);
  });

  it("reads 21 as Celsius and the next relative step works in Celsius", () => {
    const first = run([call("set_climate_temperature", { zone: "driver", temperature: 21, unit: "fahrenheit" })]);
    expect(first.decisions[0]!.reason).toBe(
      "21 °F is not a cabin setting (no Fahrenheit setting is that low), so it is read as 21 °C. Driver zone set to 21 °C.",
    );
    const out = run([call("change_climate_temperature", { zone: "driver", temperature_diff: 2 })], {
      state: first.state,
      memory: first.memory,
      now: 20_000,
    });
    expect(out.decisions[0]!.target).toEqual({ kind: "temperature", zone: "driver", temperature: 23, unit: "celsius" });
    expect(out.state.climate?.driver).toEqual({ temperature: 23, unit: "celsius" });
  });
});

// ------------------------------------------------------------------ rule 8: flood control

/** Ten actuations of ten different actuators, none speed-gated (the first sets the fan to 3). */
const tenDistinct = (): BindResult[] => [
  call("adjust_fan_speed", { set_value: 3 }),
  call("set_air_conditioning", { on: true }),
  call("set_air_recirculation", { on: true }),
  ...(["driver", "passenger", "rear left", "rear right"] as const).map((seat) =>
    call("set_seat_heating", { seat, level: 2 }),
  ),
  call("set_seat_ventilation", { seat: "driver", level: 1 }),
  call("set_steering_wheel_heating", { on: true }),
  call("operate_sunshade", { action: "close" }),
];

describe("rule 8: duplicates and the actuation rate", () => {
  const volumeUp = call("adjust_volume", { volume_diff: 2 });

  it.each([
    [0, "duplicate"],
    [1, "duplicate"],
    [299, "duplicate"],
    [300, "ok"],
    [301, "ok"],
  ] as const)("the same call again %d ms later -> %s", (delay, expected) => {
    const first = run([volumeUp], { now: 5000 });
    expect(first.decisions[0]!.outcome).toBe("accepted");
    const second = run([volumeUp], { now: 5000 + delay, state: first.state, memory: first.memory });
    const d = second.decisions[0]!;
    if (expected === "duplicate") {
      expect(d).toMatchObject({ outcome: "rejected", code: "duplicate" });
      expect(d.reason).toMatch(/a repeat within 300 ms is dropped as a duplicate/);
      expect(second.grants).toHaveLength(0);
    } else {
      expect(d.outcome).toBe("accepted");
      expect(d.target).toEqual({ kind: "volume", volume: 14 });
    }
  });

  it("a call repeated inside one response is a duplicate", () => {
    const out = run([volumeUp, call("mute_audio", { mute: false }), volumeUp]);
    expect(out.decisions.map((d) => d.code ?? d.outcome)).toEqual(["accepted", "accepted", "duplicate"]);
    expect(out.decisions[2]!.reason).toContain("already actuated 0 ms ago");
    expect(out.state.volume).toBe(12);
  });

  it("duplicates are compared in canonical form (defaults, equivalent-to-omitted, resolved windows, Celsius reading)", () => {
    const pairs: [BindResult, BindResult][] = [
      [call("operate_sunroof", { action: "open" }), call("operate_sunroof", { action: "open", intensity: 100 })],
      [
        call("set_climate_temperature", { zone: "rear", temperature: 70 }),
        call("set_climate_temperature", { zone: "rear", temperature: 70, unit: "fahrenheit" }),
      ],
      [
        call("set_climate_temperature", { zone: "rear", temperature: 21, unit: "fahrenheit" }),
        call("set_climate_temperature", { zone: "rear", temperature: 21, unit: "celsius" }),
      ],
      [
        call("control_window", { window: "driver", position: "down", distance: 100 }),
        call("control_window", { window: "front left", position: "down", distance: 100 }),
      ],
    ];
    for (const [a, b] of pairs) {
      expect(run([a, b]).decisions.map((d) => d.code ?? d.outcome)).toEqual(["accepted", "duplicate"]);
    }
    // Different calls are not duplicates.
    const differ = run([
      call("control_window", { window: "passenger", position: "down", distance: 100 }),
      call("control_window", { window: "front left", position: "down", distance: 100 }),
    ]);
    expect(differ.decisions.map((d) => d.outcome)).toEqual(["accepted", "accepted"]);
  });

  it("the 11th actuation inside one response is rejected rate_limit", () => {
    const calls = [...tenDistinct(), call("set_climate_auto_mode", { on: true })];
    const out = run(calls);
    expect(out.decisions.slice(0, 10).every((d) => d.outcome === "accepted")).toBe(true);
    expect(out.decisions[10]).toMatchObject({ outcome: "rejected", code: "rate_limit" });
    expect(out.decisions[10]!.reason).toBe(
      "Flood control: 10 actuations already in the last 1000 ms (at most 10 per second), so this one is dropped.",
    );
    expect(out.grants).toHaveLength(10);
  });

  it.each([
    [999, "rate_limit"],
    [1000, "accepted"],
  ] as const)("the 11th actuation %d ms after the first ten -> %s", (delay, expected) => {
    const first = run(tenDistinct(), { now: 0 });
    expect(first.grants).toHaveLength(10);
    const later = run([call("set_climate_auto_mode", { on: true })], {
      now: delay,
      memory: first.memory,
      state: first.state,
    });
    expect(later.decisions[0]!.code ?? later.decisions[0]!.outcome).toBe(expected);
  });

  it("is a sliding window: ten spread over time limit the next one until the oldest leaves", () => {
    let memory = initialGateMemory();
    for (let i = 0; i < 10; i++) {
      const out = run([call("set_seat_heating", { seat: "driver", level: i % 4 }), call("irrelevant_function")], {
        now: i * 100,
        memory,
      });
      expect(out.decisions[0]!.outcome).toBe("accepted");
      memory = out.memory;
    }
    const blocked = run([call("set_steering_wheel_heating", { on: true })], { now: 999, memory });
    expect(blocked.decisions[0]!.code).toBe("rate_limit");
    const allowed = run([call("set_steering_wheel_heating", { on: true })], { now: 1000, memory });
    expect(allowed.decisions[0]!.outcome).toBe("accepted");
  });

  it("rejected calls and irrelevant_function do not count as actuations", () => {
    const rejectedOnes = Array.from({ length: 12 }, () =>
      call("adjust_seat_position", { seat: "driver", position: "up", distance: 10 }),
    );
    const out = run(
      [...rejectedOnes, ...Array.from({ length: 5 }, () => call("irrelevant_function")), ...tenDistinct()],
      {
        state: at(80),
      },
    );
    expect(out.decisions.slice(0, 12).every((d) => d.code === "speed_gate")).toBe(true);
    expect(out.grants).toHaveLength(10);
    expect(out.memory.actuations).toHaveLength(10);
  });

  it("uses the profile's flood limits", () => {
    const p = withProfile((x) => ({ ...x, flood: { maxActuationsPerSecond: 2, duplicateWindowMs: 1500 } }));
    const out = run(tenDistinct().slice(0, 3), { profile: p });
    expect(out.decisions.map((d) => d.code ?? d.outcome)).toEqual(["accepted", "accepted", "rate_limit"]);
    const again = run([volumeUp], { profile: p, now: 0 });
    const later = run([volumeUp], { profile: p, now: 1499, memory: again.memory, state: again.state });
    expect(later.decisions[0]!.code).toBe("duplicate");
  });
});

// ------------------------------------------------------------------ state propagation within one response

describe("calls of one response are decided against the state as updated by the calls before them", () => {
  it("seat and window moves start from the predicted position", () => {
    const out = run([
      call("adjust_seat_position", { seat: "driver", position: "backward", distance: 100 }),
      call("adjust_seat_position", { seat: "driver", position: "up", distance: 60 }),
      call("control_all_windows", { position: "down" }),
      call("control_window", { window: "driver", position: "up", distance: 100 }),
    ]);
    expect(out.decisions.map((d) => [d.outcome, d.target])).toEqual([
      ["accepted", { kind: "seat_position", seat: "driver", axis: "fore_aft", mm: 225 }],
      ["clamped", { kind: "seat_position", seat: "driver", axis: "height", mm: 80 }],
      ["accepted", { kind: "all_windows", mm: 500 }],
      ["accepted", { kind: "window", window: "front left", mm: 400 }],
    ]);
    expect(out.state.seats?.driver).toEqual({ foreAftMm: 225, heightMm: 80, reclineDeg: 20 });
    expect(out.state.windowsMm).toEqual({ "front left": 400, "front right": 500, "rear left": 500, "rear right": 500 });
  });

  it("a relative step on an unknown value becomes possible once an absolute target set it", () => {
    const windowUp = call("control_window", { window: "driver", position: "up", distance: 100 });
    const out = run([windowUp, call("control_all_windows", { position: "down" }), windowUp], {
      state: { speedKmh: 0 },
    });
    // The first window step is refused (and so not recorded), so the repeat is no duplicate.
    expect(out.decisions.map((d) => d.code ?? d.outcome)).toEqual(["state_unknown", "accepted", "accepted"]);
    expect(out.decisions[2]!.target).toEqual({ kind: "window", window: "front left", mm: 400 });
  });

  it("rejected calls do not change the predicted state; the child lock is tracked", () => {
    const out = run(
      [
        call("adjust_seat_recline", { seat: "driver", direction: "backward", angle: 10 }),
        call("set_window_child_lock", { on: false }),
        call("operate_sunroof", { action: "open", intensity: 40 }),
      ],
      { state: at(3) },
    );
    expect(out.decisions.map((d) => d.outcome)).toEqual(["accepted", "accepted", "accepted"]);
    expect(out.state.childLock).toBe(false);
    expect(out.state.sunroofPercent).toBe(40);
    expect(out.state.seats?.driver?.reclineDeg).toBe(30);
    const moving = run([call("adjust_seat_recline", { seat: "driver", direction: "backward", angle: 10 })], {
      state: at(30),
    });
    expect(moving.state).toEqual(at(30));
  });
});

describe("one response that commands one actuator twice with different values is rejected conflicting_calls", () => {
  const codes = (results: BindResult[], o: RunOptions = {}) =>
    run(results, o).decisions.map((d) => d.code ?? d.outcome);

  it("rejects every call of the group, grants nothing and leaves the state as it was", () => {
    const out = run([call("set_climate_auto_mode", { on: false }), call("set_climate_auto_mode", { on: true })]);
    expect(out.decisions.map((d) => [d.outcome, d.code])).toEqual([
      ["rejected", "conflicting_calls"],
      ["rejected", "conflicting_calls"],
    ]);
    expect(out.decisions[0]!.reason).toBe(
      "Calls 1 and 2 of this response command the automatic climate control with different values; " +
        "which one was meant cannot be known, so none of them is actuated.",
    );
    expect(out.grants).toHaveLength(0);
    expect(out.state).toEqual(parked);
    expect(out.memory.actuations).toHaveLength(0);
  });

  it("only the calls of the group: the others are decided as usual, and the reason lists the group", () => {
    const out = run([
      call("adjust_fan_speed", { set_value: 3 }),
      call("set_air_conditioning", { on: true }),
      call("adjust_fan_speed", { speed_diff: 2 }),
      call("adjust_fan_speed", { set_value: 5 }),
    ]);
    expect(out.decisions.map((d) => d.code ?? d.outcome)).toEqual([
      "conflicting_calls",
      "accepted",
      "conflicting_calls",
      "conflicting_calls",
    ]);
    expect(out.decisions[3]!.reason).toMatch(/^Calls 1, 3 and 4 of this response command the fan speed /);
    expect(out.grants.map((g) => g.decision.function)).toEqual(["set_air_conditioning"]);
  });

  it.each([
    [
      "setting and stepping one zone's temperature",
      call("set_climate_temperature", { zone: "driver", temperature: 70 }),
      call("change_climate_temperature", { zone: "driver", temperature_diff: 2 }),
    ],
    [
      "the driver window named twice (handedness resolves both to the front left)",
      call("control_window", { window: "driver", position: "down", distance: 100 }),
      call("control_window", { window: "front left", position: "up", distance: 500 }),
    ],
    [
      "one seat forward and back",
      call("adjust_seat_position", { seat: "passenger", position: "forward", distance: 50 }),
      call("adjust_seat_position", { seat: "passenger", position: "backward", distance: 20 }),
    ],
    [
      "one seat's ventilation off and on",
      call("set_seat_ventilation", { seat: "driver", level: 0 }),
      call("set_seat_ventilation", { seat: "driver", level: 2 }),
    ],
    [
      "one seat heater at two levels",
      call("set_seat_heating", { seat: "rear left", level: 1 }),
      call("set_seat_heating", { seat: "rear left", level: 3 }),
    ],
    [
      "a window moved the other way before all windows",
      call("control_window", { window: "rear right", position: "down", distance: 100 }),
      call("control_all_windows", { position: "up" }),
    ],
    [
      "the sunroof open and tilted",
      call("operate_sunroof", { action: "open" }),
      call("operate_sunroof", { action: "tilt" }),
    ],
    ["the volume stepped and set", call("adjust_volume", { volume_diff: 5 }), call("adjust_volume", { set_value: 20 })],
    [
      "one defroster on and off",
      call("set_defroster", { target: "rear", on: true }),
      call("set_defroster", { target: "rear", on: false }),
    ],
  ])("conflict: %s", (_what, a, b) => {
    expect(codes([a, b])).toEqual(["conflicting_calls", "conflicting_calls"]);
  });

  it.each([
    [
      "two zones",
      call("set_climate_temperature", { zone: "driver", temperature: 70 }),
      call("change_climate_temperature", { zone: "passenger", temperature_diff: 2 }),
    ],
    [
      "the passenger window and the front left (the driver's, left-hand drive)",
      call("control_window", { window: "passenger", position: "down", distance: 100 }),
      call("control_window", { window: "front left", position: "down", distance: 200 }),
    ],
    [
      "one seat on two axes",
      call("adjust_seat_position", { seat: "passenger", position: "forward", distance: 50 }),
      call("adjust_seat_position", { seat: "passenger", position: "up", distance: 20 }),
    ],
    [
      "heating and ventilation of one seat",
      call("set_seat_heating", { seat: "driver", level: 0 }),
      call("set_seat_ventilation", { seat: "driver", level: 2 }),
    ],
    [
      "the front and rear defrosters",
      call("set_defroster", { target: "front", on: true }),
      call("set_defroster", { target: "rear", on: false }),
    ],
    [
      "all windows, then one window (a sequence a driver says)",
      call("control_all_windows", { position: "up" }),
      call("control_window", { window: "driver", position: "down", distance: 100 }),
    ],
    [
      "a window moved the same way before all windows",
      call("control_window", { window: "driver", position: "down", distance: 100 }),
      call("control_all_windows", { position: "down" }),
    ],
    ["mute and a volume level", call("mute_audio", { mute: false }), call("adjust_volume", { set_value: 20 })],
  ])("no conflict: %s", (_what, a, b) => {
    expect(codes([a, b], { state: parked })).toEqual(["accepted", "accepted"]);
  });

  // The §3 equivalences (21 °F read as 21 °C, unit='fahrenheit', sunroof intensity=100,
  // 'driver' = 'front left') are duplicates, not conflicts: see "duplicates are compared in
  // canonical form" under rule 8, which sends each pair in one response.
  it("an identical repeat is a duplicate (rule 8), not a conflict, and calls that fail binding take no part", () => {
    const fan = call("adjust_fan_speed", { set_value: 4 });
    expect(codes([fan, fan])).toEqual(["accepted", "duplicate"]);
    expect(codes([bindError("out_of_range", "fan 9 is out of range", "<nexa_7>", "adjust_fan_speed"), fan])).toEqual([
      "invalid_call",
      "accepted",
    ]);
    // A call the registry check refuses does not take part either.
    expect(codes([call("adjust_fan_speed", { set_value: 99 }), fan])).toEqual(["invalid_call", "accepted"]);
  });

  it("a call refused for its own reason takes no part, so it cannot take the other call down", () => {
    // The tilt is speed-gated at 140 km/h; the close (never gated, rule 7) stands alone.
    const sunroof = [call("operate_sunroof", { action: "close" }), call("operate_sunroof", { action: "tilt" })];
    expect(codes(sunroof, { state: at(140) })).toEqual(["accepted", "speed_gate"]);
    expect(codes(sunroof, { state: at(0) })).toEqual(["conflicting_calls", "conflicting_calls"]);
    // A number the driver did not say is refused as such; the said one is actuated.
    const fan = [call("adjust_fan_speed", { set_value: 3 }), call("adjust_fan_speed", { set_value: 5 })];
    expect(codes(fan, { transcript: "fan to 3" })).toEqual(["accepted", "ungrounded_value"]);
    expect(codes(fan, { transcript: "fan to 3 or 5" })).toEqual(["conflicting_calls", "conflicting_calls"]);
    // Both refused by the speed gate: reported as speed_gate, not as a conflict.
    const recline = [
      call("adjust_seat_recline", { seat: "driver", direction: "backward", angle: 10 }),
      call("adjust_seat_recline", { seat: "driver", direction: "forward", angle: 5 }),
    ];
    expect(codes(recline, { state: at(50) })).toEqual(["speed_gate", "speed_gate"]);
  });

  it("a call dropped only by flood control still takes part (the model did ask for it)", () => {
    // The 11th, fan to 5, would be dropped by rate_limit on its own.
    const out = run([...tenDistinct(), call("adjust_fan_speed", { set_value: 5 })]);
    expect(out.decisions[0]!.code).toBe("conflicting_calls");
    expect(out.decisions[10]!.code).toBe("conflicting_calls");
    expect(out.grants).toHaveLength(9);
  });
});

// ------------------------------------------------------------------ grants, determinism, purity

describe("decisions and grants", () => {
  it("mints one grant per accepted/clamped decision with a target, in order, with ids carried by memory", () => {
    const out = run(
      [
        call("set_air_conditioning", { on: true }),
        call("irrelevant_function"),
        call("adjust_seat_position", { seat: "driver", position: "up", distance: 10 }),
        call("adjust_volume", { volume_diff: 30 }),
      ],
      { state: at(50), now: 777 },
    );
    expect(out.decisions.map((d) => d.callIndex)).toEqual([0, 1, 2, 3]);
    expect(out.grants.map((g) => g.decision)).toEqual([out.decisions[0], out.decisions[3]]);
    expect(out.grants[0]!.decision).toBe(out.decisions[0]);
    expect(out.grants.map((g) => g.id)).toEqual([1, 2]);
    expect(out.grants.every((g) => g.grantedAt === 777)).toBe(true);
    expect(out.grants[1]!.target).toEqual({ kind: "volume", volume: 30 });
    const next = run([call("mute_audio", { mute: true })], { memory: out.memory, now: 778 });
    expect(next.grants[0]!.id).toBe(3);
  });

  it("every actuating function yields a well-formed target", () => {
    const all: BindResult[] = [
      call("adjust_volume", { set_value: 12 }),
      call("set_climate_temperature", { zone: "passenger", temperature: 68, unit: "fahrenheit" }),
      call("adjust_seat_position", { seat: "passenger", position: "down", distance: 10 }),
      call("control_window", { window: "rear right", position: "down", distance: 100 }),
      call("operate_sunroof", { action: "tilt" }),
      call("mute_audio", { mute: true }),
      call("change_climate_temperature", { zone: "rear", temperature_diff: -1 }),
      call("adjust_fan_speed", { speed_diff: 1 }),
      call("set_air_conditioning", { on: false }),
      call("set_air_recirculation", { on: true }),
    ];
    const more: BindResult[] = [
      call("set_defroster", { target: "rear", on: true }),
      call("set_airflow_mode", { mode: "face and feet" }),
      call("set_climate_auto_mode", { on: true }),
      call("adjust_seat_recline", { seat: "passenger", direction: "backward", angle: 5 }),
      call("set_seat_heating", { seat: "rear left", level: 0 }),
      call("set_seat_ventilation", { seat: "driver", level: 3 }),
      call("set_steering_wheel_heating", { on: true }),
      call("control_all_windows", { position: "up" }),
      call("set_window_child_lock", { on: true }),
      call("operate_sunshade", { action: "open" }),
    ];
    const a = run(all, { now: 0 });
    const b = run(more, { now: 2000, state: a.state, memory: a.memory });
    const targets = [...a.decisions, ...b.decisions].map((d) => [d.outcome, d.target]);
    expect(targets).toEqual([
      ["accepted", { kind: "volume", volume: 12 }],
      ["accepted", { kind: "temperature", zone: "passenger", temperature: 68, unit: "fahrenheit" }],
      ["accepted", { kind: "seat_position", seat: "passenger", axis: "height", mm: 30 }],
      ["accepted", { kind: "window", window: "rear right", mm: 100 }],
      ["accepted", { kind: "sunroof", action: "tilt", percent: 100 }],
      ["accepted", { kind: "mute", mute: true }],
      ["accepted", { kind: "temperature", zone: "rear", temperature: 71, unit: "fahrenheit" }],
      ["accepted", { kind: "fan", speed: 3 }],
      ["accepted", { kind: "switch", function: "set_air_conditioning", on: false }],
      ["accepted", { kind: "switch", function: "set_air_recirculation", on: true }],
      ["accepted", { kind: "switch", function: "set_defroster", on: true, target: "rear" }],
      ["accepted", { kind: "airflow", mode: "face and feet" }],
      ["accepted", { kind: "switch", function: "set_climate_auto_mode", on: true }],
      ["accepted", { kind: "seat_recline", seat: "passenger", deg: 25 }],
      ["accepted", { kind: "seat_level", function: "set_seat_heating", seat: "rear left", level: 0 }],
      ["accepted", { kind: "seat_level", function: "set_seat_ventilation", seat: "driver", level: 3 }],
      ["accepted", { kind: "switch", function: "set_steering_wheel_heating", on: true }],
      ["accepted", { kind: "all_windows", mm: 0 }],
      ["accepted", { kind: "switch", function: "set_window_child_lock", on: true }],
      ["accepted", { kind: "sunshade", action: "open" }],
    ]);
    for (const d of [...a.decisions, ...b.decisions]) expect(d.reason).toMatch(/^[A-Z].*\.$/);
  });

  it("is deterministic and does not mutate its inputs", () => {
    const deepFreeze = <T>(v: T): T => {
      if (v && typeof v === "object") {
        for (const x of Object.values(v)) deepFreeze(x);
        Object.freeze(v);
      }
      return v;
    };
    const state = deepFreeze(structuredClone(parked));
    const memory = deepFreeze(initialGateMemory());
    const results = deepFreeze([
      call("adjust_volume", { volume_diff: 30 }),
      call("control_window", { window: "driver", position: "down", distance: 100 }),
      call("adjust_seat_position", { seat: "driver", position: "forward", distance: 300 }),
      call("adjust_volume", { volume_diff: 30 }),
    ]);
    const input = { profile: defaultProfile, state, now: 42, results, memory };
    const a = decide(input);
    const b = decide(input);
    expect(b.decisions).toEqual(a.decisions);
    expect(b.state).toEqual(a.state);
    expect(b.memory).toEqual(a.memory);
    expect(b.grants.map((g) => [g.id, g.grantedAt, g.decision])).toEqual(
      a.grants.map((g) => [g.id, g.grantedAt, g.decision]),
    );
    expect(state).toEqual(parked);
  });

  it("an empty response (nothing parsed) yields no decisions", () => {
    const out = run([]);
    expect(out).toMatchObject({ decisions: [], grants: [], state: parked });
  });
});
