/**
 * Evaluation datasets: JSONL files, one row per line. Two producers write them:
 *
 * - the training-data generator: `{"query", "input", "response", "functions", "category", "family"}`
 *   (`input` = the normalized query the model is trained on);
 * - the hand-written dev set: `{"id", "query", "response"}`.
 *
 * `query` and `response` are required; the rest is optional. A malformed line is a
 * dataset error reported with its file and line, never skipped silently.
 */
import { readFile } from "node:fs/promises";

export interface DatasetRow {
  /** `id` from the file, else `<dataset>:<line>`. */
  readonly id: string;
  readonly query: string;
  /** Normalized text, when the file carries it. */
  readonly input?: string;
  /** The expected response text. */
  readonly response: string;
  readonly category?: string;
  readonly family?: string;
}

export interface DatasetError {
  readonly code: "dataset_unreadable" | "dataset_invalid";
  readonly message: string;
  readonly path: string;
  readonly line?: number;
}

export type DatasetResult = { ok: true; rows: DatasetRow[] } | { ok: false; error: DatasetError };

function optionalString(o: Record<string, unknown>, key: string): string | undefined {
  const v = o[key];
  return typeof v === "string" ? v : typeof v === "number" ? String(v) : undefined;
}

/** Parses JSONL text (blank lines ignored). */
export function parseDataset(text: string, name: string, path = name): DatasetResult {
  const rows: DatasetRow[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] as string).trim();
    if (line === "") continue;
    const where = { path, line: i + 1 };
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      return {
        ok: false,
        error: { code: "dataset_invalid", message: `${path}:${i + 1}: not JSON (${why})`, ...where },
      };
    }
    if (value === null || typeof value !== "object" || Array.isArray(value))
      return {
        ok: false,
        error: { code: "dataset_invalid", message: `${path}:${i + 1}: not a JSON object`, ...where },
      };
    const o = value as Record<string, unknown>;
    if (typeof o["query"] !== "string" || typeof o["response"] !== "string")
      return {
        ok: false,
        error: { code: "dataset_invalid", message: `${path}:${i + 1}: needs string "query" and "response"`, ...where },
      };
    const input = optionalString(o, "input");
    const category = optionalString(o, "category");
    const family = optionalString(o, "family");
    rows.push({
      id: optionalString(o, "id") ?? `${name}:${i + 1}`,
      query: o["query"],
      response: o["response"],
      ...(input !== undefined ? { input } : {}),
      ...(category !== undefined ? { category } : {}),
      ...(family !== undefined ? { family } : {}),
    });
  }
  return { ok: true, rows };
}

export async function loadDataset(path: string, name: string): Promise<DatasetResult> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return { ok: false, error: { code: "dataset_unreadable", message: `cannot read dataset ${path}: ${why}`, path } };
  }
  return parseDataset(text, name, path);
}

/**
 * At most `limit` rows, spread evenly over the file (generated files are often grouped by
 * function, so the first N rows would be a biased sample). Deterministic.
 */
export function evenSample<T>(rows: readonly T[], limit: number | undefined): T[] {
  if (limit === undefined || limit >= rows.length) return [...rows];
  if (limit <= 0) return [];
  const out: T[] = [];
  for (let k = 0; k < limit; k++) out.push(rows[Math.floor((k * rows.length) / limit)] as T);
  return out;
}
