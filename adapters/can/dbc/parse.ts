/**
 * A small DBC parser: the statements a body-CAN database needs (VERSION, BU_, BO_, SG_, CM_,
 * BA_DEF_, BA_DEF_DEF_, BA_, VAL_, VAL_TABLE_); other statements are skipped. Returns a closed
 * error with line and column instead of throwing, and checks every signal (length, fits in
 * the frame, no overlap, factor not 0) so the encoder can trust the database.
 *
 * Not supported, reported as `unsupported`: float signals (SIG_VALTYPE_), extended
 * multiplexing (SG_MUL_VAL_). Plain multiplexing (M / mN) is parsed; codec.ts refuses it.
 */
import {
  type AttributeDefinition,
  type AttributeValue,
  type ByteOrder,
  type Dbc,
  type DbcMessage,
  type DbcParseError,
  type DbcParseErrorCode,
  type DbcSignal,
  err,
  ok,
  type Result,
} from "./types.js";

// ---------------------------------------------------------------- tokens

type TokenKind = "ident" | "number" | "string" | "punct";

interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  readonly line: number;
  readonly column: number;
  /** First token on its line (statements such as BO_/SG_/BU_ end at the line end). */
  readonly lineStart: boolean;
}

class ParseFailure extends Error {
  constructor(readonly detail: DbcParseError) {
    super(detail.message);
  }
}

function failAt(code: DbcParseErrorCode, message: string, line: number, column: number): never {
  throw new ParseFailure({ kind: "dbc_parse", code, message: `line ${line}:${column}: ${message}`, line, column });
}

const NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/;
const IDENT = /^[A-Za-z_][A-Za-z0-9_]*/;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let line = 1;
  let lineStartIndex = 0;
  let sawTokenOnLine = false;
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === "\n") {
      line++;
      i++;
      lineStartIndex = i;
      sawTokenOnLine = false;
      continue;
    }
    if (c === " " || c === "\t" || c === "\r") {
      i++;
      continue;
    }
    const column = i - lineStartIndex + 1;
    const push = (kind: TokenKind, tokenText: string) => {
      tokens.push({ kind, text: tokenText, line, column, lineStart: !sawTokenOnLine });
      sawTokenOnLine = true;
    };
    if (c === '"') {
      // Strings may span lines (long comments) and escape quotes with a backslash.
      let j = i + 1;
      let value = "";
      const startLine = line;
      while (j < text.length && text[j] !== '"') {
        if (text[j] === "\\" && j + 1 < text.length) {
          value += text[j + 1];
          j += 2;
          continue;
        }
        if (text[j] === "\n") {
          line++;
          lineStartIndex = j + 1;
        }
        value += text[j];
        j++;
      }
      if (j >= text.length) failAt("unterminated_string", "string is not closed", startLine, column);
      tokens.push({ kind: "string", text: value, line: startLine, column, lineStart: !sawTokenOnLine });
      sawTokenOnLine = true;
      i = j + 1;
      continue;
    }
    const rest = text.slice(i, i + 64);
    const num = NUMBER.exec(rest);
    // A sign is part of a number only when a digit follows (`@0+` and `@1-` are sign markers).
    if (num && (/\d/.test(c) || c === "." || ((c === "-" || c === "+") && /[\d.]/.test(text[i + 1] ?? "")))) {
      push("number", num[0]);
      i += num[0].length;
      continue;
    }
    const id = IDENT.exec(rest);
    if (id) {
      // Identifiers can be longer than the 64-character window.
      let j = i + id[0].length;
      while (j < text.length && /[A-Za-z0-9_]/.test(text[j]!)) j++;
      push("ident", text.slice(i, j));
      i = j;
      continue;
    }
    push("punct", c);
    i++;
  }
  return tokens;
}

// ---------------------------------------------------------------- parser state

interface MutableSignal {
  name: string;
  startBit: number;
  length: number;
  byteOrder: ByteOrder;
  signed: boolean;
  factor: number;
  offset: number;
  min: number;
  max: number;
  unit: string;
  receivers: string[];
  decimals: number;
  multiplex?: "M" | number;
  values: Map<number, string>;
  comment?: string;
  attributes: Map<string, AttributeValue>;
  line: number;
  column: number;
}

interface MutableMessage {
  id: number;
  extended: boolean;
  name: string;
  length: number;
  transmitter: string;
  signals: MutableSignal[];
  comment?: string;
  attributes: Map<string, AttributeValue>;
  line: number;
  column: number;
}

/** The DBC's pseudo message that holds signals not sent by anyone; not a real frame. */
const INDEPENDENT_SIGNALS = "VECTOR__INDEPENDENT_SIG_MSG";

class Parser {
  private pos = 0;
  version = "";
  comment: string | undefined;
  nodes: string[] = [];
  messages: MutableMessage[] = [];
  private rawIds = new Map<number, MutableMessage>();
  definitions = new Map<string, AttributeDefinition>();
  networkAttributes = new Map<string, AttributeValue>();
  private pendingAttributes: { token: Token; apply: () => void }[] = [];

  constructor(private readonly tokens: Token[]) {}

  private peek(): Token | undefined {
    return this.tokens[this.pos];
  }

  private next(what: string): Token {
    const t = this.tokens[this.pos];
    if (!t) {
      const last = this.tokens[this.tokens.length - 1];
      failAt("unexpected_end", `expected ${what}, found the end of the file`, last?.line ?? 1, last?.column ?? 1);
    }
    this.pos++;
    return t;
  }

  private expect(kind: TokenKind, what: string, text?: string): Token {
    const t = this.next(what);
    if (t.kind !== kind || (text !== undefined && t.text !== text)) {
      failAt("unexpected_token", `expected ${what}, found ${JSON.stringify(t.text)}`, t.line, t.column);
    }
    return t;
  }

  private number(what: string): { value: number; token: Token } {
    const t = this.expect("number", what);
    const value = Number(t.text);
    if (!Number.isFinite(value)) failAt("bad_number", `${what} ${t.text} is not a number`, t.line, t.column);
    return { value, token: t };
  }

  private integer(what: string): number {
    const { value, token } = this.number(what);
    if (!Number.isInteger(value))
      failAt("bad_number", `${what} must be an integer, not ${token.text}`, token.line, token.column);
    return value;
  }

  private skipStatement(): void {
    // Skip to the terminating semicolon of an unknown or ignored statement.
    while (this.pos < this.tokens.length) {
      const t = this.tokens[this.pos++]!;
      if (t.kind === "punct" && t.text === ";") return;
    }
  }

  private restOfLine(line: number): Token[] {
    const out: Token[] = [];
    while (this.pos < this.tokens.length && this.tokens[this.pos]!.line === line && !this.tokens[this.pos]!.lineStart) {
      out.push(this.tokens[this.pos++]!);
    }
    return out;
  }

  parse(): void {
    while (this.pos < this.tokens.length) {
      const t = this.next("a statement");
      if (t.kind !== "ident") {
        failAt("unexpected_token", `expected a statement keyword, found ${JSON.stringify(t.text)}`, t.line, t.column);
      }
      switch (t.text) {
        case "VERSION":
          this.version = this.expect("string", "the version string").text;
          break;
        case "NS_":
          this.skipNewSymbols();
          break;
        case "BS_":
          this.restOfLine(t.line);
          break;
        case "BU_":
          this.parseNodes(t);
          break;
        case "BO_":
          this.parseMessage(t);
          break;
        case "SG_":
          failAt("unexpected_token", "signal (SG_) outside a message (BO_)", t.line, t.column);
          break;
        case "CM_":
          this.parseComment();
          break;
        case "BA_DEF_":
          this.parseAttributeDefinition();
          break;
        case "BA_DEF_DEF_":
          this.parseAttributeDefault();
          break;
        case "BA_":
          this.parseAttribute(t);
          break;
        case "VAL_":
          this.parseValueTable();
          break;
        case "SIG_VALTYPE_":
          failAt("unsupported", "float signals (SIG_VALTYPE_) are not supported", t.line, t.column);
          break;
        case "SG_MUL_VAL_":
          failAt("unsupported", "extended multiplexing (SG_MUL_VAL_) is not supported", t.line, t.column);
          break;
        default:
          // VAL_TABLE_, BO_TX_BU_, EV_, SIG_GROUP_, BA_DEF_REL_ ... carry nothing the codec needs.
          this.skipStatement();
      }
    }
    for (const p of this.pendingAttributes) p.apply();
  }

  private skipNewSymbols(): void {
    this.expect("punct", '":" after NS_', ":");
    // The symbol list is a block of keywords; it ends at the next top-level statement.
    while (this.pos < this.tokens.length) {
      const t = this.tokens[this.pos]!;
      if (t.kind === "ident" && (t.text === "BS_" || t.text === "BU_" || t.text === "BO_") && t.lineStart) return;
      this.pos++;
    }
  }

  private parseNodes(keyword: Token): void {
    const rest = this.restOfLine(keyword.line);
    const [colon, ...names] = rest;
    if (!colon || colon.text !== ":")
      failAt("unexpected_token", 'expected ":" after BU_', keyword.line, keyword.column);
    for (const n of names) {
      if (n.kind !== "ident")
        failAt("unexpected_token", `node name expected, found ${JSON.stringify(n.text)}`, n.line, n.column);
      this.nodes.push(n.text);
    }
  }

  private parseMessage(keyword: Token): void {
    const rawId = this.integer("message id");
    const name = this.expect("ident", "message name").text;
    this.expect("punct", '":" after the message name', ":");
    const length = this.integer("message length");
    const transmitter = this.expect("ident", "transmitter node").text;
    if (length < 0 || length > 64)
      failAt("bad_number", `message ${name}: length ${length} is not 0..64`, keyword.line, keyword.column);
    // Bit 31 of a DBC id marks a 29-bit identifier.
    const extended = rawId >= 0x80000000;
    const id = extended ? rawId - 0x80000000 : rawId;
    const message: MutableMessage = {
      id: extended ? id & 0x1fffffff : id,
      extended,
      name,
      length,
      transmitter,
      signals: [],
      attributes: new Map(),
      line: keyword.line,
      column: keyword.column,
    };
    if (this.rawIds.has(rawId))
      failAt("duplicate", `message id ${rawId} is defined twice`, keyword.line, keyword.column);
    this.rawIds.set(rawId, message);
    if (!extended && id > 0x7ff)
      failAt("bad_number", `message ${name}: id ${id} does not fit 11 bits`, keyword.line, keyword.column);
    while (this.peek()?.kind === "ident" && this.peek()?.text === "SG_") {
      this.pos++;
      message.signals.push(this.parseSignal(message));
    }
    if (name !== INDEPENDENT_SIGNALS) {
      if (this.messages.some((m) => m.name === name))
        failAt("duplicate", `message ${name} is defined twice`, keyword.line, keyword.column);
      this.messages.push(message);
    }
  }

  private parseSignal(message: MutableMessage): MutableSignal {
    const nameToken = this.expect("ident", "signal name");
    const name = nameToken.text;
    let multiplex: "M" | number | undefined;
    const maybeMux = this.peek();
    if (maybeMux?.kind === "ident" && /^(M|m\d+)$/.test(maybeMux.text)) {
      this.pos++;
      multiplex = maybeMux.text === "M" ? "M" : Number(maybeMux.text.slice(1));
    }
    this.expect("punct", '":" after the signal name', ":");
    const startBit = this.integer("start bit");
    this.expect("punct", '"|" between start bit and length', "|");
    // "8@1+" tokenizes as 8, @, 1, + ; but "8@0-" may tokenize the sign into a following number.
    const length = this.integer("signal length");
    this.expect("punct", '"@" before the byte order', "@");
    const orderToken = this.expect("number", "byte order (0 or 1)");
    if (orderToken.text !== "0" && orderToken.text !== "1") {
      failAt(
        "unexpected_token",
        `byte order must be 0 or 1, found ${orderToken.text}`,
        orderToken.line,
        orderToken.column,
      );
    }
    const signToken = this.expect("punct", "value type (+ or -)");
    if (signToken.text !== "+" && signToken.text !== "-") {
      failAt(
        "unexpected_token",
        `value type must be + or -, found ${signToken.text}`,
        signToken.line,
        signToken.column,
      );
    }
    this.expect("punct", '"(" before factor', "(");
    const factor = this.number("factor");
    this.expect("punct", '"," between factor and offset', ",");
    const offset = this.number("offset");
    this.expect("punct", '")" after offset', ")");
    this.expect("punct", '"[" before minimum', "[");
    const min = this.number("minimum").value;
    this.expect("punct", '"|" between minimum and maximum', "|");
    const max = this.number("maximum").value;
    this.expect("punct", '"]" after maximum', "]");
    const unit = this.expect("string", "unit string").text;
    const receivers: string[] = [];
    for (const t of this.restOfLine(nameToken.line)) {
      if (t.kind === "ident") receivers.push(t.text);
      else if (!(t.kind === "punct" && t.text === ",")) {
        failAt("unexpected_token", `receiver name expected, found ${JSON.stringify(t.text)}`, t.line, t.column);
      }
    }
    const signal: MutableSignal = {
      name,
      startBit,
      length,
      byteOrder: orderToken.text === "1" ? "intel" : "motorola",
      signed: signToken.text === "-",
      factor: factor.value,
      offset: offset.value,
      min,
      max,
      unit,
      receivers,
      decimals: Math.max(decimalsOf(factor.token.text), decimalsOf(offset.token.text)),
      values: new Map(),
      attributes: new Map(),
      line: nameToken.line,
      column: nameToken.column,
    };
    if (multiplex !== undefined) signal.multiplex = multiplex;
    if (message.signals.some((s) => s.name === name)) {
      failAt("duplicate", `signal ${name} appears twice in message ${message.name}`, nameToken.line, nameToken.column);
    }
    return signal;
  }

  private messageFor(rawId: number, t: Token): MutableMessage {
    const m = this.rawIds.get(rawId);
    if (!m) failAt("unknown_message", `no message with id ${rawId}`, t.line, t.column);
    return m;
  }

  private signalFor(m: MutableMessage, name: Token): MutableSignal {
    const s = m.signals.find((x) => x.name === name.text);
    if (!s) failAt("unknown_signal", `message ${m.name} has no signal ${name.text}`, name.line, name.column);
    return s;
  }

  private parseComment(): void {
    const t = this.next("comment target or text");
    if (t.kind === "string") {
      this.comment = t.text;
    } else if (t.text === "BU_" || t.text === "EV_") {
      this.expect("ident", "node or variable name");
      this.expect("string", "comment text");
    } else if (t.text === "BO_") {
      const idToken = this.peek()!;
      const m = this.messageFor(this.integer("message id"), idToken);
      m.comment = this.expect("string", "comment text").text;
    } else if (t.text === "SG_") {
      const idToken = this.peek()!;
      const m = this.messageFor(this.integer("message id"), idToken);
      const s = this.signalFor(m, this.expect("ident", "signal name"));
      s.comment = this.expect("string", "comment text").text;
    } else {
      failAt("unexpected_token", `unknown comment target ${JSON.stringify(t.text)}`, t.line, t.column);
    }
    this.expect("punct", '";" after the comment', ";");
  }

  private parseAttributeDefinition(): void {
    let objectType: AttributeDefinition["objectType"] = "";
    const first = this.peek();
    if (first?.kind === "ident" && ["BU_", "BO_", "SG_", "EV_"].includes(first.text)) {
      objectType = first.text as AttributeDefinition["objectType"];
      this.pos++;
    }
    const name = this.expect("string", "attribute name").text;
    const typeToken = this.expect("ident", "attribute type");
    const valueType = typeToken.text as AttributeDefinition["valueType"];
    const enumValues: string[] = [];
    switch (valueType) {
      case "INT":
      case "HEX":
      case "FLOAT":
        this.number("attribute minimum");
        this.number("attribute maximum");
        break;
      case "STRING":
        break;
      case "ENUM":
        while (this.peek()?.kind === "string") {
          enumValues.push(this.next("enum value").text);
          if (this.peek()?.text === ",") this.pos++;
        }
        break;
      default:
        failAt("unexpected_token", `unknown attribute type ${typeToken.text}`, typeToken.line, typeToken.column);
    }
    this.expect("punct", '";" after the attribute definition', ";");
    this.definitions.set(name, { name, objectType, valueType, enumValues });
  }

  private attributeValue(def: AttributeDefinition, t: Token): AttributeValue {
    if (def.valueType === "STRING") {
      if (t.kind !== "string") failAt("unexpected_token", `attribute ${def.name} needs a string`, t.line, t.column);
      return t.text;
    }
    if (def.valueType === "ENUM") {
      // Values are written as the index into the enum, defaults usually as the label.
      if (t.kind === "string") return t.text;
      const label = def.enumValues[Number(t.text)];
      if (t.kind !== "number" || label === undefined) {
        failAt("bad_number", `attribute ${def.name}: ${t.text} is not an index of its enum`, t.line, t.column);
      }
      return label;
    }
    if (t.kind !== "number") failAt("unexpected_token", `attribute ${def.name} needs a number`, t.line, t.column);
    return Number(t.text);
  }

  private parseAttributeDefault(): void {
    const nameToken = this.expect("string", "attribute name");
    const def = this.definitions.get(nameToken.text);
    if (!def)
      failAt(
        "unknown_attribute",
        `default for undefined attribute ${nameToken.text}`,
        nameToken.line,
        nameToken.column,
      );
    const valueToken = this.next("attribute default");
    this.definitions.set(def.name, { ...def, default: this.attributeValue(def, valueToken) });
    this.expect("punct", '";" after the attribute default', ";");
  }

  private parseAttribute(keyword: Token): void {
    const nameToken = this.expect("string", "attribute name");
    const def = this.definitions.get(nameToken.text);
    if (!def)
      failAt("unknown_attribute", `value for undefined attribute ${nameToken.text}`, nameToken.line, nameToken.column);
    const target = this.peek();
    let apply: (v: AttributeValue) => void;
    if (target?.kind === "ident" && target.text === "BO_") {
      this.pos++;
      const idToken = this.peek()!;
      const m = this.messageFor(this.integer("message id"), idToken);
      apply = (v) => m.attributes.set(def.name, v);
    } else if (target?.kind === "ident" && target.text === "SG_") {
      this.pos++;
      const idToken = this.peek()!;
      const m = this.messageFor(this.integer("message id"), idToken);
      const s = this.signalFor(m, this.expect("ident", "signal name"));
      apply = (v) => s.attributes.set(def.name, v);
    } else if (target?.kind === "ident" && (target.text === "BU_" || target.text === "EV_")) {
      this.pos += 2;
      apply = () => {};
    } else {
      apply = (v) => this.networkAttributes.set(def.name, v);
    }
    const value = this.attributeValue(def, this.next("attribute value"));
    this.expect("punct", '";" after the attribute value', ";");
    // Applied after the whole file is read, so defaults declared later still lose to values.
    this.pendingAttributes.push({ token: keyword, apply: () => apply(value) });
  }

  private parseValueTable(): void {
    const first = this.next("message id or variable name");
    if (first.kind !== "number") {
      // A value table of an environment variable: nothing the codec needs.
      this.skipStatement();
      return;
    }
    const m = this.messageFor(Number(first.text), first);
    const s = this.signalFor(m, this.expect("ident", "signal name"));
    while (this.peek()?.kind === "number") {
      const raw = this.integer("raw value");
      const label = this.expect("string", "value label").text;
      s.values.set(raw, label);
    }
    this.expect("punct", '";" after the value table', ";");
  }
}

function decimalsOf(text: string): number {
  const [mantissa = "", exponent = "0"] = text.toLowerCase().split("e");
  const dot = mantissa.indexOf(".");
  const fraction = dot < 0 ? 0 : mantissa.length - dot - 1;
  return Math.max(0, fraction - Number(exponent));
}

// ---------------------------------------------------------------- checks and freezing

/** The byte-level bit positions (byte*8 + bit, bit 0 = LSB) a signal occupies, MSB first. */
export function signalBitPositions(signal: Pick<DbcSignal, "startBit" | "length" | "byteOrder">): number[] {
  const positions: number[] = [];
  if (signal.byteOrder === "intel") {
    for (let i = signal.length - 1; i >= 0; i--) positions.push(signal.startBit + i);
  } else {
    // Motorola: from the MSB at startBit downwards within a byte, then to bit 7 of the next byte.
    let pos = signal.startBit;
    for (let i = 0; i < signal.length; i++) {
      positions.push(pos);
      pos = pos % 8 === 0 ? pos + 15 : pos - 1;
    }
  }
  return positions;
}

function checkSignal(m: MutableMessage, s: MutableSignal): void {
  const where = `signal ${s.name} of ${m.name}`;
  if (s.length < 1 || s.length > 64)
    failAt("bad_signal", `${where}: length ${s.length} is not 1..64`, s.line, s.column);
  if (s.factor === 0) failAt("bad_signal", `${where}: factor is 0`, s.line, s.column);
  if (s.startBit < 0) failAt("bad_signal", `${where}: start bit ${s.startBit} is negative`, s.line, s.column);
  const limit = m.length * 8;
  for (const p of signalBitPositions(s)) {
    if (p >= limit) failAt("bad_signal", `${where}: does not fit in ${m.length} bytes (bit ${p})`, s.line, s.column);
  }
}

function muxGroupsOverlap(a: MutableSignal, b: MutableSignal): boolean {
  // Two multiplexed signals with different switch values never share a frame.
  return typeof a.multiplex !== "number" || typeof b.multiplex !== "number" || a.multiplex === b.multiplex;
}

function checkOverlaps(m: MutableMessage): void {
  const owner = new Map<number, MutableSignal[]>();
  for (const s of m.signals) {
    for (const p of signalBitPositions(s)) {
      const others = owner.get(p) ?? [];
      const clash = others.find((o) => muxGroupsOverlap(o, s));
      if (clash)
        failAt("bad_signal", `signals ${clash.name} and ${s.name} of ${m.name} overlap at bit ${p}`, s.line, s.column);
      others.push(s);
      owner.set(p, others);
    }
  }
}

function withDefaults(
  explicit: Map<string, AttributeValue>,
  definitions: Map<string, AttributeDefinition>,
  objectType: AttributeDefinition["objectType"],
): ReadonlyMap<string, AttributeValue> {
  const out = new Map<string, AttributeValue>();
  for (const d of definitions.values())
    if (d.objectType === objectType && d.default !== undefined) out.set(d.name, d.default);
  for (const [k, v] of explicit) out.set(k, v);
  return out;
}

function freeze(p: Parser): Dbc {
  const messages: DbcMessage[] = p.messages.map((m) => {
    for (const s of m.signals) checkSignal(m, s);
    checkOverlaps(m);
    const signals: DbcSignal[] = m.signals.map((s) => {
      const signal: DbcSignal = {
        name: s.name,
        startBit: s.startBit,
        length: s.length,
        byteOrder: s.byteOrder,
        signed: s.signed,
        factor: s.factor,
        offset: s.offset,
        min: s.min,
        max: s.max,
        unit: s.unit,
        receivers: Object.freeze([...s.receivers]),
        decimals: s.decimals,
        values: s.values,
        attributes: withDefaults(s.attributes, p.definitions, "SG_"),
        ...(s.multiplex !== undefined ? { multiplex: s.multiplex } : {}),
        ...(s.comment !== undefined ? { comment: s.comment } : {}),
      };
      return Object.freeze(signal);
    });
    const message: DbcMessage = {
      id: m.id,
      extended: m.extended,
      name: m.name,
      length: m.length,
      transmitter: m.transmitter,
      signals: Object.freeze(signals),
      signalsByName: new Map(signals.map((s) => [s.name, s])),
      attributes: withDefaults(m.attributes, p.definitions, "BO_"),
      ...(m.comment !== undefined ? { comment: m.comment } : {}),
    };
    return Object.freeze(message);
  });
  const byId = new Map(messages.filter((m) => !m.extended).map((m) => [m.id, m]));
  const byName = new Map(messages.map((m) => [m.name, m]));
  return Object.freeze({
    version: p.version,
    nodes: Object.freeze([...p.nodes]),
    messages: Object.freeze(messages),
    attributeDefinitions: p.definitions,
    attributes: withDefaults(p.networkAttributes, p.definitions, ""),
    ...(p.comment !== undefined ? { comment: p.comment } : {}),
    messageById: (id: number) => byId.get(id),
    messageByName: (name: string) => byName.get(name),
  });
}

/** Parses DBC text. Never throws: a problem is returned with its line and column. */
export function parseDbc(text: string): Result<Dbc, DbcParseError> {
  try {
    const parser = new Parser(tokenize(text));
    parser.parse();
    return ok(freeze(parser));
  } catch (e) {
    if (e instanceof ParseFailure) return err(e.detail);
    throw e;
  }
}
