import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ModelRuntime } from "../../src/model/runtime.js";
import { defaultModelPath } from "../../src/paths.js";
import { registry } from "../../src/registry/index.js";
import { normalizeTranscript } from "../../src/text/normalize.js";
import { scratchDirs } from "../scratch-dirs.js";

/** The production runtime (src/model/runtime.ts) on the shipped model. */
const EXAMPLES: readonly (readonly [string, string])[] = [
  ["set the driver side to 72 degrees", "<nexa_1>('driver', 72)<nexa_end>"],
  ["turn it up", "<nexa_0>(volume_diff=5)<nexa_end>"],
  ["volume to 30", "<nexa_0>(set_value=30)<nexa_end>"],
  ["close every window and switch on the AC", "<nexa_17>('up'); <nexa_8>(True)<nexa_end>"],
  ["what's the capital of France", "<nexa_20>()<nexa_end>"],
];

const input = (q: string) => {
  const n = normalizeTranscript(q);
  if (!n.ok) throw new Error(n.error.message);
  return n.text;
};

const tmp = scratchDirs("octopus-runtime-");

describe("ModelRuntime on the shipped model", () => {
  let plain: ModelRuntime;
  let constrained: ModelRuntime;
  let guarded: ModelRuntime;

  beforeAll(async () => {
    const a = await ModelRuntime.load({ modelPath: defaultModelPath, threads: 1 });
    const b = await ModelRuntime.load({ modelPath: defaultModelPath, threads: 1, constrained: true });
    const c = await ModelRuntime.load({ modelPath: defaultModelPath, threads: 1, groundNumbers: true });
    if (!a.ok || !b.ok || !c.ok) throw new Error("shipped model did not load");
    plain = a.value;
    constrained = b.value;
    guarded = c.value;
  });

  afterAll(async () => {
    await plain?.close();
    await constrained?.close();
    await guarded?.close();
  });

  it("reports what it loaded", () => {
    expect(plain.info.functionSetHash).toBe(registry.hash);
    expect(plain.info.prefixTokens).toBeGreaterThanOrEqual(1);
    expect(plain.info.threads).toBe(1);
  });

  it.each(EXAMPLES)("answers %j (prefix reused across requests)", async (query, expected) => {
    const r = await plain.complete(input(query));
    expect(r.ok && r.value.response).toBe(expected);
  });

  it.each(EXAMPLES)("answers %j the same with registry-constrained decoding", async (query, expected) => {
    const r = await constrained.complete(input(query));
    expect(r.ok && r.value.response).toBe(expected);
  });

  it.each(EXAMPLES)("answers %j the same with the number guard", async (query, expected) => {
    const r = await guarded.complete(input(query));
    expect(r.ok && r.value.response).toBe(expected);
  });

  // The guard grounds digits on the numbers it is given (by default those of the input):
  // told the driver said 35, "3" can only be finished as 35; told 3, "3" cannot grow to 30.
  it.each([
    ["volume to 30", [35], "<nexa_0>(set_value=35)<nexa_end>"],
    ["volume to 30", [3], "<nexa_0>(set_value=3)<nexa_end>"],
  ] as const)("writes only grounded digits: %j with %j said", async (query, said, expected) => {
    const on = await guarded.complete(input(query), new Set(said));
    expect(on.ok && on.value.response).toBe(expected);
    const off = await plain.complete(input(query), new Set(said));
    expect(off.ok && off.value.response).not.toBe(expected);
  });

  it("serializes concurrent requests and keeps each answer with its request", async () => {
    const results = await Promise.all(EXAMPLES.map(([q]) => plain.complete(input(q))));
    expect(results.map((r) => r.ok && r.value.response)).toEqual(EXAMPLES.map(([, e]) => e));
  });

  it("keeps the characters of a functional token in the transcript as text", async () => {
    const r = await plain.complete("<nexa_8>(True)<nexa_end>");
    expect(r.ok).toBe(true);
    // Whatever the model answers, it was not fed a functional token: the prompt is plain text.
    if (r.ok) expect(r.value.promptTokens).toBeGreaterThan(5);
  });

  it("refuses a transcript too long in tokens for the context, then answers the next one", async () => {
    // 300 normalized characters of CJK letters: 3 byte-fallback tokens each.
    const long = input("温度".repeat(150));
    expect(long.length).toBeLessThanOrEqual(300);
    const r = await plain.complete(long);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe("input_rejected");
      expect(r.error.message).toMatch(/the prompt is \d+ tokens; at most 448 fit/);
    }
    const [query, expected] = EXAMPLES[0] as [string, string];
    const next = await plain.complete(input(query));
    expect(next.ok && next.value.response).toBe(expected);
  });
});

describe("ModelRuntime refuses bad model files", () => {
  it("missing file", async () => {
    const r = await ModelRuntime.load({ modelPath: join(tmp(), "nope.gguf") });
    expect(!r.ok && r.error.code).toBe("model_missing");
  });

  it("truncated file", async () => {
    const path = join(tmp(), "short.gguf");
    writeFileSync(path, readFileSync(defaultModelPath).subarray(0, 4096));
    const r = await ModelRuntime.load({ modelPath: path });
    expect(!r.ok && r.error.code).toBe("model_corrupt");
    expect(!r.ok && r.error.message).toContain(path);
  });

  it("not a GGUF at all", async () => {
    const path = join(tmp(), "text.gguf");
    writeFileSync(path, "this is not a model\n".repeat(100));
    const r = await ModelRuntime.load({ modelPath: path });
    expect(!r.ok && r.error.code).toBe("model_corrupt");
  });

  it("checksum mismatch", async () => {
    const path = join(tmp(), "model.gguf");
    copyFileSync(defaultModelPath, path);
    writeFileSync(`${path}.sha256`, `${"a".repeat(64)}  model.gguf\n`);
    const r = await ModelRuntime.load({ modelPath: path });
    expect(!r.ok && r.error.code).toBe("model_corrupt");
  });

  it("a model built for another function set", async () => {
    const path = join(tmp(), "foreign.gguf");
    const bytes = Buffer.from(readFileSync(defaultModelPath));
    const at = bytes.indexOf(Buffer.from(registry.hash, "ascii"));
    expect(at).toBeGreaterThan(0);
    bytes.write("f".repeat(64), at, "ascii");
    writeFileSync(path, bytes);
    const r = await ModelRuntime.load({ modelPath: path });
    expect(!r.ok && r.error.code).toBe("function_set_mismatch");
    expect(!r.ok && r.error.message).toMatch(/ffffffffffff/);
  });

  it("close is idempotent and a closed runtime answers with an error", async () => {
    const r = await ModelRuntime.load({ modelPath: defaultModelPath, threads: 1 });
    if (!r.ok) throw new Error(r.error.message);
    await r.value.close();
    await r.value.close();
    const after = await r.value.complete("turn it up");
    expect(!after.ok && after.error.code).toBe("closed");
  });
});
