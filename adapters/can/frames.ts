/**
 * From a target (or a grant) to protected CAN frames, and the candump text form of frames.
 *
 * `framesFor` is pure: it is what the CLI's `--frames` prints and what the actuator sends
 * (the actuator passes its live alive counters; a preview uses counter 0 unless told).
 */
import type { Target } from "../../src/core/types.js";
import { ActuationGrant } from "../../src/safety/authority.js";
import { type EncodeError, encodeMessage } from "./dbc/codec.js";
import type { DbcMessage } from "./dbc/types.js";
import { protect } from "./e2e.js";
import { type CommandPlan, commandFor, type MappingError } from "./mapping.js";
import { loadVehicleDb, type VehicleDb } from "./vehicle-db.js";

/** A frame as the CLI and logs show it: id as a number, data as lower-case hex. */
export interface FrameView {
  readonly message: string;
  readonly id: number;
  readonly data: string;
}

/** A frame ready to send. */
export interface EncodedFrame {
  readonly message: string;
  readonly id: number;
  readonly data: Uint8Array;
  readonly counter: number;
}

export type FrameError = MappingError | EncodeError;

export type FramesResult =
  | { readonly ok: true; readonly frames: readonly FrameView[] }
  | { readonly ok: false; readonly error: FrameError };

/** Encodes one command plan with E2E protection. */
export function encodeCommand(
  db: VehicleDb,
  plan: CommandPlan,
  counter: number,
): { ok: true; frame: EncodedFrame } | { ok: false; error: FrameError } {
  const m: DbcMessage | undefined = db.dbc.messageByName(plan.message);
  if (!m) {
    return {
      ok: false,
      error: { kind: "mapping", code: "unknown_target", message: `no message ${plan.message} in ${db.source}` },
    };
  }
  const encoded = encodeMessage(m, plan.values);
  if (!encoded.ok) return { ok: false, error: encoded.error };
  protect(db.layout(m), encoded.value, counter);
  return { ok: true, frame: { message: m.name, id: m.id, data: encoded.value, counter } };
}

/** The plans of a target: one command message per target in this database. */
export function plansFor(target: Target): { ok: true; plans: CommandPlan[] } | { ok: false; error: MappingError } {
  const p = commandFor(target);
  return p.ok ? { ok: true, plans: [p.plan] } : p;
}

export function hex(data: Uint8Array): string {
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString("hex");
}

/**
 * The frames a grant's (or a bare target's) target becomes, with E2E counter `counter`
 * (default 0) in every message. Never throws.
 */
export function framesFor(
  what: ActuationGrant | Target,
  options: { readonly counter?: number; readonly db?: VehicleDb } = {},
): FramesResult {
  const target = what instanceof ActuationGrant ? what.target : what;
  const db = options.db ?? loadVehicleDb();
  const plans = plansFor(target);
  if (!plans.ok) return plans;
  const frames: FrameView[] = [];
  for (const plan of plans.plans) {
    const e = encodeCommand(db, plan, options.counter ?? 0);
    if (!e.ok) return e;
    frames.push({ message: e.frame.message, id: e.frame.id, data: hex(e.frame.data) });
  }
  return { ok: true, frames };
}

/** candump/cansend text of a classic frame: `2A0#1122334455667788` (upper-case hex). */
export function toCandump(frame: {
  readonly id: number;
  readonly data: Uint8Array | string;
  readonly ext?: boolean;
}): string {
  const id = frame.id
    .toString(16)
    .toUpperCase()
    .padStart(frame.ext ? 8 : 3, "0");
  const data = typeof frame.data === "string" ? frame.data : hex(frame.data);
  return `${id}#${data.toUpperCase()}`;
}

/**
 * Parses `ID#DATA` (cansend form) or a `candump -L` line `(ts) iface ID#DATA`. Returns
 * undefined for anything else (remote frames, CAN FD `##`, malformed text).
 */
export function parseCandump(line: string):
  | {
      readonly id: number;
      readonly ext: boolean;
      readonly data: Uint8Array;
      readonly iface?: string;
      readonly time?: number;
    }
  | undefined {
  const m = /^\s*(?:\((\d+\.\d+)\)\s+(\S+)\s+)?([0-9A-Fa-f]{1,8})#([0-9A-Fa-f]*)\s*$/.exec(line);
  if (!m) return undefined;
  const [, time, iface, idText, dataText] = m;
  if (dataText!.length % 2 !== 0 || dataText!.length > 16) return undefined;
  const data = Uint8Array.from(Buffer.from(dataText!, "hex"));
  return {
    id: Number.parseInt(idText!, 16),
    ext: idText!.length > 3,
    data,
    ...(iface ? { iface } : {}),
    ...(time ? { time: Number(time) } : {}),
  };
}
