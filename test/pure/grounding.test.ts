/**
 * Number grounding (src/safety/grounding.ts): a number in a call must have been said or be a
 * §3 default of that parameter; the gate refuses the call otherwise.
 */
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { Agent, type TextModel } from "../../src/agent/agent.js";
import { SimulatedVehicle } from "../../src/agent/vehicle-link.js";
import type { BindResult, Literal } from "../../src/core/types.js";
import { registry } from "../../src/registry/index.js";
import { decide, initialGateMemory } from "../../src/safety/gate.js";
import { numbersIn, ungroundedValues } from "../../src/safety/grounding.js";
import { defaultProfile } from "../../src/safety/profile.js";
import { parkedVehicleState } from "../../src/safety/state.js";

function bound(name: string, args: Record<string, Literal>) {
  const spec = registry.byName(name);
  if (!spec) throw new Error(`test bug: no function ${name}`);
  return { token: spec.token, name, args };
}

function result(name: string, args: Record<string, Literal>): BindResult {
  const c = bound(name, args);
  return { ok: true, call: c, parsed: { token: `<nexa_${c.token}>`, positional: [], keywords: [], position: 0 } };
}

describe("numbersIn", () => {
  it("reads the digits of a normalized transcript, decimals included, and nothing else", () => {
    expect([...numbersIn("move my seat up 25 mm and set 21.5 degrees")]).toEqual([25, 21.5]);
    expect(numbersIn("turn it up a bit").size).toBe(0);
    expect(numbersIn("level2 x3").size).toBe(0);
  });
});

describe("ungroundedValues", () => {
  it.each([
    ["seat up 25 mm", "adjust_seat_position", { seat: "driver", position: "up", distance: 25 }],
    ["move my seat forward", "adjust_seat_position", { seat: "driver", position: "forward", distance: 50 }],
    ["slide my seat all the way back", "adjust_seat_position", { seat: "driver", position: "backward", distance: 300 }],
    ["volume down by 4", "adjust_volume", { volume_diff: -4 }],
    ["turn it up", "adjust_volume", { volume_diff: 5 }],
    ["max volume", "adjust_volume", { set_value: 50 }],
    ["set it to 72", "set_climate_temperature", { zone: "driver", temperature: 72 }],
    ["open the window halfway", "control_window", { window: "driver", direction: "down", distance: 250 }],
    ["a bit warmer", "change_climate_temperature", { zone: "driver", temperature_diff: 1 }],
    ["seat heating high", "set_seat_heating", { seat: "driver", level: 3 }],
    ["tilt the sunroof a bit", "operate_sunroof", { action: "tilt", intensity: 25 }],
  ])("%j -> grounded %j", (transcript, name, args) => {
    expect(ungroundedValues(bound(name, args), numbersIn(transcript))).toEqual([]);
  });

  it.each([
    ["seat up 25 mm", "adjust_seat_position", { seat: "driver", position: "up", distance: 255 }, "distance", 255],
    ["set it to 17", "set_climate_temperature", { zone: "driver", temperature: 77 }, "temperature", 77],
    ["fan down by 3", "adjust_fan_speed", { set_value: 5 }, "set_value", 5],
    [
      "open the window 20 mm",
      "control_window",
      { window: "driver", direction: "down", distance: 200 },
      "distance",
      200,
    ],
    ["turn it up", "adjust_volume", { volume_diff: 7 }, "volume_diff", 7],
  ])("%j -> ungrounded %j", (transcript, name, args, param, value) => {
    expect(ungroundedValues(bound(name, args), numbersIn(transcript))).toContainEqual({ param, value });
  });
});

describe("the gate with a transcript", () => {
  const base = { profile: defaultProfile, state: parkedVehicleState(), now: 10_000, memory: initialGateMemory() };
  const seat255 = result("adjust_seat_position", { seat: "driver", position: "up", distance: 255 });

  it("refuses a call whose number has no source, grants nothing, and says which number", () => {
    const out = decide({ ...base, results: [seat255], transcript: "seat up 25 mm" });
    expect(out.grants).toEqual([]);
    expect(out.decisions[0]).toMatchObject({ outcome: "rejected", code: "ungrounded_value" });
    expect(out.decisions[0]?.reason).toContain("distance=255");
  });

  it("judges each call of a response on its own", () => {
    const ok = result("adjust_seat_position", { seat: "driver", position: "forward", distance: 20 });
    const out = decide({ ...base, results: [ok, seat255], transcript: "seat forward 20 mm and up 25 mm" });
    expect(out.decisions.map((d) => d.code ?? d.outcome)).toEqual(["accepted", "ungrounded_value"]);
    expect(out.grants).toHaveLength(1);
  });

  it("skips the check without a transcript (a response given by hand)", () => {
    const out = decide({ ...base, results: [seat255] });
    expect(out.decisions[0]?.code).toBeUndefined(); // accepted or clamped to the seat's travel
    expect(out.grants).toHaveLength(1);
  });
});

describe("the agent", () => {
  it("passes the normalized transcript to the gate: '2 cm' is 20 mm, so 200 is refused", async () => {
    const model: TextModel = {
      async complete() {
        const response = "<nexa_2>('driver', 'up', 200)<nexa_end>";
        return { ok: true, value: { response, promptTokens: 10, generatedTokens: 5, latencyMs: 1 } };
      },
    };
    const vehicle = new SimulatedVehicle(defaultProfile);
    const agent = new Agent(model, vehicle, defaultProfile, pino({ level: "silent" }));
    const turn = await agent.handle("Raise my seat two centimetres");
    expect(turn.input).toBe("raise my seat 20 mm");
    expect(turn.decisions[0]).toMatchObject({ outcome: "rejected", code: "ungrounded_value" });
    expect(turn.actuations).toEqual([]);
  });
});
