/**
 * The vehicle state: its JSON names (strict: unknown fields are errors), the simulated parked
 * vehicle, overlays, and how a granted target updates the predicted state.
 */
import { describe, expect, it } from "vitest";
import type { Target } from "../../src/core/types.js";
import { defaultProfile, type VehicleProfile } from "../../src/safety/profile.js";
import {
  applyTarget,
  parkedVehicleState,
  parseState,
  parseStateText,
  type VehicleState,
} from "../../src/safety/state.js";

const full: VehicleState = {
  speedKmh: 42.5,
  speedAgeMs: 120,
  volume: 12,
  fanSpeed: 3,
  seats: {
    driver: { foreAftMm: 100, heightMm: 30, reclineDeg: 15 },
    passenger: { foreAftMm: 200, heightMm: 10, reclineDeg: 25 },
  },
  windowsMm: { "front left": 0, "front right": 100, "rear left": 250, "rear right": 500 },
  sunroofPercent: 40,
  childLock: false,
  climate: {
    driver: { temperature: 72, unit: "fahrenheit" },
    passenger: { temperature: 21, unit: "celsius" },
    rear: { temperature: 70, unit: "fahrenheit" },
  },
};

function issues(json: unknown): { path: string; message: string }[] {
  const r = parseState(json);
  if (r.ok) throw new Error("expected an invalid state");
  return [...r.error.issues];
}

describe("parseState", () => {
  it("accepts every documented field with its JSON name", () => {
    expect(parseState(full)).toEqual({ ok: true, value: full });
    expect(parseState(JSON.parse(JSON.stringify(full)))).toEqual({ ok: true, value: full });
  });

  it("accepts an empty state: everything unknown", () => {
    expect(parseState({})).toEqual({ ok: true, value: {} });
  });

  it("accepts partial nested objects (each field unknown on its own)", () => {
    const partial = { seats: { driver: { heightMm: 10 } }, windowsMm: { "rear left": 3 }, climate: {} };
    expect(parseState(partial)).toEqual({ ok: true, value: partial });
  });

  type Case = [string, unknown, string, RegExp];
  const cases: Case[] = [
    ["unknown top-level field", { speed: 80 }, "speed", /unknown field/],
    ["misspelt field", { speedKMH: 80 }, "speedKMH", /unknown field/],
    ["unknown seat", { seats: { rear: {} } }, "seats.rear", /unknown field/],
    ["unknown seat field", { seats: { driver: { tiltDeg: 3 } } }, "seats.driver.tiltDeg", /unknown field/],
    [
      "logical window name (state uses physical windows)",
      { windowsMm: { driver: 10 } },
      "windowsMm.driver",
      /unknown field/,
    ],
    [
      "unknown climate zone",
      { climate: { back: { temperature: 70, unit: "fahrenheit" } } },
      "climate.back",
      /unknown field/,
    ],
    ["speed as string", { speedKmh: "80" }, "speedKmh", /expected number, got string "80"/],
    ["speed null", { speedKmh: null }, "speedKmh", /expected number, got null/],
    ["negative speed", { speedKmh: -1 }, "speedKmh", />= 0/],
    ["negative age", { speedAgeMs: -5 }, "speedAgeMs", />= 0/],
    ["child lock as string", { childLock: "on" }, "childLock", /expected boolean/],
    ["sunroof above 100", { sunroofPercent: 101 }, "sunroofPercent", /0\.\.100/],
    ["window negative", { windowsMm: { "front left": -1 } }, 'windowsMm["front left"]', />= 0/],
    ["seats not an object", { seats: [] }, "seats", /expected object, got an array/],
    [
      "climate without unit",
      { climate: { rear: { temperature: 70 } } },
      "climate.rear.unit",
      /^missing \(must be "fahrenheit" or "celsius"\)$/,
    ],
    [
      "climate kelvin",
      { climate: { rear: { temperature: 290, unit: "kelvin" } } },
      "climate.rear.unit",
      /"fahrenheit" or "celsius"/,
    ],
    ["state not an object", 80, "(root)", /expected object, got number 80/],
  ];
  it.each(cases)("%s", (_label, json, path, message) => {
    const found = issues(json);
    const hit = found.find((i) => i.path === path);
    expect(hit, JSON.stringify(found)).toBeDefined();
    expect(hit!.message).toMatch(message);
  });

  it("lists every bad field in one message", () => {
    const r = parseState({ speedKmh: "fast", volume: -2, seats: { driver: { foo: 1 } }, extra: 1 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatchObject({ kind: "state", code: "invalid" });
    expect(r.error.message.split("\n")).toEqual([
      "vehicle state: 4 problems:",
      "  - extra: unknown field (not allowed)",
      "  - seats.driver.foo: unknown field (not allowed)",
      '  - speedKmh: expected number, got string "fast"',
      "  - volume: must be >= 0",
    ]);
  });

  it("parseStateText reports text that is not JSON", () => {
    expect(parseStateText('{"speedKmh": 80}')).toEqual({ ok: true, value: { speedKmh: 80 } });
    const r = parseStateText("{speedKmh: 80}");
    expect(r).toMatchObject({ ok: false, error: { kind: "state", code: "bad_json" } });
    if (!r.ok) expect(r.error.message).toMatch(/^vehicle state: not valid JSON/);
  });
});

describe("parkedVehicleState", () => {
  it("is a parked vehicle with every position known", () => {
    expect(parkedVehicleState()).toEqual({
      speedKmh: 0,
      speedAgeMs: 0,
      volume: 10,
      fanSpeed: 2,
      seats: {
        driver: { foreAftMm: 125, heightMm: 40, reclineDeg: 20 },
        passenger: { foreAftMm: 125, heightMm: 40, reclineDeg: 20 },
      },
      windowsMm: { "front left": 0, "front right": 0, "rear left": 0, "rear right": 0 },
      sunroofPercent: 0,
      childLock: true,
      climate: {
        driver: { temperature: 72, unit: "fahrenheit" },
        passenger: { temperature: 72, unit: "fahrenheit" },
        rear: { temperature: 72, unit: "fahrenheit" },
      },
    });
    expect(parseState(parkedVehicleState()).ok).toBe(true);
  });

  it("fits a profile with other travel and ranges", () => {
    const p = structuredClone(defaultProfile) as VehicleProfile & {
      travel: Record<string, unknown>;
      ranges: Record<string, unknown>;
    };
    p.travel["seatForeAftMm"] = { min: 10, max: 210 };
    p.ranges["volume"] = { min: 15, max: 40 };
    p.ranges["temperature"] = { fahrenheit: { min: 62, max: 70 }, celsius: { min: 16, max: 27 } };
    const s = parkedVehicleState(p);
    expect(s.seats?.driver?.foreAftMm).toBe(110);
    expect(s.volume).toBe(15);
    expect(s.climate?.rear).toEqual({ temperature: 70, unit: "fahrenheit" });
  });

  it("returns a fresh object each time", () => {
    const a = parkedVehicleState();
    expect(a).not.toBe(parkedVehicleState());
    expect(a.seats?.driver).not.toBe(a.seats?.passenger);
  });
});

describe("applyTarget (predicted state)", () => {
  const base = parkedVehicleState();
  const cases: [string, Target, Partial<VehicleState>][] = [
    ["volume", { kind: "volume", volume: 33 }, { volume: 33 }],
    ["fan", { kind: "fan", speed: 6 }, { fanSpeed: 6 }],
    [
      "temperature",
      { kind: "temperature", zone: "rear", temperature: 20, unit: "celsius" },
      { climate: { ...base.climate, rear: { temperature: 20, unit: "celsius" } } },
    ],
    [
      "seat fore/aft",
      { kind: "seat_position", seat: "passenger", axis: "fore_aft", mm: 0 },
      { seats: { ...base.seats, passenger: { foreAftMm: 0, heightMm: 40, reclineDeg: 20 } } },
    ],
    [
      "seat height",
      { kind: "seat_position", seat: "driver", axis: "height", mm: 80 },
      { seats: { ...base.seats, driver: { foreAftMm: 125, heightMm: 80, reclineDeg: 20 } } },
    ],
    [
      "recline",
      { kind: "seat_recline", seat: "driver", deg: 0 },
      { seats: { ...base.seats, driver: { foreAftMm: 125, heightMm: 40, reclineDeg: 0 } } },
    ],
    [
      "window",
      { kind: "window", window: "rear right", mm: 120 },
      { windowsMm: { ...base.windowsMm, "rear right": 120 } },
    ],
    [
      "all windows",
      { kind: "all_windows", mm: 500 },
      { windowsMm: { "front left": 500, "front right": 500, "rear left": 500, "rear right": 500 } },
    ],
    ["sunroof open", { kind: "sunroof", action: "open", percent: 55 }, { sunroofPercent: 55 }],
    ["sunroof tilt (not the slide position)", { kind: "sunroof", action: "tilt", percent: 100 }, {}],
    ["child lock", { kind: "switch", function: "set_window_child_lock", on: false }, { childLock: false }],
    ["air conditioning (not tracked)", { kind: "switch", function: "set_air_conditioning", on: true }, {}],
    ["mute (not tracked)", { kind: "mute", mute: true }, {}],
  ];
  it.each(cases)("%s", (_label, target, change) => {
    const before = structuredClone(base);
    expect(applyTarget(base, target)).toEqual({ ...base, ...change });
    expect(base).toEqual(before);
  });

  it("fills in unknown nested objects", () => {
    expect(applyTarget({}, { kind: "seat_recline", seat: "driver", deg: 10 })).toEqual({
      seats: { driver: { reclineDeg: 10 } },
    });
    expect(applyTarget({}, { kind: "temperature", zone: "driver", temperature: 70, unit: "fahrenheit" })).toEqual({
      climate: { driver: { temperature: 70, unit: "fahrenheit" } },
    });
  });
});
