/**
 * The vehicle profile: every limit the safety gate enforces (contract §4), as data an OEM
 * integrator can change. It is validated once at start-up with a strict schema; a bad
 * profile is an error that lists every bad field, and the daemon does not start.
 *
 * Conventions (contract §4): travel positions grow away from the rest position — seat
 * fore/aft 0 = frontmost (`backward` increases), recline 0 = upright (`backward`
 * increases), window 0 = closed (`down` opens), sunroof 0 % = closed.
 */
import { readFileSync } from "node:fs";
import { z } from "zod";
import { registry } from "../registry/index.js";
import { describeIssues, err, type FieldIssue, issuesFromZod, ok, type Result } from "./result.js";

export interface Range {
  readonly min: number;
  readonly max: number;
}

export type Handedness = "lhd" | "rhd";
export type TemperatureUnit = "fahrenheit" | "celsius";

export interface VehicleProfile {
  /** Shown in logs and decisions' context, e.g. "default-lhd". */
  readonly name: string;
  /** Left-hand drive: the driver sits on the left, so the driver window is "front left". */
  readonly handedness: Handedness;
  /** Travel limits (rule 4), tracked from state feedback. */
  readonly travel: {
    readonly seatForeAftMm: Range;
    readonly seatHeightMm: Range;
    readonly seatReclineDeg: Range;
    readonly windowMm: Range;
    readonly sunroofPercent: Range;
  };
  /** Ranges of absolute targets (rules 1/2); inside the contract's declared ranges. */
  readonly ranges: {
    readonly volume: Range;
    readonly fanSpeed: Range;
    readonly temperature: Readonly<Record<TemperatureUnit, Range>>;
  };
  /** Hearing protection (rule 3): the most one command may raise the volume. */
  readonly hearingStepMax: number;
  readonly speed: {
    /** Moving = speed strictly above this (rule 5): 5 km/h is parked, 5.1 km/h is moving. */
    readonly movingAboveKmh: number;
    /** Sunroof open/tilt is rejected strictly above this (rule 5). */
    readonly sunroofGateKmh: number;
    /** A speed reading this old or older is stale = unknown (rule 6). */
    readonly staleAfterMs: number;
  };
  readonly flood: {
    /** Actuations allowed in any sliding 1000 ms window (rule 8). */
    readonly maxActuationsPerSecond: number;
    /** The same call actuated again less than this many ms later is a duplicate (rule 8). */
    readonly duplicateWindowMs: number;
  };
}

// ---------------------------------------------------------------- declared ranges (registry)

function declaredRange(fn: string, param: string): Range {
  const spec = registry.byName(fn)?.params.find((p) => p.name === param);
  if (!spec || typeof spec.min !== "number" || typeof spec.max !== "number") {
    throw new Error(`safety profile: registry has no int range for ${fn}.${param}`);
  }
  return { min: spec.min, max: spec.max };
}

function declaredTemperatureRanges(): Record<TemperatureUnit, Range> {
  const ranges = registry.byName("set_climate_temperature")?.params.find((p) => p.name === "temperature")
    ?.rangeBy?.ranges;
  const f = ranges?.["fahrenheit"];
  const c = ranges?.["celsius"];
  if (!f || !c) throw new Error("safety profile: registry has no temperature ranges per unit");
  return { fahrenheit: { min: f.min, max: f.max }, celsius: { min: c.min, max: c.max } };
}

/**
 * The contract's declared ranges (§2), read from the registry once. A profile may narrow
 * them but not widen them: the binder rejects anything outside them before the gate, so a
 * wider profile range would silently never apply.
 */
export const declaredRanges = Object.freeze({
  volume: declaredRange("adjust_volume", "set_value"),
  fanSpeed: declaredRange("adjust_fan_speed", "set_value"),
  temperature: declaredTemperatureRanges(),
});

// ---------------------------------------------------------------- default (contract §4)

export const defaultProfile: VehicleProfile = deepFreeze({
  name: "default-lhd",
  handedness: "lhd",
  travel: {
    seatForeAftMm: { min: 0, max: 250 },
    seatHeightMm: { min: 0, max: 80 },
    seatReclineDeg: { min: 0, max: 45 },
    windowMm: { min: 0, max: 500 },
    sunroofPercent: { min: 0, max: 100 },
  },
  ranges: {
    volume: { min: 0, max: 50 },
    fanSpeed: { min: 0, max: 7 },
    temperature: { fahrenheit: { min: 60, max: 80 }, celsius: { min: 16, max: 27 } },
  },
  hearingStepMax: 20,
  speed: { movingAboveKmh: 5, sunroofGateKmh: 130, staleAfterMs: 1000 },
  flood: { maxActuationsPerSecond: 10, duplicateWindowMs: 300 },
});

// ---------------------------------------------------------------- schema

const finite = z.number().refine(Number.isFinite, { message: "must be a finite number" });
const nonNegative = finite.refine((n) => n >= 0, { message: "must be >= 0" });

/** A travel or value range: both ends >= 0 and min < max (an empty travel is a typo). */
function rangeSchema(within?: Range) {
  return z.strictObject({ min: nonNegative, max: nonNegative }).superRefine((r, ctx) => {
    if (!(r.min < r.max)) ctx.addIssue({ code: "custom", message: `min (${r.min}) must be less than max (${r.max})` });
    if (within && (r.min < within.min || r.max > within.max)) {
      ctx.addIssue({
        code: "custom",
        message: `${r.min}..${r.max} is outside the contract's declared range ${within.min}..${within.max}; a profile may narrow it, not widen it`,
      });
    }
  });
}

const positiveInt = z
  .number()
  .int({ message: "must be an integer" })
  .refine((n) => n >= 1, { message: "must be >= 1" });

export const vehicleProfileSchema = z.strictObject({
  name: z.string().min(1, { message: "must be a non-empty string" }),
  handedness: z.enum(["lhd", "rhd"], { message: 'must be "lhd" or "rhd"' }),
  travel: z.strictObject({
    seatForeAftMm: rangeSchema(),
    seatHeightMm: rangeSchema(),
    seatReclineDeg: rangeSchema(),
    windowMm: rangeSchema(),
    sunroofPercent: rangeSchema({ min: 0, max: 100 }),
  }),
  ranges: z.strictObject({
    volume: rangeSchema(declaredRanges.volume),
    fanSpeed: rangeSchema(declaredRanges.fanSpeed),
    temperature: z.strictObject({
      fahrenheit: rangeSchema(declaredRanges.temperature.fahrenheit),
      celsius: rangeSchema(declaredRanges.temperature.celsius),
    }),
  }),
  hearingStepMax: positiveInt,
  speed: z.strictObject({
    movingAboveKmh: nonNegative,
    sunroofGateKmh: nonNegative,
    staleAfterMs: finite.refine((n) => n > 0, { message: "must be > 0" }),
  }),
  flood: z.strictObject({
    maxActuationsPerSecond: positiveInt,
    duplicateWindowMs: nonNegative,
  }),
});

// ---------------------------------------------------------------- parse / load

export type ProfileErrorCode = "unreadable" | "bad_json" | "invalid";

export interface ProfileError {
  readonly kind: "profile";
  readonly code: ProfileErrorCode;
  /** The whole problem as text, one line per bad field (what the daemon prints before exiting). */
  readonly message: string;
  /** Every bad field (empty for unreadable/bad_json). */
  readonly issues: readonly FieldIssue[];
  /** The file, when loaded from one. */
  readonly file?: string;
}

/** Validates a profile given as parsed JSON. Unknown fields are errors. */
export function parseProfile(json: unknown, source = "vehicle profile"): Result<VehicleProfile, ProfileError> {
  const parsed = vehicleProfileSchema.safeParse(json, { reportInput: true });
  if (!parsed.success) {
    const issues = issuesFromZod(parsed.error);
    return err({ kind: "profile", code: "invalid", message: describeIssues(source, issues), issues });
  }
  // Typed without a cast: the schema's output must stay assignable to VehicleProfile.
  const profile: VehicleProfile = parsed.data;
  return ok(deepFreeze(profile));
}

/** Reads and validates a profile JSON file (start-up only: synchronous on purpose). */
export function loadProfile(path: string): Result<VehicleProfile, ProfileError> {
  const source = `vehicle profile ${path}`;
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return err({
      kind: "profile",
      code: "unreadable",
      message: `${source}: cannot read: ${reason}`,
      issues: [],
      file: path,
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return err({
      kind: "profile",
      code: "bad_json",
      message: `${source}: not valid JSON: ${reason}`,
      issues: [],
      file: path,
    });
  }
  const result = parseProfile(json, source);
  return result.ok ? result : err({ ...result.error, file: path });
}

/** The physical window a `driver`/`passenger` window means in this profile (contract §2). */
export function physicalWindow(profile: VehicleProfile, window: string): string {
  if (window === "driver") return profile.handedness === "lhd" ? "front left" : "front right";
  if (window === "passenger") return profile.handedness === "lhd" ? "front right" : "front left";
  return window;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
