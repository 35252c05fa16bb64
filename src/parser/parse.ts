/**
 * The response parser: raw model text -> ParsedResponse, or a ParseError with evidence.
 *
 * Grammar (contract §1), with the lexical choices this module makes written out:
 *
 *   response := ws* call ( ";" call )* "<nexa_end>" ws*
 *   call     := FUNCTOKEN "(" [ args ] ")"           FUNCTOKEN := "<nexa_" DIGITS ">"
 *   args     := value ( "," value )* ( "," keyword )* | keyword ( "," keyword )*
 *   keyword  := NAME "=" value                         NAME := [A-Za-z_][A-Za-z0-9_]*
 *   value    := STRING | INT | "True" | "False" | call (nested)
 *
 * - Whitespace: the whole response may be surrounded by any whitespace (space, tab, CR,
 *   LF), which is ignored. Inside it, spaces and tabs are allowed between any two lexical
 *   tokens (so `;` and `; `, `a=1` and `a = 1` are the same) but never inside one (`- 5`
 *   is not a number, `<nexa_ 3>` is not a token). Line breaks inside are errors: the
 *   model emits one line.
 * - STRING: single quotes only (the contract's form), escapes \\ \' \" \n \t \r \xNN
 *   \uNNNN \UNNNNNNNN; any other escape is an error (Python would keep the backslash, a
 *   silent guess we do not make). A raw line break ends the line, so it is unterminated.
 * - INT: Python decimal literals: optional "-", no leading zeros (except 0 itself), no
 *   `_`, no floats/hex, magnitude bounded by `maxIntMagnitude`. `-0` reads as 0.
 * - Whether N of `<nexa_N>` is a registered function is the binder's job, not ours.
 *
 * Never throws on any string: every failure is a ParseError naming what was expected,
 * what was found, the 0-based offset in `raw`, and `raw` itself. Work is bounded: input
 * length, nesting depth (the only recursion) and the number of calls are capped, and the
 * scan is a single left-to-right pass with one-identifier lookahead (linear time).
 */
import type {
  ParsedCall,
  ParsedKeyword,
  ParsedResponse,
  ParsedValue,
  ParseError,
  ParseErrorCode,
} from "../core/types.js";

export interface ParseLimits {
  /** Longest accepted raw response, in UTF-16 code units (JS string length). */
  readonly maxLength: number;
  /** Deepest nesting of calls; a top-level call is depth 1. */
  readonly maxDepth: number;
  /** Most calls in one response, nested calls included. */
  readonly maxCalls: number;
  /** Largest accepted |integer|. */
  readonly maxIntMagnitude: number;
}

export const DEFAULT_PARSE_LIMITS: Readonly<ParseLimits> = Object.freeze({
  maxLength: 4096,
  maxDepth: 4,
  maxCalls: 16,
  maxIntMagnitude: 1_000_000_000,
});

/**
 * Hard ceilings that caller-supplied limits cannot exceed: the depth ceiling keeps the
 * recursion far from the JS stack limit whatever a caller passes; integers stay exact.
 */
const HARD_MAX_DEPTH = 64;
const HARD_MAX_INT = Number.MAX_SAFE_INTEGER;

export type ParseOutcome =
  | { readonly ok: true; readonly value: ParsedResponse }
  | { readonly ok: false; readonly error: ParseError };

const END_TOKEN = "<nexa_end>";
const TOKEN_PREFIX = "<nexa_";
const VALUE_KINDS = "a value (a 'single-quoted string', an integer, True, False or a nested <nexa_N>(...) call)";

/** Thrown only inside this module and always caught by parseResponse. */
class ParseFailure {
  constructor(readonly error: ParseError) {}
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= "0" && c <= "9";
}
function isIdentStart(c: string | undefined): boolean {
  return c !== undefined && ((c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || c === "_");
}
function isIdentChar(c: string | undefined): boolean {
  return isIdentStart(c) || isDigit(c);
}
function isHex(c: string | undefined): boolean {
  return c !== undefined && ((c >= "0" && c <= "9") || (c >= "a" && c <= "f") || (c >= "A" && c <= "F"));
}
function isOuterSpace(c: string | undefined): boolean {
  return c === " " || c === "\t" || c === "\n" || c === "\r";
}

function sanitizeLimits(limits: Partial<ParseLimits> | undefined): ParseLimits {
  const pick = (v: number | undefined, dflt: number, ceiling: number): number =>
    typeof v === "number" && Number.isFinite(v) && v >= 0 ? Math.min(Math.floor(v), ceiling) : dflt;
  return {
    maxLength: pick(limits?.maxLength, DEFAULT_PARSE_LIMITS.maxLength, Number.MAX_SAFE_INTEGER),
    maxDepth: pick(limits?.maxDepth, DEFAULT_PARSE_LIMITS.maxDepth, HARD_MAX_DEPTH),
    maxCalls: pick(limits?.maxCalls, DEFAULT_PARSE_LIMITS.maxCalls, Number.MAX_SAFE_INTEGER),
    maxIntMagnitude: pick(limits?.maxIntMagnitude, DEFAULT_PARSE_LIMITS.maxIntMagnitude, HARD_MAX_INT),
  };
}

class Parser {
  pos: number;
  private callCount = 0;

  constructor(
    private readonly raw: string,
    start: number,
    /** Offset just past the last non-whitespace character: trailing whitespace is invisible. */
    private readonly end: number,
    private readonly limits: ParseLimits,
  ) {
    this.pos = start;
  }

  fail(code: ParseErrorCode, message: string, position: number = this.pos): never {
    throw new ParseFailure({ kind: "parse", code, message, position, raw: this.raw });
  }

  /** What stands at `at`, for messages: a functional token, a word or number, one character, or end of input. */
  found(at: number = this.pos): string {
    if (at >= this.end) return "end of input";
    const rest = this.raw.slice(at, at + 32);
    const token = /^<nexa_(?:end|\d+)>/.exec(rest);
    if (token) return token[0];
    let j = at;
    while (j < this.end && j - at < 24 && isIdentChar(this.raw[j])) j++;
    if (j > at) return JSON.stringify(this.raw.slice(at, j));
    const cp = this.raw.codePointAt(at) ?? 0;
    return JSON.stringify(String.fromCodePoint(cp));
  }

  startsWith(text: string, at: number = this.pos): boolean {
    return at + text.length <= this.end && this.raw.startsWith(text, at);
  }

  skipSpace(): void {
    while (this.pos < this.end && (this.raw[this.pos] === " " || this.raw[this.pos] === "\t")) this.pos++;
  }

  expect(char: string, what: string): void {
    this.skipSpace();
    if (this.raw[this.pos] === char && this.pos < this.end) {
      this.pos++;
      return;
    }
    this.failExpected(what);
  }

  failExpected(what: string, at: number = this.pos): never {
    if (at >= this.end) this.fail("unexpected_end", `expected ${what}, found end of input`, at);
    // Text cut off inside a functional token (`<ne`) is a truncation, not a bad character.
    const rest = this.raw.slice(at, this.end);
    if (rest.length < TOKEN_PREFIX.length && TOKEN_PREFIX.startsWith(rest))
      this.fail("unexpected_end", `expected ${what}, found end of input after ${JSON.stringify(rest)}`, at);
    this.fail("unexpected_char", `expected ${what}, found ${this.found(at)}`, at);
  }

  response(): ParsedResponse {
    const calls: ParsedCall[] = [];
    this.skipSpace();
    if (this.startsWith(END_TOKEN))
      this.fail("empty", `expected at least one functional-token call before ${END_TOKEN}, found ${END_TOKEN}`);
    for (;;) {
      this.skipSpace();
      calls.push(this.call(1));
      this.skipSpace();
      if (this.pos >= this.end)
        this.fail(
          "missing_end_token",
          `expected '; ' and another call, or ${END_TOKEN} after the last call, found end of input`,
        );
      if (this.raw[this.pos] === ";") {
        this.pos++;
        continue;
      }
      if (this.startsWith(END_TOKEN)) {
        this.pos += END_TOKEN.length;
        break;
      }
      if (END_TOKEN.startsWith(this.raw.slice(this.pos, this.end)))
        this.fail(
          "missing_end_token",
          `expected ${END_TOKEN} after the last call, found the cut-off ${JSON.stringify(this.raw.slice(this.pos, this.end))}`,
        );
      this.failExpected(`'; ' and another call, or ${END_TOKEN} after a call`);
    }
    this.skipSpace();
    if (this.pos < this.end) this.fail("trailing_text", `expected nothing after ${END_TOKEN}, found ${this.found()}`);
    return { raw: this.raw, calls };
  }

  call(depth: number): ParsedCall {
    const position = this.pos;
    if (!this.startsWith(TOKEN_PREFIX) || this.startsWith(END_TOKEN))
      this.failExpected("a functional token like <nexa_3>");
    if (depth > this.limits.maxDepth)
      this.fail(
        "too_deep",
        `expected calls nested at most ${this.limits.maxDepth} deep, found a call at depth ${depth}`,
      );
    this.callCount++;
    if (this.callCount > this.limits.maxCalls)
      this.fail("too_many_calls", `expected at most ${this.limits.maxCalls} calls in a response, found more`);
    this.pos += TOKEN_PREFIX.length;
    const digitsStart = this.pos;
    while (this.pos < this.end && isDigit(this.raw[this.pos])) this.pos++;
    if (this.pos === digitsStart) this.failExpected("the number N of a functional token <nexa_N>");
    if (this.raw[this.pos] !== ">" || this.pos >= this.end)
      this.failExpected(`'>' closing the functional token ${this.raw.slice(position, this.pos)}`);
    this.pos++;
    const token = this.raw.slice(position, this.pos);
    this.expect("(", `'(' after ${token}`);

    const positional: ParsedValue[] = [];
    const keywords: ParsedKeyword[] = [];
    this.skipSpace();
    if (this.raw[this.pos] === ")" && this.pos < this.end) {
      this.pos++;
      return { token, positional, keywords, position };
    }
    for (;;) {
      this.skipSpace();
      const argPos = this.pos;
      const name = this.keywordName();
      if (name !== undefined) {
        this.expect("=", `'=' after the keyword ${name}`);
        this.skipSpace();
        keywords.push({ name, value: this.value(depth), position: argPos });
      } else {
        const value = this.value(depth);
        if (keywords.length > 0)
          this.fail(
            "positional_after_keyword",
            `expected a keyword argument (name=value) after the keyword ${keywords[keywords.length - 1]?.name}, found a positional argument`,
            argPos,
          );
        positional.push(value);
      }
      this.skipSpace();
      const c = this.raw[this.pos];
      if (this.pos < this.end && c === ",") {
        this.pos++;
        continue;
      }
      if (this.pos < this.end && c === ")") {
        this.pos++;
        return { token, positional, keywords, position };
      }
      this.failExpected(`',' or ')' after an argument of ${token}`);
    }
  }

  /** If a `NAME =` stands here, consumes NAME and returns it; otherwise consumes nothing. */
  keywordName(): string | undefined {
    if (!isIdentStart(this.raw[this.pos]) || this.pos >= this.end) return undefined;
    let j = this.pos;
    while (j < this.end && isIdentChar(this.raw[j])) j++;
    let k = j;
    while (k < this.end && (this.raw[k] === " " || this.raw[k] === "\t")) k++;
    if (k >= this.end || this.raw[k] !== "=") return undefined;
    const name = this.raw.slice(this.pos, j);
    this.pos = j;
    return name;
  }

  value(depth: number): ParsedValue {
    const position = this.pos;
    if (position >= this.end) this.failExpected(VALUE_KINDS);
    const c = this.raw[position];
    if (c === "'") return { kind: "string", value: this.string(), position };
    if (c === "-" || isDigit(c)) return { kind: "int", value: this.integer(), position };
    if (this.startsWith(TOKEN_PREFIX) && !this.startsWith(END_TOKEN))
      return { kind: "call", call: this.call(depth + 1), position };
    if (isIdentStart(c)) {
      let j = position;
      while (j < this.end && isIdentChar(this.raw[j])) j++;
      const word = this.raw.slice(position, j);
      if (word === "True" || word === "False") {
        this.pos = j;
        return { kind: "bool", value: word === "True", position };
      }
      if (word === "None")
        this.fail("unexpected_char", `expected ${VALUE_KINDS}, found None (leave an optional parameter out instead)`);
      if (word === "true" || word === "false")
        this.fail("unexpected_char", `expected ${VALUE_KINDS}, found ${word} (booleans are True and False)`);
      // A word cut off by the end of input (`Tr`, `volume_d`) is a truncation, not a bad word.
      if (j >= this.end)
        this.fail(
          "unexpected_end",
          `expected ${VALUE_KINDS} or name=value, found end of input after ${JSON.stringify(word.slice(0, 24))}`,
        );
    }
    if (c === '"')
      this.fail("unexpected_char", `expected ${VALUE_KINDS}, found a double quote (strings use single quotes)`);
    this.failExpected(VALUE_KINDS);
  }

  string(): string {
    const start = this.pos;
    this.pos++;
    let out = "";
    let chunk = this.pos;
    for (;;) {
      if (this.pos >= this.end)
        this.fail(
          "unterminated_string",
          `expected a closing ' for the string opened at ${start}, found end of input`,
          start,
        );
      const c = this.raw[this.pos];
      if (c === "'") {
        out += this.raw.slice(chunk, this.pos);
        this.pos++;
        return out;
      }
      if (c === "\n" || c === "\r")
        this.fail(
          "unterminated_string",
          `expected a closing ' for the string opened at ${start}, found a line break (strings stay on one line)`,
          start,
        );
      if (c === "\\") {
        out += this.raw.slice(chunk, this.pos);
        out += this.escape(start);
        chunk = this.pos;
        continue;
      }
      this.pos++;
    }
  }

  /** Reads one escape sequence at `pos` (a backslash) and returns the text it stands for. */
  escape(stringStart: number): string {
    const at = this.pos;
    if (at + 1 >= this.end)
      this.fail(
        "unterminated_string",
        `expected a closing ' for the string opened at ${stringStart}, found end of input`,
        stringStart,
      );
    const e = this.raw[at + 1];
    const simple: Record<string, string> = { "\\": "\\", "'": "'", '"': '"', n: "\n", t: "\t", r: "\r" };
    if (e !== undefined && Object.hasOwn(simple, e)) {
      this.pos = at + 2;
      return simple[e] ?? "";
    }
    const hexLength = e === "x" ? 2 : e === "u" ? 4 : e === "U" ? 8 : 0;
    if (hexLength === 0)
      this.fail(
        "bad_escape",
        `expected an escape (\\\\ \\' \\" \\n \\t \\r \\xNN \\uNNNN \\UNNNNNNNN), found ${JSON.stringify(this.raw.slice(at, at + 2))}`,
        at,
      );
    let hex = "";
    for (let i = 0; i < hexLength; i++) {
      const h = this.raw[at + 2 + i];
      if (at + 2 + i >= this.end)
        this.fail(
          "unterminated_string",
          `expected a closing ' for the string opened at ${stringStart}, found end of input`,
          stringStart,
        );
      if (!isHex(h))
        this.fail(
          "bad_escape",
          `expected ${hexLength} hex digits after \\${e}, found ${JSON.stringify(this.raw.slice(at, Math.min(at + 2 + hexLength, this.end)))}`,
          at,
        );
      hex += h;
    }
    const code = Number.parseInt(hex, 16);
    if (code > 0x10ffff) this.fail("bad_escape", `expected a code point up to \\U0010ffff, found \\U${hex}`, at);
    this.pos = at + 2 + hexLength;
    return String.fromCodePoint(code);
  }

  integer(): number {
    const start = this.pos;
    if (this.raw[this.pos] === "-") this.pos++;
    const digitsStart = this.pos;
    while (this.pos < this.end && isDigit(this.raw[this.pos])) this.pos++;
    const lexemeEnd = (): number => {
      let j = this.pos;
      while (j < this.end && j - start < 24 && (isIdentChar(this.raw[j]) || this.raw[j] === ".")) j++;
      return j;
    };
    if (this.pos === digitsStart)
      this.fail(
        this.pos >= this.end ? "unexpected_end" : "bad_number",
        `expected digits after '-', found ${this.found()}`,
        start,
      );
    const digits = this.raw.slice(digitsStart, this.pos);
    if (this.pos < this.end && (isIdentChar(this.raw[this.pos]) || this.raw[this.pos] === "."))
      this.fail(
        "bad_number",
        `expected a decimal integer like 72, found ${JSON.stringify(this.raw.slice(start, lexemeEnd()))} (no floats, hex, underscores or suffixes)`,
        start,
      );
    if (digits.length > 1 && digits[0] === "0")
      this.fail(
        "bad_number",
        `expected an integer without leading zeros, found ${JSON.stringify(this.raw.slice(start, this.pos))}`,
        start,
      );
    const magnitude = digits.length > 16 ? Number.POSITIVE_INFINITY : Number(digits);
    if (magnitude > this.limits.maxIntMagnitude)
      this.fail(
        "bad_number",
        `expected an integer of magnitude at most ${this.limits.maxIntMagnitude}, found ${this.raw.slice(start, Math.min(this.pos, start + 24))}${this.pos - start > 24 ? "..." : ""}`,
        start,
      );
    // `-0` is 0: never hand a negative zero downstream.
    return start === digitsStart || magnitude === 0 ? magnitude : -magnitude;
  }
}

/**
 * Parses a raw model response. Never throws: returns the parsed calls, or the first
 * error with its code, message, 0-based position and the raw text.
 */
export function parseResponse(raw: string, limits?: Partial<ParseLimits>): ParseOutcome {
  const lim = sanitizeLimits(limits);
  if (typeof raw !== "string") {
    const shown = String(raw);
    return {
      ok: false,
      error: {
        kind: "parse",
        code: "empty",
        message: `expected a response string, found ${typeof raw}`,
        position: 0,
        raw: shown,
      },
    };
  }
  if (raw.length > lim.maxLength)
    return {
      ok: false,
      error: {
        kind: "parse",
        code: "too_long",
        message: `expected a response of at most ${lim.maxLength} characters, found ${raw.length}`,
        position: lim.maxLength,
        raw,
      },
    };
  let start = 0;
  let end = raw.length;
  while (start < end && isOuterSpace(raw[start])) start++;
  while (end > start && isOuterSpace(raw[end - 1])) end--;
  if (start === end)
    return {
      ok: false,
      error: {
        kind: "parse",
        code: "empty",
        message: `expected a functional-token call like <nexa_3>(...)${END_TOKEN}, found ${raw.length === 0 ? "an empty response" : "only whitespace"}`,
        position: 0,
        raw,
      },
    };
  try {
    return { ok: true, value: new Parser(raw, start, end, lim).response() };
  } catch (e) {
    if (e instanceof ParseFailure) return { ok: false, error: e.error };
    throw e; // a bug in this module, not bad input: let the fuzz tests see it
  }
}
