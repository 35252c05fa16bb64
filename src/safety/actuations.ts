/**
 * What each vehicle function commands: from a checked call and the current (predicted)
 * state to an absolute target, clamped to the profile's ranges and travel, or a rejection.
 * Covers contract §4 rules 2 (absolute vs relative), 3 (hearing protection), 4 (travel)
 * and §3's temperature reading. Speed gating and flood control live elsewhere.
 *
 * Readings of the contract made here (each is tested):
 * - A relative step (diff, distance, angle) whose current value is unknown is rejected
 *   `state_unknown`: the gate never guesses a position. One exception that guesses nothing:
 *   a step at least as long as the whole travel ends at that end of the travel from any
 *   position (e.g. "close the window" = up 500 mm on a 0..500 mm window), so its target is
 *   known; it is `clamped` and the reason says why. Volume raises never use this (rule 3
 *   needs the current volume).
 * - Hearing protection caps both `volume_diff` and `set_value`. For `set_value` with an
 *   unknown current volume the rule assumes 0 (worst case) and the reason says so; a
 *   `volume_diff` with unknown volume is rejected like any relative step.
 * - Temperature: a Fahrenheit value inside the contract's Celsius range (16..27) is read as
 *   Celsius (§3); the decision stays `accepted` (nothing was made safer, only read), the
 *   target's unit is celsius and the reason says so. The profile range of the (read) unit
 *   then applies; outside it = `out_of_range`.
 * - Sunroof: `open`/`tilt` intensity is the absolute opening (omitted = fully); an `open`
 *   beyond the profile's sunroof travel is clamped. `close` intensity is how far to close,
 *   relative to the current opening (omitted or 100 = fully closed), so a close can never
 *   open the roof (closing is ungated by rule 7 and must not become a way round the sunroof
 *   gate). Tilt has its own travel (percent of full tilt), not the slide travel.
 * - control_all_windows: up = the window travel's closed end, down = its open end.
 */
import type { Literal, RejectCode, Target } from "../core/types.js";
import { declaredRanges, physicalWindow, type Range, type TemperatureUnit, type VehicleProfile } from "./profile.js";
import { type ClimateZone, type FrontSeat, type PhysicalWindow, type VehicleState, WINDOWS } from "./state.js";

export type Args = Readonly<Record<string, Literal>>;

export type Plan =
  | {
      readonly kind: "act";
      readonly outcome: "accepted" | "clamped";
      readonly target: Target;
      readonly reason: string;
      /** Arguments as resolved by this plan for duplicate detection (defaults to the resolved args). */
      readonly keyArgs?: Args;
    }
  | {
      readonly kind: "reject";
      readonly code: Extract<RejectCode, "out_of_range" | "state_unknown">;
      readonly reason: string;
    };

export interface PlanContext {
  readonly profile: VehicleProfile;
  readonly state: VehicleState;
  /** Arguments with `driver`/`passenger` windows resolved to physical windows. */
  readonly args: Args;
  /** Arguments as the model gave them (after binding). */
  readonly given: Args;
}

export interface Actuation {
  /** Plural noun phrase for speed-gate reasons: "driver seat moves". */
  gated?(args: Args): string;
  /**
   * The one thing on the vehicle this call moves or switches, as a phrase ("driver seat
   * height", "front left window"), from the resolved arguments alone (no state). Two calls
   * with the same actuator command the same thing; the gate uses it to find a response that
   * commands one thing twice with different values (see conflicts.ts).
   */
  actuator(args: Args): string;
  /**
   * For a call that also moves other actuators (all windows moves each window): those
   * actuators, and the way it moves them ("up"/"down"), compared with a single actuator's
   * call said before it (conflicts.ts).
   */
  covers?(args: Args): { readonly actuators: readonly string[]; readonly way: string };
  /** The way a call moves its actuator, for `covers` ("up"/"down" for a window). */
  way?(args: Args): string;
  plan(ctx: PlanContext): Plan;
}

// ---------------------------------------------------------------- formatting

function num(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toFixed(3)));
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

type Fmt = (n: number) => string;
const mm: Fmt = (n) => `${num(n)} mm`;
const deg: Fmt = (n) => `${num(n)}°`;
const pct: Fmt = (n) => `${num(n)} %`;
const plain: Fmt = (n) => num(n);
const tempFmt =
  (unit: TemperatureUnit): Fmt =>
  (n) =>
    `${num(n)} °${unit === "celsius" ? "C" : "F"}`;

function rangeText(r: Range, f: Fmt): string {
  return `${f(r.min)}..${f(r.max)}`;
}

function clampTo(r: Range, v: number): number {
  return Math.min(r.max, Math.max(r.min, v));
}

const act = (outcome: "accepted" | "clamped", target: Target, reason: string, keyArgs?: Args): Plan =>
  keyArgs ? { kind: "act", outcome, target, reason, keyArgs } : { kind: "act", outcome, target, reason };
const reject = (code: "out_of_range" | "state_unknown", reason: string): Plan => ({ kind: "reject", code, reason });

// ---------------------------------------------------------------- relative steps

interface Step {
  /** What is asked, as a phrase: "move the driver seat backward 50 mm". */
  readonly request: string;
  /** What is being changed: "driver seat fore/aft position". */
  readonly label: string;
  readonly current: number | undefined;
  readonly delta: number;
  readonly range: Range;
  readonly fmt: Fmt;
  /** Why the range is what it is, for the clamp reason ("travel", "volume range"). */
  readonly rangeName: string;
  readonly target: (value: number) => Target;
  /** Extra sentence(s) before the result (e.g. the window resolution). */
  readonly prefix?: string;
  /** Whether an unknown current value may be stepped past a whole-travel end (see header). */
  readonly saturate?: boolean;
}

/** Applies a relative step to the known current value and clamps it to the range (rule 2/4). */
function relativeStep(s: Step): Plan {
  const { min, max } = s.range;
  const head = `${s.prefix ?? ""}${cap(s.request)}: `;
  if (s.current === undefined) {
    const span = max - min;
    const end = s.saturate && s.delta >= span ? max : s.saturate && -s.delta >= span ? min : undefined;
    if (end === undefined) {
      return reject(
        "state_unknown",
        `${head}the current ${s.label} is unknown, so a relative step cannot be applied safely; nothing is changed.`,
      );
    }
    return act(
      "clamped",
      s.target(end),
      `${head}the current ${s.label} is unknown, but this step reaches the end of the ${s.rangeName} (${rangeText(s.range, s.fmt)}) from any position, so the target is ${s.fmt(end)}.`,
    );
  }
  const raw = s.current + s.delta;
  const value = clampTo(s.range, raw);
  if (value === raw)
    return act("accepted", s.target(value), `${head}${s.label} ${s.fmt(s.current)} -> ${s.fmt(value)}.`);
  return act(
    "clamped",
    s.target(value),
    `${head}${s.label} ${s.fmt(s.current)} -> ${s.fmt(raw)} is outside the ${s.rangeName} ${rangeText(s.range, s.fmt)}, so it is clamped from ${s.fmt(raw)} to ${s.fmt(value)}.`,
  );
}

// ---------------------------------------------------------------- audio

const adjustVolume: Actuation = {
  actuator: () => "audio volume",
  plan({ profile, state, args }) {
    const range = profile.ranges.volume;
    const H = profile.hearingStepMax;
    const current = state.volume;
    const target = (volume: number): Target => ({ kind: "volume", volume });
    if (typeof args["set_value"] === "number") {
      const v = args["set_value"];
      if (v < range.min || v > range.max) {
        return reject(
          "out_of_range",
          `Volume ${v} is outside this vehicle's volume range ${rangeText(range, plain)} (likely a misrecognition), so nothing is changed.`,
        );
      }
      const base = current ?? 0;
      const assumed = current === undefined ? "; the current volume is unknown, so it is taken as 0 (worst case)" : "";
      if (v - base <= H) {
        return act(
          "accepted",
          target(v),
          `Volume set to ${v} (from ${current === undefined ? "unknown" : num(current)}).`,
        );
      }
      const capped = base + H;
      if (capped < range.min) {
        return reject(
          "out_of_range",
          `Volume set to ${v}: hearing protection allows at most +${H} per command from ${num(base)}${assumed}, which stays below this vehicle's minimum volume ${range.min}; nothing is changed.`,
        );
      }
      return act(
        "clamped",
        target(capped),
        `Volume set to ${v}: clamped from ${v} to ${num(capped)} by hearing protection (at most +${H} per command, from ${num(base)}${assumed}).`,
      );
    }
    const d = args["volume_diff"] as number;
    const request = `volume ${d >= 0 ? "up" : "down"} ${Math.abs(d)}`;
    if (current === undefined) {
      // Only a lowering can reach the bottom from anywhere; a raise needs the current volume (rule 3).
      return relativeStep({
        request,
        label: "volume",
        current,
        delta: d,
        range,
        fmt: plain,
        rangeName: "volume range",
        target,
        saturate: d < 0,
      });
    }
    const step = Math.min(d, H);
    const raw = current + d;
    const value = clampTo(range, current + step);
    if (value === raw)
      return act("accepted", target(value), `${cap(request)}: volume ${num(current)} -> ${num(value)}.`);
    const why: string[] = [];
    if (d > H) why.push(`hearing protection allows at most +${H} per command`);
    if (current + step !== value) why.push(`the volume range is ${rangeText(range, plain)}`);
    return act(
      "clamped",
      target(value),
      `${cap(request)}: volume ${num(current)} -> ${num(raw)} is clamped from ${num(raw)} to ${num(value)} (${why.join("; ")}).`,
    );
  },
};

const muteAudio: Actuation = {
  actuator: () => "audio mute",
  plan({ args }) {
    const mute = args["mute"] as boolean;
    return act("accepted", { kind: "mute", mute }, mute ? "Audio muted." : "Audio unmuted.");
  },
};

// ---------------------------------------------------------------- climate

/** Setting a zone's temperature and stepping it move the same thing. */
function zoneTemperature(args: Args): string {
  return `${args["zone"]} zone temperature`;
}

/** `celsiusReading`: the contract's declared Celsius range, i.e. which Fahrenheit values are read as Celsius. */
function makeSetTemperature(celsiusReading: Range): Actuation {
  return {
    actuator: zoneTemperature,
    plan({ profile, args, given }) {
      const zone = args["zone"] as ClimateZone;
      const value = args["temperature"] as number;
      const givenUnit = (args["unit"] as TemperatureUnit | undefined) ?? "fahrenheit";
      const readCelsius = givenUnit === "fahrenheit" && value >= celsiusReading.min && value <= celsiusReading.max;
      const unit: TemperatureUnit = readCelsius ? "celsius" : givenUnit;
      const f = tempFmt(unit);
      const range = profile.ranges.temperature[unit];
      const note = readCelsius
        ? `${num(value)} °F is not a cabin setting (no Fahrenheit setting is that low), so it is read as ${f(value)}. `
        : "";
      if (value < range.min || value > range.max) {
        return reject(
          "out_of_range",
          `${note}${cap(zone)} zone ${f(value)} is outside this vehicle's ${unit} range ${rangeText(range, f)} (likely a misrecognition), so nothing is changed.`,
        );
      }
      const keyArgs = readCelsius ? { ...given, unit: "celsius" } : undefined;
      return act(
        "accepted",
        { kind: "temperature", zone, temperature: value, unit },
        `${note}${cap(zone)} zone set to ${f(value)}.`,
        keyArgs,
      );
    },
  };
}

const changeTemperature: Actuation = {
  actuator: zoneTemperature,
  plan({ profile, state, args }) {
    const zone = args["zone"] as ClimateZone;
    const d = args["temperature_diff"] as number;
    const current = state.climate?.[zone];
    const unit = current?.unit ?? "fahrenheit";
    const request = `make the ${zone} zone ${Math.abs(d)} degree${Math.abs(d) === 1 ? "" : "s"} ${d > 0 ? "warmer" : "cooler"}`;
    return relativeStep({
      request,
      label: `${zone} zone setpoint`,
      current: current?.temperature,
      delta: d,
      range: profile.ranges.temperature[unit],
      fmt: tempFmt(unit),
      rangeName: `${unit} range`,
      target: (temperature) => ({ kind: "temperature", zone, temperature, unit }),
    });
  },
};

function makeFan(): Actuation {
  return {
    actuator: () => "fan speed",
    plan({ profile, state, args }) {
      const range = profile.ranges.fanSpeed;
      const target = (speed: number): Target => ({ kind: "fan", speed });
      if (typeof args["set_value"] === "number") {
        const v = args["set_value"];
        if (v < range.min || v > range.max) {
          return reject(
            "out_of_range",
            `Fan speed ${v} is outside this vehicle's fan range ${rangeText(range, plain)} (likely a misrecognition), so nothing is changed.`,
          );
        }
        const from = state.fanSpeed === undefined ? "unknown" : num(state.fanSpeed);
        return act("accepted", target(v), `Fan speed set to ${v} (from ${from}).`);
      }
      const d = args["speed_diff"] as number;
      return relativeStep({
        request: `fan ${d >= 0 ? "up" : "down"} ${Math.abs(d)}`,
        label: "fan speed",
        current: state.fanSpeed,
        delta: d,
        range,
        fmt: plain,
        rangeName: "fan range",
        target,
        saturate: true,
      });
    },
  };
}

function onOff(on: boolean): string {
  return on ? "on" : "off";
}

/** An on/off function; the target carries the registry function name (what the adapters key on). */
function makeSwitch(fn: string, label: string, targetParam?: string): Actuation {
  return {
    actuator: (args) => (targetParam ? `${args[targetParam]} ${label}` : label),
    plan({ args }) {
      const on = args["on"] as boolean;
      const t = targetParam ? (args[targetParam] as string) : undefined;
      return act(
        "accepted",
        t === undefined ? { kind: "switch", function: fn, on } : { kind: "switch", function: fn, on, target: t },
        `${cap(t === undefined ? label : `${t} ${label}`)} switched ${onOff(on)}.`,
      );
    },
  };
}

const airflow: Actuation = {
  actuator: () => "airflow mode",
  plan({ args }) {
    const mode = args["mode"] as string;
    return act("accepted", { kind: "airflow", mode }, `Airflow set to ${mode}.`);
  },
};

function makeSeatLevel(fn: string, label: string): Actuation {
  return {
    actuator: (args) => `${args["seat"]} seat ${label}`,
    plan({ args }) {
      const seat = args["seat"] as string;
      const level = args["level"] as number;
      return act(
        "accepted",
        { kind: "seat_level", function: fn, seat, level },
        level === 0 ? `${cap(seat)} seat ${label} switched off.` : `${cap(seat)} seat ${label} set to level ${level}.`,
      );
    },
  };
}

// ---------------------------------------------------------------- seats

const seatPosition: Actuation = {
  gated: (args) => `${args["seat"]} seat moves`,
  actuator: (args) =>
    `${args["seat"]} seat ${args["position"] === "up" || args["position"] === "down" ? "height" : "fore/aft position"}`,
  plan({ profile, state, args }) {
    const seat = args["seat"] as FrontSeat;
    const direction = args["position"] as "forward" | "backward" | "up" | "down";
    const distance = args["distance"] as number;
    const foreAft = direction === "forward" || direction === "backward";
    const sign = direction === "backward" || direction === "up" ? 1 : -1;
    const axis = foreAft ? "fore_aft" : "height";
    return relativeStep({
      request: `move the ${seat} seat ${direction} ${mm(distance)}`,
      label: `${seat} seat ${foreAft ? "fore/aft position" : "height"}`,
      current: foreAft ? state.seats?.[seat]?.foreAftMm : state.seats?.[seat]?.heightMm,
      delta: sign * distance,
      range: foreAft ? profile.travel.seatForeAftMm : profile.travel.seatHeightMm,
      fmt: mm,
      rangeName: "seat travel",
      target: (value) => ({ kind: "seat_position", seat, axis, mm: value }),
      saturate: true,
    });
  },
};

const seatRecline: Actuation = {
  gated: (args) => `${args["seat"]} seat recline changes`,
  actuator: (args) => `${args["seat"]} seat recline`,
  plan({ profile, state, args }) {
    const seat = args["seat"] as FrontSeat;
    const direction = args["direction"] as "forward" | "backward";
    const angle = args["angle"] as number;
    return relativeStep({
      request: `recline the ${seat} seat ${direction} ${deg(angle)}`,
      label: `${seat} seat recline`,
      current: state.seats?.[seat]?.reclineDeg,
      delta: direction === "backward" ? angle : -angle,
      range: profile.travel.seatReclineDeg,
      fmt: deg,
      rangeName: "recline travel",
      target: (value) => ({ kind: "seat_recline", seat, deg: value }),
      saturate: true,
    });
  },
};

// ---------------------------------------------------------------- windows, sunroof, sunshade

function handednessText(profile: VehicleProfile): string {
  return profile.handedness === "lhd" ? "left-hand-drive" : "right-hand-drive";
}

const windowActuator = (window: string) => `${window} window`;

const controlWindow: Actuation = {
  // The physical window ("driver" is resolved by handedness before this is asked).
  actuator: (args) => windowActuator(args["window"] as string),
  way: (args) => args["position"] as string,
  plan({ profile, state, args, given }) {
    const window = args["window"] as PhysicalWindow;
    const named = given["window"] as string;
    const position = args["position"] as "up" | "down";
    const distance = args["distance"] as number;
    const prefix =
      named !== window
        ? `The ${named} window is the ${window} window in this ${handednessText(profile)} vehicle. `
        : undefined;
    return relativeStep({
      request: `move the ${window} window ${position} ${mm(distance)}`,
      label: `${window} window opening`,
      current: state.windowsMm?.[window],
      delta: position === "down" ? distance : -distance,
      range: profile.travel.windowMm,
      fmt: mm,
      rangeName: "window travel",
      target: (value) => ({ kind: "window", window, mm: value }),
      ...(prefix ? { prefix } : {}),
      saturate: true,
    });
  },
};

const controlAllWindows: Actuation = {
  // Its own actuator: "close all windows, then open mine a bit" is a sequence, not a conflict
  // (but one window moved the other way before it is: conflicts.ts).
  actuator: () => "all windows",
  covers: (args) => ({ actuators: WINDOWS.map(windowActuator), way: args["position"] as string }),
  plan({ profile, args }) {
    const up = args["position"] === "up";
    const travel = profile.travel.windowMm;
    const value = up ? travel.min : travel.max;
    return act(
      "accepted",
      { kind: "all_windows", mm: value },
      up ? `All windows close (${mm(value)} open).` : `All windows open fully (${mm(value)}).`,
    );
  },
};

const sunroof: Actuation = {
  gated: (args) => `sunroof ${args["action"]} commands`,
  actuator: () => "sunroof",
  plan({ profile, state, args }) {
    const action = args["action"] as "open" | "close" | "tilt";
    const intensity = args["intensity"] as number | undefined;
    const travel = profile.travel.sunroofPercent;
    if (action === "tilt") {
      const percent = intensity ?? 100;
      return act(
        "accepted",
        { kind: "sunroof", action, percent },
        `Sunroof tilts to ${pct(percent)} of its tilt travel.`,
      );
    }
    if (action === "open") {
      const wanted = intensity ?? travel.max;
      const value = clampTo(travel, wanted);
      const from = state.sunroofPercent === undefined ? "unknown" : pct(state.sunroofPercent);
      if (value === wanted) {
        return act(
          "accepted",
          { kind: "sunroof", action, percent: value },
          `Sunroof opens to ${pct(value)} (from ${from}).`,
        );
      }
      return act(
        "clamped",
        { kind: "sunroof", action, percent: value },
        `Open the sunroof to ${pct(wanted)}: outside the sunroof travel ${rangeText(travel, pct)}, so it is clamped from ${pct(wanted)} to ${pct(value)}.`,
      );
    }
    if (intensity === undefined || intensity >= 100) {
      const from = state.sunroofPercent === undefined ? "unknown" : pct(state.sunroofPercent);
      return act("accepted", { kind: "sunroof", action, percent: travel.min }, `Sunroof closes fully (from ${from}).`);
    }
    return relativeStep({
      request: `close the sunroof by ${pct(intensity)}`,
      label: "sunroof opening",
      current: state.sunroofPercent,
      delta: -intensity,
      range: travel,
      fmt: pct,
      rangeName: "sunroof travel",
      target: (percent) => ({ kind: "sunroof", action, percent }),
    });
  },
};

const sunshade: Actuation = {
  actuator: () => "sunshade",
  plan({ args }) {
    const action = args["action"] as "open" | "close";
    return act("accepted", { kind: "sunshade", action }, action === "open" ? "Sunshade opens." : "Sunshade closes.");
  },
};

const childLockSwitch = makeSwitch("set_window_child_lock", "window child lock");
const childLock: Actuation = {
  gated: () => "child lock release commands",
  actuator: childLockSwitch.actuator,
  plan: childLockSwitch.plan,
};

/**
 * Every actuating function of the registry, by name. gate.ts checks at start-up that each
 * actuating registry function has an entry here (a new function without one stops the
 * process rather than being silently unactuatable).
 */
export const actuations: Readonly<Record<string, Actuation>> = {
  adjust_volume: adjustVolume,
  set_climate_temperature: makeSetTemperature(declaredRanges.temperature.celsius),
  adjust_seat_position: seatPosition,
  control_window: controlWindow,
  operate_sunroof: sunroof,
  mute_audio: muteAudio,
  change_climate_temperature: changeTemperature,
  adjust_fan_speed: makeFan(),
  set_air_conditioning: makeSwitch("set_air_conditioning", "air conditioning"),
  set_air_recirculation: makeSwitch("set_air_recirculation", "air recirculation"),
  set_defroster: makeSwitch("set_defroster", "defroster", "target"),
  set_airflow_mode: airflow,
  set_climate_auto_mode: makeSwitch("set_climate_auto_mode", "automatic climate control"),
  adjust_seat_recline: seatRecline,
  set_seat_heating: makeSeatLevel("set_seat_heating", "heating"),
  set_seat_ventilation: makeSeatLevel("set_seat_ventilation", "ventilation"),
  set_steering_wheel_heating: makeSwitch("set_steering_wheel_heating", "steering wheel heating"),
  control_all_windows: controlAllWindows,
  set_window_child_lock: childLock,
  operate_sunshade: sunshade,
};

/** Arguments with `driver`/`passenger` windows resolved to the physical window (LHD/RHD). */
export function resolveArgs(profile: VehicleProfile, args: Args, windowParams: readonly string[]): Args {
  let out: Record<string, Literal> | undefined;
  for (const name of windowParams) {
    const v = args[name];
    if (typeof v !== "string") continue;
    const physical = physicalWindow(profile, v);
    if (physical !== v) {
      out ??= { ...args };
      out[name] = physical;
    }
  }
  return out ?? args;
}
