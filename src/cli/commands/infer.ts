/**
 * `octopus-agent infer --jsonl`: batch inference for evaluation by others. Reads
 * `{"id", "query"}` lines on stdin, writes one line per input line, in order:
 * `{"id", "query", "response", "calls", "latency_ms"}` (latency = text -> response). A bad
 * input line or a failed generation yields a line with `"error"`; the run goes on. Blank
 * lines (only whitespace) are not inputs: they get no output line, so a file ending in an
 * empty line does not produce a spurious error.
 */
import { createInterface } from "node:readline";
import type { Command } from "commander";
import { callsJson } from "../../agent/report.js";
import { parseAndBind } from "../../parser/index.js";
import { normalizeTranscript } from "../../text/normalize.js";
import { CliError, ExitCode } from "../exit-codes.js";
import { addModelOptions, loadModel, type ModelOptions } from "../model-options.js";
import { type Output, printJson } from "../output.js";

interface InferOptions extends ModelOptions {
  jsonl?: boolean;
}

export function registerInfer(program: Command, out: Output): void {
  addModelOptions(
    program
      .command("infer")
      .description("batch inference: {id, query} JSON lines on stdin -> {id, query, response, calls, latency_ms} lines")
      .option("--jsonl", "JSON lines in and out (required; the only format)"),
  ).action(async (opts: InferOptions) => {
    if (!opts.jsonl) throw new CliError("infer needs --jsonl", ExitCode.badConfig);
    const model = await loadModel(opts);
    try {
      const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
      let lineNo = 0;
      for await (const line of lines) {
        lineNo++;
        if (line.trim() === "") continue;
        const request = parseRequest(line, lineNo);
        if (!request.ok) {
          printJson(out, { id: null, query: null, response: null, calls: [], latency_ms: null, error: request.error });
          continue;
        }
        const { id, query } = request;
        const started = performance.now();
        const normalized = normalizeTranscript(query);
        if (!normalized.ok) {
          printJson(out, { id, query, response: null, calls: [], latency_ms: null, error: normalized.error.message });
          continue;
        }
        const completion = await model.complete(normalized.text);
        const latency = Math.round((performance.now() - started) * 1000) / 1000;
        if (!completion.ok) {
          printJson(out, {
            id,
            query,
            response: completion.error.partialOutput ?? null,
            calls: [],
            latency_ms: latency,
            error: completion.error.message,
          });
          continue;
        }
        const response = completion.value.response;
        const parsed = parseAndBind(response);
        printJson(out, {
          id,
          query,
          response,
          calls: parsed.ok ? callsJson(parsed.results) : [],
          latency_ms: latency,
          ...(parsed.ok ? {} : { error: parsed.error.message }),
        });
      }
    } finally {
      await model.close();
    }
  });
}

type Request =
  | { readonly ok: true; readonly id: unknown; readonly query: string }
  | { readonly ok: false; readonly error: string };

function parseRequest(line: string, lineNo: number): Request {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { ok: false, error: `line ${lineNo}: not JSON` };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value))
    return { ok: false, error: `line ${lineNo}: expected an object {"id", "query"}` };
  const { id, query } = value as { id?: unknown; query?: unknown };
  if (typeof query !== "string") return { ok: false, error: `line ${lineNo}: "query" must be a string` };
  return { ok: true, id: id ?? null, query };
}
