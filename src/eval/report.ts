/**
 * The evaluation report: one Markdown file comparing every system on every dataset, a
 * confusion-matrix picture per run (SVG always, PNG when resvg loads) and a JSON summary
 * for machines (the model card and CI read numbers from it, not from the Markdown).
 *
 * Deterministic for the same runs: no timestamps unless the caller passes one.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { confusionSvg, svgToPng } from "./confusion-svg.js";
import { type EvalSummary, type Failure, type GroupScore, type Rate, type ScoredRun, UNCATEGORIZED } from "./score.js";

/** One system's scored answers on one dataset. */
export interface SystemRun {
  readonly system: string;
  readonly dataset: string;
  readonly scored: ScoredRun;
  /** Facts about the system for the report (training rows, model size, ...). */
  readonly notes?: readonly string[];
}

export interface ReportOptions {
  readonly title?: string;
  /** Lines printed under the title (e.g. the date, the model file and its hash). */
  readonly preamble?: readonly string[];
  /** Failure examples listed per run. Default 25. */
  readonly maxFailures?: number;
  /** Write PNG pictures when possible. Default true. */
  readonly png?: boolean;
}

export interface WrittenReport {
  readonly markdownPath: string;
  readonly summaryPath: string;
  readonly svgPaths: readonly string[];
  readonly pngPaths: readonly string[];
  /** Why no PNG was written, when none was. */
  readonly pngUnavailable?: string;
}

// ---------------------------------------------------------------- formatting

export function pct(r: Rate | number | null): string {
  const v = typeof r === "number" || r === null ? r : r.rate;
  return v === null ? "—" : `${(v * 100).toFixed(1)} %`;
}

function ms(v: number | null): string {
  return v === null ? "—" : v >= 100 ? `${v.toFixed(0)} ms` : `${v.toFixed(1)} ms`;
}

/** A table cell: pipes escaped, line breaks flattened. */
function cell(s: string): string {
  return s.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}

/** Code in a table cell (responses hold `<nexa_N>`, which Markdown would read as HTML). */
function code(s: string): string {
  const flat = cell(s);
  return flat.includes("`") ? `\`\` ${flat} \`\`` : `\`${flat}\``;
}

function table(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  align?: readonly ("l" | "r")[],
): string {
  const sep = header.map((_, i) => ((align?.[i] ?? (i === 0 ? "l" : "r")) === "r" ? "---:" : ":---"));
  return [header, sep, ...rows].map((r) => `| ${r.join(" | ")} |`).join("\n");
}

/** File-name part from a label. */
export function slug(s: string): string {
  return (
    s
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "") || "run"
  );
}

function withRate(g: GroupScore | undefined, pick: (g: GroupScore) => Rate): string {
  return g ? pct(pick(g)) : "—";
}

// ---------------------------------------------------------------- sections

function datasetsOf(runs: readonly SystemRun[]): string[] {
  return [...new Set(runs.map((r) => r.dataset))];
}
function systemsOf(runs: readonly SystemRun[]): string[] {
  return [...new Set(runs.map((r) => r.system))];
}

function overallSection(runs: readonly SystemRun[]): string {
  const rows = runs.map((r) => {
    const s = r.scored.summary;
    return [
      cell(r.dataset),
      cell(r.system),
      String(s.n),
      pct(s.exact),
      pct(s.functionSelection),
      pct(s.validResponse),
      pct(s.irrelevance.precision),
      pct(s.irrelevance.recall),
      pct(s.irrelevance.f1),
      ms(s.latency.p50),
      ms(s.latency.p99),
    ];
  });
  const invalid = runs.filter((r) => r.scored.summary.invalidExpected > 0);
  return [
    "## Overall",
    "",
    table(
      [
        "dataset",
        "system",
        "n",
        "exact",
        "function selection",
        "valid responses",
        "irrelevance P",
        "irrelevance R",
        "irrelevance F1",
        "p50",
        "p99",
      ],
      rows,
      ["l", "l"],
    ),
    "",
    "*exact*: every call, every argument, under the contract's §3 equivalences (defaults, sunroof",
    "intensity 100, parallel order, driver/passenger windows in left-hand drive). *function selection*:",
    "the multiset of function names. *valid responses*: parsed and bound by the project's parser.",
    ...(invalid.length > 0
      ? [
          "",
          ...invalid.map(
            (r) =>
              `Note: ${r.scored.summary.invalidExpected} row(s) of ${r.dataset} have an expected response that does not parse/bind; they are not scored.`,
          ),
        ]
      : []),
  ].join("\n");
}

/** The headline: one row per dataset, each system's exact and function-selection rates side by side. */
function sideBySideSystems(runs: readonly SystemRun[]): string {
  const systems = systemsOf(runs);
  const header = ["dataset", "n", ...systems.flatMap((s) => [`${cell(s)} exact`, `${cell(s)} fn-sel`])];
  const rows = datasetsOf(runs).map((dataset) => {
    const here = runs.filter((r) => r.dataset === dataset);
    const n = here[0]?.scored.summary.n ?? 0;
    return [
      cell(dataset),
      String(n),
      ...systems.flatMap((system) => {
        const s = here.find((r) => r.system === system)?.scored.summary;
        return s ? [pct(s.exact), pct(s.functionSelection)] : ["—", "—"];
      }),
    ];
  });
  return ["## Side by side", "", table(header, rows)].join("\n");
}

function latencySection(runs: readonly SystemRun[]): string {
  const rows = runs.map((r) => {
    const l = r.scored.summary.latency;
    return [cell(r.dataset), cell(r.system), String(l.n), ms(l.p50), ms(l.p95), ms(l.p99), ms(l.mean), ms(l.max)];
  });
  return [
    "## Latency (text → response)",
    "",
    "Measured inside the eval process (every dataset in memory, and the baseline with its training data when it runs; Node's default flags), not as the daemon runs: the daemon's figures are `npm run bench`'s.",
    "",
    table(["dataset", "system", "n", "p50", "p95", "p99", "mean", "max"], rows, ["l", "l"]),
  ].join("\n");
}

/** Rows = groups (per function / category), columns = systems, for one dataset. */
function sideBySide(
  heading: string,
  runs: readonly SystemRun[],
  groupsOf: (s: EvalSummary) => Readonly<Record<string, GroupScore>>,
): string {
  const parts = [`## ${heading}`];
  for (const dataset of datasetsOf(runs)) {
    const here = runs.filter((r) => r.dataset === dataset);
    const keys: string[] = [];
    for (const r of here) for (const k of Object.keys(groupsOf(r.scored.summary))) if (!keys.includes(k)) keys.push(k);
    // A dataset without the grouping (every row under UNCATEGORIZED) has nothing to show.
    if (keys.length === 1 && keys[0] === UNCATEGORIZED) continue;
    const header = ["", "n", ...here.flatMap((r) => [`${cell(r.system)} exact`, `${cell(r.system)} fn-sel`])];
    const rows = keys.map((k) => {
      const n = here.map((r) => groupsOf(r.scored.summary)[k]?.n).find((v) => v !== undefined) ?? 0;
      return [
        cell(k),
        String(n),
        ...here.flatMap((r) => {
          const g = groupsOf(r.scored.summary)[k];
          return [withRate(g, (x) => x.exact), withRate(g, (x) => x.functionSelection)];
        }),
      ];
    });
    parts.push("", `### ${cell(dataset)}`, "", table(header, rows));
  }
  if (parts.length === 1) parts.push("", "No dataset carries this grouping.");
  return parts.join("\n");
}

/** The most frequent expected → predicted function pairs among failures. */
function failurePatterns(run: SystemRun, limit: number): string {
  const counts = new Map<string, number>();
  for (const s of run.scored.items) {
    if (!s.expectedValid || s.exact) continue;
    const kind = s.functionMatch
      ? s.status === "bind_error"
        ? "right function(s), invalid argument(s)"
        : "right function(s), wrong argument(s)"
      : s.confusionColumn === s.confusionRow
        ? "missing or extra call(s)"
        : `→ ${s.confusionColumn}`;
    const key = `${s.confusionRow} ${kind}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const top = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, limit);
  if (top.length === 0) return "No failures.";
  return table(
    ["expected function: what went wrong", "count"],
    top.map(([k, n]) => [cell(k), String(n)]),
  );
}

function failureExamples(failures: readonly Failure[], limit: number): string {
  if (failures.length === 0) return "";
  const shown = failures.slice(0, limit);
  return [
    `First ${shown.length} of ${failures.length} failures (dataset order):`,
    "",
    table(
      ["id", "query", "expected", "predicted", "why"],
      shown.map((f) => [
        cell(f.id),
        cell(f.query),
        code(f.expected),
        code(f.predicted),
        cell(
          f.status === "valid"
            ? f.functionMatch
              ? "wrong argument(s)"
              : "wrong function(s)"
            : f.status.replace("_", " "),
        ) +
          (f.modelResponse !== undefined
            ? `; ${f.changedBy !== undefined ? `changed by the ${cell(f.changedBy)}; ` : ""}the model alone said ${code(f.modelResponse)}`
            : ""),
      ]),
      ["l", "l", "l", "l", "l"],
    ),
  ].join("\n");
}

/** Per phrasing family, when the datasets carry families and there are few enough to read. */
function familySection(runs: readonly SystemRun[]): string[] {
  const families = new Set(runs.flatMap((r) => Object.keys(r.scored.summary.perFamily)));
  families.delete(UNCATEGORIZED);
  if (families.size === 0) return [];
  if (families.size > MAX_FAMILY_ROWS)
    return [`(${families.size} phrasing families: per-family numbers are in summary.json.)`, ""];
  return [sideBySide("Per phrasing family", runs, (s) => s.perFamily), ""];
}

const MAX_FAMILY_ROWS = 80;

// ---------------------------------------------------------------- writer

/** The JSON summary: every run's aggregate numbers and failures (not the per-item scores). */
export function summaryJson(runs: readonly SystemRun[]): string {
  return `${JSON.stringify(
    {
      runs: runs.map((r) => ({
        system: r.system,
        dataset: r.dataset,
        notes: r.notes ?? [],
        summary: r.scored.summary,
      })),
    },
    null,
    2,
  )}\n`;
}

/**
 * Writes `report.md`, `summary.json` and `confusion-<dataset>-<system>.svg` (+ `.png`) into `dir`.
 */
export async function writeEvalReport(
  dir: string,
  runs: readonly SystemRun[],
  options: ReportOptions = {},
): Promise<WrittenReport> {
  await mkdir(dir, { recursive: true });
  const maxFailures = options.maxFailures ?? 25;
  const svgPaths: string[] = [];
  const pngPaths: string[] = [];
  let pngUnavailable: string | undefined = options.png === false ? "PNG disabled" : undefined;

  const perRun: string[] = [];
  const usedNames = new Set<string>();
  for (const run of runs) {
    let base = `confusion-${slug(run.dataset)}-${slug(run.system)}`;
    for (let k = 2; usedNames.has(base); k++) base = `confusion-${slug(run.dataset)}-${slug(run.system)}-${k}`;
    usedNames.add(base);
    const title = `${run.system} on ${run.dataset}`;
    const svg = confusionSvg(run.scored.summary.confusion, title);
    await writeFile(join(dir, `${base}.svg`), svg);
    svgPaths.push(join(dir, `${base}.svg`));
    let picture = `${base}.svg`;
    if (pngUnavailable === undefined) {
      const png = svgToPng(svg);
      if (png.ok) {
        await writeFile(join(dir, `${base}.png`), png.png);
        pngPaths.push(join(dir, `${base}.png`));
        picture = `${base}.png`;
      } else pngUnavailable = png.reason;
    }
    const s = run.scored.summary;
    perRun.push(
      [
        `### ${cell(title)}`,
        "",
        ...(run.notes && run.notes.length > 0 ? [...run.notes.map((n) => `- ${n}`), ""] : []),
        `Exact ${pct(s.exact)} (${s.exact.hits}/${s.exact.n}), function selection ${pct(s.functionSelection)},` +
          ` irrelevance P ${pct(s.irrelevance.precision)} / R ${pct(s.irrelevance.recall)}` +
          ` (tp ${s.irrelevance.tp}, fp ${s.irrelevance.fp}, fn ${s.irrelevance.fn}).`,
        "",
        `![confusion matrix: ${cell(title)}](${picture})`,
        "",
        "Confusion matrix rows: the expected primary (first) function; columns: that function when the",
        "prediction contains it (parallel order does not count), else the first predicted function;",
        "`parse error` = no response, or a response that does not parse.",
        "",
        "Most frequent failures:",
        "",
        failurePatterns(run, 15),
        "",
        failureExamples(s.failures, maxFailures),
      ].join("\n"),
    );
  }

  const systems = systemsOf(runs);
  const markdown = [
    `# ${options.title ?? "Evaluation report"}`,
    "",
    ...(options.preamble ?? []),
    ...(options.preamble && options.preamble.length > 0 ? [""] : []),
    `Systems: ${systems.map(cell).join(", ") || "none"}. Datasets: ${datasetsOf(runs).map(cell).join(", ") || "none"}.`,
    "",
    sideBySideSystems(runs),
    "",
    overallSection(runs),
    "",
    latencySection(runs),
    "",
    sideBySide("Per function (rows counted under each expected function)", runs, (s) => s.perFunction),
    "",
    sideBySide("Per category", runs, (s) => s.perCategory),
    "",
    ...familySection(runs),
    "## Runs",
    "",
    perRun.join("\n\n"),
    ...(pngUnavailable && options.png !== false ? ["", `(Pictures are SVG only: ${cell(pngUnavailable)}.)`] : []),
    "",
  ].join("\n");

  const markdownPath = join(dir, "report.md");
  const summaryPath = join(dir, "summary.json");
  await writeFile(markdownPath, markdown);
  await writeFile(summaryPath, summaryJson(runs));
  return {
    markdownPath,
    summaryPath,
    svgPaths,
    pngPaths,
    ...(pngUnavailable !== undefined && pngPaths.length === 0 ? { pngUnavailable } : {}),
  };
}
