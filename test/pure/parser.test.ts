import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  BIND_ERROR_CODES,
  type BindErrorCode,
  PARSE_ERROR_CODES,
  type ParsedValue,
  type ParseErrorCode,
} from "../../src/core/types.js";
import {
  bindCall,
  bindResponse,
  DEFAULT_PARSE_LIMITS,
  parseAndBind,
  parseResponse,
  renderResponse,
} from "../../src/parser/index.js";
import { registry } from "../../src/registry/index.js";

const contract = readFileSync(new URL("../../../shared/vehicle-functions.md", import.meta.url), "utf8");
/** The contract's example lines: "    query   -> <nexa_...>...<nexa_end>". */
const contractExamples = [...contract.matchAll(/^ {4}(.+?)\s+-> (<nexa_.*<nexa_end>)$/gm)].map((m) => ({
  query: m[1] as string,
  response: m[2] as string,
}));

function parseOk(raw: string) {
  const r = parseResponse(raw);
  if (!r.ok) throw new Error(`expected ${JSON.stringify(raw)} to parse, got ${r.error.code}: ${r.error.message}`);
  return r.value;
}

function bindOk(raw: string) {
  const results = bindResponse(parseOk(raw));
  return results.map((b) => {
    if (!b.ok) throw new Error(`expected ${JSON.stringify(raw)} to bind, got ${b.error.code}: ${b.error.message}`);
    return b.call;
  });
}

/** A parsed value without positions, to compare shapes. */
function plain(v: ParsedValue): unknown {
  if (v.kind === "call")
    return {
      call: v.call.token,
      positional: v.call.positional.map(plain),
      keywords: Object.fromEntries(v.call.keywords.map((k) => [k.name, plain(k.value)])),
    };
  return v.value;
}

describe("contract examples (§2)", () => {
  it("finds all seven examples in the contract", () => {
    expect(contractExamples).toHaveLength(7);
  });

  it.each(contractExamples)("$query -> $response parses, binds and renders back byte for byte", ({ response }) => {
    const calls = bindOk(response);
    expect(calls.length).toBeGreaterThan(0);
    expect(renderResponse(calls)).toBe(response);
  });

  it("binds the examples to the functions and arguments the contract means", () => {
    expect(bindOk("<nexa_1>('driver', 72)<nexa_end>")).toEqual([
      { token: 1, name: "set_climate_temperature", args: { zone: "driver", temperature: 72, unit: "fahrenheit" } },
    ]);
    expect(bindOk("<nexa_1>('rear', 21, unit='celsius')<nexa_end>")[0]?.args).toEqual({
      zone: "rear",
      temperature: 21,
      unit: "celsius",
    });
    expect(bindOk("<nexa_0>(volume_diff=5)<nexa_end>")[0]?.args).toEqual({ volume_diff: 5 });
    expect(bindOk("<nexa_0>(set_value=30)<nexa_end>")[0]?.args).toEqual({ set_value: 30 });
    expect(bindOk("<nexa_3>('rear left', 'down', 100)<nexa_end>")[0]?.args).toEqual({
      window: "rear left",
      position: "down",
      distance: 100,
    });
    expect(bindOk("<nexa_17>('up'); <nexa_8>(True)<nexa_end>")).toEqual([
      { token: 17, name: "control_all_windows", args: { position: "up" } },
      { token: 8, name: "set_air_conditioning", args: { on: true } },
    ]);
    expect(bindOk("<nexa_20>()<nexa_end>")).toEqual([{ token: 20, name: "irrelevant_function", args: {} }]);
  });
});

describe("parseResponse: accepted syntax", () => {
  it("records token, positional and keyword arguments with their positions", () => {
    const resp = parseOk("<nexa_1>('rear', 21, unit='celsius')<nexa_end>");
    expect(resp.calls).toHaveLength(1);
    const call = resp.calls[0]!;
    expect(call.token).toBe("<nexa_1>");
    expect(call.position).toBe(0);
    expect(call.positional).toEqual([
      { kind: "string", value: "rear", position: 9 },
      { kind: "int", value: 21, position: 17 },
    ]);
    expect(call.keywords).toEqual([
      { name: "unit", value: { kind: "string", value: "celsius", position: 26 }, position: 21 },
    ]);
  });

  it("reads parallel calls in order with their offsets", () => {
    const resp = parseOk(
      "<nexa_3>('front left', 'down', 500); <nexa_3>('front right', 'down', 500); <nexa_8>(True)<nexa_end>",
    );
    expect(resp.calls.map((c) => [c.token, c.position])).toEqual([
      ["<nexa_3>", 0],
      ["<nexa_3>", 37],
      ["<nexa_8>", 75],
    ]);
  });

  it("accepts any <nexa_N> token (registration is the binder's job)", () => {
    expect(parseOk("<nexa_12345>()<nexa_end>").calls[0]?.token).toBe("<nexa_12345>");
    expect(parseOk("<nexa_007>()<nexa_end>").calls[0]?.token).toBe("<nexa_007>");
  });

  it("reads nested calls as values, keyword and positional", () => {
    const call = parseOk("<nexa_1>(<nexa_5>(True), x=<nexa_0>(set_value=<nexa_7>(-3)))<nexa_end>").calls[0]!;
    expect(call.positional.map(plain)).toEqual([{ call: "<nexa_5>", positional: [true], keywords: {} }]);
    expect(plain(call.keywords[0]!.value)).toEqual({
      call: "<nexa_0>",
      positional: [],
      keywords: { set_value: { call: "<nexa_7>", positional: [-3], keywords: {} } },
    });
  });

  it.each([
    ["0", 0],
    ["7", 7],
    ["-7", -7],
    ["-0", 0],
    ["1000000000", 1_000_000_000],
    ["-1000000000", -1_000_000_000],
  ])("reads the integer %s", (text, value) => {
    const v = parseOk(`<nexa_0>(${text})<nexa_end>`).calls[0]!.positional[0]!;
    expect(v).toMatchObject({ kind: "int", value });
    if (v.kind === "int") expect(Object.is(v.value, -0)).toBe(false);
  });

  it.each([
    ["'plain'", "plain"],
    ["''", ""],
    [String.raw`'it\'s'`, "it's"],
    [String.raw`'say \"hi\"'`, 'say "hi"'],
    ["'say \"hi\"'", 'say "hi"'],
    [String.raw`'back\\slash'`, "back\\slash"],
    [String.raw`'a\nb\tc\rd'`, "a\nb\tc\rd"],
    [String.raw`'\x41\x7e'`, "A~"],
    [String.raw`'\u00e9t\u00C9'`, "étÉ"],
    [String.raw`'\U0001F697'`, "🚗"],
    ["'naïve 🚗 ;,)=<nexa_end>'", "naïve 🚗 ;,)=<nexa_end>"],
    ["'tab\tinside'", "tab\tinside"],
  ])("reads the string %s", (text, value) => {
    expect(parseOk(`<nexa_11>(${text})<nexa_end>`).calls[0]!.positional[0]).toMatchObject({ kind: "string", value });
  });

  it("reads True and False as bools", () => {
    const call = parseOk("<nexa_10>(True, on=False)<nexa_end>").calls[0]!;
    expect(call.positional[0]).toMatchObject({ kind: "bool", value: true });
    expect(call.keywords[0]?.value).toMatchObject({ kind: "bool", value: false });
  });

  // Documented choice: any whitespace around the whole response; spaces/tabs between tokens.
  it.each([
    "  <nexa_17>('up'); <nexa_8>(True)<nexa_end>\n",
    "\r\n\t<nexa_17>('up'); <nexa_8>(True)<nexa_end> \t\r\n",
    "<nexa_17>('up');<nexa_8>(True)<nexa_end>",
    "<nexa_17>('up') ;  <nexa_8>(True) <nexa_end>",
    "<nexa_17> ( 'up' ) ; <nexa_8>(\tTrue\t)<nexa_end>",
  ])("tolerates whitespace between tokens: %j", (raw) => {
    expect(renderResponse(bindOk(raw))).toBe("<nexa_17>('up'); <nexa_8>(True)<nexa_end>");
  });

  it("tolerates whitespace around ',' and '='", () => {
    expect(renderResponse(bindOk("<nexa_1>('rear' ,21 , unit = 'celsius')<nexa_end>"))).toBe(
      "<nexa_1>('rear', 21, unit='celsius')<nexa_end>",
    );
  });

  it("parses at exactly the limits", () => {
    const sixteen = Array.from({ length: 16 }, () => "<nexa_8>(True)").join("; ");
    expect(parseOk(`${sixteen}<nexa_end>`).calls).toHaveLength(16);
    const depth4 = "<nexa_0>(<nexa_0>(<nexa_0>(<nexa_0>())))<nexa_end>";
    expect(parseOk(depth4).calls).toHaveLength(1);
    const body = "<nexa_11>('')<nexa_end>";
    const padded = `<nexa_11>('${"x".repeat(DEFAULT_PARSE_LIMITS.maxLength - body.length)}')<nexa_end>`;
    expect(padded).toHaveLength(4096);
    expect(parseOk(padded).calls).toHaveLength(1);
  });

  it("takes custom limits and caps depth whatever the caller asks", () => {
    expect(parseResponse("<nexa_8>(True); <nexa_8>(True)<nexa_end>", { maxCalls: 1 })).toMatchObject({
      ok: false,
      error: { code: "too_many_calls", position: 16 },
    });
    const deep = `${"<nexa_0>(".repeat(100_000)}${")".repeat(100_000)}<nexa_end>`;
    expect(parseResponse(deep, { maxLength: 1e7, maxDepth: 1e9, maxCalls: 1e9 })).toMatchObject({
      ok: false,
      error: { code: "too_deep", position: 64 * "<nexa_0>(".length },
    });
    expect(parseResponse("<nexa_0>(5)<nexa_end>", { maxIntMagnitude: 4 })).toMatchObject({
      ok: false,
      error: { code: "bad_number", position: 9 },
    });
  });
});

describe("parseResponse: every error code with its position", () => {
  const cases: [name: string, raw: string, code: ParseErrorCode, position: number][] = [
    ["empty string", "", "empty", 0],
    ["only whitespace", " \n\t ", "empty", 0],
    ["only the end token", "<nexa_end>", "empty", 0],
    ["end token after spaces", "  <nexa_end>", "empty", 2],
    ["too long", `<nexa_11>('${"x".repeat(5000)}')<nexa_end>`, "too_long", 4096],
    ["nested five deep", "<nexa_0>(<nexa_0>(<nexa_0>(<nexa_0>(<nexa_0>()))))<nexa_end>", "too_deep", 36],
    [
      "seventeen calls",
      `${Array.from({ length: 17 }, () => "<nexa_8>(True)").join("; ")}<nexa_end>`,
      "too_many_calls",
      16 * 16,
    ],
    [
      "nested calls count",
      `${Array.from({ length: 8 }, () => "<nexa_1>(<nexa_5>(True))").join("; ")}; <nexa_8>(True)<nexa_end>`,
      "too_many_calls",
      8 * 26,
    ],
    ["no token", "set_volume(5)<nexa_end>", "unexpected_char", 0],
    ["text before the call", "Sure! <nexa_8>(True)<nexa_end>", "unexpected_char", 0],
    ["token without number", "<nexa_x>()<nexa_end>", "unexpected_char", 6],
    ["token not closed", "<nexa_8(True)<nexa_end>", "unexpected_char", 7],
    ["no parenthesis", "<nexa_20><nexa_end>", "unexpected_char", 9],
    ["double-quoted string", '<nexa_11>("face")<nexa_end>', "unexpected_char", 10],
    ["None as a value", "<nexa_0>(volume_diff=None)<nexa_end>", "unexpected_char", 21],
    ["lowercase bool", "<nexa_8>(true)<nexa_end>", "unexpected_char", 9],
    ["bare word", "<nexa_11>(face)<nexa_end>", "unexpected_char", 10],
    ["trailing comma", "<nexa_8>(True,)<nexa_end>", "unexpected_char", 14],
    ["missing comma", "<nexa_10>('front' True)<nexa_end>", "unexpected_char", 18],
    ["calls not separated", "<nexa_17>('up')<nexa_8>(True)<nexa_end>", "unexpected_char", 15],
    ["';' then end token", "<nexa_17>('up'); <nexa_end>", "unexpected_char", 17],
    ["line break inside", "<nexa_17>('up');\n<nexa_8>(True)<nexa_end>", "unexpected_char", 16],
    ["end token as a value", "<nexa_8>(<nexa_end>", "unexpected_char", 9],
    ["comma separator", "<nexa_17>('up'), <nexa_8>(True)<nexa_end>", "unexpected_char", 15],
    ["plus sign", "<nexa_0>(+5)<nexa_end>", "unexpected_char", 9],
    ["cut inside arguments", "<nexa_1>('driver', 7", "unexpected_end", 20],
    ["cut after '('", "<nexa_1>(", "unexpected_end", 9],
    ["cut after ','", "<nexa_1>('driver',   ", "unexpected_end", 18],
    ["cut inside token", "<nexa_1", "unexpected_end", 7],
    ["cut after '='", "<nexa_0>(volume_diff=", "unexpected_end", 21],
    ["unterminated string", "<nexa_1>('driv", "unterminated_string", 9],
    ["string runs into the end", "<nexa_1>('driver, 72)<nexa_end>", "unterminated_string", 9],
    ["string with a line break", "<nexa_11>('fa\nce')<nexa_end>", "unterminated_string", 10],
    ["escape at the end", "<nexa_11>('face\\", "unterminated_string", 10],
    ["unknown escape", "<nexa_11>('fa\\qce')<nexa_end>", "bad_escape", 13],
    ["octal-looking escape", "<nexa_11>('\\0')<nexa_end>", "bad_escape", 11],
    ["short \\x", "<nexa_11>('\\x4')<nexa_end>", "bad_escape", 11],
    ["non-hex \\u", "<nexa_11>('\\u12g4')<nexa_end>", "bad_escape", 11],
    ["\\U beyond unicode", "<nexa_11>('\\U00110000')<nexa_end>", "bad_escape", 11],
    ["leading zero", "<nexa_2>('driver', 'up', 050)<nexa_end>", "bad_number", 25],
    ["negative leading zero", "<nexa_0>(-05)<nexa_end>", "bad_number", 9],
    ["float", "<nexa_1>('driver', 72.5)<nexa_end>", "bad_number", 19],
    ["hex", "<nexa_0>(0x10)<nexa_end>", "bad_number", 9],
    ["underscore", "<nexa_0>(1_0)<nexa_end>", "bad_number", 9],
    ["lone minus", "<nexa_0>(-)<nexa_end>", "bad_number", 9],
    ["spaced minus", "<nexa_0>(- 5)<nexa_end>", "bad_number", 9],
    ["too big", "<nexa_0>(1000000001)<nexa_end>", "bad_number", 9],
    ["far too big", `<nexa_0>(-${"9".repeat(400)})<nexa_end>`, "bad_number", 9],
    ["no end token", "<nexa_1>('driver', 72)", "missing_end_token", 22],
    ["no end token, trailing space", "<nexa_1>('driver', 72)  \n", "missing_end_token", 22],
    ["cut-off end token", "<nexa_1>('driver', 72)<nexa_", "missing_end_token", 22],
    ["text after the end", "<nexa_1>('driver', 72)<nexa_end>Done.", "trailing_text", 32],
    ["second end token", "<nexa_8>(True)<nexa_end><nexa_end>", "trailing_text", 24],
    ["call after the end", "<nexa_8>(True)<nexa_end> <nexa_8>(True)", "trailing_text", 25],
    ["positional after keyword", "<nexa_1>(zone='rear', 21)<nexa_end>", "positional_after_keyword", 22],
  ];

  it("covers every ParseErrorCode", () => {
    expect(new Set(cases.map((c) => c[2]))).toEqual(new Set(PARSE_ERROR_CODES));
  });

  it.each(cases)("%s: %j -> %s at %i", (_name, raw, code, position) => {
    const r = parseResponse(raw);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect({ code: r.error.code, position: r.error.position }).toEqual({ code, position });
    expect(r.error.kind).toBe("parse");
    expect(r.error.raw).toBe(raw);
    expect(r.error.message).toMatch(/^expected .+, found .+/);
  });

  it("names what was expected and what was found", () => {
    const msg = (raw: string) => {
      const r = parseResponse(raw);
      return r.ok ? "" : r.error.message;
    };
    expect(msg("<nexa_10>('front' True)<nexa_end>")).toBe(
      "expected ',' or ')' after an argument of <nexa_10>, found \"True\"",
    );
    expect(msg("<nexa_17>('up')<nexa_8>(True)<nexa_end>")).toContain("found <nexa_8>");
    expect(msg("<nexa_1>('driver', 7")).toContain("found end of input");
    expect(msg("<nexa_11>('fa\\qce')<nexa_end>")).toContain('found "\\\\q"');
    expect(msg("<nexa_0>(volume_diff=None)<nexa_end>")).toContain("found None");
    expect(msg('<nexa_11>("face")<nexa_end>')).toContain("single quotes");
    expect(msg("<nexa_1>('driver', 72)<nexa_end>Done.")).toBe('expected nothing after <nexa_end>, found "Done"');
  });
});

describe("bindCall: every error code", () => {
  const cases: [name: string, raw: string, code: BindErrorCode, position: number, param: string | undefined][] = [
    ["unknown token", "<nexa_21>()<nexa_end>", "unknown_token", 0, undefined],
    ["token with leading zero", "<nexa_01>(5)<nexa_end>", "unknown_token", 0, undefined],
    ["too many positional", "<nexa_8>(True, False)<nexa_end>", "too_many_positional", 15, undefined],
    ["arguments to a no-argument function", "<nexa_20>('x')<nexa_end>", "too_many_positional", 10, undefined],
    ["missing required", "<nexa_1>('driver')<nexa_end>", "missing_required", 0, "temperature"],
    ["missing required as keyword", "<nexa_1>(temperature=70)<nexa_end>", "missing_required", 0, "zone"],
    ["unknown keyword", "<nexa_1>('driver', 72, units='celsius')<nexa_end>", "unknown_keyword", 23, "units"],
    ["keyword to a no-argument function", "<nexa_20>(query='x')<nexa_end>", "unknown_keyword", 10, "query"],
    ["duplicate keyword", "<nexa_0>(set_value=3, set_value=4)<nexa_end>", "duplicate_keyword", 22, "set_value"],
    [
      "keyword repeating a positional",
      "<nexa_1>('driver', 72, zone='rear')<nexa_end>",
      "duplicate_keyword",
      23,
      "zone",
    ],
    ["string for int", "<nexa_1>('driver', '72')<nexa_end>", "wrong_type", 19, "temperature"],
    ["bool for int", "<nexa_14>('driver', True)<nexa_end>", "wrong_type", 20, "level"],
    ["int for bool", "<nexa_8>(1)<nexa_end>", "wrong_type", 9, "on"],
    ["int for enum", "<nexa_17>(1)<nexa_end>", "wrong_type", 10, "position"],
    ["bool for enum", "<nexa_19>(True)<nexa_end>", "wrong_type", 10, "action"],
    ["string for bool", "<nexa_5>('True')<nexa_end>", "wrong_type", 9, "mute"],
    ["unknown enum value", "<nexa_3>('rear', 'up', 50)<nexa_end>", "enum_mismatch", 9, "window"],
    ["enum is case-sensitive", "<nexa_11>('Face')<nexa_end>", "enum_mismatch", 10, "mode"],
    ["unit enum", "<nexa_1>('rear', 21, unit='kelvin')<nexa_end>", "enum_mismatch", 26, "unit"],
    ["above max", "<nexa_3>('rear left', 'down', 501)<nexa_end>", "out_of_range", 30, "distance"],
    ["below min", "<nexa_2>('driver', 'up', 0)<nexa_end>", "out_of_range", 25, "distance"],
    ["excluded value", "<nexa_6>('rear', 0)<nexa_end>", "out_of_range", 17, "temperature_diff"],
    ["volume step too big", "<nexa_0>(volume_diff=-51)<nexa_end>", "out_of_range", 9, "volume_diff"],
    ["fahrenheit gap", "<nexa_1>('driver', 45)<nexa_end>", "out_of_range", 19, "temperature"],
    ["celsius out of its range", "<nexa_1>('driver', 72, unit='celsius')<nexa_end>", "out_of_range", 19, "temperature"],
    ["neither of exactly-one", "<nexa_7>()<nexa_end>", "exactly_one", 0, "speed_diff"],
    ["both of exactly-one", "<nexa_7>(speed_diff=1, set_value=3)<nexa_end>", "exactly_one", 23, "set_value"],
    ["nested call", "<nexa_3>(<nexa_17>('up'), 'up', 50)<nexa_end>", "nested_call", 9, "window"],
    [
      "nested call as keyword",
      "<nexa_4>('open', intensity=<nexa_0>(set_value=5))<nexa_end>",
      "nested_call",
      27,
      "intensity",
    ],
  ];

  it("covers every BindErrorCode", () => {
    expect(new Set(cases.map((c) => c[2]))).toEqual(new Set(BIND_ERROR_CODES));
  });

  it.each(cases)("%s: %j -> %s at %i", (_name, raw, code, position, param) => {
    const results = bindResponse(parseOk(raw));
    expect(results).toHaveLength(1);
    const r = results[0]!;
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect({ code: r.error.code, position: r.error.position, param: r.error.param }).toEqual({ code, position, param });
    expect(r.error.kind).toBe("bind");
    expect(r.error.callIndex).toBe(0);
    expect(r.error.message).toMatch(/expected .+, found .+/);
    expect(r.parsed.token).toBe(parseOk(raw).calls[0]?.token);
    if (code !== "unknown_token") expect(r.error.function).toBe(registry.byToken(r.parsed.token)?.name);
    else expect(r.error.function).toBeUndefined();
  });

  it("lists allowed values and ranges in its messages", () => {
    const msg = (raw: string) => {
      const r = bindResponse(parseOk(raw))[0]!;
      return r.ok ? "" : r.error.message;
    };
    expect(msg("<nexa_3>('rear', 'up', 50)<nexa_end>")).toBe(
      "control_window: window expected one of 'driver', 'passenger', 'front left', 'front right', 'rear left', 'rear right', found 'rear'",
    );
    expect(msg("<nexa_3>('rear left', 'down', 501)<nexa_end>")).toBe(
      "control_window: distance expected 1..500 mm, found 501",
    );
    expect(msg("<nexa_14>('driver', True)<nexa_end>")).toContain("a bool is not an integer");
    expect(msg("<nexa_7>()<nexa_end>")).toBe(
      "adjust_fan_speed expected exactly one of speed_diff, set_value, found neither",
    );
    expect(msg("<nexa_1>('driver', 45)<nexa_end>")).toContain("60..80 (fahrenheit) or 16..27 (read as celsius");
    expect(msg("<nexa_3>(<nexa_17>('up'), 'up', 50)<nexa_end>")).toContain(
      "no parameter of control_window accepts a nested call",
    );
    expect(msg("<nexa_21>()<nexa_end>")).toBe(
      "expected a functional token of vehicle-functions-v1 (<nexa_0> to <nexa_20>), found <nexa_21>",
    );
  });

  it("reports each call of a response on its own, with its index", () => {
    const results = bindResponse(parseOk("<nexa_17>('up'); <nexa_8>(1); <nexa_99>(); <nexa_8>(True)<nexa_end>"));
    expect(results.map((r) => (r.ok ? "ok" : `${r.error.code}#${r.error.callIndex}@${r.error.position}`))).toEqual([
      "ok",
      "wrong_type#1@26",
      "unknown_token#2@30",
      "ok",
    ]);
  });

  it("takes the call index from the caller", () => {
    const r = bindCall(parseOk("<nexa_8>(1)<nexa_end>").calls[0]!, 7);
    expect(r.ok ? -1 : r.error.callIndex).toBe(7);
  });
});

describe("bindCall: accepted calls", () => {
  it("fills declared defaults, so unit is always present", () => {
    expect(bindOk("<nexa_1>('driver', 72)<nexa_end>")[0]?.args.unit).toBe("fahrenheit");
    // Optional parameters without a default stay absent.
    expect(bindOk("<nexa_4>('open')<nexa_end>")[0]?.args).toEqual({ action: "open" });
  });

  it("binds positionals to parameters in declared order (Python semantics), optional ones too", () => {
    expect(bindOk("<nexa_1>('rear', 21, 'celsius')<nexa_end>")).toEqual(
      bindOk("<nexa_1>('rear', 21, unit='celsius')<nexa_end>"),
    );
    expect(bindOk("<nexa_0>(5)<nexa_end>")[0]?.args).toEqual({ volume_diff: 5 });
    expect(bindOk("<nexa_1>(temperature=70, zone='rear')<nexa_end>")[0]?.args).toEqual({
      zone: "rear",
      temperature: 70,
      unit: "fahrenheit",
    });
  });

  it("keeps args in declared order whatever the written order", () => {
    const call = bindOk("<nexa_3>(distance=5, position='up', window='driver')<nexa_end>")[0]!;
    expect(Object.keys(call.args)).toEqual(["window", "position", "distance"]);
  });

  // Contract §3: fahrenheit (the default unit) 16..27 binds; the gate reads it as celsius.
  it.each([
    ["", 15, false],
    ["", 16, true],
    ["", 27, true],
    ["", 28, false],
    ["", 59, false],
    ["", 60, true],
    ["", 80, true],
    ["", 81, false],
    [", unit='fahrenheit'", 21, true],
    [", unit='fahrenheit'", 70, true],
    [", unit='celsius'", 15, false],
    [", unit='celsius'", 16, true],
    [", unit='celsius'", 27, true],
    [", unit='celsius'", 28, false],
    [", unit='celsius'", 60, false],
  ])("temperature%s %i binds: %s", (unit, t, ok) => {
    const r = bindResponse(parseOk(`<nexa_1>('rear', ${t}${unit})<nexa_end>`))[0]!;
    expect(r.ok).toBe(ok);
    if (!r.ok) expect(r.error.code).toBe("out_of_range");
  });

  it.each([
    ["<nexa_0>(volume_diff=-50)<nexa_end>", { volume_diff: -50 }],
    ["<nexa_0>(volume_diff=0)<nexa_end>", { volume_diff: 0 }],
    ["<nexa_7>(speed_diff=-7)<nexa_end>", { speed_diff: -7 }],
    ["<nexa_6>('driver', -10)<nexa_end>", { zone: "driver", temperature_diff: -10 }],
    ["<nexa_4>('tilt', intensity=0)<nexa_end>", { action: "tilt", intensity: 0 }],
    ["<nexa_14>('rear right', 0)<nexa_end>", { seat: "rear right", level: 0 }],
    ["<nexa_11>('face and feet')<nexa_end>", { mode: "face and feet" }],
  ])("binds %s at range ends and with negatives", (raw, args) => {
    expect(bindOk(raw)[0]?.args).toEqual(args);
  });
});

describe("parseAndBind", () => {
  it("returns the parse error and no calls when the text does not parse", () => {
    const r = parseAndBind("<nexa_1>('driver', 72)");
    expect(r).toMatchObject({ ok: false, error: { kind: "parse", code: "missing_end_token", position: 22 } });
  });

  it("returns one bind result per call otherwise", () => {
    const r = parseAndBind("<nexa_17>('up'); <nexa_3>('rear', 'up', 5)<nexa_end>");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.results.map((b) => b.ok)).toEqual([true, false]);
    expect(r.parsed.calls).toHaveLength(2);
  });

  it("passes limits through", () => {
    expect(parseAndBind("<nexa_17>('up')<nexa_end>", { limits: { maxLength: 10 } })).toMatchObject({
      ok: false,
      error: { code: "too_long", position: 10 },
    });
  });
});
