import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildRegistry, canonicalJson, registry } from "../../src/registry/index.js";

const raw = JSON.parse(readFileSync(new URL("../../src/registry/functions.json", import.meta.url), "utf8"));
const contract = readFileSync(new URL("../../../shared/vehicle-functions.md", import.meta.url), "utf8");

describe("function registry", () => {
  it("holds the contract's 21 functional tokens in order", () => {
    expect(registry.functions).toHaveLength(21);
    registry.functions.forEach((f, i) => {
      expect(f.token).toBe(i);
      expect(f.tokenText).toBe(`<nexa_${i}>`);
      expect(registry.byToken(`<nexa_${i}>`)).toBe(f);
      expect(registry.byName(f.name)).toBe(f);
    });
  });

  it("matches every signature row of the contract's table", () => {
    // Each contract row reads "| `<nexa_N>` | `name(...)` |": the names must agree.
    const rows = [...contract.matchAll(/\| `<nexa_(\d+)>` \| `([a-z_]+)\(/g)];
    expect(rows).toHaveLength(21);
    for (const [, index, name] of rows) expect(registry.byIndex(Number(index))?.name).toBe(name);
  });

  it("builds the contract's prompt", () => {
    expect(registry.prompt("volume to 30")).toBe(
      "Below is the query from the users, please call the correct function and generate the parameters to call the function.\n\nQuery: volume to 30\n\nResponse:",
    );
  });

  it("has a stable content hash that changes with the function set", () => {
    expect(registry.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(buildRegistry(structuredClone(raw)).hash).toBe(registry.hash);
    const changed = structuredClone(raw);
    changed.functions[0].params[1].max = 60;
    expect(buildRegistry(changed).hash).not.toBe(registry.hash);
    // Comments and key order do not change it.
    const reordered = JSON.parse(canonicalJson(raw));
    reordered.$comment = "another comment";
    expect(buildRegistry(reordered).hash).toBe(registry.hash);
  });

  type RawFunction = {
    token: number;
    name: string;
    params: Array<Record<string, unknown>>;
    gates: Array<{ when: unknown }>;
  };
  type RawRegistry = { functions: RawFunction[] };
  const fn = (r: RawRegistry, i: number): RawFunction => r.functions[i] as RawFunction;
  const param = (r: RawRegistry, i: number, j: number) => fn(r, i).params[j] as Record<string, unknown>;
  it.each<[string, (r: RawRegistry) => void, RegExp]>([
    [
      "tokens out of order",
      (r) => {
        fn(r, 1).token = 5;
      },
      /tokens must be 0..N-1/,
    ],
    [
      "duplicate name",
      (r) => {
        fn(r, 1).name = fn(r, 0).name;
      },
      /duplicate name/,
    ],
    [
      "unknown enum",
      (r) => {
        param(r, 1, 0).enum = "nope";
      },
      /unknown enum/,
    ],
    [
      "required after optional",
      (r) => {
        param(r, 0, 1).required = true;
      },
      /required set_value after/,
    ],
    [
      "int without range",
      (r) => {
        delete param(r, 2, 2).min;
      },
      /int needs min <= max/,
    ],
    [
      "gate on unknown param",
      (r) => {
        (fn(r, 2).gates[0] as { when: unknown }).when = { nope: [1] };
      },
      /unknown nope/,
    ],
  ])("refuses a bad registry: %s", (_name, mutate, message) => {
    const bad = structuredClone(raw);
    mutate(bad);
    expect(() => buildRegistry(bad)).toThrow(message);
  });
});
