/**
 * The typed boundaries between the pipeline stages:
 *
 *   audio -> Transcript -> ModelOutput (raw text) -> ParsedResponse -> BoundCall[]
 *         -> Decision[] -> frames/commands -> events
 *
 * Errors are closed unions (`kind` + `code`) that carry their evidence (the raw text and
 * the position). They are mapped to wire codes in one place per transport.
 */
import type { Literal } from "../registry/index.js";

export type { Literal };

// ---------------------------------------------------------------- parsing (syntax)

/** A value as written in the response: a literal or a nested call. */
export type ParsedValue =
  | { readonly kind: "string"; readonly value: string; readonly position: number }
  | { readonly kind: "int"; readonly value: number; readonly position: number }
  | { readonly kind: "bool"; readonly value: boolean; readonly position: number }
  | { readonly kind: "call"; readonly call: ParsedCall; readonly position: number };

export interface ParsedKeyword {
  readonly name: string;
  readonly value: ParsedValue;
  readonly position: number;
}

/** One call as written: the functional token text and its arguments, not yet checked. */
export interface ParsedCall {
  /** The functional token as written, e.g. `<nexa_3>`. */
  readonly token: string;
  readonly positional: readonly ParsedValue[];
  readonly keywords: readonly ParsedKeyword[];
  /** Offset of the token in the raw response. */
  readonly position: number;
}

export interface ParsedResponse {
  readonly raw: string;
  /** Top-level calls in order (`; `-separated = parallel). */
  readonly calls: readonly ParsedCall[];
}

/** Every parse error code (the union below is derived from it, so lists cannot drift). */
export const PARSE_ERROR_CODES = [
  "empty",
  "too_long",
  "too_deep",
  "too_many_calls",
  "unexpected_char",
  "unexpected_end",
  "unterminated_string",
  "bad_escape",
  "bad_number",
  "missing_end_token",
  "trailing_text",
  "positional_after_keyword",
] as const;

export type ParseErrorCode = (typeof PARSE_ERROR_CODES)[number];

export interface ParseError {
  readonly kind: "parse";
  readonly code: ParseErrorCode;
  /** A sentence a person can read, naming what was expected and what was found. */
  readonly message: string;
  /** 0-based offset into `raw` where the problem is. */
  readonly position: number;
  /** The rejected model output (evidence). */
  readonly raw: string;
}

// ---------------------------------------------------------------- binding (registry)

/**
 * A call checked against the registry: a known function, every argument of the right
 * type, enum value and declared range. `args` holds the given arguments plus declared
 * defaults of optional parameters (so `unit` is always present for temperatures);
 * optional parameters without a default that were not given are absent.
 */
export interface BoundCall {
  readonly token: number;
  readonly name: string;
  readonly args: Readonly<Record<string, Literal>>;
}

/** Every bind error code (the union below is derived from it). */
export const BIND_ERROR_CODES = [
  "unknown_token",
  "too_many_positional",
  "missing_required",
  "unknown_keyword",
  "duplicate_keyword",
  "wrong_type",
  "enum_mismatch",
  "out_of_range",
  "exactly_one",
  "nested_call",
] as const;

export type BindErrorCode = (typeof BIND_ERROR_CODES)[number];

export interface BindError {
  readonly kind: "bind";
  readonly code: BindErrorCode;
  readonly message: string;
  /** Index of the call in the response. */
  readonly callIndex: number;
  /** The function, when the token was known. */
  readonly function?: string;
  readonly param?: string;
  readonly position: number;
}

export type BindResult =
  | { readonly ok: true; readonly call: BoundCall; readonly parsed: ParsedCall }
  | { readonly ok: false; readonly error: BindError; readonly parsed: ParsedCall };

// ---------------------------------------------------------------- decisions (safety gate)

export type Outcome = "accepted" | "clamped" | "rejected";

/** Where a decision's target points; what the adapters turn into frames/commands. */
export type Target =
  | { readonly kind: "volume"; readonly volume: number }
  | { readonly kind: "mute"; readonly mute: boolean }
  | {
      readonly kind: "temperature";
      readonly zone: string;
      readonly temperature: number;
      readonly unit: "fahrenheit" | "celsius";
    }
  | { readonly kind: "fan"; readonly speed: number }
  | { readonly kind: "seat_position"; readonly seat: string; readonly axis: "fore_aft" | "height"; readonly mm: number }
  | { readonly kind: "seat_recline"; readonly seat: string; readonly deg: number }
  | { readonly kind: "window"; readonly window: string; readonly mm: number }
  | { readonly kind: "all_windows"; readonly mm: number }
  | { readonly kind: "sunroof"; readonly action: "open" | "close" | "tilt"; readonly percent: number }
  | { readonly kind: "sunshade"; readonly action: "open" | "close" }
  | { readonly kind: "switch"; readonly function: string; readonly on: boolean; readonly target?: string }
  | { readonly kind: "airflow"; readonly mode: string }
  | { readonly kind: "seat_level"; readonly function: string; readonly seat: string; readonly level: number };

export type RejectCode =
  | "invalid_call" // binding failed (rule 1)
  | "out_of_range" // profile range (rule 1/2)
  | "speed_gate" // rule 5/6
  | "ungrounded_value" // a number neither said by the driver nor a §3 default (model slip)
  | "state_unknown" // a relative step whose current value is unknown
  | "conflicting_calls" // one response commands one actuator twice with different values
  | "duplicate" // rule 8
  | "rate_limit" // rule 8
  | "not_actuating" // irrelevant_function
  | "bus_unavailable"; // set by the transport layer, never by the gate

export interface Decision {
  readonly function: string;
  readonly args: Readonly<Record<string, Literal>>;
  readonly outcome: Outcome;
  /** A reason a person can read (always set; for `accepted` it says what will happen). */
  readonly reason: string;
  readonly code?: RejectCode;
  /** What will be commanded (absolute); absent when rejected. */
  readonly target?: Target;
  /** Index of the call in the response. */
  readonly callIndex: number;
}
