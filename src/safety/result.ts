/**
 * Results of validating configuration and state inputs (vehicle profile, vehicle state).
 *
 * The core never throws on bad input: a validation failure is a value that lists every bad
 * field, so the daemon can print all problems of a profile at once and refuse to start.
 */
import type { z } from "zod";

export type Result<T, E> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

/** One bad field: where it is (dotted path, `"(root)"` for the whole value) and what is wrong. */
export interface FieldIssue {
  readonly path: string;
  readonly message: string;
}

export function ok<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}

export function err<E>(error: E): { readonly ok: false; readonly error: E } {
  return { ok: false, error };
}

function joinPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else {
      const name = String(part);
      // Keys with spaces ("front left") are quoted so the path stays readable and unambiguous.
      out += /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? (out ? `.${name}` : name) : `[${JSON.stringify(name)}]`;
    }
  }
  return out || "(root)";
}

/**
 * Zod issues as one line per bad field, in a stable order (sorted by path). Unknown keys are
 * expanded to one issue per key so each appears under its own path.
 */
export function issuesFromZod(error: z.core.$ZodError): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        issues.push({ path: joinPath([...issue.path, key]), message: "unknown field (not allowed)" });
      }
    } else if (issue.code === "invalid_type") {
      const message =
        issue.input === undefined
          ? `missing (expected ${issue.expected})`
          : `expected ${issue.expected}, got ${describeValue(issue.input)}`;
      issues.push({ path: joinPath(issue.path), message });
    } else if (issue.code === "invalid_value" && issue.input === undefined) {
      issues.push({ path: joinPath(issue.path), message: `missing (${issue.message})` });
    } else {
      issues.push({ path: joinPath(issue.path), message: issue.message });
    }
  }
  return issues.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function describeValue(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "an array";
  if (typeof v === "object") return "an object";
  const text = JSON.stringify(v) ?? String(v);
  return `${typeof v} ${text.length > 40 ? `${text.slice(0, 40)}...` : text}`;
}

/** "what: 2 problems:\n  - a.b: ...\n  - c: ..." */
export function describeIssues(what: string, issues: readonly FieldIssue[]): string {
  const count = issues.length === 1 ? "1 problem" : `${issues.length} problems`;
  return `${what}: ${count}:\n${issues.map((i) => `  - ${i.path}: ${i.message}`).join("\n")}`;
}
