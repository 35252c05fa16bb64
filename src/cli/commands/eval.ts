/**
 * `octopus-agent eval`: the model (and the NLP.js baseline, trained on the same generated
 * data) on the held-out families and the hand-written dev set; writes a Markdown report,
 * confusion-matrix pictures and a JSON summary.
 */
import { existsSync } from "node:fs";
import { isAbsolute, join } from "node:path";
import type { Command } from "commander";
import { packageRoot } from "../../paths.js";
import { CliError, ExitCode } from "../exit-codes.js";
import {
  addAgentCheckOptions,
  addModelOptions,
  clauseCheckFrom,
  type ModelOptions,
  statementCheckFrom,
  threadsFrom,
} from "../model-options.js";
import type { Output } from "../output.js";

interface EvalOptions extends ModelOptions {
  dataset?: string[];
  out: string;
  limit?: string;
  baseline: boolean;
  train?: string;
  constrained?: boolean;
  groundNumbers?: boolean;
}

const fromRoot = (p: string) => (isAbsolute(p) ? p : join(packageRoot, p));

export function registerEval(program: Command, out: Output): void {
  const cmd = addModelOptions(
    program
      .command("eval")
      .description("score the model (and the NLP.js baseline) on the held-out split and the dev set; write a report")
      .option(
        "--dataset <name=path...>",
        "JSONL datasets ({query, response[, input, category]}); default: held-out families + dev natural",
      )
      .option("--out <dir>", "report directory", "eval-report")
      .option("--limit <n>", "evaluate an even sample of at most n rows per dataset")
      .option("--no-baseline", "skip the NLP.js baseline")
      .option("--train <file>", "training data for the baseline (default: the generated train split)")
      .option("--constrained", "registry-constrained decoding")
      .option("--ground-numbers", "number guard: only numbers the driver said or §3 defaults (measurement only)"),
  );
  addAgentCheckOptions(cmd).action(async (opts: EvalOptions) => {
    const { DEFAULT_EVAL_DATASETS, DEFAULT_TRAIN_PATH, runEvaluation } = await import("../../eval/run.js");
    const datasets = opts.dataset
      ? opts.dataset.map((spec) => {
          const eq = spec.indexOf("=");
          if (eq <= 0) throw new CliError(`--dataset wants name=path, got ${spec}`, ExitCode.badConfig);
          return { name: spec.slice(0, eq), path: fromRoot(spec.slice(eq + 1)) };
        })
      : DEFAULT_EVAL_DATASETS.map((d) => ({ name: d.name, path: fromRoot(d.path) }));
    for (const d of datasets) {
      if (!existsSync(d.path))
        throw new CliError(
          `dataset ${d.name} not found at ${d.path}` +
            (d.path.includes("pipeline/work/data")
              ? " (make the shipped model's data: bash scripts/shipped-data.sh)"
              : ""),
          ExitCode.badConfig,
        );
    }
    const limit = opts.limit === undefined ? undefined : Number(opts.limit);
    if (limit !== undefined && (!Number.isInteger(limit) || limit < 1))
      throw new CliError("--limit must be a positive integer", ExitCode.badConfig);
    const threads = threadsFrom(opts);
    const trainPath = fromRoot(opts.train ?? DEFAULT_TRAIN_PATH);
    // The overlap check needs the generated training split; without it the report says so.
    if (!existsSync(trainPath)) out.stderr(`no training data at ${trainPath}: overlap with training not checked\n`);
    const result = await runEvaluation({
      ...(opts.model ? { modelPath: opts.model } : {}),
      modelOptions: {
        ...(threads !== undefined ? { threads } : {}),
        constrained: opts.constrained === true,
        groundNumbers: opts.groundNumbers === true,
      },
      clauseCheck: clauseCheckFrom(opts),
      statementCheck: statementCheckFrom(opts),
      datasets,
      outDir: fromRoot(opts.out),
      baseline: opts.baseline,
      baselineTrainPath: trainPath,
      ...(existsSync(trainPath) ? { overlapTrainPath: trainPath } : {}),
      ...(limit !== undefined ? { limit } : {}),
      onProgress: (m) => out.stderr(`${m}\n`),
    });
    if (!result.ok) throw new CliError(result.error.message, ExitCode.model);
    for (const run of result.value.runs) {
      const s = run.scored.summary;
      const pct = (r: number | null) => (r === null ? "-" : `${(100 * r).toFixed(2)}%`);
      const ms = (v: number | null) => (v === null ? "-" : `${v.toFixed(2)} ms`);
      out.stdout(
        `${run.system} on ${run.dataset}: exact ${pct(s.exact.rate)} of ${s.n}, function selection ` +
          `${pct(s.functionSelection.rate)}, p50 ${ms(s.latency.p50)}, p99 ${ms(s.latency.p99)}\n`,
      );
    }
    out.stdout(`report: ${result.value.report.markdownPath}\n`);
  });
}
