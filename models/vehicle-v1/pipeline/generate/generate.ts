/**
 * The training-data generator's command line:
 *
 *   npx tsx models/vehicle-v1/pipeline/generate/generate.ts --out DIR --seed N [--per-function N]
 *
 * Writes DIR/train.jsonl, DIR/heldout.jsonl (one {"query","input","response",
 * "functions","category","family"} object per line) and DIR/stats.json.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { buildDataset, DEFAULT_OPTIONS, type Row } from "./build.js";

function toJsonl(rows: readonly Row[]): string {
  return rows.map((r) => JSON.stringify(r)).join("\n") + (rows.length > 0 ? "\n" : "");
}

function main(): void {
  const { values } = parseArgs({
    options: {
      out: { type: "string" },
      seed: { type: "string", default: String(DEFAULT_OPTIONS.seed) },
      "per-function": { type: "string", default: String(DEFAULT_OPTIONS.perFunction) },
      "parallel-share": { type: "string", default: String(DEFAULT_OPTIONS.parallelShare) },
      "heldout-share": { type: "string", default: String(DEFAULT_OPTIONS.heldoutShare) },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help || !values.out) {
    process.stdout.write(
      "usage: generate.ts --out DIR [--seed N] [--per-function N] [--parallel-share X] [--heldout-share X]\n",
    );
    process.exitCode = values.help ? 0 : 2;
    return;
  }
  const num = (name: string, v: string | undefined): number => {
    const n = Number(v);
    if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} must be a non-negative number, got ${v}`);
    return n;
  };
  const ds = buildDataset({
    seed: Math.trunc(num("seed", values.seed)),
    perFunction: Math.trunc(num("per-function", values["per-function"])),
    parallelShare: num("parallel-share", values["parallel-share"]),
    heldoutShare: num("heldout-share", values["heldout-share"]),
  });
  mkdirSync(values.out, { recursive: true });
  writeFileSync(join(values.out, "train.jsonl"), toJsonl(ds.train));
  writeFileSync(join(values.out, "heldout.jsonl"), toJsonl(ds.heldout));
  writeFileSync(join(values.out, "stats.json"), `${JSON.stringify(ds.stats, null, 2)}\n`);
  const t = ds.stats.splits.train;
  const h = ds.stats.splits.heldout;
  process.stdout.write(
    `train ${t.rows} rows (${t.positives} positive, ${t.negatives} negative, parallel ${(t.parallelShare * 100).toFixed(1)}%), ` +
      `heldout ${h.rows} rows (${h.positives} positive, ${h.negatives} negative); ` +
      `dropped invalid ${ds.stats.dropped.invalid}, duplicates ${ds.stats.dropped.duplicates}, conflicts ${ds.stats.dropped.conflicts}; ` +
      `${ds.stats.elapsedMs} ms -> ${values.out}\n`,
  );
}

main();
