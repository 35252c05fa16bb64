import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeMessage, encodeMessage, physicalToRaw, type SignalInput } from "../../adapters/can/dbc/codec.js";
import { parseDbc, signalBitPositions } from "../../adapters/can/dbc/parse.js";
import type { DbcMessage, DbcSignal } from "../../adapters/can/dbc/types.js";
import { buildVehicleDb, loadVehicleDb, VehicleDbError } from "../../adapters/can/vehicle-db.js";

const db = loadVehicleDb();

const HEADER = `VERSION ""
NS_ :
	CM_
BS_:
BU_: A B
`;

function parse(body: string) {
  return parseDbc(HEADER + body);
}

describe("DBC parser on vehicle.dbc", () => {
  it("reads every message with its nodes, cycle times and E2E data IDs", () => {
    expect(db.dbc.nodes).toEqual(["HU", "ESP", "HVAC", "SCM", "BCM", "AMP"]);
    expect(db.commands.map((m) => m.name)).toContain("HU_SeatDrvCmd");
    expect(db.statuses.map((m) => m.name)).toContain("ESP_VehicleSpeed");
    const speed = db.dbc.messageByName("ESP_VehicleSpeed")!;
    expect(speed.id).toBe(0x1a0);
    expect(db.cycleMs(speed)).toBe(100);
    expect(speed.attributes.get("GenMsgSendType")).toBe("Cyclic");
    expect(db.layout(speed).dataId).toBe(0x0a01);
    // Every message uses an 11-bit id and classic CAN length.
    for (const m of db.dbc.messages) {
      expect(m.id).toBeLessThanOrEqual(0x7ff);
      expect(m.length).toBe(8);
    }
  });

  it("reads scaling, sign, byte order, units, start values and value tables", () => {
    const speed = db.dbc.messageByName("ESP_VehicleSpeed")!.signalsByName;
    expect(speed.get("VehicleSpeed")).toMatchObject({ byteOrder: "motorola", factor: 0.01, unit: "km/h", max: 655.33 });
    expect(speed.get("VehicleLongAccel")).toMatchObject({ signed: true, length: 12, min: -20.48 });
    const fl = db.dbc.messageByName("HU_WindowCmd")!.signalsByName.get("WinPosFL_Req")!;
    expect(fl.attributes.get("GenSigStartValue")).toBe(1023);
    expect(fl.values.get(1023)).toBe("no request");
    const airflow = db.dbc.messageByName("HU_ClimateCtrlCmd")!.signalsByName.get("AirflowMode_Req")!;
    expect([...airflow.values.values()]).toEqual(["no request", "face", "feet", "face and feet", "windshield"]);
    expect(db.dbc.messageByName("HU_RoofCmd")!.comment).toMatch(/Sunroof/);
  });

  it("lays Motorola signals out MSB first across bytes (DBC sawtooth numbering)", () => {
    const s = db.dbc.messageByName("HU_SeatDrvCmd")!.signalsByName.get("SeatDrvForeAft_Req")!;
    // start 23, 10 bits: byte 2 bits 7..0, then byte 3 bits 7..6
    expect(signalBitPositions(s)).toEqual([23, 22, 21, 20, 19, 18, 17, 16, 31, 30]);
    const intel = db.dbc.messageByName("HU_ComfortHeatCmd")!.signalsByName.get("SeatVentPas_Req")!;
    expect(signalBitPositions(intel)).toEqual([33, 32, 31]);
  });
});

describe("DBC parser errors", () => {
  it("names line and column of a syntax error", () => {
    const r = parse(`BO_ 100 M: 8 A\n SG_ S : 0|8@1+ (1,0 [0|255] "" B\n`);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatchObject({ kind: "dbc_parse", code: "unexpected_token", line: 7 });
    expect(r.error.message).toMatch(/line 7:\d+: expected "\)" after offset/);
  });

  it("refuses an unterminated string, a signal outside its frame and overlapping signals", () => {
    expect(parse(`CM_ "never closed;\n`)).toMatchObject({ ok: false, error: { code: "unterminated_string" } });
    expect(parse(`BO_ 100 M: 2 A\n SG_ S : 12|8@1+ (1,0) [0|255] "" B\n`)).toMatchObject({
      ok: false,
      error: { code: "bad_signal" },
    });
    const overlap = parse(`BO_ 100 M: 8 A\n SG_ S : 0|8@1+ (1,0) [0|255] "" B\n SG_ T : 7|4@1+ (1,0) [0|15] "" B\n`);
    expect(overlap).toMatchObject({ ok: false, error: { code: "bad_signal" } });
    if (!overlap.ok) expect(overlap.error.message).toMatch(/S and T of M overlap at bit 7/);
  });

  it("refuses value tables and comments for unknown messages or signals, and duplicate ids", () => {
    expect(parse(`VAL_ 5 S 0 "x" ;\n`)).toMatchObject({ ok: false, error: { code: "unknown_message" } });
    expect(parse(`BO_ 100 M: 8 A\n SG_ S : 0|8@1+ (1,0) [0|255] "" B\nCM_ SG_ 100 X "c";\n`)).toMatchObject({
      ok: false,
      error: { code: "unknown_signal" },
    });
    expect(parse(`BO_ 100 M: 8 A\nBO_ 100 N: 8 A\n`)).toMatchObject({ ok: false, error: { code: "duplicate" } });
  });

  it("refuses float signals instead of encoding them wrongly", () => {
    const r = parse(`BO_ 100 M: 8 A\n SG_ S : 0|32@1- (1,0) [0|0] "" B\nSIG_VALTYPE_ 100 S : 1;\n`);
    expect(r).toMatchObject({ ok: false, error: { code: "unsupported" } });
  });

  it("reads extended ids, signed negative ranges, enum attributes by index and skips unknown statements", () => {
    const r = parse(
      `BO_ 2148532223 Ext: 8 A\n SG_ S : 0|16@1- (0.1,-40) [-3316.8|3236.7] "degC" B,A\n` +
        `BO_TX_BU_ 2148532223 : A,B;\nBA_DEF_ BO_ "Kind" ENUM "x","y";\nBA_DEF_DEF_ "Kind" "x";\nBA_ "Kind" BO_ 2148532223 1;\n`,
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const m = r.value.messages[0]!;
    expect(m).toMatchObject({ extended: true, id: 0xfffff }); // 2148532223 - 2^31
    expect(m.attributes.get("Kind")).toBe("y");
    expect(m.signals[0]).toMatchObject({ signed: true, factor: 0.1, offset: -40, min: -3316.8, receivers: ["B", "A"] });
  });

  it("a database whose messages lack E2E signals or whose mapping names a missing label is refused at load", () => {
    expect(() => buildVehicleDb(`${HEADER}BO_ 100 M: 8 HU\n SG_ S : 0|8@1+ (1,0) [0|255] "" B\n`)).toThrow(
      VehicleDbError,
    );
    const text = loadVehicleDbText().replace(`3 "face and feet" 4 "windshield"`, `3 "face+feet" 4 "windshield"`);
    expect(() => buildVehicleDb(text)).toThrow(/label "face and feet" of HU_ClimateCtrlCmd.AirflowMode_Req/);
  });
});

function loadVehicleDbText(): string {
  return readFileSync(db.source, "latin1");
}

// ---------------------------------------------------------------- codec

/** A random physical value on the signal's grid inside [min|max], or one of its labels. */
function arbitraryInput(s: DbcSignal): fc.Arbitrary<SignalInput> {
  const lo = physicalToRaw(s, s.min);
  const hi = physicalToRaw(s, s.max);
  const rawLo = lo.ok ? Number(lo.value) : 0;
  const rawHi = hi.ok ? Number(hi.value) : 0;
  const physical = fc
    .integer({ min: Math.min(rawLo, rawHi), max: Math.max(rawLo, rawHi) })
    .map((raw) => Number((raw * s.factor + s.offset).toFixed(s.decimals)));
  const labels = [...s.values.values()];
  return labels.length > 0 ? fc.oneof(physical, fc.constantFrom(...labels)) : physical;
}

function arbitraryValues(m: DbcMessage): fc.Arbitrary<Record<string, SignalInput>> {
  return fc.record(Object.fromEntries(m.signals.map((s) => [s.name, arbitraryInput(s)])));
}

describe("DBC codec", () => {
  it("encodes the Motorola seat command as worked out by hand", () => {
    const m = db.dbc.messageByName("HU_SeatDrvCmd")!;
    // fore/aft 100.5 mm -> raw 201 = 00 1100 1001: byte 2 = 0x32, byte 3 bits 7..6 = 01
    // height 40 mm -> raw 80 = 0101 0000: byte 3 bits 5..0 = 010100 (0x14), byte 4 bits 7..6 = 00
    // recline 20 deg -> raw 40 = 0010 1000: byte 4 bits 5..0 = 001010 (0x0A), byte 5 bits 7..6 = 00
    const r = encodeMessage(m, {
      SeatDrvCmd_CRC: 0xab,
      SeatDrvCmd_AliveCtr: 3,
      SeatDrvForeAft_Req: 100.5,
      SeatDrvHeight_Req: 40,
      SeatDrvRecline_Req: 20,
    });
    expect(r.ok && Buffer.from(r.value).toString("hex")).toBe("ab0332540a000000");
  });

  it("encodes a negative Motorola value in two's complement", () => {
    const m = db.dbc.messageByName("ESP_VehicleSpeed")!;
    // 80 km/h -> raw 8000 = 0x1F40 in bytes 2-3; -1.25 m/s2 -> raw -125 = 0xF83 (12 bits): byte 4 0xF8, byte 5 high nibble 3
    const r = encodeMessage(m, { VehicleSpeed: 80, VehicleLongAccel: -1.25 });
    expect(r.ok && Buffer.from(r.value).toString("hex")).toBe("00001f40f8300000");
  });

  it("fills signals not given with their start value (no request)", () => {
    const m = db.dbc.messageByName("HU_WindowCmd")!;
    const r = encodeMessage(m, { WinPosRL_Req: 100 });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const d = decodeMessage(m, r.value);
    expect(d["WinPosRL_Req"]).toMatchObject({ raw: 100, physical: 100 });
    for (const s of ["WinPosFL_Req", "WinPosFR_Req", "WinPosRR_Req"]) expect(d[s]?.label).toBe("no request");
    expect(d["ChildLock_Req"]?.label).toBe("no request");
  });

  it("round-trips random in-range values of every message", () => {
    for (const m of db.dbc.messages) {
      fc.assert(
        fc.property(arbitraryValues(m), (values) => {
          const r = encodeMessage(m, values);
          expect(r.ok).toBe(true);
          if (!r.ok) return;
          const d = decodeMessage(m, r.value);
          for (const [name, input] of Object.entries(values)) {
            if (typeof input === "string") expect(d[name]?.label).toBe(input);
            else expect(d[name]?.physical).toBe(input);
          }
        }),
        { numRuns: 200 },
      );
    }
  });

  it("refuses out-of-range, off-grid, unknown labels and unknown signals", () => {
    const m = db.dbc.messageByName("HU_SeatDrvCmd")!;
    expect(encodeMessage(m, { SeatDrvHeight_Req: 127.5 })).toMatchObject({
      ok: false,
      error: { code: "out_of_range" },
    });
    expect(encodeMessage(m, { SeatDrvHeight_Req: -0.5 })).toMatchObject({ ok: false, error: { code: "out_of_range" } });
    expect(encodeMessage(m, { SeatDrvHeight_Req: 40.25 })).toMatchObject({
      ok: false,
      error: { code: "not_representable" },
    });
    expect(encodeMessage(m, { SeatDrvHeight_Req: "max" })).toMatchObject({
      ok: false,
      error: { code: "unknown_label" },
    });
    expect(encodeMessage(m, { SeatHeight: 4 })).toMatchObject({ ok: false, error: { code: "unknown_signal" } });
    expect(encodeMessage(m, { SeatDrvHeight_Req: { raw: 256 } })).toMatchObject({
      ok: false,
      error: { code: "out_of_range" },
    });
    expect(encodeMessage(m, { SeatDrvHeight_Req: Number.NaN })).toMatchObject({ ok: false });
  });
});
