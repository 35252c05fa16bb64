import { describe, expect, it } from "vitest";
import { decodeMessage } from "../../adapters/can/dbc/codec.js";
import { framesFor, parseCandump, toCandump } from "../../adapters/can/frames.js";
import { checkMapping, commandFor } from "../../adapters/can/mapping.js";
import { loadVehicleDb } from "../../adapters/can/vehicle-db.js";
import type { Target } from "../../src/core/types.js";
import { type FunctionSpec, type ParamSpec, registry } from "../../src/registry/index.js";
import { decideText } from "./grants.js";

const db = loadVehicleDb();

/** A valid literal for a parameter (enum: the given value). */
function literal(p: ParamSpec, enumValue?: string): string {
  if (p.type === "bool") return "True";
  if (p.type === "enum") return `'${enumValue ?? registry.enumValues(p)[0]}'`;
  if (p.rangeBy) return String(p.rangeBy.ranges["fahrenheit"]?.min ?? p.min);
  const candidates = [p.min ?? 0, 1, p.max ?? 0].filter((v) => v !== 0 && !(p.exclude ?? []).includes(v));
  return String(candidates[0] ?? p.min);
}

/** Response texts that together use every value of every enum parameter of every actuating function. */
function callsOf(f: FunctionSpec): string[] {
  const render = (override: Record<string, string>) => {
    const positional = f.params.filter((p) => p.required).map((p) => override[p.name] ?? literal(p));
    const chosen = f.exactlyOne.map((g) => g[0]!);
    const keywords = f.params
      .filter((p) => !p.required && (chosen.includes(p.name) || override[p.name] !== undefined))
      .map((p) => `${p.name}=${override[p.name] ?? literal(p)}`);
    return `${f.tokenText}(${[...positional, ...keywords].join(", ")})${registry.endToken}`;
  };
  const texts = [render({})];
  for (const p of f.params) {
    if (p.type === "enum") for (const v of registry.enumValues(p)) texts.push(render({ [p.name]: literal(p, v) }));
    if (p.type === "bool") texts.push(render({ [p.name]: "False" }));
  }
  return [...new Set(texts)];
}

describe("Target -> command mapping", () => {
  it("is consistent with vehicle.dbc and the registry", () => {
    expect(checkMapping(db)).toEqual([]);
  });

  it("maps every granted call of every actuating function and enum value to frames that carry exactly its target", () => {
    const grantedFunctions = new Set<string>();
    for (const f of registry.functions.filter((x) => x.actuates)) {
      for (const text of callsOf(f)) {
        const { grants } = decideText(text);
        for (const grant of grants) {
          grantedFunctions.add(grant.decision.function);
          const r = framesFor(grant);
          expect(r.ok, `${text}: ${r.ok ? "" : r.error.message}`).toBe(true);
          if (!r.ok) continue;
          const plan = commandFor(grant.target);
          if (!plan.ok) throw new Error(plan.error.message);
          expect(r.frames.map((fr) => fr.message)).toEqual([plan.plan.message]);
          const m = db.dbc.messageByName(plan.plan.message)!;
          const decoded = decodeMessage(m, Buffer.from(r.frames[0]!.data, "hex"));
          const layout = db.layout(m);
          for (const s of m.signals) {
            if (s === layout.crc || s === layout.counter) continue;
            const want = plan.plan.values[s.name];
            const got = decoded[s.name]!;
            if (want === undefined) {
              // untouched signals stay at their start value: the frame changes only this function
              expect(got.raw, `${text}: ${s.name}`).toBe(Number(s.attributes.get("GenSigStartValue") ?? 0));
            } else if (typeof want === "string") expect(got.label, `${text}: ${s.name}`).toBe(want);
            else expect(got.physical, `${text}: ${s.name}`).toBe(want);
          }
        }
      }
    }
    expect([...grantedFunctions].sort()).toEqual(
      registry.functions
        .filter((x) => x.actuates)
        .map((x) => x.name)
        .sort(),
    );
  });

  it("puts the target values where a body controller reads them", () => {
    const seat = commandFor({ kind: "seat_position", seat: "passenger", axis: "height", mm: 60 });
    expect(seat).toEqual({ ok: true, plan: { message: "HU_SeatPasCmd", values: { SeatPasHeight_Req: 60 } } });
    const all = commandFor({ kind: "all_windows", mm: 500 });
    expect(all.ok && all.plan.values).toEqual({
      WinPosFL_Req: 500,
      WinPosFR_Req: 500,
      WinPosRL_Req: 500,
      WinPosRR_Req: 500,
    });
    const lock = commandFor({ kind: "switch", function: "set_window_child_lock", on: false });
    expect(lock.ok && lock.plan.values).toEqual({ ChildLock_Req: "disengage" });
    const defrost = commandFor({ kind: "switch", function: "set_defroster", target: "front", on: true });
    expect(defrost.ok && defrost.plan.values).toEqual({ DefrostFront_Req: "on" });
  });

  it("refuses targets the vehicle does not have, with the reason", () => {
    const cases: [Target, string][] = [
      [{ kind: "temperature", zone: "roof", temperature: 70, unit: "fahrenheit" }, "unknown_zone"],
      [{ kind: "window", window: "driver", mm: 10 }, "unknown_window"],
      [{ kind: "seat_recline", seat: "rear left", deg: 10 }, "unknown_seat"],
      [{ kind: "switch", function: "set_horn", on: true }, "unknown_function"],
      [{ kind: "switch", function: "set_defroster", on: true }, "unknown_target"],
      [{ kind: "seat_level", function: "set_seat_ventilation", seat: "rear left", level: 1 }, "unknown_seat"],
      [{ kind: "switch", function: "toString", on: true }, "unknown_function"],
    ];
    for (const [target, code] of cases) expect(commandFor(target)).toMatchObject({ ok: false, error: { code } });
    // 63 is Volume_Req's "no request" code, above the signal's [0|62]: never sent as a volume
    expect(framesFor({ kind: "volume", volume: 63 })).toMatchObject({ ok: false, error: { code: "out_of_range" } });
  });
});

describe("framesFor and candump text", () => {
  it("previews a grant's frames with counter 0 and E2E CRC, id as number, data as hex", () => {
    const { grants } = decideText("<nexa_1>('driver', 72)<nexa_end>");
    const r = framesFor(grants[0]!);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.frames).toHaveLength(1);
    const f = r.frames[0]!;
    expect(f).toMatchObject({ message: "HU_ClimateTempCmd", id: 0x2a0 });
    // unit fahrenheit (2) in bits 12-13, counter 0; driver 72 -> raw 144 (0x90); other zones "no request" (0xFF)
    expect(f.data.slice(2)).toBe("2090ffff000000");
    expect(
      framesFor(grants[0]!, { counter: 5 }).ok &&
        (framesFor(grants[0]!, { counter: 5 }) as { frames: { data: string }[] }).frames[0]!.data.slice(2, 4),
    ).toBe("25");
  });

  it("writes and reads candump's ID#DATA form", () => {
    expect(toCandump({ id: 0x2a0, data: Uint8Array.from([0x12, 0xab]) })).toBe("2A0#12AB");
    expect(toCandump({ id: 0x1a0, data: "00ff" })).toBe("1A0#00FF");
    expect(parseCandump("(1700000000.123456) vcan0 2A0#1122334455667788")).toMatchObject({
      id: 0x2a0,
      iface: "vcan0",
      ext: false,
      data: Uint8Array.from([0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88]),
    });
    expect(parseCandump("1A0#")).toMatchObject({ id: 0x1a0, data: new Uint8Array(0) });
    expect(parseCandump("12345678#00")).toMatchObject({ ext: true, id: 0x12345678 });
    expect(parseCandump("2A0#123")).toBeUndefined();
    expect(parseCandump("2A0#R")).toBeUndefined();
    expect(parseCandump("2A0##0112233")).toBeUndefined();
  });
});
