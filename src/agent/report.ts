/**
 * The JSON shapes the CLI and the daemon print (one place, so `decide`, `say` and `infer`
 * agree). Field names are part of the product interface.
 */
import type { BindResult, Decision, Literal, ParseError, Target } from "../core/types.js";
import type { Frame } from "./vehicle-link.js";

export type CallJson =
  | { readonly function: string; readonly token: string; readonly args: Readonly<Record<string, Literal>> }
  | {
      readonly token: string;
      readonly function?: string;
      readonly error: { readonly code: string; readonly message: string; readonly position: number };
    };

export interface DecisionJson {
  readonly function: string;
  readonly args: Readonly<Record<string, Literal>>;
  readonly outcome: Decision["outcome"];
  readonly reason: string;
  readonly code?: string;
  readonly target: Target | null;
}

export interface ParseErrorJson {
  readonly error: { readonly message: string; readonly position: number; readonly code: string };
}

export function callsJson(results: readonly BindResult[]): CallJson[] {
  return results.map((r) =>
    r.ok
      ? { function: r.call.name, token: r.parsed.token, args: r.call.args }
      : {
          token: r.parsed.token,
          ...(r.error.function ? { function: r.error.function } : {}),
          error: { code: r.error.code, message: r.error.message, position: r.error.position },
        },
  );
}

export function decisionsJson(decisions: readonly Decision[]): DecisionJson[] {
  return decisions.map((d) => ({
    function: d.function,
    args: d.args,
    outcome: d.outcome,
    reason: d.reason,
    ...(d.code ? { code: d.code } : {}),
    target: d.target ?? null,
  }));
}

export function parseErrorJson(error: ParseError): ParseErrorJson {
  return { error: { message: error.message, position: error.position, code: error.code } };
}

/** A short human-readable table of decisions (the CLI without --json). */
export function decisionsTable(decisions: readonly Decision[]): string {
  if (decisions.length === 0) return "(no calls)";
  const rows = decisions.map((d) => [
    String(d.callIndex),
    d.function,
    Object.entries(d.args)
      .map(([k, v]) => `${k}=${typeof v === "string" ? `'${v}'` : String(v)}`)
      .join(", "),
    d.outcome.toUpperCase(),
    d.reason,
  ]);
  const header = ["#", "function", "args", "outcome", "reason"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0)))
      .join("  ")
      .trimEnd();
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

/** Frames in candump form (`ID#DATA`), one per line, for people. */
export function framesText(frames: readonly Frame[]): string {
  if (frames.length === 0) return "(no frames)\n";
  return frames
    .map((f) => `${f.id.toString(16).toUpperCase().padStart(3, "0")}#${f.data.toUpperCase()}  ${f.message}\n`)
    .join("");
}
