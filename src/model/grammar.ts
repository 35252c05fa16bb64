/**
 * A GBNF grammar (llama.cpp) generated from the registry, for constrained decoding: the
 * model can then only write registered functional tokens, the right arguments in the
 * canonical order, enum values spelled exactly and integers inside their declared
 * ranges. It is the same registry that types the calls and checks them at run time, so
 * the generation target and the check cannot drift apart.
 *
 * Shape: root ::= call ("; " call)*  — the end token `<nexa_end>` is the model's EOS,
 * which llama.cpp allows exactly when the grammar is complete.
 *
 * Functional tokens are matched as tokens (`<nexa_3>`, llama.cpp's token syntax), never
 * as characters, so the text "<nexa_3>" spelled out of byte pieces cannot satisfy it.
 *
 * Temperature follows the contract's §3: without a unit the model may write 60..80 or
 * copy a 16..27 number (read as celsius by the gate); with unit='celsius' only 16..27.
 */
import { type FunctionSpec, type ParamSpec, type Registry, registry } from "../registry/index.js";

function literal(text: string): string {
  return JSON.stringify(text);
}

/** Alternatives of every integer in [min, max] minus `exclude`, as GBNF literals. */
function intAlternatives(min: number, max: number, exclude: readonly number[] = []): string {
  const values: string[] = [];
  for (let n = min; n <= max; n++) if (!exclude.includes(n)) values.push(literal(String(n)));
  return values.length > 0 ? `(${values.join(" | ")})` : '""';
}

function valueRule(p: ParamSpec, reg: Registry, range?: { min: number; max: number }): string {
  switch (p.type) {
    case "bool":
      return '("True" | "False")';
    case "enum":
      return `("'" (${reg
        .enumValues(p)
        .map((v) => literal(v))
        .join(" | ")}) "'")`;
    case "int":
      return intAlternatives(range?.min ?? p.min ?? 0, range?.max ?? p.max ?? 0, p.exclude);
  }
}

/** The argument lists a function accepts in canonical form, as GBNF alternatives. */
function argumentForms(f: FunctionSpec, reg: Registry): string[] {
  const required = f.params.filter((p) => p.required);
  const optional = f.params.filter((p) => !p.required);
  const temperature = f.params.find((p) => p.rangeBy);
  if (temperature?.rangeBy) {
    // Positional zone, temperature; unit as keyword only when not the default.
    const unitParam = f.params.find((p) => p.name === temperature.rangeBy?.param);
    const forms: string[] = [];
    for (const [unit, range] of Object.entries(temperature.rangeBy.ranges)) {
      const positional = required.map((p) => (p === temperature ? valueRule(p, reg, range) : valueRule(p, reg)));
      const args = positional.join(' ", " ');
      if (unit === unitParam?.default) {
        forms.push(args);
        // §3: a 16..27 number copied without unit (read as celsius by the gate).
        const other = Object.entries(temperature.rangeBy.ranges).find(([u]) => u !== unit)?.[1];
        if (other) {
          forms.push(
            required.map((p) => (p === temperature ? valueRule(p, reg, other) : valueRule(p, reg))).join(' ", " '),
          );
        }
      } else forms.push(`${args} ", ${unitParam?.name}='${unit}'"`);
    }
    return forms;
  }
  const positional = required.map((p) => valueRule(p, reg));
  const keyword = (p: ParamSpec) => `"${p.name}=" ${keywordValue(p, reg)}`;
  const inExactlyOne = new Set(f.exactlyOne.flat());
  const free = optional.filter((p) => !inExactlyOne.has(p.name));
  const groups = f.exactlyOne.length > 0 ? f.exactlyOne : [[]];
  const forms: string[] = [];
  for (const group of groups) {
    const choices = group.length > 0 ? group.map((n) => optional.find((p) => p.name === n)) : [undefined];
    for (const chosen of choices) {
      const parts = [...positional];
      if (chosen) parts.push(keyword(chosen));
      let text = parts.join(' ", " ');
      for (const p of free) {
        const sep = text ? '", " ' : "";
        text = `${text} (${sep}${keyword(p)})?`.trim();
      }
      forms.push(text || '""');
    }
  }
  return forms;
}

/** A keyword value: omits the one value that canonical form never writes (equivalentToOmitted). */
function keywordValue(p: ParamSpec, reg: Registry): string {
  if (p.type === "int" && typeof p.equivalentToOmitted === "number") {
    const exclude = [...(p.exclude ?? []), p.equivalentToOmitted];
    return intAlternatives(p.min ?? 0, p.max ?? 0, exclude);
  }
  return valueRule(p, reg);
}

export function buildGrammar(reg: Registry = registry): string {
  const lines = ['root ::= call ("; " call)*', `call ::= ${reg.functions.map((f) => `fn${f.token}`).join(" | ")}`];
  for (const f of reg.functions) {
    const forms = argumentForms(f, reg);
    lines.push(`fn${f.token} ::= ${f.tokenText} "(" (${forms.join(" | ")}) ")"`);
  }
  return `${lines.join("\n")}\n`;
}
