/**
 * End-to-end protection of every frame, as AUTOSAR E2E profile 1 (P01) with data ID mode
 * BOTH. What is computed, exactly:
 *
 *   CRC  = CRC-8 with polynomial 0x1D (SAE J1850), not reflected, start value 0x00, no final
 *          XOR, over the bytes  [dataId & 0xFF, dataId >> 8, payload bytes except the CRC byte]
 *          in that order. (The AUTOSAR CRC library's SAE J1850 routine starts at 0xFF and XORs
 *          the result with 0xFF; P01 calls it with start value 0xFF and XORs the result with
 *          0xFF again, which cancels both: the catalogue name of what remains is CRC-8/GSM-A,
 *          check value 0x37. AUTOSAR's own P01 example, data ID 0x123, 8 zero bytes with the
 *          CRC in byte 0 and the counter in the low nibble of byte 1, gives 0xCC for counter 0
 *          and 0x91 for counter 1; test/bus/e2e.test.ts checks both.)
 *   Counter = 4 bits, 0..14, then back to 0; 15 is never sent and is refused on receipt.
 *   Data ID = the message's `E2E_DataID` attribute in the DBC (16 bits, never sent).
 *
 * Where the CRC and counter sit is DBC data: the signal named `<prefix>_CRC` (8 bits, byte
 * aligned) and `<prefix>_AliveCtr` (4 bits, nibble aligned) of each message.
 *
 * Receipt (E2E_P01Check with a strict MaxDeltaCounter of 1): a wrong CRC, counter 15, a
 * repeated counter or a skipped counter make the frame ignored (and counted by the caller).
 * After a skipped counter the receiver takes the new counter as its reference, so one lost
 * frame costs one more frame, not the rest of the session. The first frame of a message, or
 * the first after `resyncAfterMs` of silence, is accepted on its CRC alone (P01 "initial").
 */
import { readSignalRaw, writeSignalRaw } from "./dbc/codec.js";
import { signalBitPositions } from "./dbc/parse.js";
import type { DbcMessage, DbcSignal } from "./dbc/types.js";

export const COUNTER_MODULO = 15;

/** Generic MSB-first CRC-8; SAE J1850 defaults (init 0xFF, final XOR 0xFF, check 0x4B). */
export function crc8(data: Iterable<number>, poly = 0x1d, init = 0xff, xorOut = 0xff): number {
  let crc = init & 0xff;
  for (const byte of data) {
    crc ^= byte & 0xff;
    for (let i = 0; i < 8; i++) crc = crc & 0x80 ? ((crc << 1) ^ poly) & 0xff : (crc << 1) & 0xff;
  }
  return (crc ^ xorOut) & 0xff;
}

export interface E2eLayout {
  readonly dataId: number;
  readonly crc: DbcSignal;
  readonly counter: DbcSignal;
  /** Byte index of the CRC in the payload. */
  readonly crcByte: number;
}

export type E2eLayoutError = { readonly kind: "e2e_layout"; readonly message: string };

/** Finds and checks a message's E2E signals and data ID; a DBC without them is refused at load. */
export function e2eLayout(m: DbcMessage): E2eLayout | E2eLayoutError {
  const fail = (why: string): E2eLayoutError => ({ kind: "e2e_layout", message: `${m.name}: ${why}` });
  const crcs = m.signals.filter((s) => s.name.endsWith("_CRC"));
  const counters = m.signals.filter((s) => s.name.endsWith("_AliveCtr"));
  if (crcs.length !== 1) return fail(`needs exactly one *_CRC signal, has ${crcs.length}`);
  if (counters.length !== 1) return fail(`needs exactly one *_AliveCtr signal, has ${counters.length}`);
  const crc = crcs[0]!;
  const counter = counters[0]!;
  const crcBits = signalBitPositions(crc);
  if (crc.length !== 8 || crc.signed || crcBits.some((p) => p >> 3 !== crcBits[0]! >> 3)) {
    return fail(`${crc.name} must be 8 unsigned bits in one byte`);
  }
  const ctrBits = signalBitPositions(counter);
  if (counter.length !== 4 || counter.signed || !ctrBits.every((p) => p >> 2 === ctrBits[0]! >> 2)) {
    return fail(`${counter.name} must be 4 unsigned bits in one nibble`);
  }
  const dataId = m.attributes.get("E2E_DataID");
  if (typeof dataId !== "number" || !Number.isInteger(dataId) || dataId < 0 || dataId > 0xffff) {
    return fail("needs an E2E_DataID attribute 0..65535");
  }
  const profile = m.attributes.get("E2E_Profile");
  if (profile !== undefined && profile !== "P01") return fail(`E2E_Profile ${String(profile)} is not P01`);
  return { dataId, crc, counter, crcByte: crcBits[0]! >> 3 };
}

/** The P01 CRC of a payload (the CRC byte itself is skipped). */
export function p01Crc(layout: Pick<E2eLayout, "dataId" | "crcByte">, data: Uint8Array): number {
  const bytes: number[] = [layout.dataId & 0xff, (layout.dataId >> 8) & 0xff];
  data.forEach((b, i) => {
    if (i !== layout.crcByte) bytes.push(b);
  });
  return crc8(bytes, 0x1d, 0x00, 0x00);
}

/** Writes the counter and then the CRC into an encoded payload (in place). */
export function protect(layout: E2eLayout, data: Uint8Array, counter: number): void {
  writeSignalRaw(data, layout.counter, counter % COUNTER_MODULO);
  writeSignalRaw(data, layout.crc, p01Crc(layout, data));
}

/** Per-message sender counters: 0, 1, ..., 14, 0, ... */
export class CounterSequence {
  private readonly next = new Map<string, number>();

  take(message: string): number {
    const c = this.next.get(message) ?? 0;
    this.next.set(message, (c + 1) % COUNTER_MODULO);
    return c;
  }

  peek(message: string): number {
    return this.next.get(message) ?? 0;
  }
}

export type E2eRejection = "bad_crc" | "invalid_counter" | "repeated_counter" | "skipped_counter";

export type E2eVerdict =
  | { readonly ok: true; readonly status: "ok" | "initial"; readonly counter: number }
  | { readonly ok: false; readonly reason: E2eRejection; readonly counter: number; readonly expected?: number };

/** Per-message receiver state (E2E_P01Check, strict delta 1). */
export class E2eReceiver {
  private readonly last = new Map<string, { counter: number; at: number }>();

  constructor(private readonly resyncAfterMs = 2000) {}

  check(message: string, layout: E2eLayout, data: Uint8Array, now: number): E2eVerdict {
    const counter = readSignalRaw(data, layout.counter);
    if (readSignalRaw(data, layout.crc) !== p01Crc(layout, data)) return { ok: false, reason: "bad_crc", counter };
    if (counter >= COUNTER_MODULO) return { ok: false, reason: "invalid_counter", counter };
    const prev = this.last.get(message);
    if (!prev || now - prev.at >= this.resyncAfterMs) {
      this.last.set(message, { counter, at: now });
      return { ok: true, status: "initial", counter };
    }
    const expected = (prev.counter + 1) % COUNTER_MODULO;
    if (counter === prev.counter) {
      // A sender stuck on one counter stays refused: its repeats do not let the resync timer run out.
      this.last.set(message, { counter, at: now });
      return { ok: false, reason: "repeated_counter", counter, expected };
    }
    // Resynchronise on the new counter, but do not trust this one frame.
    this.last.set(message, { counter, at: now });
    if (counter !== expected) return { ok: false, reason: "skipped_counter", counter, expected };
    return { ok: true, status: "ok", counter };
  }

  /** Forget every reference (e.g. after the bus was down): the next frames count as initial. */
  reset(): void {
    this.last.clear();
  }
}
