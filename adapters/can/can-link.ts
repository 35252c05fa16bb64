/**
 * The CAN bus as the agent's VehicleLink (src/agent/vehicle-link.ts): the state the gate reads
 * comes from status frames, granted targets leave as frames.
 *
 * `openCanLink({ interface: "vcan0" })` talks SocketCAN; with no interface (or "virtual") it
 * builds the embedded default: an in-process virtual bus with the simulated body network on
 * it, so `npm start` shows real encoded frames on any machine.
 */
import type { ActuationRecord, LinkAvailability, VehicleLink } from "../../src/agent/vehicle-link.js";
import type { ActuationGrant } from "../../src/safety/authority.js";
import type { VehicleState } from "../../src/safety/state.js";
import { CanActuator } from "./can-actuator.js";
import { defaultCanLogger, type Logger } from "./log.js";
import { SimEcu, type SimMotion } from "./sim-ecu.js";
import { SocketCanTransport } from "./socketcan-transport.js";
import type { SpeedProfile } from "./speed-profile.js";
import type { CanFrame, CanTransport } from "./transport.js";
import { loadVehicleDb, type VehicleDb } from "./vehicle-db.js";
import { VirtualBus } from "./virtual-bus.js";

export const VIRTUAL = "virtual";

export interface CanLinkOptions {
  /** SocketCAN interface ("vcan0", "can0"); absent or "virtual" = embedded virtual bus + simulated ECUs. */
  readonly interface?: string;
  readonly logger?: Logger;
  readonly db?: VehicleDb;
  /** Embedded simulator only: how positions move, and an optional speed profile. */
  readonly motion?: SimMotion;
  readonly speedProfile?: SpeedProfile;
  readonly loop?: boolean;
  /** Grants older than this (by their wall-clock grantedAt) are refused; default 2000 ms. */
  readonly maxGrantAgeMs?: number;
  /** Called with every frame on the virtual bus (e.g. to print candump lines); embedded only. */
  readonly onVirtualFrame?: (frame: CanFrame, from: string) => void;
}

export class CanVehicleLink implements VehicleLink {
  readonly name: string;
  private closed = false;

  constructor(
    readonly actuator: CanActuator,
    private readonly transport: CanTransport,
    private readonly extras: { readonly sim?: SimEcu; readonly simTransport?: CanTransport } = {},
  ) {
    this.name = extras.sim ? `CAN ${VIRTUAL} bus with simulated ECUs` : `CAN ${transport.name}`;
  }

  /** The simulated ECUs of the embedded bus (absent on SocketCAN). */
  get sim(): SimEcu | undefined {
    return this.extras.sim;
  }

  /**
   * The state from the bus. Ages are computed on the monotonic clock the frames were stamped
   * with, at the moment of the call; `now` (wall clock) is not used for them on purpose.
   */
  snapshot(_now: number): VehicleState {
    return this.actuator.state();
  }

  available(): LinkAvailability {
    if (this.closed) return { ok: false, reason: "the CAN link is closed" };
    return this.actuator.available()
      ? { ok: true }
      : { ok: false, reason: `CAN bus ${this.transport.name}: ${this.actuator.busStatus()}` };
  }

  actuate(grant: ActuationGrant): ActuationRecord {
    const r = this.actuator.actuate(grant);
    if (!r.ok) {
      return { grantId: grant.id, description: `NOT SENT (${r.code}): ${r.reason}`, frames: [] };
    }
    const frames = r.frames.map((f) => ({ message: f.message, id: f.id, data: f.data }));
    return {
      grantId: grant.id,
      description: frames
        .map((f) => `${f.message} ${f.id.toString(16).toUpperCase()}#${f.data.toUpperCase()}`)
        .join(", "),
      frames,
    };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.actuator.close();
    await this.extras.sim?.stop();
    await this.extras.simTransport?.close();
    await this.transport.close();
  }
}

/**
 * Opens the link. For the embedded bus it waits (at most `settleMs`, default 500 ms) for the
 * simulated ECUs' first status frames, so the first decision already has a known state.
 */
export async function openCanLink(options: CanLinkOptions = {}, settleMs = 500): Promise<CanVehicleLink> {
  const logger = options.logger ?? defaultCanLogger();
  const db = options.db ?? loadVehicleDb();
  const grantAge = options.maxGrantAgeMs !== undefined ? { maxGrantAgeMs: options.maxGrantAgeMs } : {};
  if (options.interface && options.interface !== VIRTUAL) {
    const transport = new SocketCanTransport({ interface: options.interface, logger });
    return new CanVehicleLink(new CanActuator({ transport, db, logger, ...grantAge }), transport);
  }
  const bus = new VirtualBus({ onListenerError: (e) => logger.error({ err: e }, "virtual bus listener failed") });
  if (options.onVirtualFrame) {
    const print = options.onVirtualFrame;
    bus.tap((frame, from) => print(frame, from));
  }
  const transport = bus.attach("agent");
  const simTransport = bus.attach("sim-ecu");
  const actuator = new CanActuator({ transport, db, logger, ...grantAge });
  const sim = new SimEcu({
    transport: simTransport,
    db,
    logger,
    motion: options.motion ?? "instant",
    ...(options.speedProfile ? { speedProfile: options.speedProfile } : {}),
    ...(options.loop !== undefined ? { loop: options.loop } : {}),
  });
  sim.start();
  const link = new CanVehicleLink(actuator, transport, { sim, simTransport });
  const deadline = performance.now() + settleMs;
  while (actuator.rxStats().accepted < db.statuses.length && performance.now() < deadline) {
    await new Promise((r) => setTimeout(r, 5));
  }
  return link;
}
