import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { confusionSvg } from "../../src/eval/confusion-svg.js";
import { pct, slug, writeEvalReport } from "../../src/eval/report.js";
import { type EvalItem, scoreRun } from "../../src/eval/score.js";

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

async function tempDir(): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), "octopus-eval-report-"));
  dirs.push(d);
  return d;
}

function items(predictions: readonly (string | undefined)[]): EvalItem[] {
  const expected = [
    "<nexa_8>(True)<nexa_end>",
    "<nexa_17>('up'); <nexa_8>(True)<nexa_end>",
    "<nexa_20>()<nexa_end>",
    "<nexa_0>(volume_diff=5)<nexa_end>",
  ];
  return expected.map((e, i) => ({
    id: `r${i}`,
    query: i === 3 ? "turn it up | please" : `query ${i}`,
    expected: e,
    ...(predictions[i] !== undefined ? { predicted: predictions[i] } : { error: "generation_timeout" }),
    latencyMs: 10 * (i + 1),
    category: i === 2 ? "negative" : "positive",
  }));
}

describe("writeEvalReport", () => {
  const model = scoreRun(
    items([
      "<nexa_8>(True)<nexa_end>",
      "<nexa_8>(True); <nexa_17>('up')<nexa_end>",
      "<nexa_20>()<nexa_end>",
      "<nexa_0>(volume_diff=2)<nexa_end>",
    ]),
  );
  const baseline = scoreRun(
    items(["<nexa_8>(True)<nexa_end>", "<nexa_17>('up')<nexa_end>", "<nexa_8>(True)<nexa_end>", undefined]),
  );
  const runs = [
    { system: "octopus model", dataset: "dev natural", scored: model, notes: ["model file 5 MB"] },
    { system: "NLP.js baseline", dataset: "dev natural", scored: baseline, notes: ["trained on 80 utterances"] },
  ];

  it("writes Markdown, JSON summary and one confusion picture per run", async () => {
    const dir = await tempDir();
    const written = await writeEvalReport(dir, runs, { title: "Test report", preamble: ["model: test"] });
    expect(written.markdownPath).toBe(join(dir, "report.md"));
    expect(written.svgPaths).toEqual([
      join(dir, "confusion-dev-natural-octopus-model.svg"),
      join(dir, "confusion-dev-natural-nlp-js-baseline.svg"),
    ]);
    const md = await readFile(written.markdownPath, "utf8");
    expect(md.startsWith("# Test report\n\nmodel: test\n")).toBe(true);
    // The headline table: one row per dataset, systems side by side.
    expect(md).toContain(
      "| dataset | n | octopus model exact | octopus model fn-sel | NLP.js baseline exact | NLP.js baseline fn-sel |",
    );
    expect(md).toContain("| dev natural | 4 | 75.0 % | 100.0 % | 25.0 % | 25.0 % |");
    // Overall rows carry each system's computed numbers side by side.
    expect(md).toContain(`| dev natural | octopus model | 4 | ${pct(model.summary.exact)} |`);
    expect(md).toContain(`| dev natural | NLP.js baseline | 4 | ${pct(baseline.summary.exact)} |`);
    expect(pct(model.summary.exact)).toBe("75.0 %");
    expect(pct(baseline.summary.exact)).toBe("25.0 %");
    // Per function table, systems as columns.
    expect(md).toContain("| set_air_conditioning | 2 | 100.0 % | 100.0 % | 50.0 % | 50.0 % |");
    expect(md).toContain("## Latency");
    expect(md).toContain("## Per category");
    expect(md).toContain("- trained on 80 utterances");
    // Failure patterns: a missing parallel call is named as such, not as a confusion.
    expect(md).toContain("| control_all_windows missing or extra call(s) | 1 |");
    expect(md).toContain("| adjust_volume right function(s), wrong argument(s) | 1 |");
    expect(md).toContain("| irrelevant_function → set_air_conditioning | 1 |");
    // Failures: responses as code (not HTML), pipes escaped.
    expect(md).toContain("`<nexa_0>(volume_diff=2)<nexa_end>`");
    expect(md).toContain("turn it up \\| please");
    expect(md).toContain("(no response: generation_timeout)");

    const summary = JSON.parse(await readFile(written.summaryPath, "utf8"));
    expect(summary.runs).toHaveLength(2);
    expect(summary.runs[0].summary.exact).toEqual(model.summary.exact);
    expect(summary.runs[1].summary.failures).toHaveLength(3);

    const svg = await readFile(written.svgPaths[0] as string, "utf8");
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg).toContain("set_air_conditioning");
  });

  it("writes PNG pictures when resvg is available, else says why", async () => {
    const dir = await tempDir();
    const written = await writeEvalReport(dir, runs);
    if (written.pngPaths.length > 0) {
      const png = await readFile(written.pngPaths[0] as string);
      expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      expect(await readFile(join(dir, "report.md"), "utf8")).toContain("confusion-dev-natural-octopus-model.png");
    } else {
      expect(written.pngUnavailable).toBeTruthy();
    }
    const svgOnly = await writeEvalReport(await tempDir(), runs, { png: false });
    expect(svgOnly.pngPaths).toEqual([]);
  });

  it("is deterministic for the same runs", async () => {
    const a = await writeEvalReport(await tempDir(), runs, { png: false });
    const b = await writeEvalReport(await tempDir(), runs, { png: false });
    expect(await readFile(a.markdownPath, "utf8")).toBe(await readFile(b.markdownPath, "utf8"));
    expect(await readFile(a.summaryPath, "utf8")).toBe(await readFile(b.summaryPath, "utf8"));
  });

  it("gives two runs with the same name distinct picture files", async () => {
    const written = await writeEvalReport(await tempDir(), [runs[0], runs[0]] as typeof runs, { png: false });
    expect(new Set(written.svgPaths).size).toBe(2);
  });
});

describe("confusion matrix picture", () => {
  it("draws one cell per row and column with the counts", () => {
    const svg = confusionSvg(
      {
        rows: ["set_air_conditioning", "irrelevant_function"],
        columns: ["set_air_conditioning", "irrelevant_function", "parse error"],
        counts: [
          [7, 2, 0],
          [1, 13, 4],
        ],
      },
      "a <title> & more",
    );
    expect(svg.match(/<rect x=/g)).toHaveLength(6);
    expect(svg).toContain(">13</text>");
    expect(svg).toContain(">n=9</text>");
    expect(svg).toContain(">n=18</text>");
    expect(svg).toContain("a &#60;title&#62; &#38; more");
  });

  it("slug makes safe file names", () => {
    expect(slug("NLP.js baseline")).toBe("nlp-js-baseline");
    expect(slug("../../etc")).toBe("etc");
    expect(slug("***")).toBe("run");
  });
});
