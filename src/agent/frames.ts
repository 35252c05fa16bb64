/**
 * The CAN frames a set of grants becomes (the CLI's `--frames`): a preview with alive
 * counter 0, encoded by the same DBC-driven code the CAN actuator uses.
 */
import { framesFor } from "../../adapters/can/frames.js";
import type { ActuationGrant } from "../safety/authority.js";
import type { Frame } from "./vehicle-link.js";

/** The flat `frames` list of the CLI's JSON: `[{message, id, data}]`, in call order. */
export function framesJson(grants: readonly ActuationGrant[]): Frame[] {
  return grants.flatMap((g) => {
    const r = framesFor(g);
    return r.ok ? r.frames.map((f) => ({ message: f.message, id: f.id, data: f.data })) : [];
  });
}
