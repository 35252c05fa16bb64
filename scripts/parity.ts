/**
 * Parity check: does the exported GGUF, run by node-llama-cpp, tokenize and decode exactly as the
 * PyTorch model it came from?
 *
 *   npx tsx scripts/parity.ts --gguf models/vehicle-v1/vehicle-v1.q8_0.gguf \
 *     --cases models/vehicle-v1/pipeline/work/run/parity-cases.jsonl --field torch_q8 \
 *     --probes models/vehicle-v1/pipeline/work/run/tokenize-probes.jsonl --out parity.json
 *
 * Cases (written by export.py) carry the prompt, the Python tokenizer's ids for it and PyTorch's
 * greedy output ids (`torch_f32_ids` or `torch_q8_ids`). Here each prompt is tokenized by llama.cpp
 * WITHOUT special-token parsing (user text never becomes a functional token), decoded greedily on one
 * sequence until `<nexa_end>`, and both token lists are compared. Exit code 1 when a rate is below
 * --require-tokens / --require-outputs.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { getLlama, type LlamaModel, type Token } from "node-llama-cpp";
import { percentile as nearestRank } from "../src/eval/score.js";

interface ParityCase {
  readonly input: string;
  readonly prompt: string;
  readonly prompt_ids: number[];
  readonly expected: string;
  readonly [field: string]: unknown;
}

interface Probe {
  readonly text: string;
  readonly ids: number[];
}

function readJsonl<T>(path: string): T[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as T);
}

function sameIds(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Nearest-rank percentile, the definition every latency figure of the project uses (NaN when empty). */
const percentile = (sorted: readonly number[], p: number): number => nearestRank(sorted, p) ?? Number.NaN;

/** The functional-token set hash the exporter wrote into the GGUF metadata. */
export function functionSetHash(model: LlamaModel): string | undefined {
  const meta = model.fileInfo.metadata as unknown as Record<string, Record<string, unknown> | undefined>;
  const value = meta["octopus"]?.["function_set_hash"];
  return typeof value === "string" ? value : undefined;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      gguf: { type: "string" },
      cases: { type: "string" },
      field: { type: "string", default: "torch_q8" },
      probes: { type: "string" },
      out: { type: "string" },
      limit: { type: "string" },
      "max-tokens": { type: "string", default: "64" },
      threads: { type: "string", default: "1" },
      "require-tokens": { type: "string", default: "0" },
      "require-outputs": { type: "string", default: "0" },
    },
  });
  if (!values.gguf || !values.cases) {
    console.error("usage: parity.ts --gguf FILE --cases parity-cases.jsonl [--field torch_q8|torch_f32] [--probes F]");
    process.exit(2);
  }
  const idsField = `${values.field}_ids`;
  const maxTokens = Number(values["max-tokens"]);
  let cases = readJsonl<ParityCase>(values.cases);
  if (values.limit) cases = cases.slice(0, Number(values.limit));

  const llama = await getLlama({ gpu: false, build: "never" });
  const model = await llama.loadModel({ modelPath: values.gguf });
  const context = await model.createContext({ contextSize: 512, threads: Number(values.threads), sequences: 1 });
  const sequence = context.getSequence();
  const eos = model.tokens.eos;
  console.log(`loaded ${values.gguf}: eos=${eos} function_set_hash=${functionSetHash(model)}`);

  let probeOk = 0;
  const probeMismatches: unknown[] = [];
  const probes = values.probes ? readJsonl<Probe>(values.probes) : [];
  for (const p of probes) {
    const got = Array.from(model.tokenize(p.text, false)) as number[];
    if (sameIds(got, p.ids)) probeOk++;
    else probeMismatches.push({ text: p.text, python: p.ids, llama: got });
  }

  let tokOk = 0;
  let outOk = 0;
  let expectedOk = 0;
  const mismatches: unknown[] = [];
  const latencies: number[] = [];
  for (const c of cases) {
    const want = c[idsField];
    if (!Array.isArray(want)) throw new Error(`case has no ${idsField}`);
    const t0 = performance.now();
    const promptTokens = model.tokenize(c.prompt, false);
    await sequence.clearHistory();
    const got: number[] = [];
    for await (const token of sequence.evaluate(promptTokens, { temperature: 0, yieldEogToken: true })) {
      got.push(token as number);
      if (token === eos || got.length >= maxTokens) break;
    }
    latencies.push(performance.now() - t0);
    const tokensSame = sameIds(promptTokens as number[], c.prompt_ids);
    const outSame = sameIds(got, want as number[]);
    tokOk += tokensSame ? 1 : 0;
    outOk += outSame ? 1 : 0;
    const text = model.detokenize(got as Token[], true);
    expectedOk += text === c.expected ? 1 : 0;
    if (!tokensSame || !outSame)
      mismatches.push({ input: c.input, tokensSame, python: want, llama: got, text, torch: c[values.field ?? ""] });
  }
  latencies.sort((a, b) => a - b);
  const n = Math.max(1, cases.length);
  const result = {
    gguf: values.gguf,
    field: values.field,
    functionSetHash: functionSetHash(model),
    probes: { n: probes.length, same: probeOk },
    cases: cases.length,
    promptTokensSame: tokOk,
    outputsSame: outOk,
    parityRate: outOk / n,
    llamaExact: expectedOk / n,
    latencyMs: { p50: percentile(latencies, 50), p95: percentile(latencies, 95), note: "no prefix reuse, 1 sequence" },
    mismatches: mismatches.slice(0, 20),
    probeMismatches,
  };
  console.log(
    `tokenizer probes ${probeOk}/${probes.length}; prompt tokens ${tokOk}/${cases.length}; ` +
      `greedy outputs ${outOk}/${cases.length} (parity ${(100 * result.parityRate).toFixed(2)}% vs ${values.field}); ` +
      `exact vs expected ${(100 * result.llamaExact).toFixed(2)}%; p50 ${result.latencyMs.p50.toFixed(1)} ms`,
  );
  for (const m of mismatches.slice(0, 5)) console.log("mismatch:", JSON.stringify(m));
  for (const m of probeMismatches.slice(0, 5)) console.log("probe mismatch:", JSON.stringify(m));
  if (values.out) writeFileSync(values.out, `${JSON.stringify(result, null, 1)}\n`);
  await context.dispose();
  await model.dispose();
  const tokenRate = (tokOk + probeOk) / Math.max(1, cases.length + probes.length);
  if (tokenRate < Number(values["require-tokens"]) || result.parityRate < Number(values["require-outputs"])) {
    process.exit(1);
  }
}

await main();
