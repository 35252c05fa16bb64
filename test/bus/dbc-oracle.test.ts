/**
 * The TypeScript DBC encoder against Debian's python3-canmatrix as the reference: for every
 * message of vehicle.dbc (commands and status), random in-range values (physical numbers on
 * the signal's grid, or VAL_ labels) are encoded here; canmatrix encodes the same raw values
 * with its own bit placement and decodes our bytes with its own scaling. Bytes and physical
 * values must agree. E2E-protected frames from `framesFor` are checked against an independent
 * Python CRC. CI installs python3-canmatrix (.ci/install-can.sh); without it this file fails
 * with the install hint.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { encodeMessage, labelToRaw, physicalToRaw, type SignalInput } from "../../adapters/can/dbc/codec.js";
import type { DbcMessage, DbcSignal } from "../../adapters/can/dbc/types.js";
import { framesFor } from "../../adapters/can/frames.js";
import { loadVehicleDb } from "../../adapters/can/vehicle-db.js";
import type { Target } from "../../src/core/types.js";

const PYTHON = "/usr/bin/python3"; // Debian's modules are for Debian's python, not a pyenv one first on PATH
const ORACLE = fileURLToPath(new URL("./oracle/canmatrix_oracle.py", import.meta.url));
const probe = spawnSync(PYTHON, ["-c", "import canmatrix.formats"], { encoding: "utf8" });
/** Why the oracle cannot run; the test fails with it (a missing install step must turn CI red). */
const canmatrixMissing =
  probe.status === 0
    ? undefined
    : `${PYTHON} cannot import canmatrix (${(probe.stderr || String(probe.error)).trim().split("\n").pop()}). ` +
      "Install the test peers first: bash .ci/install.sh (python3-canmatrix, python3-lxml).";

const db = loadVehicleDb();
const CASES_PER_MESSAGE = 60;

interface OracleCase {
  message: string;
  raw: Record<string, number>;
  data: string;
}
interface OracleOut {
  cases: { encoded: string; decoded: Record<string, { raw: number; phys: string }> }[];
  protected: { crc_ok: boolean; counter: number; expected_crc: number }[];
}

function runOracle(cases: OracleCase[], protectedFrames: { message: string; data: string }[]): OracleOut {
  const r = spawnSync(PYTHON, [ORACLE], {
    input: JSON.stringify({ dbc: db.source, cases, protected: protectedFrames }),
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`canmatrix oracle failed (${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout) as OracleOut;
}

function inputArb(s: DbcSignal): fc.Arbitrary<SignalInput> {
  const lo = physicalToRaw(s, s.min);
  const hi = physicalToRaw(s, s.max);
  if (!lo.ok || !hi.ok) throw new Error(`${s.name}: min/max not on the grid`);
  const physical = fc
    .integer({ min: Number(lo.value), max: Number(hi.value) })
    .map((raw) => Number((raw * s.factor + s.offset).toFixed(s.decimals)));
  const labels = [...s.values.values()];
  return labels.length > 0
    ? fc.oneof({ weight: 3, arbitrary: physical }, { weight: 1, arbitrary: fc.constantFrom(...labels) })
    : physical;
}

function rawOf(s: DbcSignal, input: SignalInput): number {
  if (typeof input === "string") return labelToRaw(s, input)!;
  if (typeof input === "object") return Number(input.raw);
  const r = physicalToRaw(s, input);
  if (!r.ok) throw new Error(`${s.name}: ${input} ${r.error}`);
  return Number(r.value);
}

function casesFor(m: DbcMessage, seed: number) {
  const arb = fc.record(Object.fromEntries(m.signals.map((s) => [s.name, inputArb(s)])));
  return fc.sample(arb, { numRuns: CASES_PER_MESSAGE, seed }).map((values) => {
    const encoded = encodeMessage(m, values);
    if (!encoded.ok) throw new Error(encoded.error.message);
    const raw = Object.fromEntries(m.signals.map((s) => [s.name, rawOf(s, values[s.name]!)]));
    return { values, raw, data: Buffer.from(encoded.value).toString("hex") };
  });
}

/** One target per command message at least, with values at their edges. */
const TARGETS: Target[] = [
  { kind: "temperature", zone: "rear", temperature: 21, unit: "celsius" },
  { kind: "temperature", zone: "driver", temperature: 80, unit: "fahrenheit" },
  { kind: "fan", speed: 7 },
  { kind: "airflow", mode: "face and feet" },
  { kind: "switch", function: "set_defroster", target: "rear", on: true },
  { kind: "seat_position", seat: "driver", axis: "fore_aft", mm: 250 },
  { kind: "seat_position", seat: "passenger", axis: "height", mm: 80 },
  { kind: "seat_recline", seat: "passenger", deg: 45 },
  { kind: "seat_level", function: "set_seat_ventilation", seat: "passenger", level: 3 },
  { kind: "switch", function: "set_steering_wheel_heating", on: false },
  { kind: "window", window: "rear right", mm: 500 },
  { kind: "all_windows", mm: 0 },
  { kind: "switch", function: "set_window_child_lock", on: false },
  { kind: "sunroof", action: "tilt", percent: 25 },
  { kind: "sunshade", action: "close" },
  { kind: "volume", volume: 50 },
  { kind: "mute", mute: true },
];

describe("DBC codec vs python3-canmatrix", () => {
  it("has python3-canmatrix installed", () => {
    expect(canmatrixMissing).toBeUndefined();
  });

  it(`agrees on bytes and physical values for ${CASES_PER_MESSAGE} random value sets of every message`, () => {
    const seed = Date.now() % 2 ** 31;
    const all: { m: DbcMessage; values: Record<string, SignalInput>; raw: Record<string, number>; data: string }[] = [];
    for (const m of db.dbc.messages) for (const c of casesFor(m, seed)) all.push({ m, ...c });
    expect(db.commands.every((m) => all.some((c) => c.m === m))).toBe(true);
    const out = runOracle(
      all.map((c) => ({ message: c.m.name, raw: c.raw, data: c.data })),
      [],
    );
    expect(out.cases).toHaveLength(all.length);
    all.forEach((c, i) => {
      const o = out.cases[i]!;
      const where = `${c.m.name} (seed ${seed}) values ${JSON.stringify(c.values)}`;
      expect(o.encoded, where).toBe(c.data);
      for (const s of c.m.signals) {
        const d = o.decoded[s.name]!;
        expect(d.raw, `${where}: ${s.name} raw`).toBe(c.raw[s.name]);
        const input = c.values[s.name]!;
        if (typeof input === "number") expect(Number(d.phys), `${where}: ${s.name} physical`).toBe(input);
      }
    });
  });

  it("agrees that every frame framesFor builds carries a correct E2E profile 1 CRC", () => {
    const frames = TARGETS.flatMap((t, i) => {
      const r = framesFor(t, { counter: i % 15 });
      if (!r.ok) throw new Error(r.error.message);
      return r.frames.map((f) => ({ message: f.message, data: f.data, counter: i % 15 }));
    });
    expect(new Set(frames.map((f) => f.message))).toEqual(new Set(db.commands.map((m) => m.name)));
    const out = runOracle([], frames);
    frames.forEach((f, i) => {
      expect(out.protected[i], `${f.message} ${f.data}`).toMatchObject({ crc_ok: true, counter: f.counter });
    });
  });
});
