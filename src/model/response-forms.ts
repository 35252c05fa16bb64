/**
 * The canonical response language, derived from the registry: for every function, the
 * argument lists it may be written with (forms), each a sequence of segments. One
 * description feeds both the GBNF grammar (grammar.ts) and the token-level constraint the
 * runtime applies while decoding (constraint.ts).
 *
 * Canonical form (as src/parser/render.ts writes it): required parameters positional in
 * declared order; optional ones as keywords in declared order, never at their default or
 * at their `equivalentToOmitted` value; exactly one keyword of an exactly-one group.
 * Temperature (contract §3): without a unit, 60..80 or a copied 16..27 (read as celsius
 * by the gate); with unit='celsius' only 16..27.
 */
import type { FunctionSpec, ParamSpec, Registry } from "../registry/index.js";

export type Segment =
  | { readonly kind: "text"; readonly text: string }
  | { readonly kind: "choice"; readonly options: readonly string[] }
  | { readonly kind: "int"; readonly min: number; readonly max: number; readonly exclude: readonly number[] }
  /** An optional run of segments (an optional keyword argument). */
  | { readonly kind: "optional"; readonly segments: readonly Segment[] };

export interface CallForms {
  readonly fn: FunctionSpec;
  /** Alternative argument lists (without the surrounding parentheses). */
  readonly forms: readonly (readonly Segment[])[];
}

const text = (t: string): Segment => ({ kind: "text", text: t });

function valueSegment(p: ParamSpec, reg: Registry, range?: { min: number; max: number }): Segment {
  switch (p.type) {
    case "bool":
      return { kind: "choice", options: ["True", "False"] };
    case "enum":
      return { kind: "choice", options: reg.enumValues(p).map((v) => `'${v}'`) };
    case "int": {
      const exclude = [...(p.exclude ?? [])];
      if (!p.required && typeof p.equivalentToOmitted === "number") exclude.push(p.equivalentToOmitted);
      return { kind: "int", min: range?.min ?? p.min ?? 0, max: range?.max ?? p.max ?? 0, exclude };
    }
  }
}

function joinArgs(args: readonly (readonly Segment[])[]): Segment[] {
  const out: Segment[] = [];
  args.forEach((a, i) => {
    if (i > 0) out.push(text(", "));
    out.push(...a);
  });
  return out;
}

function formsOf(f: FunctionSpec, reg: Registry): Segment[][] {
  const required = f.params.filter((p) => p.required);
  const optional = f.params.filter((p) => !p.required);
  const temperature = f.params.find((p) => p.rangeBy);
  if (temperature?.rangeBy) {
    const unit = f.params.find((p) => p.name === temperature.rangeBy?.param);
    const positional = (range: { min: number; max: number }) =>
      required.map((p) => [p === temperature ? valueSegment(p, reg, range) : valueSegment(p, reg)]);
    const forms: Segment[][] = [];
    const ranges = Object.entries(temperature.rangeBy.ranges);
    for (const [name, range] of ranges) {
      if (name === unit?.default) {
        forms.push(joinArgs(positional(range)));
        for (const [other, otherRange] of ranges) if (other !== name) forms.push(joinArgs(positional(otherRange)));
      } else forms.push([...joinArgs(positional(range)), text(`, ${unit?.name}='${name}'`)]);
    }
    return forms;
  }
  const inGroup = new Set(f.exactlyOne.flat());
  const free = optional.filter((p) => !inGroup.has(p.name));
  const keyword = (p: ParamSpec): Segment[] => [text(`${p.name}=`), valueSegment(p, reg)];
  const groupChoices = f.exactlyOne.length > 0 ? (f.exactlyOne[0] ?? []) : [undefined];
  return groupChoices.map((choice) => {
    const chosen = choice ? optional.find((p) => p.name === choice) : undefined;
    const args = required.map((p) => [valueSegment(p, reg)]);
    if (chosen) args.push(keyword(chosen));
    const segments = joinArgs(args);
    for (const p of free) {
      const sep = segments.length > 0 ? [text(", ")] : [];
      segments.push({ kind: "optional", segments: [...sep, ...keyword(p)] });
    }
    return segments;
  });
}

export function responseForms(reg: Registry): CallForms[] {
  for (const f of reg.functions) {
    if (f.exactlyOne.length > 1) throw new Error(`response forms: ${f.name} has more than one exactly-one group`);
  }
  return reg.functions.map((fn) => ({ fn, forms: formsOf(fn, reg) }));
}
