/**
 * The agent's view of the vehicle: the state the gate decides against, whether the
 * vehicle can be commanded now, and the actuation of granted decisions. Implemented by
 * the simulated vehicle (dry run, below) and by the CAN link (adapters/can).
 */
import type { ActuationGrant } from "../safety/authority.js";
import { defaultProfile, type VehicleProfile } from "../safety/profile.js";
import { applyTarget, parkedVehicleState, type VehicleState } from "../safety/state.js";

export interface Frame {
  readonly message: string;
  readonly id: number;
  /** Payload as lowercase hex. */
  readonly data: string;
}

export interface ActuationRecord {
  readonly grantId: number;
  /** What was (or, in a dry run, would be) commanded, for people. */
  readonly description: string;
  /** Frames put on the bus for this grant (CAN links). */
  readonly frames?: readonly Frame[];
}

export type LinkAvailability = { readonly ok: true } | { readonly ok: false; readonly reason: string };

export interface VehicleLink {
  readonly name: string;
  /** The vehicle state as known at `now` (speedAgeMs = age of the last speed reading). */
  snapshot(now: number): VehicleState;
  available(): LinkAvailability;
  /** Only grants are accepted: the gate's decision is the authority to actuate. */
  actuate(grant: ActuationGrant): ActuationRecord;
  /** Idempotent: drains pending commands and leaves actuators in a safe state. */
  close(): Promise<void>;
}

/**
 * A parked vehicle simulated in memory: targets are applied to its state as if the body
 * controller had executed them, nothing leaves the process. The default of `npm start`
 * before a bus is configured.
 */
export class SimulatedVehicle implements VehicleLink {
  readonly name = "simulated (dry run)";
  private state: VehicleState;
  private closed = false;

  constructor(profile: VehicleProfile = defaultProfile, initial?: VehicleState) {
    this.state = initial ?? parkedVehicleState(profile);
  }

  snapshot(_now: number): VehicleState {
    // Parked and its speed sensor always fresh: the simulation has no moving parts.
    return { ...this.state, speedAgeMs: 0 };
  }

  available(): LinkAvailability {
    return this.closed ? { ok: false, reason: "the simulated vehicle is shut down" } : { ok: true };
  }

  actuate(grant: ActuationGrant): ActuationRecord {
    this.state = applyTarget(this.state, grant.target);
    return { grantId: grant.id, description: `would actuate ${describeTarget(grant)}` };
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}

export function describeTarget(grant: ActuationGrant): string {
  const { kind, ...rest } = grant.target as { kind: string } & Record<string, unknown>;
  const fields = Object.entries(rest)
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(" ");
  return `${kind} ${fields}`.trim();
}
