/**
 * The vehicle state the safety gate decides against: the latest feedback from the vehicle
 * (or a simulation of it). Every field is optional and an omitted field means "unknown";
 * the gate never guesses an unknown value (see gate.ts for how each rule treats one).
 *
 * JSON names are part of the product's interface (CLI `--state`, daemon feedback):
 *   speedKmh (omitted = unknown), speedAgeMs (omitted = 0), volume, fanSpeed,
 *   seats: {driver|passenger: {foreAftMm, heightMm, reclineDeg}},
 *   windowsMm: {"front left"|"front right"|"rear left"|"rear right": mm open},
 *   sunroofPercent, childLock,
 *   climate: {driver|passenger|rear: {temperature, unit}}   (extension, see below)
 *
 * `climate` is this project's one extension of the issue's field list: the contract's
 * relative temperature step (`change_climate_temperature`, "degrees of the set unit")
 * needs the zone's current setpoint and its unit.
 *
 * Unknown fields are an error, not ignored: a misspelt `speedKmh` silently becoming
 * "unknown" would hide a wiring bug.
 */
import { z } from "zod";
import type { Target } from "../core/types.js";
import { defaultProfile, type Range, type TemperatureUnit, type VehicleProfile } from "./profile.js";
import { describeIssues, err, type FieldIssue, issuesFromZod, ok, type Result } from "./result.js";

export const SEATS = ["driver", "passenger"] as const;
export const WINDOWS = ["front left", "front right", "rear left", "rear right"] as const;
export const ZONES = ["driver", "passenger", "rear"] as const;

export type FrontSeat = (typeof SEATS)[number];
export type PhysicalWindow = (typeof WINDOWS)[number];
export type ClimateZone = (typeof ZONES)[number];

export interface SeatState {
  readonly foreAftMm?: number;
  readonly heightMm?: number;
  readonly reclineDeg?: number;
}

export interface ZoneClimate {
  readonly temperature: number;
  readonly unit: TemperatureUnit;
}

export interface VehicleState {
  readonly speedKmh?: number;
  /** Age of the speed reading in ms when this state was taken (omitted = 0 = fresh). */
  readonly speedAgeMs?: number;
  readonly volume?: number;
  readonly fanSpeed?: number;
  readonly seats?: { readonly [S in FrontSeat]?: SeatState };
  /** How far each window is open, in mm (0 = closed). */
  readonly windowsMm?: { readonly [W in PhysicalWindow]?: number };
  readonly sunroofPercent?: number;
  /** Whether the rear window child lock is engaged. */
  readonly childLock?: boolean;
  /** Extension: each zone's current setpoint with its unit. */
  readonly climate?: { readonly [Z in ClimateZone]?: ZoneClimate };
}

// ---------------------------------------------------------------- schema

const finite = z.number().refine(Number.isFinite, { message: "must be a finite number" });
const nonNegative = finite.refine((n) => n >= 0, { message: "must be >= 0" });

const seatSchema = z.strictObject({
  foreAftMm: nonNegative.optional(),
  heightMm: nonNegative.optional(),
  reclineDeg: nonNegative.optional(),
});

const zoneSchema = z.strictObject({
  temperature: finite,
  unit: z.enum(["fahrenheit", "celsius"], { message: 'must be "fahrenheit" or "celsius"' }),
});

export const vehicleStateSchema = z.strictObject({
  speedKmh: nonNegative.optional(),
  speedAgeMs: nonNegative.optional(),
  volume: nonNegative.optional(),
  fanSpeed: nonNegative.optional(),
  seats: z.strictObject({ driver: seatSchema.optional(), passenger: seatSchema.optional() }).optional(),
  windowsMm: z
    .strictObject({
      "front left": nonNegative.optional(),
      "front right": nonNegative.optional(),
      "rear left": nonNegative.optional(),
      "rear right": nonNegative.optional(),
    })
    .optional(),
  sunroofPercent: finite.refine((n) => n >= 0 && n <= 100, { message: "must be 0..100" }).optional(),
  childLock: z.boolean().optional(),
  climate: z
    .strictObject({ driver: zoneSchema.optional(), passenger: zoneSchema.optional(), rear: zoneSchema.optional() })
    .optional(),
});

export type StateErrorCode = "bad_json" | "invalid";

export interface StateError {
  readonly kind: "state";
  readonly code: StateErrorCode;
  readonly message: string;
  readonly issues: readonly FieldIssue[];
}

/** Validates a vehicle state given as parsed JSON; every bad field is listed. */
export function parseState(json: unknown): Result<VehicleState, StateError> {
  const parsed = vehicleStateSchema.safeParse(json, { reportInput: true });
  if (!parsed.success) {
    const issues = issuesFromZod(parsed.error);
    return err({ kind: "state", code: "invalid", message: describeIssues("vehicle state", issues), issues });
  }
  // Typed without a cast: the schema's output must stay assignable to VehicleState.
  const state: VehicleState = parsed.data;
  return ok(dropUndefined(state) as VehicleState);
}

/** `parseState` for JSON text (the CLI's `--state`). */
export function parseStateText(text: string): Result<VehicleState, StateError> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return err({ kind: "state", code: "bad_json", message: `vehicle state: not valid JSON: ${reason}`, issues: [] });
  }
  return parseState(json);
}

function mid(range: Range): number {
  return Math.round((range.min + range.max) / 2);
}

function clampTo(range: Range, value: number): number {
  return Math.min(range.max, Math.max(range.min, value));
}

/**
 * A simulated parked vehicle, the CLI's and daemon's default when no feedback exists:
 * speed 0 and fresh, every position known (seats mid-travel, windows and sunroof closed),
 * volume 10, fan 2, every zone at 72 °F, child lock engaged.
 */
export function parkedVehicleState(profile: VehicleProfile = defaultProfile): VehicleState {
  const seat: SeatState = {
    foreAftMm: mid(profile.travel.seatForeAftMm),
    heightMm: mid(profile.travel.seatHeightMm),
    reclineDeg: clampTo(profile.travel.seatReclineDeg, 20),
  };
  const closed = profile.travel.windowMm.min;
  const zone: ZoneClimate = { temperature: clampTo(profile.ranges.temperature.fahrenheit, 72), unit: "fahrenheit" };
  return {
    speedKmh: 0,
    speedAgeMs: 0,
    volume: clampTo(profile.ranges.volume, 10),
    fanSpeed: clampTo(profile.ranges.fanSpeed, 2),
    seats: { driver: { ...seat }, passenger: { ...seat } },
    windowsMm: { "front left": closed, "front right": closed, "rear left": closed, "rear right": closed },
    sunroofPercent: profile.travel.sunroofPercent.min,
    childLock: true,
    climate: { driver: { ...zone }, passenger: { ...zone }, rear: { ...zone } },
  };
}

/**
 * The state as predicted after a target is commanded, so the next call of the same
 * response is decided against it (contract: "against the state as updated by the calls
 * before them"). Targets without a tracked field (mute, switches other than the child
 * lock, airflow, seat levels, sunshade, sunroof tilt) leave the state as it is.
 */
export function applyTarget(state: VehicleState, target: Target): VehicleState {
  switch (target.kind) {
    case "volume":
      return { ...state, volume: target.volume };
    case "fan":
      return { ...state, fanSpeed: target.speed };
    case "temperature":
      return {
        ...state,
        climate: { ...state.climate, [target.zone]: { temperature: target.temperature, unit: target.unit } },
      };
    case "seat_position": {
      const seat = target.seat as FrontSeat;
      const field = target.axis === "fore_aft" ? "foreAftMm" : "heightMm";
      return { ...state, seats: { ...state.seats, [seat]: { ...state.seats?.[seat], [field]: target.mm } } };
    }
    case "seat_recline": {
      const seat = target.seat as FrontSeat;
      return { ...state, seats: { ...state.seats, [seat]: { ...state.seats?.[seat], reclineDeg: target.deg } } };
    }
    case "window":
      return { ...state, windowsMm: { ...state.windowsMm, [target.window]: target.mm } };
    case "all_windows":
      return {
        ...state,
        windowsMm: Object.fromEntries(WINDOWS.map((w) => [w, target.mm])) as VehicleState["windowsMm"],
      };
    case "sunroof":
      return target.action === "tilt" ? state : { ...state, sunroofPercent: target.percent };
    case "switch":
      return target.function === "set_window_child_lock" ? { ...state, childLock: target.on } : state;
    case "mute":
    case "sunshade":
    case "airflow":
    case "seat_level":
      return state;
  }
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

/** Zod leaves no keys for omitted optionals, but callers may pass objects with explicit undefined. */
function dropUndefined(v: unknown): unknown {
  if (!isPlainObject(v)) return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) if (x !== undefined) out[k] = dropUndefined(x);
  return out;
}
