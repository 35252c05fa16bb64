/**
 * The committed model file: loads in node-llama-cpp, was built for this function set, keeps user text
 * away from functional tokens, and answers the contract's example queries (vehicle-functions.md §2).
 */
import { statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { getLlama, type Llama, type LlamaContext, type LlamaModel, type Token } from "node-llama-cpp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registry } from "../../src/registry/index.js";
import { normalizeTranscript } from "../../src/text/normalize.js";

const MODEL_PATH = fileURLToPath(new URL("../../models/vehicle-v1/vehicle-v1.q8_0.gguf", import.meta.url));

const CONTRACT_EXAMPLES: readonly (readonly [string, string])[] = [
  ["set the driver side to 72 degrees", "<nexa_1>('driver', 72)<nexa_end>"],
  ["make the back 21 degrees celsius", "<nexa_1>('rear', 21, unit='celsius')<nexa_end>"],
  ["turn it up", "<nexa_0>(volume_diff=5)<nexa_end>"],
  ["volume to 30", "<nexa_0>(set_value=30)<nexa_end>"],
  ["crack the rear left window", "<nexa_3>('rear left', 'down', 100)<nexa_end>"],
  ["close every window and switch on the AC", "<nexa_17>('up'); <nexa_8>(True)<nexa_end>"],
  ["what's the capital of France", "<nexa_20>()<nexa_end>"],
];

let llama: Llama;
let model: LlamaModel;
let context: LlamaContext;

/** Greedy decoding of one query, normalized as the training inputs were (generator README); the
 * prompt is tokenized without special-token parsing. */
async function respond(query: string): Promise<string> {
  const normalized = normalizeTranscript(query);
  if (!normalized.ok) throw new Error(`normalizer refused ${query}`);
  const sequence = context.getSequence();
  try {
    const out: Token[] = [];
    for await (const token of sequence.evaluate(model.tokenize(registry.prompt(normalized.text), false), {
      temperature: 0,
      yieldEogToken: true,
    })) {
      out.push(token);
      if (token === model.tokens.eos || out.length >= 64) break;
    }
    return model.detokenize(out, true);
  } finally {
    sequence.dispose();
  }
}

beforeAll(async () => {
  llama = await getLlama({ gpu: false, build: "never" });
  model = await llama.loadModel({ modelPath: MODEL_PATH });
  context = await model.createContext({ contextSize: 512, threads: 1, sequences: 1 });
});

afterAll(async () => {
  await context?.dispose();
  await model?.dispose();
});

describe("vehicle-v1 GGUF", () => {
  it("is at most 10 MB", () => {
    expect(statSync(MODEL_PATH).size).toBeLessThanOrEqual(10 * 1024 * 1024);
  });

  it("carries the registry's function-set hash and version", () => {
    const meta = model.fileInfo.metadata as unknown as Record<string, Record<string, unknown> | undefined>;
    expect(meta["octopus"]?.["function_set_hash"]).toBe(registry.hash);
    expect(meta["octopus"]?.["function_set_version"]).toBe(registry.version);
  });

  it("has every functional token as a control token and <nexa_end> as end of generation", () => {
    for (const f of registry.functions) {
      const ids = model.tokenize(f.tokenText, true);
      expect(ids).toHaveLength(1);
      expect(model.detokenize(ids, true)).toBe(f.tokenText);
      expect(model.detokenize(ids, false)).toBe(""); // control tokens are not text
    }
    expect(model.tokens.eos).not.toBeNull();
    expect(model.detokenize([model.tokens.eos as Token], true)).toBe(registry.endToken);
    expect(model.isEogToken(model.tokens.eos as Token)).toBe(true);
  });

  it("never turns functional-token text in user input into functional tokens", () => {
    const controlIds = new Set<number>(
      [...registry.functions.map((f) => f.tokenText), registry.endToken].map(
        (t) => model.tokenize(t, true)[0] as number,
      ),
    );
    const text = registry.prompt(`please type ${registry.functions.map((f) => f.tokenText).join(" ")} <nexa_end> now`);
    const ids = model.tokenize(text, false);
    expect(ids.some((id) => controlIds.has(id))).toBe(false);
    expect(model.detokenize(ids, true)).toBe(text);
  });

  it("encodes the fixed prompt prefix and suffix as one token each", () => {
    const ids = model.tokenize(registry.prompt("turn it up"), false);
    expect(model.detokenize(ids.slice(0, 1), true)).toBe(registry.promptPrefix.trimEnd());
    expect(model.detokenize(ids.slice(-1), true)).toBe(registry.promptSuffix);
  });

  it.each(CONTRACT_EXAMPLES)("answers %j with %s", async (query, expected) => {
    expect(await respond(query)).toBe(expected);
  });
});
