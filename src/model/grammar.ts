/**
 * The registry's response language as a GBNF grammar (llama.cpp), rendered from
 * response-forms.ts. Functional tokens are written as llama.cpp token terminals
 * (`<nexa_3>`), so only the real control token matches, never its spelling.
 *
 * Note: node-llama-cpp 3.22 validates a grammar without a vocabulary (AddonGrammar
 * parses with a null vocab), so token terminals are refused there ("no vocab to parse
 * token"); the runtime therefore constrains decoding with constraint.ts, built from the
 * same forms. This GBNF is for llama.cpp tools that load it with the model's vocab
 * (e.g. llama-server's `grammar`) and documents the language; test/pure/grammar.test.ts
 * checks it against canonical renderings.
 */
import { type Registry, registry } from "../registry/index.js";
import { responseForms, type Segment } from "./response-forms.js";

const literal = (t: string) => JSON.stringify(t);

function segmentGbnf(s: Segment): string {
  switch (s.kind) {
    case "text":
      return literal(s.text);
    case "choice":
      return `(${s.options.map(literal).join(" | ")})`;
    case "int": {
      const values: string[] = [];
      for (let n = s.min; n <= s.max; n++) if (!s.exclude.includes(n)) values.push(literal(String(n)));
      return `(${values.join(" | ")})`;
    }
    case "optional":
      return `(${s.segments.map(segmentGbnf).join(" ")})?`;
  }
}

export function buildGrammar(reg: Registry = registry): string {
  const calls = responseForms(reg);
  const lines = ['root ::= call ("; " call)*', `call ::= ${calls.map(({ fn }) => `fn${fn.token}`).join(" | ")}`];
  for (const { fn, forms } of calls) {
    const alternatives = forms.map((segments) => (segments.length > 0 ? segments.map(segmentGbnf).join(" ") : '""'));
    lines.push(`fn${fn.token} ::= ${fn.tokenText} "(" (${alternatives.join(" | ")}) ")"`);
  }
  return `${lines.join("\n")}\n`;
}
