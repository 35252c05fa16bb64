/**
 * Latency of a GGUF in node-llama-cpp, for choosing the model size (a benchmark, not a test).
 *
 *   npx tsx scripts/parity-latency.ts --gguf FILE [--cases parity-cases.jsonl] [--gen 12] [--n 200] [--threads 1]
 *
 * Per query: tokenize the prompt (no special parsing), clear the sequence, evaluate the prompt and
 * generate greedily — exactly --gen tokens when given (so untrained models of each size can be
 * compared at a fixed output length), else until `<nexa_end>`. Prompts come from export.py's
 * parity cases, or a fixed set of contract-style queries. Prints p50/p95/p99 in ms.
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { getLlama } from "node-llama-cpp";
import { percentile as nearestRank } from "../src/eval/score.js";
import { registry } from "../src/registry/index.js";

const DEFAULT_QUERIES = [
  "set the driver side to 72 degrees",
  "make the back 21 degrees celsius",
  "turn it up",
  "volume to 30",
  "crack the rear left window",
  "close every window and switch on the ac",
  "what's the capital of france",
  "move my seat back a little and turn on the seat heating",
];

/** Nearest-rank percentile, the definition every latency figure of the project uses (NaN when empty). */
const percentile = (sorted: readonly number[], p: number): number => nearestRank(sorted, p) ?? Number.NaN;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      gguf: { type: "string" },
      cases: { type: "string" },
      gen: { type: "string" },
      n: { type: "string", default: "200" },
      threads: { type: "string", default: "1" },
    },
  });
  if (!values.gguf) {
    console.error("usage: parity-latency.ts --gguf FILE [--cases F] [--gen N] [--n N] [--threads N]");
    process.exit(2);
  }
  const prompts = values.cases
    ? readFileSync(values.cases, "utf8")
        .split("\n")
        .filter((l) => l.trim() !== "")
        .map((l) => (JSON.parse(l) as { prompt: string }).prompt)
    : DEFAULT_QUERIES.map((q) => registry.prompt(q));
  const n = Number(values.n);
  const fixedGen = values.gen ? Number(values.gen) : undefined;

  const llama = await getLlama({ gpu: false, build: "never" });
  const t0 = performance.now();
  const model = await llama.loadModel({ modelPath: values.gguf });
  const context = await model.createContext({ contextSize: 512, threads: Number(values.threads), sequences: 1 });
  const sequence = context.getSequence();
  const loadMs = performance.now() - t0;
  const eos = model.tokens.eos;

  const times: number[] = [];
  let promptTokens = 0;
  let genTokens = 0;
  for (let i = 0; i < n + 5; i++) {
    const prompt = prompts[i % prompts.length] as string;
    const start = performance.now();
    const tokens = model.tokenize(prompt, false);
    await sequence.clearHistory();
    let produced = 0;
    for await (const token of sequence.evaluate(tokens, { temperature: 0, yieldEogToken: true })) {
      produced++;
      if (fixedGen !== undefined ? produced >= fixedGen : token === eos || produced >= 64) break;
    }
    if (i >= 5) {
      // the first few runs warm caches
      times.push(performance.now() - start);
      promptTokens += tokens.length;
      genTokens += produced;
    }
  }
  times.sort((a, b) => a - b);
  const runs = Math.max(1, times.length);
  console.log(
    JSON.stringify({
      gguf: values.gguf,
      threads: Number(values.threads),
      runs: times.length,
      avgPromptTokens: +(promptTokens / runs).toFixed(1),
      avgGeneratedTokens: +(genTokens / runs).toFixed(1),
      loadMs: +loadMs.toFixed(0),
      p50: +percentile(times, 50).toFixed(2),
      p95: +percentile(times, 95).toFixed(2),
      p99: +percentile(times, 99).toFixed(2),
    }),
  );
  await context.dispose();
  await model.dispose();
}

await main();
