/**
 * Test helper: a scripted model. It returns exactly the raw text given for an input (what a
 * misbehaving model could produce), fails with a timeout on "fail" or an unknown input, and
 * records every input it was asked. The shipped model itself is tested in test/model.
 */
import type { TextModel } from "../src/agent/agent.js";
import { modelError } from "../src/model/errors.js";

export function scripted(responses: Record<string, string | "fail">): TextModel & { inputs: string[] } {
  const inputs: string[] = [];
  return {
    inputs,
    async complete(input: string) {
      inputs.push(input);
      const r = responses[input];
      if (r === undefined || r === "fail")
        return { ok: false, error: modelError("generation_timeout", "no <nexa_end> within 2000 ms") };
      return { ok: true, value: { response: r, promptTokens: 10, generatedTokens: 5, latencyMs: 1 } };
    },
  };
}
