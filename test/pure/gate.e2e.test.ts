/**
 * Raw model responses through the real parser/binder and the gate: the contract's examples,
 * the acceptance example, and the binder's rejections as gate decisions.
 */
import { describe, expect, it } from "vitest";
import type { Decision } from "../../src/core/types.js";
import { parseAndBind } from "../../src/parser/index.js";
import { decide, initialGateMemory } from "../../src/safety/gate.js";
import { defaultProfile } from "../../src/safety/profile.js";
import { parkedVehicleState, type VehicleState } from "../../src/safety/state.js";

function decideRaw(raw: string, state: VehicleState = parkedVehicleState()): Decision[] {
  const bound = parseAndBind(raw);
  if (!bound.ok) throw new Error(`does not parse: ${bound.error.message}`);
  return decide({ profile: defaultProfile, state, now: 0, results: bound.results, memory: initialGateMemory() })
    .decisions;
}

const summary = (ds: Decision[]) => ds.map((d) => [d.function, d.code ?? d.outcome, d.target]);

describe("raw responses through parser, binder and gate", () => {
  it("the issue's example: moving the driver seat at 80 km/h is rejected with a clear reason", () => {
    const [d] = decideRaw("<nexa_2>('driver', 'backward', 50)<nexa_end>", { speedKmh: 80 });
    expect(d).toMatchObject({ function: "adjust_seat_position", outcome: "rejected", code: "speed_gate" });
    expect(d!.reason).toBe("Driver seat moves are blocked while the vehicle is moving (80 km/h > 5 km/h).");
  });

  it.each([
    [
      "<nexa_1>('driver', 72)<nexa_end>",
      [
        [
          "set_climate_temperature",
          "accepted",
          { kind: "temperature", zone: "driver", temperature: 72, unit: "fahrenheit" },
        ],
      ],
    ],
    [
      "<nexa_1>('rear', 21, unit='celsius')<nexa_end>",
      [
        [
          "set_climate_temperature",
          "accepted",
          { kind: "temperature", zone: "rear", temperature: 21, unit: "celsius" },
        ],
      ],
    ],
    [
      "<nexa_1>('rear', 21)<nexa_end>",
      [
        [
          "set_climate_temperature",
          "accepted",
          { kind: "temperature", zone: "rear", temperature: 21, unit: "celsius" },
        ],
      ],
    ],
    ["<nexa_0>(volume_diff=5)<nexa_end>", [["adjust_volume", "accepted", { kind: "volume", volume: 15 }]]],
    ["<nexa_0>(set_value=30)<nexa_end>", [["adjust_volume", "accepted", { kind: "volume", volume: 30 }]]],
    [
      "<nexa_3>('rear left', 'down', 100)<nexa_end>",
      [["control_window", "accepted", { kind: "window", window: "rear left", mm: 100 }]],
    ],
    [
      "<nexa_17>('up'); <nexa_8>(True)<nexa_end>",
      [
        ["control_all_windows", "accepted", { kind: "all_windows", mm: 0 }],
        ["set_air_conditioning", "accepted", { kind: "switch", function: "set_air_conditioning", on: true }],
      ],
    ],
    ["<nexa_20>()<nexa_end>", [["irrelevant_function", "accepted", undefined]]],
  ])("contract example %s", (raw, expected) => {
    expect(summary(decideRaw(raw))).toEqual(expected);
  });

  it.each([
    ["nested call", "<nexa_0>(set_value=<nexa_7>(set_value=3))<nexa_end>", "adjust_volume"],
    ["unknown token", "<nexa_99>()<nexa_end>", "<nexa_99>"],
    ["exactly-one: both", "<nexa_0>(volume_diff=5, set_value=10)<nexa_end>", "adjust_volume"],
    ["exactly-one: neither", "<nexa_7>()<nexa_end>", "adjust_fan_speed"],
    ["declared range", "<nexa_7>(set_value=9)<nexa_end>", "adjust_fan_speed"],
  ])("%s -> rejected invalid_call with the binder's message", (_label, raw, fn) => {
    const bound = parseAndBind(raw);
    expect(bound.ok).toBe(true);
    if (!bound.ok) return;
    const [result] = bound.results;
    expect(result!.ok).toBe(false);
    const [d] = decideRaw(raw);
    expect(d).toMatchObject({ function: fn, outcome: "rejected", code: "invalid_call" });
    expect(d!.reason).toBe(result!.ok ? "" : result!.error.message);
  });

  it("one bad call does not void the others (each call is decided on its own)", () => {
    expect(summary(decideRaw("<nexa_8>(True); <nexa_99>(); <nexa_9>(False)<nexa_end>"))).toEqual([
      ["set_air_conditioning", "accepted", { kind: "switch", function: "set_air_conditioning", on: true }],
      ["<nexa_99>", "invalid_call", undefined],
      ["set_air_recirculation", "accepted", { kind: "switch", function: "set_air_recirculation", on: false }],
    ]);
  });

  it("equivalent spellings of one call in one response are duplicates", () => {
    const ds = decideRaw("<nexa_4>('open', intensity=100); <nexa_4>('open')<nexa_end>");
    expect(ds.map((d) => d.code ?? d.outcome)).toEqual(["accepted", "duplicate"]);
  });
});
