import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { BoundCall } from "../../src/core/types.js";
import { buildGrammar } from "../../src/model/grammar.js";
import { renderCall } from "../../src/parser/index.js";
import { registry } from "../../src/registry/index.js";

/**
 * The generated grammar is regular (no recursive rules), so it can be checked here
 * without llama.cpp: inline every rule into one RegExp (token terminals `<nexa_N>`
 * become their text) and match canonical renderings against it. test/model checks that
 * llama.cpp itself accepts the grammar.
 */
function grammarRegExp(gbnf: string): RegExp {
  const rules = new Map<string, string>();
  for (const line of gbnf.trim().split("\n")) {
    const [name, body] = line.split(" ::= ");
    if (name && body) rules.set(name, body);
  }
  const toRegex = (body: string, depth: number): string => {
    if (depth > 10) throw new Error("grammar too deep (recursive?)");
    let out = "";
    let i = 0;
    while (i < body.length) {
      const c = body[i] as string;
      if (c === '"') {
        let j = i + 1;
        let text = "";
        while (body[j] !== '"') {
          if (body[j] === "\\") j++;
          text += body[j];
          j++;
        }
        out += text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
        i = j + 1;
      } else if (c === "<") {
        const end = body.indexOf(">", i);
        out += body.slice(i, end + 1);
        i = end + 1;
      } else if (/[a-z]/.test(c)) {
        const m = /^[a-z0-9_]+/.exec(body.slice(i))?.[0] ?? "";
        const ref = rules.get(m);
        if (ref === undefined) throw new Error(`unknown rule ${m}`);
        out += `(?:${toRegex(ref, depth + 1)})`;
        i += m.length;
      } else if (c === "(") {
        out += "(?:";
        i++;
      } else if (c === " ") i++;
      else {
        out += c;
        i++;
      }
    }
    return out;
  };
  return new RegExp(`^${toRegex(rules.get("root") ?? "", 0)}$`);
}

const grammar = buildGrammar();
const matches = grammarRegExp(grammar);
const text = (calls: BoundCall[]) => calls.map((c) => renderCall(c)).join("; ");

describe("registry grammar (GBNF)", () => {
  it("accepts the contract's examples", () => {
    for (const r of [
      "<nexa_1>('driver', 72)",
      "<nexa_1>('rear', 21, unit='celsius')",
      "<nexa_1>('driver', 21)",
      "<nexa_0>(volume_diff=5)",
      "<nexa_0>(set_value=30)",
      "<nexa_3>('rear left', 'down', 100)",
      "<nexa_17>('up'); <nexa_8>(True)",
      "<nexa_4>('open')",
      "<nexa_4>('tilt', intensity=50)",
      "<nexa_20>()",
    ])
      expect(r).toMatch(matches);
  });

  it.each([
    ["unknown token", "<nexa_21>()"],
    ["out of range", "<nexa_0>(set_value=51)"],
    ["both of an exactly-one pair", "<nexa_0>(volume_diff=5, set_value=3)"],
    ["neither of an exactly-one pair", "<nexa_7>()"],
    ["enum of another function", "<nexa_14>('rear', 2)"],
    ["celsius value out of range", "<nexa_1>('driver', 72, unit='celsius')"],
    ["explicit default unit (not canonical)", "<nexa_1>('driver', 72, unit='fahrenheit')"],
    ["sunroof intensity 100 (canonically omitted)", "<nexa_4>('open', intensity=100)"],
    ["temperature step 0", "<nexa_6>('driver', 0)"],
    ["nested call", "<nexa_5>(<nexa_8>(True))"],
    ["double-quoted string", '<nexa_17>("up")'],
    ["missing argument", "<nexa_3>('driver', 'down')"],
  ])("refuses %s", (_name, response) => {
    expect(response).not.toMatch(matches);
  });

  it("accepts every canonical rendering of random valid calls (property)", () => {
    const callArb = fc.constantFrom(...registry.functions).chain((f) => {
      const argArbs: Record<string, fc.Arbitrary<unknown>> = {};
      for (const p of f.params) {
        if (f.exactlyOne.flat().includes(p.name)) continue;
        let arb: fc.Arbitrary<unknown>;
        if (p.type === "bool") arb = fc.boolean();
        else if (p.type === "enum") arb = fc.constantFrom(...registry.enumValues(p));
        else if (p.rangeBy) arb = fc.constant(undefined);
        else arb = fc.integer({ min: p.min ?? 0, max: p.max ?? 0 }).filter((n) => !p.exclude?.includes(n));
        argArbs[p.name] = p.required ? arb : fc.option(arb, { nil: undefined });
      }
      const group = f.exactlyOne[0];
      const exactly = group
        ? fc.constantFrom(...group).chain((name) => {
            const p = f.params.find((q) => q.name === name);
            return fc.integer({ min: p?.min ?? 0, max: p?.max ?? 0 }).map((v) => ({ [name]: v }));
          })
        : fc.constant({});
      const temperature = f.params.some((p) => p.rangeBy)
        ? fc.oneof(
            fc.record({ temperature: fc.integer({ min: 60, max: 80 }), unit: fc.constant("fahrenheit") }),
            fc.record({ temperature: fc.integer({ min: 16, max: 27 }), unit: fc.constant("celsius") }),
          )
        : fc.constant({});
      return fc.tuple(fc.record(argArbs), exactly, temperature).map(([a, b, t]) => {
        const args = Object.fromEntries(Object.entries({ ...a, ...b, ...t }).filter(([, v]) => v !== undefined));
        return { token: f.token, name: f.name, args } as BoundCall;
      });
    });
    fc.assert(
      fc.property(fc.array(callArb, { minLength: 1, maxLength: 3 }), (calls) => matches.test(text(calls))),
      { numRuns: 3000, seed: 7 },
    );
  });
});
