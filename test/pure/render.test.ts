import { describe, expect, it } from "vitest";
import type { BoundCall } from "../../src/core/types.js";
import { parseResponse, renderCall, renderLiteral, renderResponse, renderString } from "../../src/parser/index.js";
import { registry } from "../../src/registry/index.js";

const call = (name: string, args: BoundCall["args"]): BoundCall => ({
  token: registry.byName(name)?.token ?? -1,
  name,
  args,
});

describe("renderCall / renderResponse: canonical text", () => {
  it.each<[BoundCall[], string]>([
    [
      [call("set_climate_temperature", { zone: "driver", temperature: 72, unit: "fahrenheit" })],
      "<nexa_1>('driver', 72)<nexa_end>",
    ],
    [[call("set_climate_temperature", { zone: "driver", temperature: 72 })], "<nexa_1>('driver', 72)<nexa_end>"],
    [
      [call("set_climate_temperature", { zone: "rear", temperature: 21, unit: "celsius" })],
      "<nexa_1>('rear', 21, unit='celsius')<nexa_end>",
    ],
    [[call("adjust_volume", { volume_diff: 5 })], "<nexa_0>(volume_diff=5)<nexa_end>"],
    [[call("adjust_volume", { set_value: 30 })], "<nexa_0>(set_value=30)<nexa_end>"],
    [
      [call("control_window", { window: "rear left", position: "down", distance: 100 })],
      "<nexa_3>('rear left', 'down', 100)<nexa_end>",
    ],
    [
      [call("control_all_windows", { position: "up" }), call("set_air_conditioning", { on: true })],
      "<nexa_17>('up'); <nexa_8>(True)<nexa_end>",
    ],
    [[call("irrelevant_function", {})], "<nexa_20>()<nexa_end>"],
    [[call("operate_sunroof", { action: "open", intensity: 100 })], "<nexa_4>('open')<nexa_end>"],
    [[call("operate_sunroof", { action: "tilt", intensity: 0 })], "<nexa_4>('tilt', intensity=0)<nexa_end>"],
    [[call("change_climate_temperature", { zone: "rear", temperature_diff: -2 })], "<nexa_6>('rear', -2)<nexa_end>"],
    [[call("set_defroster", { target: "rear", on: false })], "<nexa_10>('rear', False)<nexa_end>"],
  ])("renders %j as %s", (calls, text) => {
    expect(renderResponse(calls)).toBe(text);
  });

  it("does not depend on the order of the args object", () => {
    const a = call("control_window", { window: "driver", position: "up", distance: 5 });
    const b = call("control_window", { distance: 5, position: "up", window: "driver" });
    expect(renderCall(b)).toBe(renderCall(a));
    expect(renderCall(a)).toBe("<nexa_3>('driver', 'up', 5)");
  });

  it("writes optional parameters as keywords in declared order", () => {
    // adjust_volume with both (an invalid call) still renders deterministically.
    expect(renderCall(call("adjust_volume", { set_value: 1, volume_diff: 2 }))).toBe(
      "<nexa_0>(volume_diff=2, set_value=1)",
    );
  });

  it("renders calls that do not match the registry without throwing", () => {
    expect(renderCall({ token: 42, name: "no_such_function", args: { b: 1, a: "x" } })).toBe("<nexa_42>(a='x', b=1)");
    // A missing required parameter turns the later ones into keywords, so the text stays faithful.
    expect(renderCall(call("control_window", { position: "up", distance: 5 }))).toBe(
      "<nexa_3>(position='up', distance=5)",
    );
    expect(renderCall(call("control_window", { window: "driver", position: "up", distance: 5, extra: true }))).toBe(
      "<nexa_3>('driver', 'up', 5, extra=True)",
    );
    expect(renderResponse([])).toBe("<nexa_end>");
  });

  it("never writes a negative zero", () => {
    expect(renderLiteral(-0)).toBe("0");
    expect(renderLiteral(-3)).toBe("-3");
  });
});

describe("renderString: minimal escapes that read back", () => {
  it.each([
    ["driver", "'driver'"],
    ["", "''"],
    ["it's", "'it\\'s'"],
    ['say "hi"', "'say \"hi\"'"],
    ["a\\b", "'a\\\\b'"],
    ["a\nb\r\tc", "'a\\nb\\r\\tc'"],
    ["\u0000\u001f\u007f", "'\\x00\\x1f\\x7f'"],
    ["naïve 🚗", "'naïve 🚗'"],
    ["\ud800x\udc00", "'\\ud800x\\udc00'"],
  ])("%j -> %s", (value, text) => {
    expect(renderString(value)).toBe(text);
    const parsed = parseResponse(`<nexa_11>(${text})<nexa_end>`);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.value.calls[0]?.positional[0]).toMatchObject({ kind: "string", value });
  });
});
