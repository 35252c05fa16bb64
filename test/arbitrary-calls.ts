/**
 * Test helper: fast-check arbitraries of valid calls, drawn from the registry (every
 * function, every parameter in its range, optional ones sometimes given, one of each
 * "exactly one" group), for property tests of the stages after the parser.
 */
import fc from "fast-check";
import type { BindResult, BoundCall, Literal } from "../src/core/types.js";
import { type FunctionSpec, registry } from "../src/registry/index.js";

export function argsFor(spec: FunctionSpec): fc.Arbitrary<Record<string, Literal>> {
  const chosenOne = spec.exactlyOne.length
    ? fc.tuple(...spec.exactlyOne.map((g) => fc.constantFrom(...g)))
    : fc.constant([] as string[]);
  const paramArbs = spec.params.map((p) => {
    let value: fc.Arbitrary<Literal>;
    if (p.type === "bool") value = fc.boolean();
    else if (p.type === "enum") value = fc.constantFrom(...registry.enumValues(p));
    else value = fc.integer({ min: p.min!, max: p.max! }).filter((n) => !p.exclude?.includes(n));
    return fc.tuple(fc.constant(p), value, fc.boolean());
  });
  return fc.tuple(chosenOne, fc.tuple(...paramArbs)).map(([chosen, values]) => {
    const inGroup = new Set(spec.exactlyOne.flat());
    const args: Record<string, Literal> = {};
    for (const [p, value, giveOptional] of values) {
      if (inGroup.has(p.name)) {
        if ((chosen as string[]).includes(p.name)) args[p.name] = value;
      } else if (p.required || giveOptional) {
        args[p.name] = value;
      }
    }
    return args;
  });
}

export const boundCall: fc.Arbitrary<BindResult> = fc
  .constantFrom(...registry.functions)
  .chain((spec) => argsFor(spec).map((args) => ({ spec, args })))
  .map(({ spec, args }) => ({
    ok: true as const,
    call: { token: spec.token, name: spec.name, args },
    parsed: { token: spec.tokenText, positional: [], keywords: [], position: 0 },
  }));

/** A valid bound call. */
export const validCall: fc.Arbitrary<BoundCall> = boundCall.map((r) => {
  if (!r.ok) throw new Error("unreachable");
  return r.call;
});
