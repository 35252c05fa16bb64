/**
 * The CAN side of the agent: grants in, protected command frames out; status frames in,
 * vehicle state out.
 *
 * - `actuate(grant)` accepts only an ActuationGrant minted by the safety gate, maps its
 *   target to command frames (E2E counter + CRC per message) and sends them. When the bus is
 *   unavailable nothing is queued: the result says `bus_unavailable` so the caller rejects the
 *   call with that reason.
 * - Status frames are checked (length, E2E CRC and counter) and decoded into VehicleState
 *   fields with receive times; anything else is ignored and counted by reason.
 * - `state(now)` is the latest bus state as the gate wants it, with `speedAgeMs` computed on
 *   the same monotonic clock the frames were stamped with.
 */
import { type ActuationGrant, isGrant } from "../../src/safety/authority.js";
import type { VehicleState } from "../../src/safety/state.js";
import { decodeMessage } from "./dbc/codec.js";
import type { DbcMessage } from "./dbc/types.js";
import { CounterSequence, E2eReceiver, type E2eRejection } from "./e2e.js";
import { type EncodedFrame, encodeCommand, hex, plansFor } from "./frames.js";
import { defaultCanLogger, type Logger } from "./log.js";
import { statusPatch } from "./status-map.js";
import { type CanFrame, type CanTransport, type Clock, monotonicMs } from "./transport.js";
import { loadVehicleDb, type VehicleDb } from "./vehicle-db.js";

export interface SentFrame {
  readonly message: string;
  readonly id: number;
  /** Lower-case hex. */
  readonly data: string;
  readonly counter: number;
}

export type ActuationFailure = "bus_unavailable" | "not_a_grant" | "stale_grant" | "unmapped";

export type ActuationResult =
  | { readonly ok: true; readonly grantId: number; readonly frames: readonly SentFrame[] }
  | { readonly ok: false; readonly grantId?: number; readonly code: ActuationFailure; readonly reason: string };

/** Why a received frame was ignored. */
export type RxRejection = E2eRejection | "short" | "unknown_id" | "not_status" | "not_data";

export interface RxStats {
  readonly accepted: number;
  readonly ignored: Readonly<Record<RxRejection, number>>;
}

export interface StateUpdate {
  /** The status message the fields came from. */
  readonly message: string;
  /** Receive time on the actuator's clock (monotonic ms). */
  readonly receivedAt: number;
  /** The fields this frame carried, in the VehicleState shape (speedKmh, seats.driver.foreAftMm ...). */
  readonly state: VehicleState;
  /** Dotted paths the ECU reported as not available (they become unknown). */
  readonly unavailable: readonly string[];
}

export interface CanActuatorOptions {
  readonly transport: CanTransport;
  readonly db?: VehicleDb;
  /** Monotonic ms; must be the transport's clock (frames are stamped with it). */
  readonly clock?: Clock;
  readonly logger?: Logger;
  /** A grant older than this (wall clock, from grant.grantedAt) is refused (default 2000 ms). */
  readonly maxGrantAgeMs?: number;
  /** A status message silent this long restarts its E2E counter check (default 2000 ms). */
  readonly resyncAfterMs?: number;
}

const REJECTIONS: readonly RxRejection[] = [
  "bad_crc",
  "invalid_counter",
  "repeated_counter",
  "skipped_counter",
  "short",
  "unknown_id",
  "not_status",
  "not_data",
];

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends object ? Mutable<T[K]> : T[K] };

export class CanActuator {
  readonly db: VehicleDb;
  private readonly transport: CanTransport;
  private readonly clock: Clock;
  private readonly log: Logger;
  private readonly maxGrantAgeMs: number;
  private readonly counters = new CounterSequence();
  private readonly receiver: E2eReceiver;
  private readonly statusById = new Map<number, DbcMessage>();
  private readonly commandIds = new Set<number>();
  private readonly listeners = new Set<(u: StateUpdate) => void>();
  private readonly unsubscribe: (() => void)[] = [];
  private accepted = 0;
  private readonly ignored = Object.fromEntries(REJECTIONS.map((r) => [r, 0])) as Record<RxRejection, number>;
  private current: Mutable<VehicleState> = {};
  private speedAt: number | undefined;
  private closed = false;

  constructor(options: CanActuatorOptions) {
    this.transport = options.transport;
    this.db = options.db ?? loadVehicleDb();
    this.clock = options.clock ?? monotonicMs;
    this.log = (options.logger ?? defaultCanLogger()).child({ component: "can-actuator", bus: this.transport.name });
    this.maxGrantAgeMs = options.maxGrantAgeMs ?? 2000;
    this.receiver = new E2eReceiver(options.resyncAfterMs ?? 2000);
    for (const m of this.db.statuses) this.statusById.set(m.id, m);
    for (const m of this.db.commands) this.commandIds.add(m.id);
    this.unsubscribe.push(
      this.transport.onFrame((frame, at) => this.receive(frame, at)),
      this.transport.onAvailability((up, reason) => {
        // After an outage every status counter starts over (the ECUs may have restarted too).
        if (up) this.receiver.reset();
        this.log.info({ available: up, reason }, up ? "CAN bus up" : "CAN bus down");
      }),
    );
  }

  /** Whether actuation frames can go out now. */
  available(): boolean {
    return !this.closed && this.transport.available();
  }

  /** Why the bus is unavailable, or "up". */
  busStatus(): string {
    return this.closed ? "closed" : this.transport.status();
  }

  /** Sends the frames for a grant. Never throws; a refusal says why. */
  actuate(grant: ActuationGrant): ActuationResult {
    if (!isGrant(grant)) {
      return { ok: false, code: "not_a_grant", reason: "only an ActuationGrant from the safety gate can actuate" };
    }
    const age = Date.now() - grant.grantedAt;
    if (age > this.maxGrantAgeMs) {
      return {
        ok: false,
        grantId: grant.id,
        code: "stale_grant",
        reason: `grant ${grant.id} is ${age} ms old (limit ${this.maxGrantAgeMs} ms); the vehicle may have changed since it was decided`,
      };
    }
    if (!this.available()) {
      return {
        ok: false,
        grantId: grant.id,
        code: "bus_unavailable",
        reason: `CAN bus ${this.transport.name}: ${this.busStatus()}`,
      };
    }
    const plans = plansFor(grant.target);
    if (!plans.ok) return { ok: false, grantId: grant.id, code: "unmapped", reason: plans.error.message };
    const frames: EncodedFrame[] = [];
    for (const plan of plans.plans) {
      // The counter is taken only when the frame is really sent, so a refusal leaves no gap.
      const e = encodeCommand(this.db, plan, this.counters.peek(plan.message));
      if (!e.ok) return { ok: false, grantId: grant.id, code: "unmapped", reason: e.error.message };
      frames.push(e.frame);
    }
    const sent: SentFrame[] = [];
    for (const f of frames) {
      const r = this.transport.send({ id: f.id, data: f.data });
      if (!r.ok) {
        this.log.warn({ grant: grant.id, message: f.message, reason: r.reason }, "CAN frame not sent");
        return { ok: false, grantId: grant.id, code: "bus_unavailable", reason: r.reason };
      }
      this.counters.take(f.message);
      sent.push({ message: f.message, id: f.id, data: hex(f.data), counter: f.counter });
    }
    this.log.info({ grant: grant.id, frames: sent }, "actuated");
    return { ok: true, grantId: grant.id, frames: sent };
  }

  /** Subscribes to state updates decoded from status frames. */
  onState(listener: (update: StateUpdate) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * The vehicle state known from the bus, as the gate reads it: omitted fields are unknown,
   * `speedAgeMs` is the age of the last valid speed frame at `now`.
   */
  state(now: number = this.clock()): VehicleState {
    const s: Mutable<VehicleState> = structuredClone(this.current);
    if (s.speedKmh !== undefined && this.speedAt !== undefined) s.speedAgeMs = Math.max(0, now - this.speedAt);
    return s;
  }

  rxStats(): RxStats {
    return { accepted: this.accepted, ignored: { ...this.ignored } };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const u of this.unsubscribe) u();
    this.listeners.clear();
  }

  // ---------------------------------------------------------------- receive

  private ignore(reason: RxRejection, frame: CanFrame, detail?: Record<string, unknown>): void {
    this.ignored[reason]++;
    this.log.debug({ reason, id: frame.id, data: hex(frame.data), ...detail }, "CAN frame ignored");
  }

  private receive(frame: CanFrame, at: number): void {
    if (this.closed) return;
    const m = this.statusById.get(frame.id);
    if (frame.err || frame.rtr || frame.ext) {
      this.ignore("not_data", frame);
      return;
    }
    if (!m) {
      this.ignore(this.commandIds.has(frame.id) ? "not_status" : "unknown_id", frame);
      return;
    }
    if (frame.data.length < m.length) {
      this.ignore("short", frame, { message: m.name, length: frame.data.length });
      return;
    }
    const verdict = this.receiver.check(m.name, this.db.layout(m), frame.data, at);
    if (!verdict.ok) {
      this.ignore(verdict.reason, frame, { message: m.name, counter: verdict.counter });
      return;
    }
    this.accepted++;
    const patch = statusPatch(m.name, decodeMessage(m, frame.data));
    this.apply(patch.state as VehicleState, patch.unavailable, at);
    const update: StateUpdate = {
      message: m.name,
      receivedAt: at,
      state: patch.state as VehicleState,
      unavailable: patch.unavailable,
    };
    for (const l of this.listeners) {
      try {
        l(update);
      } catch (e) {
        this.log.error({ err: e }, "state listener failed");
      }
    }
  }

  private apply(patch: VehicleState, unavailable: readonly string[], at: number): void {
    this.current = merge(this.current, patch) as Mutable<VehicleState>;
    if (patch.speedKmh !== undefined) this.speedAt = at;
    for (const path of unavailable) {
      removePath(this.current as Record<string, unknown>, path.split("."));
      if (path === "speedKmh") this.speedAt = undefined;
    }
  }
}

function merge(base: unknown, patch: unknown): unknown {
  if (typeof base !== "object" || base === null || typeof patch !== "object" || patch === null) return patch;
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [k, v] of Object.entries(patch)) out[k] = merge(out[k], v);
  return out;
}

function removePath(obj: Record<string, unknown>, path: string[]): void {
  const [head, ...rest] = path;
  if (head === undefined) return;
  if (rest.length === 0) {
    delete obj[head];
    return;
  }
  const child = obj[head];
  if (typeof child === "object" && child !== null) removePath(child as Record<string, unknown>, rest);
}
