/**
 * Model text -> checked calls, and back: the public API of the parser package.
 *
 *   parseResponse(raw)   syntax only (contract §1 grammar), never throws
 *   bindResponse(parsed) each call against the registry, one result per call
 *   renderResponse(calls) the canonical text (training targets, round trips)
 *   sameCalls(a, b)      the contract's equivalences (evaluation)
 */
import type { BindResult, ParsedResponse, ParseError } from "../core/types.js";
import { type Registry, registry } from "../registry/index.js";
import { bindResponse } from "./bind.js";
import { type ParseLimits, parseResponse } from "./parse.js";

export { bindCall, bindResponse, describeValue } from "./bind.js";
export {
  canonicalKey,
  type EquivalenceOptions,
  type Handedness,
  resolveWindows,
  sameCalls,
} from "./equivalence.js";
export { renderLiteral, renderString } from "./literal.js";
export { DEFAULT_PARSE_LIMITS, type ParseLimits, type ParseOutcome, parseResponse } from "./parse.js";
export { renderCall, renderResponse } from "./render.js";

export type ParseAndBindOutcome =
  | { readonly ok: false; readonly error: ParseError }
  | { readonly ok: true; readonly parsed: ParsedResponse; readonly results: BindResult[] };

/**
 * Parses and binds a raw response. A response that does not parse yields its ParseError
 * and no calls at all; one that parses yields a BindResult per top-level call (some may
 * be errors: whether one bad call voids the others is the caller's policy).
 */
export function parseAndBind(
  raw: string,
  opts?: { readonly limits?: Partial<ParseLimits>; readonly registry?: Registry },
): ParseAndBindOutcome {
  const parsed = parseResponse(raw, opts?.limits);
  if (!parsed.ok) return parsed;
  return { ok: true, parsed: parsed.value, results: bindResponse(parsed.value, opts?.registry ?? registry) };
}
