/**
 * The vehicle's CAN database, loaded once at start-up: vehicle.dbc parsed, every message's
 * E2E layout found, messages split into commands (sent by the head unit) and status
 * (received by it), and the Target mapping tables checked against it. A bad database is a
 * programming error and stops the process (`VehicleDbError`), like a bad function registry.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseDbc } from "./dbc/parse.js";
import type { Dbc, DbcMessage } from "./dbc/types.js";
import { type E2eLayout, e2eLayout } from "./e2e.js";
import { checkMapping } from "./mapping.js";
import { checkStatusMapping } from "./status-map.js";

/** The node name of the head unit (the agent) in the DBC. */
export const HEAD_UNIT = "HU";

export interface VehicleDb {
  readonly dbc: Dbc;
  /** Where the DBC was read from (for logs), or "(text)". */
  readonly source: string;
  /** Messages the head unit sends. */
  readonly commands: readonly DbcMessage[];
  /** Messages the head unit receives. */
  readonly statuses: readonly DbcMessage[];
  layout(message: DbcMessage): E2eLayout;
  /** Cycle time in ms of a cyclic message (GenMsgCycleTime), 0 when event-driven only. */
  cycleMs(message: DbcMessage): number;
}

export class VehicleDbError extends Error {
  override readonly name = "VehicleDbError";
}

/** Builds the database from DBC text; throws VehicleDbError with every problem found. */
export function buildVehicleDb(text: string, source = "(text)"): VehicleDb {
  const parsed = parseDbc(text);
  if (!parsed.ok) throw new VehicleDbError(`${source}: ${parsed.error.message}`);
  const dbc = parsed.value;
  const problems: string[] = [];
  const layouts = new Map<string, E2eLayout>();
  for (const m of dbc.messages) {
    if (m.extended) problems.push(`${m.name}: 29-bit identifiers are not used on this bus`);
    if (m.length > 8) problems.push(`${m.name}: ${m.length} bytes; this bus is classic CAN (at most 8)`);
    const l = e2eLayout(m);
    if ("kind" in l) problems.push(l.message);
    else layouts.set(m.name, l);
  }
  const dataIds = new Map<number, string>();
  for (const [name, l] of layouts) {
    const other = dataIds.get(l.dataId);
    if (other) problems.push(`${name} and ${other} share E2E data ID ${l.dataId}`);
    dataIds.set(l.dataId, name);
  }
  if (problems.length > 0) throw new VehicleDbError(`${source}: ${problems.join("; ")}`);
  const commands = dbc.messages.filter((m) => m.transmitter === HEAD_UNIT);
  const statuses = dbc.messages.filter((m) => m.transmitter !== HEAD_UNIT);
  problems.push(...checkMapping({ dbc }, HEAD_UNIT), ...checkStatusMapping({ statuses }));
  if (problems.length > 0) throw new VehicleDbError(`${source}: ${problems.join("; ")}`);
  return Object.freeze({
    dbc,
    source,
    commands,
    statuses,
    layout: (m: DbcMessage) => {
      const l = layouts.get(m.name);
      if (!l) throw new VehicleDbError(`${m.name} is not a message of ${source}`);
      return l;
    },
    cycleMs: (m: DbcMessage) => {
      const v = m.attributes.get("GenMsgCycleTime");
      return typeof v === "number" && v > 0 ? v : 0;
    },
  });
}

/**
 * Where vehicle.dbc is: next to this module (source tree, or dist/ when the build copied it),
 * else in the source tree seen from dist/adapters/can/.
 */
export function defaultDbcPath(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [join(here, "vehicle.dbc"), join(here, "..", "..", "..", "adapters", "can", "vehicle.dbc")];
  return candidates.find((p) => existsSync(p)) ?? candidates[0]!;
}

let cached: VehicleDb | undefined;

/** The shipped database (read and checked once). */
export function loadVehicleDb(path?: string): VehicleDb {
  if (!path && cached) return cached;
  const file = path ?? defaultDbcPath();
  let text: string;
  try {
    text = readFileSync(file, "latin1");
  } catch (e) {
    throw new VehicleDbError(`cannot read CAN database ${file}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const db = buildVehicleDb(text, file);
  if (!path) cached = db;
  return db;
}
