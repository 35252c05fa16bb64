import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { Agent } from "../../src/agent/agent.js";
import { SimulatedVehicle, type VehicleLink } from "../../src/agent/vehicle-link.js";
import { defaultProfile } from "../../src/safety/profile.js";
import { scripted } from "../scripted-model.js";

/**
 * The agent's handling of every stage outcome. The model here is scripted (the model
 * itself is tested in test/model against the shipped GGUF): it returns exactly the raw
 * text a misbehaving model could produce, which is what these tests are about.
 */

const silent = pino({ level: "silent" });

describe("agent turn", () => {
  it("normalizes, decides and actuates through the vehicle link", async () => {
    const model = scripted({ "set the driver side to 72 degrees": "<nexa_1>('driver', 72)<nexa_end>" });
    const vehicle = new SimulatedVehicle(defaultProfile);
    const agent = new Agent(model, vehicle, defaultProfile, silent);
    const turn = await agent.handle("  Set the driver side to seventy-two degrees! ");
    expect(model.inputs).toEqual(["set the driver side to 72 degrees"]);
    expect(turn.error).toBeUndefined();
    expect(turn.decisions.map((d) => d.outcome)).toEqual(["accepted"]);
    expect(turn.actuations).toHaveLength(1);
    expect(vehicle.snapshot(0).climate?.driver).toEqual({ temperature: 72, unit: "fahrenheit" });
  });

  it.each([
    ["garbage", "I think you want the heater<nexa_end>"],
    ["truncated", "<nexa_1>('driver', 7"],
    ["no end token", "<nexa_8>(True)"],
  ])("actuates nothing for malformed model output (%s) and keeps the evidence", async (_n, raw) => {
    const vehicle = new SimulatedVehicle(defaultProfile);
    const before = vehicle.snapshot(0);
    const agent = new Agent(scripted({ "do it": raw }), vehicle, defaultProfile, silent);
    const turn = await agent.handle("do it");
    expect(turn.error?.kind).toBe("parse");
    expect(turn.response).toBe(raw);
    expect(turn.actuations).toEqual([]);
    expect(vehicle.snapshot(0)).toEqual(before);
  });

  it("actuates nothing when the model fails, and keeps working afterwards", async () => {
    const model = scripted({ hang: "fail", "ac on": "<nexa_8>(True)<nexa_end>" });
    const agent = new Agent(model, new SimulatedVehicle(defaultProfile), defaultProfile, silent);
    const failed = await agent.handle("hang");
    expect(failed.error).toMatchObject({ kind: "model", error: { code: "generation_timeout" } });
    expect(failed.actuations).toEqual([]);
    const next = await agent.handle("AC on");
    expect(next.decisions[0]?.outcome).toBe("accepted");
  });

  it("rejects empty input before the model", async () => {
    const model = scripted({});
    const agent = new Agent(model, new SimulatedVehicle(defaultProfile), defaultProfile, silent);
    const turn = await agent.handle("   ");
    expect(turn.error?.kind).toBe("input");
    expect(model.inputs).toEqual([]);
  });

  it("reports granted calls as rejected (bus_unavailable) when the link is down, sending nothing", async () => {
    const sent: number[] = [];
    const inner = new SimulatedVehicle(defaultProfile);
    const down: VehicleLink = {
      name: "down",
      snapshot: (now) => inner.snapshot(now),
      available: () => ({ ok: false, reason: "CAN interface can0 is down" }),
      actuate: (g) => {
        sent.push(g.id);
        return inner.actuate(g);
      },
      close: () => inner.close(),
    };
    const agent = new Agent(
      scripted({ "ac on and what time is it": "<nexa_8>(True); <nexa_20>()<nexa_end>" }),
      down,
      defaultProfile,
      silent,
    );
    const turn = await agent.handle("AC on and what time is it");
    expect(turn.decisions.map((d) => [d.outcome, d.code])).toEqual([
      ["rejected", "bus_unavailable"],
      ["accepted", undefined],
    ]);
    expect(turn.decisions[0]?.reason).toMatch(/can0 is down/);
    expect(sent).toEqual([]);
  });

  it("keeps flood control across turns (duplicate within 300 ms)", async () => {
    let now = 1_000_000;
    const model = scripted({ "ac on": "<nexa_8>(True)<nexa_end>" });
    const agent = new Agent(model, new SimulatedVehicle(defaultProfile), defaultProfile, silent, () => now);
    expect((await agent.handle("ac on")).decisions[0]?.outcome).toBe("accepted");
    now += 100;
    expect((await agent.handle("ac on")).decisions[0]?.code).toBe("duplicate");
    now += 300;
    expect((await agent.handle("ac on")).decisions[0]?.outcome).toBe("accepted");
  });

  it("answers a report 'no request' with the statement check on, keeping the model's answer as evidence", async () => {
    const said = "my wife turned the heat up earlier";
    const model = scripted({ [said]: "<nexa_6>('driver', 2)<nexa_end>" });
    const on = new SimulatedVehicle(defaultProfile);
    const held = await new Agent(model, on, defaultProfile, silent, Date.now, { statementCheck: true }).handle(said);
    expect(held.statement?.finding.kind).toBe("report");
    expect(held.statement?.modelResponse).toBe("<nexa_6>('driver', 2)<nexa_end>");
    expect(held.decisions.map((d) => d.function)).toEqual(["irrelevant_function"]);
    expect(held.actuations).toEqual([]);
    // The same words with the check off: the model's call goes through.
    const off = new SimulatedVehicle(defaultProfile);
    const acted = await new Agent(model, off, defaultProfile, silent, Date.now, { statementCheck: false }).handle(said);
    expect(acted.statement).toBeUndefined();
    expect(acted.actuations).toHaveLength(1);
  });
});
