/**
 * The CAN frames a set of grants becomes (the CLI's `--frames`): a preview with alive
 * counter 0, encoded by the same DBC-driven code the CAN actuator uses.
 */
import { framesFor } from "../../adapters/can/frames.js";
import type { ActuationGrant } from "../safety/authority.js";
import type { Frame } from "./vehicle-link.js";

export interface GrantFrames {
  readonly callIndex: number;
  readonly frames: readonly Frame[];
  readonly error?: string;
}

export function previewFrames(grants: readonly ActuationGrant[]): GrantFrames[] {
  return grants.map((g) => {
    const r = framesFor(g);
    return r.ok
      ? { callIndex: g.decision.callIndex, frames: r.frames }
      : { callIndex: g.decision.callIndex, frames: [], error: r.error.message };
  });
}

/** The flat `frames` list of the CLI's JSON: `[{message, id, data}]`, in call order. */
export function framesJson(grants: readonly ActuationGrant[]): Frame[] {
  return previewFrames(grants).flatMap((g) => g.frames.map((f) => ({ message: f.message, id: f.id, data: f.data })));
}
