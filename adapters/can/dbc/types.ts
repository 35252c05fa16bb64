/**
 * The parts of a DBC file this project reads: nodes, messages (BO_), signals (SG_), comments
 * (CM_), attribute definitions and values (BA_DEF_, BA_DEF_DEF_, BA_) and value tables
 * (VAL_). Everything is plain data; encoding and decoding live in codec.ts.
 */

export type Result<T, E> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

export function ok<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}

export function err<E>(error: E): { readonly ok: false; readonly error: E } {
  return { ok: false, error };
}

/** Intel = little endian (`@1`), start bit is the least significant bit.
 *  Motorola = big endian (`@0`), start bit is the most significant bit (DBC "sawtooth" numbering). */
export type ByteOrder = "intel" | "motorola";

export type AttributeValue = number | string;

export interface DbcSignal {
  readonly name: string;
  /** Start bit as written in the DBC (LSB for Intel, MSB for Motorola). */
  readonly startBit: number;
  readonly length: number;
  readonly byteOrder: ByteOrder;
  readonly signed: boolean;
  readonly factor: number;
  readonly offset: number;
  readonly min: number;
  readonly max: number;
  readonly unit: string;
  readonly receivers: readonly string[];
  /** Decimal places of factor and offset, so decoded values print without float noise. */
  readonly decimals: number;
  /** `M` = multiplexer switch, a number = multiplexed signal for that switch value. */
  readonly multiplex?: "M" | number;
  /** VAL_ table: raw value -> label. */
  readonly values: ReadonlyMap<number, string>;
  readonly comment?: string;
  readonly attributes: ReadonlyMap<string, AttributeValue>;
}

export interface DbcMessage {
  /** 11-bit (or 29-bit with `extended`) identifier, without the DBC's extended flag bit. */
  readonly id: number;
  readonly extended: boolean;
  readonly name: string;
  /** Data length in bytes. */
  readonly length: number;
  readonly transmitter: string;
  readonly signals: readonly DbcSignal[];
  readonly signalsByName: ReadonlyMap<string, DbcSignal>;
  readonly comment?: string;
  readonly attributes: ReadonlyMap<string, AttributeValue>;
}

export interface AttributeDefinition {
  readonly name: string;
  /** "" = network, else the object kind the attribute belongs to. */
  readonly objectType: "" | "BU_" | "BO_" | "SG_" | "EV_";
  readonly valueType: "INT" | "HEX" | "FLOAT" | "STRING" | "ENUM";
  readonly enumValues: readonly string[];
  readonly default?: AttributeValue;
}

export interface Dbc {
  readonly version: string;
  readonly nodes: readonly string[];
  readonly messages: readonly DbcMessage[];
  readonly comment?: string;
  readonly attributeDefinitions: ReadonlyMap<string, AttributeDefinition>;
  readonly attributes: ReadonlyMap<string, AttributeValue>;
  messageById(id: number): DbcMessage | undefined;
  messageByName(name: string): DbcMessage | undefined;
}

export type DbcParseErrorCode =
  | "unexpected_token"
  | "unexpected_end"
  | "unterminated_string"
  | "bad_number"
  | "unknown_message"
  | "unknown_signal"
  | "unknown_attribute"
  | "duplicate"
  | "bad_signal"
  | "unsupported";

export interface DbcParseError {
  readonly kind: "dbc_parse";
  readonly code: DbcParseErrorCode;
  readonly message: string;
  /** 1-based line and column of the problem in the DBC text. */
  readonly line: number;
  readonly column: number;
}
