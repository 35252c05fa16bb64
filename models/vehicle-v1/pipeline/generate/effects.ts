/**
 * What a call does to the cabin, for families that must not pair a request with one that
 * contradicts it: a reason ("I'm cold, close the windows") or a complaint ("I'm cold, and
 * turn on my seat heater") never goes with a call that works against it.
 */
import type { CallSpec } from "./calls.js";

export const num = (c: CallSpec, k: string) => (typeof c.args[k] === "number" ? (c.args[k] as number) : undefined);

export const warmer = (c: CallSpec) =>
  (c.fn === "change_climate_temperature" && (num(c, "temperature_diff") ?? 0) > 0) ||
  (c.fn === "set_seat_heating" && (num(c, "level") ?? 0) > 0) ||
  (c.fn === "set_steering_wheel_heating" && c.args.on === true);

export const cooler = (c: CallSpec) =>
  (c.fn === "change_climate_temperature" && (num(c, "temperature_diff") ?? 0) < 0) ||
  (c.fn === "set_air_conditioning" && c.args.on === true) ||
  (c.fn === "set_seat_ventilation" && (num(c, "level") ?? 0) > 0) ||
  (c.fn === "adjust_fan_speed" && ((num(c, "speed_diff") ?? 0) > 0 || (num(c, "set_value") ?? 0) >= 4));

/** Switches a heater off: the seat heating to 0 or the steering-wheel heating off. */
export const heaterOff = (c: CallSpec) =>
  (c.fn === "set_seat_heating" && num(c, "level") === 0) ||
  (c.fn === "set_steering_wheel_heating" && c.args.on === false);

export const closing = (c: CallSpec) =>
  (c.fn === "control_all_windows" && c.args.position === "up") ||
  (c.fn === "control_window" && c.args.position === "up") ||
  (c.fn === "operate_sunroof" && c.args.action === "close");

export const opening = (c: CallSpec) =>
  (c.fn === "control_all_windows" && c.args.position === "down") ||
  (c.fn === "control_window" && c.args.position === "down") ||
  (c.fn === "operate_sunroof" && c.args.action !== "close");
