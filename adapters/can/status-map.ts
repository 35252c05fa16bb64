/**
 * Status message -> vehicle state fields, by DBC names (the shape of src/safety/state.ts's
 * VehicleState). A table: which signal fills which state path, and how a VAL_ label turns into
 * a value. A raw value labelled "not available" leaves the field unknown (listed in
 * `unavailable`), never a number the gate would trust.
 */
import type { DecodedSignal } from "./dbc/codec.js";
import type { DbcMessage } from "./dbc/types.js";

/** A path into VehicleState, e.g. ["seats", "driver", "foreAftMm"]. */
export type StatePath = readonly [string, ...string[]];

export interface StatusField {
  readonly signal: string;
  readonly path: StatePath;
  /** Label -> value for enum/boolean signals; absent = the physical number. */
  readonly labels?: Readonly<Record<string, string | boolean>>;
}

export const NOT_AVAILABLE = "not available";

const unit = { celsius: "celsius", fahrenheit: "fahrenheit" } as const;

export const STATUS_FIELDS: Readonly<Record<string, readonly StatusField[]>> = {
  ESP_VehicleSpeed: [{ signal: "VehicleSpeed", path: ["speedKmh"] }],
  HVAC_Status: [
    { signal: "ClimTempDrv_St", path: ["climate", "driver", "temperature"] },
    { signal: "ClimUnitDrv_St", path: ["climate", "driver", "unit"], labels: unit },
    { signal: "ClimTempPas_St", path: ["climate", "passenger", "temperature"] },
    { signal: "ClimUnitPas_St", path: ["climate", "passenger", "unit"], labels: unit },
    { signal: "ClimTempRear_St", path: ["climate", "rear", "temperature"] },
    { signal: "ClimUnitRear_St", path: ["climate", "rear", "unit"], labels: unit },
    { signal: "FanSpeed_St", path: ["fanSpeed"] },
  ],
  SCM_SeatDrvStatus: [
    { signal: "SeatDrvForeAft_St", path: ["seats", "driver", "foreAftMm"] },
    { signal: "SeatDrvHeight_St", path: ["seats", "driver", "heightMm"] },
    { signal: "SeatDrvRecline_St", path: ["seats", "driver", "reclineDeg"] },
  ],
  SCM_SeatPasStatus: [
    { signal: "SeatPasForeAft_St", path: ["seats", "passenger", "foreAftMm"] },
    { signal: "SeatPasHeight_St", path: ["seats", "passenger", "heightMm"] },
    { signal: "SeatPasRecline_St", path: ["seats", "passenger", "reclineDeg"] },
  ],
  BCM_WindowStatus: [
    { signal: "WinPosFL_St", path: ["windowsMm", "front left"] },
    { signal: "WinPosFR_St", path: ["windowsMm", "front right"] },
    { signal: "WinPosRL_St", path: ["windowsMm", "rear left"] },
    { signal: "WinPosRR_St", path: ["windowsMm", "rear right"] },
    { signal: "ChildLock_St", path: ["childLock"], labels: { engaged: true, disengaged: false } },
  ],
  BCM_RoofStatus: [{ signal: "SunroofPos_St", path: ["sunroofPercent"] }],
  AMP_AudioStatus: [{ signal: "Volume_St", path: ["volume"] }],
};

export interface StatusPatch {
  /** Nested object in the VehicleState shape holding the fields this frame carried. */
  readonly state: Record<string, unknown>;
  /** Dotted paths whose value the ECU reported as not available. */
  readonly unavailable: readonly string[];
}

function setPath(target: Record<string, unknown>, path: StatePath, value: unknown): void {
  let node = target;
  for (const key of path.slice(0, -1)) {
    const child = node[key];
    if (typeof child === "object" && child !== null) node = child as Record<string, unknown>;
    else {
      const fresh: Record<string, unknown> = {};
      node[key] = fresh;
      node = fresh;
    }
  }
  node[path[path.length - 1]!] = value;
}

/** The state fields of one decoded status message (empty when the message is not mapped). */
export function statusPatch(message: string, decoded: Readonly<Record<string, DecodedSignal>>): StatusPatch {
  const state: Record<string, unknown> = {};
  const unavailable: string[] = [];
  for (const field of STATUS_FIELDS[message] ?? []) {
    const d = decoded[field.signal];
    if (!d) continue;
    if (d.label === NOT_AVAILABLE) {
      unavailable.push(field.path.join("."));
      continue;
    }
    if (field.labels) {
      const v = d.label !== undefined && Object.hasOwn(field.labels, d.label) ? field.labels[d.label] : undefined;
      if (v === undefined) unavailable.push(field.path.join("."));
      else setPath(state, field.path, v);
    } else {
      setPath(state, field.path, d.physical);
    }
  }
  return { state, unavailable };
}

/** Problems of the status table against the database's status messages (empty = consistent). */
export function checkStatusMapping(db: { readonly statuses: readonly DbcMessage[] }): string[] {
  const problems: string[] = [];
  for (const [message, fields] of Object.entries(STATUS_FIELDS)) {
    const m = db.statuses.find((x) => x.name === message);
    if (!m) {
      problems.push(`status mapping names ${message}, which is not a status message of the DBC`);
      continue;
    }
    for (const f of fields) {
      const s = m.signalsByName.get(f.signal);
      if (!s) problems.push(`status mapping names ${message}.${f.signal}, which the DBC does not define`);
      else if (f.labels) {
        for (const label of Object.keys(f.labels)) {
          if (![...s.values.values()].includes(label))
            problems.push(`${message}.${f.signal} has no label ${JSON.stringify(label)}`);
        }
      }
    }
  }
  return problems;
}
