/** Test helper: the bound calls of a response, failing the test when it does not parse and bind. */
import type { BoundCall } from "../src/core/types.js";
import { parseAndBind } from "../src/parser/index.js";

export function boundCalls(response: string): BoundCall[] {
  const out = parseAndBind(response);
  if (!out.ok) throw new Error(`${response}: ${out.error.message}`);
  return out.results.map((r) => {
    if (!r.ok) throw new Error(`${response}: ${r.error.message}`);
    return r.call;
  });
}
