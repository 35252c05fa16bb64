/**
 * Encoding and decoding of CAN payloads, driven only by the DBC: bit positions, byte order,
 * sign, factor/offset, range and value tables come from the database, never from code per
 * function.
 *
 * Encoding is strict, because a command frame is an actuation: a physical value outside the
 * signal's [min|max] (unless its raw value is a labelled VAL_ entry such as "no request"), a
 * value that is not on the factor's grid, an unknown label or an unknown signal is an error,
 * not a silently rounded or clipped frame. Signals not given take their start value
 * (GenSigStartValue, raw), else 0.
 */
import { signalBitPositions } from "./parse.js";
import { type DbcMessage, type DbcSignal, err, ok, type Result } from "./types.js";

/** A value to encode: a physical number, a VAL_ label, or an explicit raw value. */
export type SignalInput = number | string | { readonly raw: number | bigint };

export type EncodeErrorCode = "unknown_signal" | "unknown_label" | "out_of_range" | "not_representable" | "multiplexed";

export interface EncodeError {
  readonly kind: "encode";
  readonly code: EncodeErrorCode;
  readonly message: string;
  readonly messageName: string;
  readonly signal?: string;
}

export interface DecodedSignal {
  readonly raw: number;
  readonly physical: number;
  /** The VAL_ label of the raw value, when there is one. */
  readonly label?: string;
}

function encodeError(code: EncodeErrorCode, m: DbcMessage, message: string, signal?: string): EncodeError {
  return { kind: "encode", code, message, messageName: m.name, ...(signal ? { signal } : {}) };
}

// ---------------------------------------------------------------- raw <-> physical

function rawBounds(s: DbcSignal): { min: bigint; max: bigint } {
  const n = BigInt(s.length);
  return s.signed ? { min: -(1n << (n - 1n)), max: (1n << (n - 1n)) - 1n } : { min: 0n, max: (1n << n) - 1n };
}

/** raw * factor + offset, rounded to the precision the DBC writes factor and offset with. */
export function rawToPhysical(s: DbcSignal, raw: number): number {
  const value = raw * s.factor + s.offset;
  return s.decimals > 0 ? Number(value.toFixed(Math.min(s.decimals, 15))) : Math.round(value * 1e9) / 1e9;
}

/** The raw value for a physical one, or why there is none. */
export function physicalToRaw(s: DbcSignal, physical: number): Result<bigint, "out_of_range" | "not_representable"> {
  if (!Number.isFinite(physical)) return err("not_representable");
  // DBC convention: [0|0] means no declared range.
  const ranged = !(s.min === 0 && s.max === 0);
  const eps = Math.abs(s.factor) * 1e-6;
  if (ranged && (physical < s.min - eps || physical > s.max + eps)) return err("out_of_range");
  const exact = (physical - s.offset) / s.factor;
  const raw = Math.round(exact);
  if (Math.abs(raw - exact) > 1e-6) return err("not_representable");
  const bounds = rawBounds(s);
  const big = BigInt(raw);
  if (big < bounds.min || big > bounds.max) return err("out_of_range");
  return ok(big);
}

/** The raw value of a VAL_ label of this signal. */
export function labelToRaw(s: DbcSignal, label: string): number | undefined {
  for (const [raw, l] of s.values) if (l === label) return raw;
  return undefined;
}

function startRaw(s: DbcSignal): bigint {
  const v = s.attributes.get("GenSigStartValue");
  return typeof v === "number" && Number.isInteger(v) ? BigInt(v) : 0n;
}

function inputToRaw(m: DbcMessage, s: DbcSignal, input: SignalInput): Result<bigint, EncodeError> {
  const where = `${m.name}.${s.name}`;
  if (typeof input === "string") {
    const raw = labelToRaw(s, input);
    if (raw === undefined) {
      const known = [...s.values.values()].map((l) => JSON.stringify(l)).join(", ") || "none";
      return err(
        encodeError(
          "unknown_label",
          m,
          `${where} has no value labelled ${JSON.stringify(input)} (labels: ${known})`,
          s.name,
        ),
      );
    }
    return ok(BigInt(raw));
  }
  if (typeof input === "object") {
    const raw = BigInt(input.raw);
    const b = rawBounds(s);
    if (raw < b.min || raw > b.max) {
      return err(encodeError("out_of_range", m, `${where}: raw ${raw} does not fit ${s.length} bits`, s.name));
    }
    return ok(raw);
  }
  const converted = physicalToRaw(s, input);
  if (converted.ok) return converted;
  if (converted.error === "out_of_range") {
    return err(
      encodeError("out_of_range", m, `${where}: ${input} ${s.unit} is outside ${s.min}..${s.max}`.trim(), s.name),
    );
  }
  return err(
    encodeError("not_representable", m, `${where}: ${input} is not a multiple of ${s.factor} from ${s.offset}`, s.name),
  );
}

// ---------------------------------------------------------------- bits

function writeRaw(data: Uint8Array, s: DbcSignal, raw: bigint): void {
  const n = BigInt(s.length);
  const unsigned = raw < 0n ? raw + (1n << n) : raw; // two's complement
  const positions = signalBitPositions(s); // MSB first
  positions.forEach((pos, i) => {
    const bit = (unsigned >> BigInt(s.length - 1 - i)) & 1n;
    const byte = pos >> 3;
    const mask = 1 << (pos & 7);
    data[byte] = bit ? data[byte]! | mask : data[byte]! & ~mask;
  });
}

function readRaw(data: Uint8Array, s: DbcSignal): bigint {
  let raw = 0n;
  for (const pos of signalBitPositions(s)) {
    raw = (raw << 1n) | BigInt((data[pos >> 3]! >> (pos & 7)) & 1);
  }
  if (s.signed && raw >> BigInt(s.length - 1)) raw -= 1n << BigInt(s.length);
  return raw;
}

// ---------------------------------------------------------------- messages

/** Encodes a payload of `m.length` bytes from the given signal values. */
export function encodeMessage(
  m: DbcMessage,
  values: Readonly<Record<string, SignalInput>>,
): Result<Uint8Array, EncodeError> {
  if (m.signals.some((s) => s.multiplex !== undefined)) {
    return err(encodeError("multiplexed", m, `${m.name} is multiplexed; multiplexed messages are not supported`));
  }
  for (const name of Object.keys(values)) {
    if (!m.signalsByName.has(name)) {
      return err(encodeError("unknown_signal", m, `${m.name} has no signal ${name}`, name));
    }
  }
  const data = new Uint8Array(m.length);
  for (const s of m.signals) {
    const input = values[s.name];
    let raw: bigint;
    if (input === undefined) {
      raw = startRaw(s);
    } else {
      const r = inputToRaw(m, s, input);
      if (!r.ok) return r;
      raw = r.value;
    }
    writeRaw(data, s, raw);
  }
  return ok(data);
}

/** Sets one signal's raw value in an existing payload (used for the E2E counter and CRC). */
export function writeSignalRaw(data: Uint8Array, s: DbcSignal, raw: number): void {
  writeRaw(data, s, BigInt(raw));
}

export function readSignalRaw(data: Uint8Array, s: DbcSignal): number {
  return Number(readRaw(data, s));
}

/**
 * Decodes every signal of a payload. The payload must hold at least `m.length` bytes (the
 * caller checks the DLC; a short frame is not decoded at all).
 */
export function decodeMessage(m: DbcMessage, data: Uint8Array): Record<string, DecodedSignal> {
  const out: Record<string, DecodedSignal> = {};
  for (const s of m.signals) {
    const raw = Number(readRaw(data, s));
    const label = s.values.get(raw);
    out[s.name] = { raw, physical: rawToPhysical(s, raw), ...(label !== undefined ? { label } : {}) };
  }
  return out;
}
