import { describe, expect, it } from "vitest";
import { encodeMessage, readSignalRaw } from "../../adapters/can/dbc/codec.js";
import { COUNTER_MODULO, CounterSequence, crc8, E2eReceiver, p01Crc, protect } from "../../adapters/can/e2e.js";
import { loadVehicleDb } from "../../adapters/can/vehicle-db.js";

const ascii = (s: string) => [...Buffer.from(s, "ascii")];

describe("CRC-8 SAE J1850", () => {
  it("gives the catalogue check value 0x4B for '123456789' (init 0xFF, final XOR 0xFF)", () => {
    expect(crc8(ascii("123456789"))).toBe(0x4b);
  });

  it("with start 0x00 and no final XOR (what E2E P01 computes) gives CRC-8/GSM-A's check 0x37", () => {
    expect(crc8(ascii("123456789"), 0x1d, 0x00, 0x00)).toBe(0x37);
  });

  it("of nothing is the start value XOR the final value", () => {
    expect(crc8([])).toBe(0x00);
    expect(crc8([], 0x1d, 0x5a, 0x00)).toBe(0x5a);
  });
});

describe("E2E profile 1 CRC", () => {
  // AUTOSAR PRS E2E protocol, profile 1 example: data ID 0x123 (mode BOTH), 8 bytes,
  // CRC in byte 0, counter in the low nibble of byte 1, all other bytes 0.
  const layout = { dataId: 0x123, crcByte: 0 };
  it("matches the AUTOSAR example for counter 0 (0xCC) and counter 1 (0x91)", () => {
    const frame0 = new Uint8Array(8);
    expect(p01Crc(layout, frame0)).toBe(0xcc);
    const frame1 = new Uint8Array([0, 0x01, 0, 0, 0, 0, 0, 0]);
    expect(p01Crc(layout, frame1)).toBe(0x91);
  });

  it("does not depend on what the CRC byte holds, and does depend on the data ID", () => {
    const a = new Uint8Array([0x00, 1, 2, 3, 4, 5, 6, 7]);
    const b = new Uint8Array([0xff, 1, 2, 3, 4, 5, 6, 7]);
    expect(p01Crc(layout, a)).toBe(p01Crc(layout, b));
    expect(p01Crc({ dataId: 0x124, crcByte: 0 }, a)).not.toBe(p01Crc(layout, a));
  });

  it("protect() writes the counter and the CRC where the DBC says (Intel and Motorola messages)", () => {
    const db = loadVehicleDb();
    for (const name of ["HU_AudioCmd", "HU_SeatDrvCmd", "ESP_VehicleSpeed"]) {
      const m = db.dbc.messageByName(name)!;
      const layout = db.layout(m);
      const encoded = encodeMessage(m, {});
      expect(encoded.ok).toBe(true);
      if (!encoded.ok) continue;
      const data = encoded.value;
      protect(layout, data, 9);
      expect(readSignalRaw(data, layout.counter)).toBe(9);
      expect(data[1]! & 0x0f).toBe(9); // every message keeps the counter in byte 1's low nibble
      expect(data[layout.crcByte]).toBe(crc8([layout.dataId & 0xff, layout.dataId >> 8, ...data.slice(1)], 0x1d, 0, 0));
    }
  });
});

describe("alive counter", () => {
  it("counts 0..14 per message and never sends 15", () => {
    const seq = new CounterSequence();
    const seen = Array.from({ length: 40 }, () => seq.take("A"));
    expect(seen.slice(0, 16)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 0]);
    expect(seen).not.toContain(15);
    expect(seq.take("B")).toBe(0);
    expect(COUNTER_MODULO).toBe(15);
  });
});

describe("E2E receiver", () => {
  const db = loadVehicleDb();
  const m = db.dbc.messageByName("ESP_VehicleSpeed")!;
  const layout = db.layout(m);
  const frame = (counter: number, kmh = 50): Uint8Array => {
    const e = encodeMessage(m, { VehicleSpeed: kmh });
    if (!e.ok) throw new Error(e.error.message);
    protect(layout, e.value, counter);
    return e.value;
  };

  it("accepts the first frame as initial, then only counter + 1 (wrapping 14 -> 0)", () => {
    const rx = new E2eReceiver(2000);
    expect(rx.check(m.name, layout, frame(13), 0)).toMatchObject({ ok: true, status: "initial" });
    expect(rx.check(m.name, layout, frame(14), 100)).toMatchObject({ ok: true, status: "ok" });
    expect(rx.check(m.name, layout, frame(0), 200)).toMatchObject({ ok: true, status: "ok" });
  });

  it("ignores a repeated counter, and a sender stuck on one counter stays refused", () => {
    const rx = new E2eReceiver(2000);
    rx.check(m.name, layout, frame(3), 0);
    for (let t = 100; t < 10_000; t += 100) {
      expect(rx.check(m.name, layout, frame(3), t)).toMatchObject({ ok: false, reason: "repeated_counter" });
    }
  });

  it("ignores a skipped counter but resynchronises on it", () => {
    const rx = new E2eReceiver(2000);
    rx.check(m.name, layout, frame(3), 0);
    expect(rx.check(m.name, layout, frame(5), 100)).toMatchObject({
      ok: false,
      reason: "skipped_counter",
      expected: 4,
    });
    expect(rx.check(m.name, layout, frame(6), 200)).toMatchObject({ ok: true, status: "ok" });
  });

  it("refuses counter 15 and a wrong CRC", () => {
    const rx = new E2eReceiver(2000);
    const bad = frame(0);
    bad[layout.crcByte] = bad[layout.crcByte]! ^ 0x01;
    expect(rx.check(m.name, layout, bad, 0)).toMatchObject({ ok: false, reason: "bad_crc" });
    const fifteen = frame(0);
    fifteen[1] = (fifteen[1]! & 0xf0) | 0x0f;
    fifteen[layout.crcByte] = p01Crc(layout, fifteen);
    expect(rx.check(m.name, layout, fifteen, 0)).toMatchObject({ ok: false, reason: "invalid_counter" });
    const flipped = frame(1, 80);
    flipped[3] = flipped[3]! ^ 0x10; // payload bit error, CRC unchanged
    expect(rx.check(m.name, layout, flipped, 0)).toMatchObject({ ok: false, reason: "bad_crc" });
  });

  it("starts over after a silence of resyncAfterMs", () => {
    const rx = new E2eReceiver(1000);
    rx.check(m.name, layout, frame(3), 0);
    expect(rx.check(m.name, layout, frame(9), 500)).toMatchObject({ ok: false, reason: "skipped_counter" });
    expect(rx.check(m.name, layout, frame(2), 1600)).toMatchObject({ ok: true, status: "initial" });
  });
});
