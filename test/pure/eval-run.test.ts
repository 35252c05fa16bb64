import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evenSample, parseDataset } from "../../src/eval/dataset.js";
import { inputOf, runEvaluation } from "../../src/eval/run.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "octopus-eval-run-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const jsonl = (rows: readonly object[]) => `${rows.map((r) => JSON.stringify(r)).join("\n")}\n`;

describe("datasets", () => {
  it("reads generator rows and dev rows, with ids, inputs, categories and families", () => {
    const r = parseDataset(
      [
        JSON.stringify({
          query: "Turn on the AC",
          input: "turn on the ac",
          response: "<nexa_8>(True)<nexa_end>",
          functions: ["set_air_conditioning"],
          category: "single",
          family: "ac.verbs",
        }),
        "",
        JSON.stringify({ id: "dev-7", query: "louder", response: "<nexa_0>(volume_diff=5)<nexa_end>" }),
      ].join("\n"),
      "mixed",
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.rows).toEqual([
      {
        id: "mixed:1",
        query: "Turn on the AC",
        input: "turn on the ac",
        response: "<nexa_8>(True)<nexa_end>",
        category: "single",
        family: "ac.verbs",
      },
      { id: "dev-7", query: "louder", response: "<nexa_0>(volume_diff=5)<nexa_end>" },
    ]);
  });

  it("names the file and line of a malformed row", () => {
    const bad = parseDataset(
      `${JSON.stringify({ query: "a", response: "<nexa_20>()<nexa_end>" })}\n{oops\n`,
      "d",
      "d.jsonl",
    );
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.code).toBe("dataset_invalid");
      expect(bad.error.line).toBe(2);
      expect(bad.error.message).toContain("d.jsonl:2");
    }
    const missing = parseDataset(JSON.stringify({ query: "a" }), "d");
    expect(missing.ok).toBe(false);
  });

  it("evenSample spreads a limit over the whole file", () => {
    const rows = Array.from({ length: 10 }, (_, i) => i);
    expect(evenSample(rows, 5)).toEqual([0, 2, 4, 6, 8]);
    expect(evenSample(rows, 3)).toEqual([0, 3, 6]);
    expect(evenSample(rows, 20)).toEqual(rows);
    expect(evenSample(rows, undefined)).toEqual(rows);
    expect(evenSample(rows, 0)).toEqual([]);
  });

  it("a row without input is normalized the way the runtime normalizes a transcript", () => {
    const given = inputOf({ id: "a", query: "Whatever", input: "kept as is", response: "" });
    expect(given).toEqual({ ok: true, text: "kept as is" });
    const normalized = inputOf({ id: "b", query: "  Set it to SEVENTY-TWO degrees!  ", response: "" });
    expect(normalized.ok).toBe(true);
    if (normalized.ok) {
      expect(normalized.text).toContain("72");
      expect(normalized.text).toBe(normalized.text.toLowerCase());
    }
    expect(inputOf({ id: "c", query: "   ", response: "" }).ok).toBe(false);
  });
});

describe("runEvaluation", () => {
  it("trains the baseline, answers every dataset row, scores and writes the report", async () => {
    const train: object[] = [];
    const phrasings: [string[], string][] = [
      [
        ["turn on the ac", "switch the ac on", "ac on please", "start the air conditioning"],
        "<nexa_8>(True)<nexa_end>",
      ],
      [
        ["turn off the ac", "switch the ac off", "ac off please", "stop the air conditioning"],
        "<nexa_8>(False)<nexa_end>",
      ],
      [
        ["turn on the heated steering wheel", "steering wheel heating on", "warm the steering wheel"],
        "<nexa_16>(True)<nexa_end>",
      ],
      [["mute the audio", "mute", "silence the speakers"], "<nexa_5>(True)<nexa_end>"],
      [
        ["tell me a joke", "navigate home", "call my wife", "what time is it", "play the radio"],
        "<nexa_20>()<nexa_end>",
      ],
      [["mute and turn on the ac"], "<nexa_5>(True); <nexa_8>(True)<nexa_end>"],
    ];
    for (const [queries, response] of phrasings) for (const query of queries) train.push({ query, response });
    const trainPath = join(dir, "train.jsonl");
    await writeFile(trainPath, jsonl(train));
    const devPath = join(dir, "dev.jsonl");
    await writeFile(
      devPath,
      jsonl([
        { id: "d1", query: "Please turn ON the A/C", response: "<nexa_8>(True)<nexa_end>" },
        { id: "d2", query: "switch off the air conditioning", response: "<nexa_8>(False)<nexa_end>" },
        { id: "d3", query: "tell me a story", response: "<nexa_20>()<nexa_end>" },
        { id: "d4", query: "mute and switch the ac on", response: "<nexa_5>(True); <nexa_8>(True)<nexa_end>" },
      ]),
    );
    const heldPath = join(dir, "heldout.jsonl");
    await writeFile(
      heldPath,
      jsonl([
        {
          query: "mute the speakers",
          input: "mute the speakers",
          response: "<nexa_5>(True)<nexa_end>",
          category: "single",
        },
        {
          query: "heated steering wheel on",
          input: "heated steering wheel on",
          response: "<nexa_16>(True)<nexa_end>",
          category: "single",
        },
      ]),
    );
    const outDir = join(dir, "out");
    const progress: string[] = [];
    const result = await runEvaluation({
      datasets: [
        { name: "dev", path: devPath },
        { name: "heldout", path: heldPath },
      ],
      outDir,
      baseline: true,
      baselineTrainPath: trainPath,
      onProgress: (m) => progress.push(m),
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { runs, report } = result.value;
    expect(runs.map((r) => `${r.system}/${r.dataset}`)).toEqual(["NLP.js baseline/dev", "NLP.js baseline/heldout"]);
    const dev = runs[0]?.scored;
    expect(dev?.items).toHaveLength(4);
    // The parallel row is always wrong for the single-intent baseline.
    expect(dev?.items[3]?.exact).toBe(false);
    expect(dev?.items[0]?.exact).toBe(true);
    expect(runs[0]?.notes?.[0]).toContain("1 parallel rows skipped");
    const md = await readFile(report.markdownPath, "utf8");
    expect(md).toContain("| dev | NLP.js baseline | 4 |");
    expect(md).toContain("| heldout | NLP.js baseline | 2 |");
    const summary = JSON.parse(await readFile(report.summaryPath, "utf8"));
    expect(summary.runs[1].summary.n).toBe(2);
    expect(progress.some((m) => m.startsWith("NLP.js baseline on dev: exact"))).toBe(true);

    const limited = await runEvaluation({
      datasets: [{ name: "dev", path: devPath }],
      outDir: join(dir, "out-limited"),
      limit: 2,
      baseline: true,
      baselineTrainPath: trainPath,
    });
    expect(limited.ok && limited.value.runs[0]?.scored.items.map((s) => s.item.id)).toEqual(["d1", "d3"]);

    // A dev row whose normalized input also occurs in training is reported apart as well.
    const overlapPath = join(dir, "overlap.jsonl");
    await writeFile(
      overlapPath,
      jsonl([
        { id: "o1", query: "Tell me a joke!", response: "<nexa_20>()<nexa_end>" },
        { id: "o2", query: "tell me a story", response: "<nexa_20>()<nexa_end>" },
      ]),
    );
    const overlap = await runEvaluation({
      datasets: [
        { name: "dev", path: overlapPath },
        { name: "heldout", path: heldPath },
      ],
      outDir: join(dir, "out-overlap"),
      baseline: true,
      baselineTrainPath: trainPath,
      overlapTrainPath: trainPath,
    });
    expect(overlap.ok).toBe(true);
    if (!overlap.ok) return;
    const byDataset = new Map(overlap.value.runs.map((r) => [r.dataset, r.scored.items.map((s) => s.item.id)]));
    expect([...byDataset.keys()]).toEqual(["dev", "heldout", "dev, not in training"]);
    expect(byDataset.get("dev, not in training")).toEqual(["o2"]);
  });

  it("fails clearly without a system, a dataset, a readable file or a loadable model", async () => {
    const devPath = join(dir, "dev-errors.jsonl");
    await writeFile(devPath, jsonl([{ query: "mute", response: "<nexa_5>(True)<nexa_end>" }]));
    const noSystem = await runEvaluation({ datasets: [{ name: "d", path: devPath }], outDir: dir, baseline: false });
    expect(!noSystem.ok && noSystem.error.code).toBe("no_system");
    const noDataset = await runEvaluation({ datasets: [], outDir: dir, baseline: true });
    expect(!noDataset.ok && noDataset.error.code).toBe("no_dataset");
    const unreadable = await runEvaluation({
      datasets: [{ name: "d", path: join(dir, "missing.jsonl") }],
      outDir: dir,
      baseline: true,
    });
    expect(!unreadable.ok && unreadable.error.code).toBe("dataset_unreadable");
    const noTrain = await runEvaluation({
      datasets: [{ name: "d", path: devPath }],
      outDir: dir,
      baseline: true,
      baselineTrainPath: join(dir, "no-train.jsonl"),
    });
    expect(!noTrain.ok && noTrain.error.code).toBe("baseline_unavailable");
    const noModel = await runEvaluation({
      datasets: [{ name: "d", path: devPath }],
      outDir: dir,
      baseline: false,
      modelPath: join(dir, "missing.gguf"),
    });
    expect(!noModel.ok && noModel.error.code).toBe("model_unavailable");
  });
});
