/**
 * Literals written the way the response grammar reads them (Python syntax), shared by
 * the renderer (canonical text) and the binder (values quoted in messages).
 */
import type { Literal } from "../core/types.js";

/**
 * A single-quoted Python string with the fewest escapes that the parser reads back to the
 * same text: backslash, quote, CR/LF/tab, other control characters as \xNN, and lone
 * surrogates as \uNNNN (they have no UTF-8 form). Everything else is written as is.
 */
export function renderString(value: string): string {
  let out = "'";
  for (let i = 0; i < value.length; i++) {
    const c = value[i] as string;
    const code = c.charCodeAt(0);
    if (c === "\\") out += "\\\\";
    else if (c === "'") out += "\\'";
    else if (c === "\n") out += "\\n";
    else if (c === "\r") out += "\\r";
    else if (c === "\t") out += "\\t";
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, "0")}`;
    else if (code >= 0xd800 && code <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += c + value[i + 1];
        i++;
      } else out += `\\u${code.toString(16)}`;
    } else if (code >= 0xdc00 && code <= 0xdfff) out += `\\u${code.toString(16)}`;
    else out += c;
  }
  return `${out}'`;
}

/** A literal in response syntax: 'text', 72, True/False. Integers never render as -0. */
export function renderLiteral(value: Literal): string {
  if (typeof value === "string") return renderString(value);
  if (typeof value === "boolean") return value ? "True" : "False";
  return Object.is(value, -0) ? "0" : String(value);
}
