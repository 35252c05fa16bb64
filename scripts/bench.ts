/**
 * Benchmark: model load time, text -> decision latency (p50/p95/p99), daemon-like RSS and
 * the model file size, with 1 thread on this machine. Prints the figures and writes
 * bench/report.md + bench/report.json. Targets (issue #3): p50 <= 20 ms, p99 <= 40 ms,
 * load <= 2 s, RSS <= 150 MB, model <= 10 MB. Run: `npm run bench [-- --model F --n N]`.
 * `--queries F.jsonl` cycles through another set's queries: the default, the hand-written dev
 * set, is the easiest one (short requests, a third of it in the training data); a set with
 * more parallel requests makes longer answers and more clause checks.
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { parseArgs } from "node:util";
import { pino } from "pino";
import { Agent } from "../src/agent/agent.js";
import { CLAUSE_CHECK_DEFAULT } from "../src/agent/clause-check.js";
import { STATEMENT_CHECK_DEFAULT } from "../src/agent/statement-check.js";
import { SimulatedVehicle } from "../src/agent/vehicle-link.js";
import { percentile as nearestRank } from "../src/eval/score.js";
import { ModelRuntime } from "../src/model/runtime.js";
import { defaultModelPath, packageRoot } from "../src/paths.js";
import { defaultProfile } from "../src/safety/profile.js";

const { values } = parseArgs({
  options: {
    model: { type: "string", default: defaultModelPath },
    n: { type: "string", default: "400" },
    threads: { type: "string", default: "1" },
    constrained: { type: "boolean", default: false },
    // on | off; default: the agent's default (CLAUSE_CHECK_DEFAULT)
    "clause-check": { type: "string", default: CLAUSE_CHECK_DEFAULT ? "on" : "off" },
    // on | off; default: the agent's default (STATEMENT_CHECK_DEFAULT)
    "statement-check": { type: "string", default: STATEMENT_CHECK_DEFAULT ? "on" : "off" },
    out: { type: "string", default: join(packageRoot, "bench") },
    queries: { type: "string" },
  },
});

/** Nearest-rank percentile, the definition every latency figure of the project uses (NaN when empty). */
const percentile = (sorted: readonly number[], p: number): number => nearestRank(sorted, p) ?? Number.NaN;

/** An on|off option; anything else stops the bench before the model is loaded. */
function onOff(name: "clause-check" | "statement-check"): boolean {
  const v = values[name];
  if (v !== "on" && v !== "off") {
    console.error(`bench: --${name} must be on or off`);
    process.exit(2);
  }
  return v === "on";
}
const clauseCheck = onOff("clause-check");
const statementCheck = onOff("statement-check");

const querySet = values.queries ?? join(packageRoot, "models", "vehicle-v1", "eval", "dev-natural.jsonl");
const querySetName = relative(packageRoot, querySet);
let queries: string[];
try {
  queries = readFileSync(querySet, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l).query as string);
  if (queries.length === 0 || queries.some((q) => typeof q !== "string")) throw new Error("no {query} lines");
} catch (e) {
  // A set named on the command line must be read; the default falls back (an installed
  // package ships no eval sets).
  if (values.queries !== undefined) {
    console.error(`bench: cannot read queries from ${querySet}: ${(e as Error).message}`);
    process.exit(2);
  }
  queries = ["set the driver side to 72 degrees", "turn it up", "close every window and switch on the ac"];
}

const rssBefore = process.memoryUsage().rss;
const t0 = performance.now();
const loaded = await ModelRuntime.load({
  modelPath: values.model,
  threads: Number(values.threads),
  constrained: values.constrained,
});
const loadMs = performance.now() - t0;
if (!loaded.ok) {
  console.error(`bench: ${loaded.error.message}`);
  process.exit(1);
}
const model = loaded.value;
const agent = new Agent(
  model,
  new SimulatedVehicle(defaultProfile),
  defaultProfile,
  pino({ level: "silent" }),
  Date.now,
  { clauseCheck, statementCheck },
);

// Warm-up: one pass over a few queries (first-call allocations are not steady state).
for (const q of queries.slice(0, 10)) await agent.handle(q);
const n = Number(values.n);
const latencies: number[] = [];
const modelLatencies: number[] = [];
for (let i = 0; i < n; i++) {
  const turn = await agent.handle(queries[i % queries.length] as string);
  latencies.push(turn.latencyMs);
  if (turn.modelMs !== undefined) modelLatencies.push(turn.modelMs);
}
const rss = process.memoryUsage().rss;
await model.close();

latencies.sort((a, b) => a - b);
modelLatencies.sort((a, b) => a - b);
const report = {
  date: new Date().toISOString(),
  model: values.model,
  modelBytes: statSync(values.model).size,
  threads: Number(values.threads),
  constrained: values.constrained,
  clauseCheck,
  statementCheck,
  queries: n,
  querySet: querySetName,
  loadMs: Math.round(loadMs),
  textToDecisionMs: {
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    mean: latencies.reduce((a, b) => a + b, 0) / Math.max(1, latencies.length),
  },
  textToResponseMs: { p50: percentile(modelLatencies, 50), p99: percentile(modelLatencies, 99) },
  rssMB: Math.round(rss / 1e5) / 10,
  rssBeforeLoadMB: Math.round(rssBefore / 1e5) / 10,
  /** The daemon runs with the same V8 flags (src/cli/main.ts shebang); they change RSS. */
  nodeFlags: process.execArgv.join(" "),
  targets: { p50: 20, p99: 40, loadMs: 2000, rssMB: 150, modelMB: 10 },
};
const f = (x: number) => x.toFixed(2);
const md = `# Benchmark (${report.date})

| figure | measured | target |
|---|---|---|
| model file | ${(report.modelBytes / 1e6).toFixed(2)} MB | <= 10 MB |
| model load | ${report.loadMs} ms | <= 2000 ms |
| text -> decision p50 | ${f(report.textToDecisionMs.p50)} ms | <= 20 ms |
| text -> decision p95 | ${f(report.textToDecisionMs.p95)} ms | |
| text -> decision p99 | ${f(report.textToDecisionMs.p99)} ms | <= 40 ms |
| text -> response p50 / p99 | ${f(report.textToResponseMs.p50)} / ${f(report.textToResponseMs.p99)} ms | |
| RSS after ${n} utterances | ${report.rssMB} MB | <= 150 MB |

Node flags: \`${report.nodeFlags || "(none)"}\` (the daemon's, see src/cli/main.ts).

${n} utterances (cycling through ${queries.length} queries of \`${querySetName}\`), ${report.threads} thread(s),
constrained decoding ${report.constrained ? "on" : "off"}, clause cross-check ${clauseCheck ? "on" : "off"}, statement check ${statementCheck ? "on" : "off"}, model \`${values.model}\`.
`;
mkdirSync(values.out, { recursive: true });
writeFileSync(join(values.out, "report.json"), `${JSON.stringify(report, null, 2)}\n`);
writeFileSync(join(values.out, "report.md"), md);
console.log(md);
