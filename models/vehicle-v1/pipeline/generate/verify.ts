/**
 * Verification as in the Octopus paper: every target is rendered by the project's
 * renderer, then parsed and bound by the project's own parser and registry; it must
 * bind without error, mean the same calls, and be in canonical form. Anything else is
 * dropped (and counted) by the caller.
 */
import type { BoundCall } from "../../../../src/core/types.js";
import { bindResponse, parseResponse, renderResponse, sameCalls } from "../../../../src/parser/index.js";
import { type CallSpec, toBound } from "./calls.js";

export type Verified =
  | { readonly ok: true; readonly response: string }
  | { readonly ok: false; readonly reason: string };

const cache = new Map<string, Verified>();

export function verifyCalls(calls: readonly CallSpec[]): Verified {
  const key = JSON.stringify(calls);
  const hit = cache.get(key);
  if (hit) return hit;
  const result = verifyUncached(calls);
  cache.set(key, result);
  return result;
}

/** Checks a response text as written (used for the hand-written dev set). */
export function verifyResponseText(response: string): Verified {
  const parsed = parseResponse(response);
  if (!parsed.ok) return { ok: false, reason: `parse: ${parsed.error.message}` };
  const results = bindResponse(parsed.value);
  for (const r of results) if (!r.ok) return { ok: false, reason: `bind: ${r.error.message}` };
  const bound = results.flatMap((r) => (r.ok ? [r.call] : []));
  if (renderResponse(bound) !== response.trim())
    return { ok: false, reason: `not canonical: ${renderResponse(bound)}` };
  return { ok: true, response };
}

function verifyUncached(calls: readonly CallSpec[]): Verified {
  let intended: BoundCall[];
  try {
    intended = calls.map(toBound);
  } catch (e) {
    return { ok: false, reason: `build: ${(e as Error).message}` };
  }
  const response = renderResponse(intended);
  const parsed = parseResponse(response);
  if (!parsed.ok) return { ok: false, reason: `parse: ${parsed.error.message}` };
  const results = bindResponse(parsed.value);
  for (const r of results) if (!r.ok) return { ok: false, reason: `bind: ${r.error.message}` };
  const bound = results.flatMap((r) => (r.ok ? [r.call] : []));
  if (!sameCalls(bound, intended)) return { ok: false, reason: "parse+bind changed the calls" };
  if (renderResponse(bound) !== response) return { ok: false, reason: "rendering is not canonical" };
  return { ok: true, response };
}
