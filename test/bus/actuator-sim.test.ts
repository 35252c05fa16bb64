/**
 * The agent's CAN actuator and the simulated body network on the in-process virtual bus:
 * grants from the real gate go out as frames, the simulator applies them and answers with
 * status frames, and the state the actuator decodes feeds the gate again. (The same paths on
 * a kernel SocketCAN bus are tested in vcan-uml.test.ts.)
 */

import { pino } from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { CanActuator, type StateUpdate } from "../../adapters/can/can-actuator.js";
import { encodeMessage } from "../../adapters/can/dbc/codec.js";
import { protect } from "../../adapters/can/e2e.js";
import { SimEcu, type SimMotion } from "../../adapters/can/sim-ecu.js";
import { parseSpeedProfile } from "../../adapters/can/speed-profile.js";
import type { CanFrame } from "../../adapters/can/transport.js";
import { loadVehicleDb } from "../../adapters/can/vehicle-db.js";
import { VirtualBus } from "../../adapters/can/virtual-bus.js";
import type { ActuationGrant } from "../../src/safety/authority.js";
import { decideText, grantFor } from "./grants.js";

const db = loadVehicleDb();
const silent = pino({ level: "silent" });

interface Rig {
  bus: VirtualBus;
  actuator: CanActuator;
  sim: SimEcu;
  /** Frames seen on the bus, with the sending port. */
  seen: { frame: CanFrame; from: string }[];
  /** Moves the manual clock and lets the simulator run one step. */
  advance(ms: number): Promise<void>;
  now(): number;
}

const rigs: Rig[] = [];
afterEach(async () => {
  for (const r of rigs.splice(0)) {
    await r.actuator.close();
    await r.sim.stop();
  }
});

async function rig(motion: SimMotion = "instant"): Promise<Rig> {
  let t = 1_000;
  const clock = () => t;
  const bus = new VirtualBus({ clock });
  const seen: Rig["seen"] = [];
  bus.tap((frame, from) => seen.push({ frame, from }));
  const actuator = new CanActuator({ transport: bus.attach("agent"), clock, logger: silent });
  const sim = new SimEcu({ transport: bus.attach("sim"), clock, logger: silent, motion });
  const r: Rig = {
    bus,
    actuator,
    sim,
    seen,
    now: clock,
    async advance(ms: number) {
      t += ms;
      sim.step(t);
      await bus.idle();
    },
  };
  rigs.push(r);
  await r.advance(0);
  return r;
}

function commandsSeen(r: Rig): CanFrame[] {
  const ids = new Set(db.commands.map((m) => m.id));
  return r.seen.filter((s) => ids.has(s.frame.id)).map((s) => s.frame);
}

describe("actuator + simulated ECUs on the virtual bus", () => {
  it("learns the whole vehicle state from the status frames, with a fresh speed", async () => {
    const r = await rig();
    const s = r.actuator.state();
    expect(s).toMatchObject({
      speedKmh: 0,
      speedAgeMs: 0,
      volume: 10,
      fanSpeed: 2,
      seats: { driver: { foreAftMm: 125, heightMm: 40, reclineDeg: 20 } },
      windowsMm: { "front left": 0, "rear right": 0 },
      sunroofPercent: 0,
      childLock: true,
      climate: { rear: { temperature: 72, unit: "fahrenheit" } },
    });
    expect(r.actuator.rxStats().accepted).toBe(db.statuses.length);
  });

  it("sends a granted target as one E2E-protected frame that the ECU applies and reports back", async () => {
    const r = await rig();
    const updates: StateUpdate[] = [];
    r.actuator.onState((u) => updates.push(u));
    const grant = grantFor("<nexa_2>('driver', 'forward', 50)<nexa_end>", r.actuator.state());
    const result = r.actuator.actuate(grant);
    expect(result).toMatchObject({ ok: true, frames: [{ message: "HU_SeatDrvCmd", id: 0x2b0, counter: 0 }] });
    await r.bus.idle();
    expect(r.sim.stats().commandsApplied).toBe(1);
    expect(r.sim.body.seats.driver.foreAft.current).toBe(75);
    expect(r.actuator.state().seats?.driver?.foreAftMm).toBe(75);
    const seatUpdate = updates.find((u) => u.message === "SCM_SeatDrvStatus");
    expect(seatUpdate).toMatchObject({ receivedAt: r.now(), state: { seats: { driver: { foreAftMm: 75 } } } });
  });

  it("gets the speed from the bus: 80 km/h makes the gate reject a driver seat move, and nothing is sent", async () => {
    const r = await rig();
    r.sim.setSpeed(80);
    await r.advance(100);
    const state = r.actuator.state();
    expect(state).toMatchObject({ speedKmh: 80, speedAgeMs: 0 });
    const before = commandsSeen(r).length;
    const d = decideText("<nexa_2>('driver', 'backward', 20)<nexa_end>", state);
    expect(d.decisions[0]).toMatchObject({ outcome: "rejected", code: "speed_gate" });
    expect(d.grants).toHaveLength(0);
    await r.bus.idle();
    expect(commandsSeen(r)).toHaveLength(before);
    // the passenger seat is not gated
    expect(decideText("<nexa_2>('passenger', 'backward', 20)<nexa_end>", state).grants).toHaveLength(1);
  });

  it("ages the speed: with no speed frame for 1 s the reading is stale and the gate fails safe", async () => {
    const r = await rig();
    await r.sim.stop(); // the ESP falls silent
    await new Promise((res) => setTimeout(res, 0));
    const stale = r.actuator.state(r.now() + 1000);
    expect(stale.speedAgeMs).toBe(1000);
    const d = decideText("<nexa_13>('driver', 'backward', 5)<nexa_end>", stale);
    expect(d.decisions[0]).toMatchObject({ outcome: "rejected", code: "speed_gate" });
    expect(d.decisions[0]?.reason).toMatch(/stale/);
  });

  it("follows a speed profile cycle by cycle (100 ms)", async () => {
    const r = await rig();
    const p = parseSpeedProfile("0:0,1000:100");
    if (!p.ok) throw new Error(p.error.message);
    r.sim.playProfile(p.profile);
    const speeds: number[] = [];
    for (let i = 0; i < 5; i++) {
      await r.advance(100);
      speeds.push(r.actuator.state().speedKmh ?? -1);
    }
    expect(speeds).toEqual([10, 20, 30, 40, 50]);
  });

  it("sends parallel calls as separate frames with their own counters, counting up per message", async () => {
    const r = await rig();
    const first = decideText("<nexa_17>('down'); <nexa_8>(True)<nexa_end>", r.actuator.state(), Date.now());
    const sent = first.grants.map((g) => r.actuator.actuate(g));
    expect(sent.map((s) => s.ok && s.frames.map((f) => [f.message, f.counter]))).toEqual([
      [["HU_WindowCmd", 0]],
      [["HU_ClimateCtrlCmd", 0]],
    ]);
    await r.bus.idle();
    const again = r.actuator.actuate(grantFor("<nexa_3>('rear left', 'up', 200)<nexa_end>", r.actuator.state()));
    expect(again).toMatchObject({ ok: true, frames: [{ message: "HU_WindowCmd", counter: 1 }] });
    await r.bus.idle();
    expect(r.sim.stats().commandsApplied).toBe(3);
    expect(r.sim.body.ac).toBe(true);
    expect(r.actuator.state().windowsMm).toEqual({
      "front left": 500,
      "front right": 500,
      "rear left": 300,
      "rear right": 500,
    });
  });

  it("moves positions at motor speed in realistic mode and reports the way there", async () => {
    const r = await rig("realistic");
    r.actuator.actuate(grantFor("<nexa_3>('front right', 'down', 500)<nexa_end>", r.actuator.state()));
    await r.bus.idle();
    await r.advance(1000);
    expect(r.actuator.state().windowsMm?.["front right"]).toBe(100);
    await r.advance(5000);
    expect(r.actuator.state().windowsMm?.["front right"]).toBe(500);
  });

  it("ignores and counts short, unknown, corrupt, replayed and foreign frames, and keeps working", async () => {
    const r = await rig();
    const intruder = r.bus.attach("intruder");
    const speed = db.dbc.messageByName("ESP_VehicleSpeed")!;
    const frame = (kmh: number, counter: number): Uint8Array => {
      const e = encodeMessage(speed, { VehicleSpeed: kmh });
      if (!e.ok) throw new Error(e.error.message);
      protect(db.layout(speed), e.value, counter);
      return e.value;
    };
    const before = r.actuator.rxStats();
    const lastCounter = (r.seen.filter((s) => s.frame.id === speed.id).pop()?.frame.data[1] ?? 0) & 0x0f;
    const corrupt = frame(90, (lastCounter + 1) % 15);
    corrupt[2] = corrupt[2]! ^ 0xff;
    for (const f of [
      { id: speed.id, data: frame(90, (lastCounter + 1) % 15).slice(0, 5) }, // short
      { id: 0x555, data: new Uint8Array(8) }, // unknown id
      { id: speed.id, data: corrupt }, // bad CRC
      { id: speed.id, data: frame(90, lastCounter) }, // replay of the counter just seen
      { id: 0x2a0, data: new Uint8Array(8) }, // a command id: not a status
      { id: speed.id, data: frame(90, 0), rtr: true }, // remote frame
    ]) {
      intruder.send(f);
    }
    await r.bus.idle();
    const after = r.actuator.rxStats();
    expect(after.ignored.short - before.ignored.short).toBe(1);
    expect(after.ignored.unknown_id - before.ignored.unknown_id).toBe(1);
    expect(after.ignored.bad_crc - before.ignored.bad_crc).toBe(1);
    expect(after.ignored.repeated_counter - before.ignored.repeated_counter).toBe(1);
    expect(after.ignored.not_status - before.ignored.not_status).toBe(1);
    expect(after.ignored.not_data - before.ignored.not_data).toBe(1);
    expect(after.accepted).toBe(before.accepted);
    expect(r.actuator.state().speedKmh).toBe(0);
    // the simulator refused the zeroed "command" from the intruder too (its CRC is wrong)
    expect(r.sim.stats().ignored.bad_crc).toBe(1);
    await r.advance(100);
    expect(r.actuator.rxStats().accepted).toBeGreaterThan(after.accepted);
    expect(r.actuator.actuate(grantFor("<nexa_5>(True)<nexa_end>", r.actuator.state())).ok).toBe(true);
  });

  it("treats a speed the ESP reports as not available as unknown: speed-gated calls fail safe", async () => {
    const r = await rig();
    await r.sim.stop(); // only the injected frame speaks for the ESP now
    const esp = r.bus.attach("esp");
    const speed = db.dbc.messageByName("ESP_VehicleSpeed")!;
    const last = r.seen.filter((s) => s.frame.id === speed.id).pop()!.frame.data[1]! & 0x0f;
    const e = encodeMessage(speed, { VehicleSpeed: "not available" });
    if (!e.ok) throw new Error(e.error.message);
    protect(db.layout(speed), e.value, (last + 1) % 15);
    const updates: StateUpdate[] = [];
    r.actuator.onState((u) => updates.push(u));
    esp.send({ id: speed.id, data: e.value });
    await r.bus.idle();
    expect(updates).toMatchObject([{ message: "ESP_VehicleSpeed", unavailable: ["speedKmh"] }]);
    const state = r.actuator.state();
    expect(state.speedKmh).toBeUndefined();
    expect(state.speedAgeMs).toBeUndefined();
    const d = decideText("<nexa_4>('open')<nexa_end>", state);
    expect(d.decisions[0]).toMatchObject({ outcome: "rejected", code: "speed_gate" });
    expect(d.decisions[0]?.reason).toMatch(/unknown/);
  });

  it("reports the bus as unavailable and sends nothing while it is down", async () => {
    const r = await rig();
    const grant = grantFor("<nexa_18>(True)<nexa_end>", r.actuator.state());
    r.bus.setUp(false, "bus-off");
    expect(r.actuator.available()).toBe(false);
    const before = commandsSeen(r).length;
    expect(r.actuator.actuate(grant)).toMatchObject({ ok: false, code: "bus_unavailable", reason: /bus-off/ });
    await r.bus.idle();
    expect(commandsSeen(r)).toHaveLength(before);
    r.bus.setUp(true);
    const result = r.actuator.actuate(grant);
    expect(result).toMatchObject({ ok: true, frames: [{ counter: 0 }] }); // the refused send used no counter
  });

  it("accepts only fresh grants from the gate", async () => {
    const r = await rig();
    const old = grantFor("<nexa_7>(set_value=3)<nexa_end>", r.actuator.state(), Date.now() - 5000);
    expect(r.actuator.actuate(old)).toMatchObject({ ok: false, code: "stale_grant" });
    const forged = { target: { kind: "fan", speed: 7 }, grantedAt: Date.now(), id: 1 } as unknown as ActuationGrant;
    expect(r.actuator.actuate(forged)).toMatchObject({ ok: false, code: "not_a_grant" });
    await r.bus.idle();
    expect(commandsSeen(r)).toHaveLength(0);
  });
});
