/**
 * The vehicle profile: the contract's §4 defaults, the shipped JSON files, and validation
 * that lists every bad field (a bad profile must stop the daemon with a clear error).
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  defaultProfile,
  loadProfile,
  parseProfile,
  physicalWindow,
  type VehicleProfile,
} from "../../src/safety/profile.js";
import { scratchDirs } from "../scratch-dirs.js";

const profilesDir = new URL("../../config/profiles/", import.meta.url).pathname;
type Json = Record<string, unknown>;
const clone = (): Json => structuredClone(defaultProfile) as unknown as Json;
const tmp = scratchDirs("octopus-profile-")();

function problems(json: unknown): { path: string; message: string }[] {
  const r = parseProfile(json);
  if (r.ok) throw new Error("expected an invalid profile");
  expect(r.error.code).toBe("invalid");
  return [...r.error.issues];
}

describe("default profile (contract §4)", () => {
  it("has the contract's limits", () => {
    expect(defaultProfile).toEqual({
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
  });

  it("is valid by its own schema and deeply frozen", () => {
    expect(parseProfile(defaultProfile)).toEqual({ ok: true, value: defaultProfile });
    expect(Object.isFrozen(defaultProfile.travel.windowMm)).toBe(true);
    expect(Object.isFrozen(defaultProfile.ranges.temperature.celsius)).toBe(true);
  });

  it("config/profiles/default-lhd.json is the default profile", () => {
    expect(loadProfile(join(profilesDir, "default-lhd.json"))).toEqual({ ok: true, value: defaultProfile });
  });

  it("config/profiles/example-rhd.json is a valid right-hand-drive profile", () => {
    const r = loadProfile(join(profilesDir, "example-rhd.json"));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.handedness).toBe("rhd");
  });
});

describe("physical windows by handedness", () => {
  const rhd = { ...defaultProfile, handedness: "rhd" } as VehicleProfile;
  it.each([
    [defaultProfile, "driver", "front left"],
    [defaultProfile, "passenger", "front right"],
    [rhd, "driver", "front right"],
    [rhd, "passenger", "front left"],
    [rhd, "rear left", "rear left"],
    [defaultProfile, "front right", "front right"],
  ] as const)("%#: %s -> %s", (profile, window, physical) => {
    expect(physicalWindow(profile, window)).toBe(physical);
  });
});

describe("profile validation: every bad field is listed", () => {
  const DELETE = Symbol("delete");
  /** [label, dotted path to change, new value (or DELETE), expected issue path, expected message] */
  type Case = [string, string, unknown, string, RegExp];
  const cases: Case[] = [
    ["unknown top-level field", "speedLimit", 5, "speedLimit", /unknown field/],
    ["unknown nested field", "travel.windowMm.step", 1, "travel.windowMm.step", /unknown field/],
    ["unknown travel", "travel.trunkMm", { min: 0, max: 1 }, "travel.trunkMm", /unknown field/],
    ["wrong type", "hearingStepMax", "20", "hearingStepMax", /expected number, got string "20"/],
    ["wrong type (object)", "speed", 5, "speed", /expected object, got number 5/],
    ["missing field", "flood.duplicateWindowMs", DELETE, "flood.duplicateWindowMs", /missing/],
    ["missing name", "name", DELETE, "name", /missing/],
    ["bad handedness", "handedness", "left", "handedness", /"lhd" or "rhd"/],
    [
      "min > max",
      "travel.seatForeAftMm",
      { min: 250, max: 0 },
      "travel.seatForeAftMm",
      /min \(250\) must be less than max \(0\)/,
    ],
    ["min == max", "travel.windowMm", { min: 500, max: 500 }, "travel.windowMm", /must be less than max/],
    ["negative travel", "travel.seatHeightMm.min", -1, "travel.seatHeightMm.min", />= 0/],
    ["sunroof above 100 %", "travel.sunroofPercent.max", 120, "travel.sunroofPercent", /declared range 0\.\.100/],
    ["volume wider than declared", "ranges.volume.max", 60, "ranges.volume", /declared range 0\.\.50/],
    ["fan wider than declared", "ranges.fanSpeed.max", 8, "ranges.fanSpeed", /declared range 0\.\.7/],
    [
      "fahrenheit wider than declared",
      "ranges.temperature.fahrenheit.min",
      50,
      "ranges.temperature.fahrenheit",
      /declared range 60\.\.80/,
    ],
    [
      "celsius min > max",
      "ranges.temperature.celsius",
      { min: 26, max: 18 },
      "ranges.temperature.celsius",
      /less than max/,
    ],
    ["hearing step 0", "hearingStepMax", 0, "hearingStepMax", />= 1/],
    ["hearing step 2.5", "hearingStepMax", 2.5, "hearingStepMax", /int/],
    ["actuations 0", "flood.maxActuationsPerSecond", 0, "flood.maxActuationsPerSecond", />= 1/],
    ["stale after 0 ms", "speed.staleAfterMs", 0, "speed.staleAfterMs", /> 0/],
    ["negative moving threshold", "speed.movingAboveKmh", -5, "speed.movingAboveKmh", />= 0/],
    [
      "infinite sunroof gate",
      "speed.sunroofGateKmh",
      Number.POSITIVE_INFINITY,
      "speed.sunroofGateKmh",
      /finite|number/,
    ],
  ];
  it.each(cases)("%s", (_label, where, value, path, message) => {
    const p = clone();
    const keys = where.split(".");
    const last = keys.pop()!;
    let obj = p;
    for (const k of keys) obj = obj[k] as Record<string, unknown>;
    if (value === DELETE) delete obj[last];
    else obj[last] = value;
    const issues = problems(p);
    const hit = issues.find((i) => i.path === path);
    expect(hit, JSON.stringify(issues)).toBeDefined();
    expect(hit!.message).toMatch(message);
  });

  it.each([
    ["null", null],
    ["an array", []],
    ["a string", "lhd"],
  ])("a profile that is %s is rejected", (_label, json) => {
    expect(problems(json)).toEqual([{ path: "(root)", message: expect.stringMatching(/^expected object, got /) }]);
  });

  it("lists all problems at once, one line each, in the message", () => {
    const p = clone();
    p["extra"] = true;
    p["handedness"] = "middle";
    (p["travel"] as Json)["seatReclineDeg"] = { min: 45, max: 0 };
    (p["speed"] as Json)["staleAfterMs"] = "1s";
    const r = parseProfile(p);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.issues.map((i) => i.path)).toEqual([
      "extra",
      "handedness",
      "speed.staleAfterMs",
      "travel.seatReclineDeg",
    ]);
    expect(r.error.message.split("\n")).toEqual([
      "vehicle profile: 4 problems:",
      "  - extra: unknown field (not allowed)",
      '  - handedness: must be "lhd" or "rhd"',
      '  - speed.staleAfterMs: expected number, got string "1s"',
      "  - travel.seatReclineDeg: min (45) must be less than max (0)",
    ]);
  });
});

describe("loadProfile", () => {
  it("a missing file is an unreadable-profile error naming the file", () => {
    const file = join(tmp, "nope.json");
    const r = loadProfile(file);
    expect(r).toMatchObject({ ok: false, error: { kind: "profile", code: "unreadable", file } });
    if (!r.ok) expect(r.error.message).toContain(`vehicle profile ${file}: cannot read`);
  });

  it("a file that is not JSON is a bad_json error", () => {
    const file = join(tmp, "broken.json");
    writeFileSync(file, "{ handedness: lhd ");
    const r = loadProfile(file);
    expect(r).toMatchObject({ ok: false, error: { code: "bad_json", file } });
    if (!r.ok) expect(r.error.message).toMatch(/not valid JSON/);
  });

  it("an invalid file lists its bad fields under the file's name", () => {
    const file = join(tmp, "bad.json");
    const p = clone();
    (p["travel"] as Json)["windowMm"] = { min: 0, max: 500, maxMm: 600 };
    writeFileSync(file, JSON.stringify(p));
    const r = loadProfile(file);
    expect(r).toMatchObject({ ok: false, error: { code: "invalid", file } });
    if (!r.ok) {
      expect(r.error.message).toBe(
        `vehicle profile ${file}: 1 problem:\n  - travel.windowMm.maxMm: unknown field (not allowed)`,
      );
    }
  });

  it("a valid file loads", () => {
    const file = join(tmp, "narrow.json");
    const p = clone();
    p["name"] = "narrow";
    (p["ranges"] as Json)["volume"] = { min: 0, max: 35 };
    writeFileSync(file, JSON.stringify(p));
    const r = loadProfile(file);
    expect(r.ok && r.value.ranges.volume).toEqual({ min: 0, max: 35 });
  });
});
