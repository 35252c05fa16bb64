/**
 * Ensemble probe (pipeline README, seventeenth round): several trained GGUF files that share
 * one vocabulary, decoded together. Every model evaluates the prompt; the next token is the
 * argmax of the models' averaged next-token probabilities (ties: the lower token id); every
 * model is then fed that token, until `<nexa_end>` or 64 tokens.
 *
 *   npx tsx scripts/ensemble-probe.ts --models a.gguf,b.gguf [--agent] [--average prob|logprob] \
 *     --out rows.jsonl models/vehicle-v1/eval/dev-natural-17.jsonl ...
 *
 * With `--agent` the agent's checks (statement, clause, negation: src/agent/checks.ts) run on
 * the ensemble as their model, as the daemon would. Writes one line per row ({set, id, exact,
 * q, want, got}) and prints rows right per data set. A measurement tool, not the runtime: it
 * asks node-llama-cpp for the whole probability list at every step, which costs more than the
 * runtime's native greedy sampling, so its timings are not the product's.
 */
import { writeFileSync } from "node:fs";
import { basename } from "node:path";
import { parseArgs } from "node:util";
import { getLlama, type LlamaContextSequence, LlamaLogLevel, type LlamaModel, type Token } from "node-llama-cpp";
import type { TextModel } from "../src/agent/agent.js";
import { checkAnswer } from "../src/agent/checks.js";
import { loadDataset } from "../src/eval/dataset.js";
import type { Predictor } from "../src/eval/predictor.js";
import { evaluatePredictor } from "../src/eval/run.js";
import { promptPrefixTokens, promptTokensFor } from "../src/model/runtime.js";
import { registry } from "../src/registry/index.js";

const MAX_TOKENS = 64;

interface Member {
  readonly model: LlamaModel;
  readonly sequence: LlamaContextSequence;
  readonly prefix: readonly Token[];
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    models: { type: "string" },
    out: { type: "string" },
    agent: { type: "boolean", default: false },
    average: { type: "string", default: "prob" },
  },
});
if (!values.models || !values.out || positionals.length === 0 || !["prob", "logprob"].includes(values.average)) {
  console.error(
    "usage: ensemble-probe.ts --models a.gguf,b.gguf --out rows.jsonl [--agent] [--average prob|logprob] DATASET...",
  );
  process.exit(2);
}
const logAverage = values.average === "logprob";

const llama = await getLlama({ gpu: false, build: "never", logLevel: LlamaLogLevel.error, progressLogs: false });
const members: Member[] = [];
for (const path of values.models.split(",")) {
  const model = await llama.loadModel({ modelPath: path, gpuLayers: 0 });
  const context = await model.createContext({ contextSize: 512, sequences: 1, threads: 1, batchSize: 512 });
  const sequence = context.getSequence();
  const prefix = promptPrefixTokens(model, registry);
  await sequence.evaluateWithoutGeneratingNewTokens([...prefix]);
  members.push({ model, sequence, prefix });
}
const first = members[0] as Member;
const vocabulary = (m: LlamaModel) => JSON.stringify(m.fileInfo.metadata.tokenizer?.ggml?.tokens ?? null);
if (members.some((m) => vocabulary(m.model) !== vocabulary(first.model))) {
  console.error("the models do not share one vocabulary; their probabilities cannot be averaged");
  process.exit(2);
}
const end = first.model.tokens.eos;

/** Feeds `tokens` to a member and returns its next-token probabilities after the last one. */
async function evaluateForNext(m: Member, tokens: readonly Token[]): Promise<Map<Token, number>> {
  const out = await m.sequence.controlledEvaluate(
    tokens.map((t, i) => (i === tokens.length - 1 ? [t, { generateNext: { probabilities: true } }] : t)),
  );
  const probabilities = out[out.length - 1]?.next.probabilities;
  if (!probabilities) throw new Error("node-llama-cpp returned no next-token probabilities");
  return probabilities;
}

/** Next-token probabilities of every member after the prompt for `input` (the fixed prefix is kept). */
async function promptDistributions(input: string): Promise<Map<Token, number>[]> {
  return Promise.all(
    members.map(async (m) => {
      const keep = m.prefix.length;
      if (m.sequence.nextTokenIndex > keep)
        await m.sequence.eraseContextTokenRanges([{ start: keep, end: m.sequence.nextTokenIndex }]);
      return evaluateForNext(m, promptTokensFor(m.model, registry, input).slice(keep));
    }),
  );
}

function pick(distributions: readonly Map<Token, number>[]): Token {
  const score = new Map<Token, number>();
  for (const d of distributions)
    for (const [t, p] of d) score.set(t, (score.get(t) ?? 0) + (logAverage ? Math.log(Math.max(p, 1e-12)) : p));
  let best: Token | undefined;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (const [t, s] of score)
    if (s > bestScore || (s === bestScore && best !== undefined && t < best)) [best, bestScore] = [t, s];
  if (best === undefined) throw new Error("empty probability list");
  return best;
}

async function answer(input: string): Promise<string> {
  let distributions = await promptDistributions(input);
  const out: Token[] = [];
  while (out.length < MAX_TOKENS) {
    const token = pick(distributions);
    out.push(token);
    if (token === end) break;
    distributions = await Promise.all(members.map((m) => evaluateForNext(m, [token])));
  }
  return first.model.detokenize(out, true);
}

const ensemble: TextModel = {
  async complete(input) {
    const started = performance.now();
    const response = await answer(input);
    return {
      ok: true,
      value: { response, promptTokens: 0, generatedTokens: 0, latencyMs: performance.now() - started },
    };
  },
};

/** The ensemble (and with --agent the agent's checks on it) as the evaluation's system under test. */
const predictor: Predictor = {
  name: `ensemble of ${members.length}`,
  async predict(input, raw) {
    const started = performance.now();
    let response = await answer(input);
    if (values.agent && raw !== undefined) response = (await checkAnswer(ensemble, raw, response)).response;
    return { response, latencyMs: performance.now() - started };
  },
};

const lines: string[] = [];
for (const file of positionals) {
  const loaded = await loadDataset(file, basename(file));
  if (!loaded.ok) throw new Error(loaded.error.message);
  const started = performance.now();
  const run = await evaluatePredictor(predictor, loaded.rows);
  let right = 0;
  for (const { item, exact } of run.items) {
    if (exact) right++;
    lines.push(
      JSON.stringify({
        set: basename(file),
        id: item.id,
        exact,
        q: item.query,
        want: item.expected,
        got: item.predicted,
      }),
    );
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(`${basename(file)}: ${right}/${loaded.rows.length} (${seconds.toFixed(0)} s)`);
}
writeFileSync(values.out, `${lines.join("\n")}\n`);
for (const m of members) await m.model.dispose();
await llama.dispose();
