/**
 * Target (what the gate granted) -> command message and signal values, by DBC names.
 *
 * This module is tables only: which message and which signal carries each part of a target,
 * and which VAL_ label stands for a boolean. Enum values travel as VAL_ labels (an airflow
 * mode "face and feet" is the label "face and feet" of AirflowMode_Req), so codes come from
 * the DBC's value tables, never from here. `checkMapping` proves at start-up that every name
 * and label below exists in the database and that every registry enum value the targets can
 * carry has an entry.
 *
 * Every other signal of the message stays at its start value ("no request"), so a frame only
 * ever changes the one function it was sent for.
 */
import type { Target } from "../../src/core/types.js";
import { registry } from "../../src/registry/index.js";
import { labelToRaw } from "./dbc/codec.js";
import type { DbcMessage } from "./dbc/types.js";

/** Signal values by DBC name: a physical number or a VAL_ label. */
export interface CommandPlan {
  readonly message: string;
  readonly values: Readonly<Record<string, number | string>>;
}

export type MappingErrorCode =
  | "unknown_function"
  | "unknown_zone"
  | "unknown_seat"
  | "unknown_window"
  | "unknown_target";

export interface MappingError {
  readonly kind: "mapping";
  readonly code: MappingErrorCode;
  readonly message: string;
}

type Plan = { readonly ok: true; readonly plan: CommandPlan } | { readonly ok: false; readonly error: MappingError };

interface SwitchEntry {
  readonly message: string;
  readonly signal: string;
  readonly on: string;
  readonly off: string;
}

// ---------------------------------------------------------------- the tables

export const TEMPERATURE = {
  message: "HU_ClimateTempCmd",
  unit: "ClimTempUnit_Req",
  zones: { driver: "ClimTempDrv_Req", passenger: "ClimTempPas_Req", rear: "ClimTempRear_Req" },
} as const;

export const FAN = { message: "HU_ClimateCtrlCmd", signal: "FanSpeed_Req" } as const;

export const AIRFLOW = { message: "HU_ClimateCtrlCmd", signal: "AirflowMode_Req" } as const;

export const SEATS = {
  driver: {
    message: "HU_SeatDrvCmd",
    fore_aft: "SeatDrvForeAft_Req",
    height: "SeatDrvHeight_Req",
    recline: "SeatDrvRecline_Req",
  },
  passenger: {
    message: "HU_SeatPasCmd",
    fore_aft: "SeatPasForeAft_Req",
    height: "SeatPasHeight_Req",
    recline: "SeatPasRecline_Req",
  },
} as const;

/** Physical windows only: the gate resolves "driver"/"passenger" through the vehicle profile. */
export const WINDOWS = {
  message: "HU_WindowCmd",
  windows: {
    "front left": "WinPosFL_Req",
    "front right": "WinPosFR_Req",
    "rear left": "WinPosRL_Req",
    "rear right": "WinPosRR_Req",
  },
} as const;

export const SUNROOF = { message: "HU_RoofCmd", action: "SunroofAction_Req", position: "SunroofPos_Req" } as const;

export const SUNSHADE = { message: "HU_RoofCmd", signal: "Sunshade_Req" } as const;

export const VOLUME = { message: "HU_AudioCmd", signal: "Volume_Req" } as const;

export const MUTE: SwitchEntry = { message: "HU_AudioCmd", signal: "Mute_Req", on: "mute", off: "unmute" };

const onOff = (message: string, signal: string): SwitchEntry => ({ message, signal, on: "on", off: "off" });

/** Boolean functions by registry name; `set_defroster` is keyed by its `target` argument. */
export const SWITCHES: Readonly<Record<string, SwitchEntry | Readonly<Record<string, SwitchEntry>>>> = {
  set_air_conditioning: onOff("HU_ClimateCtrlCmd", "AC_Req"),
  set_air_recirculation: onOff("HU_ClimateCtrlCmd", "Recirc_Req"),
  set_climate_auto_mode: onOff("HU_ClimateCtrlCmd", "AutoMode_Req"),
  set_defroster: {
    front: onOff("HU_ClimateCtrlCmd", "DefrostFront_Req"),
    rear: onOff("HU_ClimateCtrlCmd", "DefrostRear_Req"),
  },
  set_steering_wheel_heating: onOff("HU_ComfortHeatCmd", "SteerWhlHeat_Req"),
  set_window_child_lock: { message: "HU_WindowCmd", signal: "ChildLock_Req", on: "engage", off: "disengage" },
};

/** Level functions (0 = off .. 3 = high) by registry name, then seat. */
export const SEAT_LEVELS: Readonly<
  Record<string, { readonly message: string; readonly seats: Readonly<Record<string, string>> }>
> = {
  set_seat_heating: {
    message: "HU_ComfortHeatCmd",
    seats: {
      driver: "SeatHeatDrv_Req",
      passenger: "SeatHeatPas_Req",
      "rear left": "SeatHeatRL_Req",
      "rear right": "SeatHeatRR_Req",
    },
  },
  set_seat_ventilation: {
    message: "HU_ComfortHeatCmd",
    seats: { driver: "SeatVentDrv_Req", passenger: "SeatVentPas_Req" },
  },
};

// ---------------------------------------------------------------- target -> plan

function fail(code: MappingErrorCode, message: string): Plan {
  return { ok: false, error: { kind: "mapping", code, message } };
}

function plan(message: string, values: Record<string, number | string>): Plan {
  return { ok: true, plan: { message, values } };
}

function lookup<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

function isSwitchEntry(v: SwitchEntry | Readonly<Record<string, SwitchEntry>>): v is SwitchEntry {
  return typeof (v as SwitchEntry).signal === "string";
}

/** The command message and signal values for one target. Pure; never throws. */
export function commandFor(target: Target): Plan {
  switch (target.kind) {
    case "volume":
      return plan(VOLUME.message, { [VOLUME.signal]: target.volume });
    case "mute":
      return plan(MUTE.message, { [MUTE.signal]: target.mute ? MUTE.on : MUTE.off });
    case "temperature": {
      const signal = lookup<string>(TEMPERATURE.zones, target.zone);
      if (!signal) return fail("unknown_zone", `no climate zone ${JSON.stringify(target.zone)} on this vehicle`);
      return plan(TEMPERATURE.message, { [TEMPERATURE.unit]: target.unit, [signal]: target.temperature });
    }
    case "fan":
      return plan(FAN.message, { [FAN.signal]: target.speed });
    case "airflow":
      return plan(AIRFLOW.message, { [AIRFLOW.signal]: target.mode });
    case "seat_position":
    case "seat_recline": {
      const seat = lookup<(typeof SEATS)[keyof typeof SEATS]>(SEATS, target.seat);
      if (!seat) return fail("unknown_seat", `no adjustable seat ${JSON.stringify(target.seat)} on this vehicle`);
      if (target.kind === "seat_recline") return plan(seat.message, { [seat.recline]: target.deg });
      return plan(seat.message, { [target.axis === "fore_aft" ? seat.fore_aft : seat.height]: target.mm });
    }
    case "window": {
      const signal = lookup<string>(WINDOWS.windows, target.window);
      if (!signal) {
        return fail(
          "unknown_window",
          `no window ${JSON.stringify(target.window)}; expected a physical window (front left ...)`,
        );
      }
      return plan(WINDOWS.message, { [signal]: target.mm });
    }
    case "all_windows":
      return plan(WINDOWS.message, Object.fromEntries(Object.values(WINDOWS.windows).map((s) => [s, target.mm])));
    case "sunroof":
      return plan(SUNROOF.message, { [SUNROOF.action]: target.action, [SUNROOF.position]: target.percent });
    case "sunshade":
      return plan(SUNSHADE.message, { [SUNSHADE.signal]: target.action });
    case "switch": {
      const entry = lookup(SWITCHES, target.function);
      if (!entry) return fail("unknown_function", `${target.function} is not a switch on this vehicle`);
      const sw = isSwitchEntry(entry) ? entry : lookup(entry, target.target ?? "");
      if (!sw) return fail("unknown_target", `${target.function} has no target ${JSON.stringify(target.target)}`);
      return plan(sw.message, { [sw.signal]: target.on ? sw.on : sw.off });
    }
    case "seat_level": {
      const entry = lookup(SEAT_LEVELS, target.function);
      if (!entry) return fail("unknown_function", `${target.function} is not a seat level function on this vehicle`);
      const signal = lookup(entry.seats, target.seat);
      if (!signal) return fail("unknown_seat", `${target.function} has no seat ${JSON.stringify(target.seat)}`);
      return plan(entry.message, { [signal]: target.level });
    }
  }
}

// ---------------------------------------------------------------- start-up check

interface DbLike {
  readonly dbc: { messageByName(name: string): DbcMessage | undefined };
}

/**
 * Every problem of the tables against the database and the registry (empty = consistent):
 * messages and signals exist and are sent by the head unit, labels exist in VAL_ tables, and
 * every enum value of the registry that a target can carry has a signal or label.
 */
export function checkMapping(db: DbLike, head = "HU"): string[] {
  const problems: string[] = [];
  const signal = (message: string, name: string, label?: string): void => {
    const m = db.dbc.messageByName(message);
    if (!m) return void problems.push(`mapping names message ${message}, which the DBC does not define`);
    if (m.transmitter !== head)
      problems.push(`mapping sends ${message}, which ${m.transmitter} transmits, not ${head}`);
    const s = m.signalsByName.get(name);
    if (!s) return void problems.push(`mapping names ${message}.${name}, which the DBC does not define`);
    if (label !== undefined && labelToRaw(s, label) === undefined) {
      problems.push(`mapping uses label ${JSON.stringify(label)} of ${message}.${name}, which has no such VAL_ entry`);
    }
  };
  const enumValues = (name: string): readonly string[] => registry.enums[name] ?? [];
  const covered = (what: string, table: object, values: readonly string[]): void => {
    for (const v of values) if (!Object.hasOwn(table, v)) problems.push(`mapping has no ${what} ${JSON.stringify(v)}`);
  };

  for (const unit of enumValues("temperature_unit")) signal(TEMPERATURE.message, TEMPERATURE.unit, unit);
  for (const s of Object.values(TEMPERATURE.zones)) signal(TEMPERATURE.message, s);
  covered("climate zone", TEMPERATURE.zones, enumValues("zone"));
  signal(FAN.message, FAN.signal);
  for (const mode of enumValues("airflow_mode")) signal(AIRFLOW.message, AIRFLOW.signal, mode);
  for (const seat of Object.values(SEATS))
    for (const s of [seat.fore_aft, seat.height, seat.recline]) signal(seat.message, s);
  covered("seat", SEATS, enumValues("front_seat"));
  for (const s of Object.values(WINDOWS.windows)) signal(WINDOWS.message, s);
  covered("window", WINDOWS.windows, ["front left", "front right", "rear left", "rear right"]);
  for (const a of enumValues("sunroof_action")) signal(SUNROOF.message, SUNROOF.action, a);
  signal(SUNROOF.message, SUNROOF.position);
  for (const a of enumValues("open_close")) signal(SUNSHADE.message, SUNSHADE.signal, a);
  signal(VOLUME.message, VOLUME.signal);
  const switches: SwitchEntry[] = [MUTE];
  for (const entry of Object.values(SWITCHES))
    switches.push(...(isSwitchEntry(entry) ? [entry] : Object.values(entry)));
  for (const sw of switches) {
    signal(sw.message, sw.signal, sw.on);
    signal(sw.message, sw.signal, sw.off);
  }
  const defroster = SWITCHES["set_defroster"];
  if (defroster && !isSwitchEntry(defroster)) covered("defroster", defroster, enumValues("defrost_target"));
  for (const [fn, entry] of Object.entries(SEAT_LEVELS)) {
    for (const s of Object.values(entry.seats)) signal(entry.message, s);
    const seatEnum = registry.byName(fn)?.params.find((p) => p.name === "seat")?.enum;
    covered(`${fn} seat`, entry.seats, seatEnum ? enumValues(seatEnum) : []);
  }
  // Every boolean function of the registry ("on" parameter) needs a switch entry.
  for (const f of registry.functions) {
    if (f.params.some((p) => p.name === "on" && p.type === "bool") && !Object.hasOwn(SWITCHES, f.name)) {
      problems.push(`mapping has no switch for ${f.name}`);
    }
  }
  return problems;
}
