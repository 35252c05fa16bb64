/**
 * The embedded default link (virtual bus + simulated ECUs) as the agent uses it: snapshot ->
 * gate -> actuate, with the frames in the actuation record and the simulator's feedback in
 * the next snapshot.
 */
import { pino } from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { type CanVehicleLink, openCanLink } from "../../adapters/can/can-link.js";
import { parseCandump, toCandump } from "../../adapters/can/frames.js";
import type { CanFrame } from "../../adapters/can/transport.js";
import { decideText } from "./grants.js";

const links: CanVehicleLink[] = [];
afterEach(async () => {
  for (const l of links.splice(0)) await l.close();
});

describe("openCanLink (embedded virtual bus)", () => {
  it("starts with the vehicle state from the simulated ECUs and actuates grants as frames", async () => {
    const printed: string[] = [];
    const link = await openCanLink({
      logger: pino({ level: "silent" }),
      onVirtualFrame: (f: CanFrame, from: string) => printed.push(`${from} ${toCandump(f)}`),
    });
    links.push(link);
    expect(link.available()).toEqual({ ok: true });
    const state = link.snapshot(Date.now());
    expect(state).toMatchObject({ speedKmh: 0, volume: 10, childLock: true });
    expect(state.speedAgeMs).toBeLessThan(1000);

    const { grants } = decideText("<nexa_0>(volume_diff=5)<nexa_end>", state);
    const record = link.actuate(grants[0]!);
    expect(record).toMatchObject({ grantId: grants[0]!.id, frames: [{ message: "HU_AudioCmd", id: 0x2d0 }] });
    const sent = record.frames![0]!;
    expect(record.description).toBe(`HU_AudioCmd ${toCandump({ id: sent.id, data: sent.data })}`);
    const deadline = Date.now() + 2000;
    while (link.snapshot(Date.now()).volume !== 15 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 10));
    expect(link.snapshot(Date.now()).volume).toBe(15);
    // the tap printed the command as candump text, from the agent's port
    const line = printed.find((l) => l.startsWith("agent 2D0#"));
    expect(line && parseCandump(line.slice("agent ".length))).toMatchObject({ id: 0x2d0 });
  });

  it("reports a closed link as unavailable and closes idempotently", async () => {
    const link = await openCanLink({ logger: pino({ level: "silent" }) });
    await link.close();
    await link.close();
    expect(link.available()).toEqual({ ok: false, reason: "the CAN link is closed" });
  });

  it("on a SocketCAN interface that does not exist, reports why instead of failing", async () => {
    const link = await openCanLink({ interface: "vcan7", logger: pino({ level: "silent" }) });
    links.push(link);
    expect(link.available()).toEqual({ ok: false, reason: "CAN bus vcan7: interface vcan7 does not exist" });
    expect(link.snapshot(Date.now())).toEqual({});
    const { grants } = decideText("<nexa_8>(True)<nexa_end>");
    expect(link.actuate(grants[0]!)).toMatchObject({ frames: [], description: /^NOT SENT \(bus_unavailable\)/ });
  });
});
