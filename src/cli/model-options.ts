/** Options shared by the commands that run the model. */
import type { Command } from "commander";
import { CLAUSE_CHECK_DEFAULT } from "../agent/clause-check.js";
import { STATEMENT_CHECK_DEFAULT } from "../agent/statement-check.js";
import { ModelRuntime } from "../model/runtime.js";
import { defaultModelPath } from "../paths.js";
import { CliError, ExitCode } from "./exit-codes.js";

export interface ModelOptions {
  model?: string;
  threads?: string;
  /** Commander sets it from --clause-check / --no-clause-check; undefined = the default. */
  clauseCheck?: boolean;
  /** Commander sets it from --statement-check / --no-statement-check; undefined = the default. */
  statementCheck?: boolean;
}

export function addModelOptions(cmd: Command): Command {
  return cmd
    .option("--model <file>", "GGUF model file", defaultModelPath)
    .option("--threads <n>", "decoding threads (default: cores - 1, at least 1)");
}

/**
 * The agent's checks around the model (eval scores what the agent runs):
 * --clause-check / --no-clause-check and --statement-check / --no-statement-check.
 */
export function addAgentCheckOptions(cmd: Command): Command {
  return cmd
    .option(
      "--clause-check",
      `also answer each clause of a list and add the calls the whole answer dropped${CLAUSE_CHECK_DEFAULT ? " (default)" : ""}`,
    )
    .option("--no-clause-check", `answer the whole utterance only${CLAUSE_CHECK_DEFAULT ? "" : " (default)"}`)
    .option(
      "--statement-check",
      `answer "no request" to reports, hypotheticals, opinions, questions about the car and phone numbers ("my wife turned the heat up earlier")${STATEMENT_CHECK_DEFAULT ? " (default)" : ""}`,
    )
    .option(
      "--no-statement-check",
      `let the model answer reports, hypotheticals, opinions, questions about the car and phone numbers too${STATEMENT_CHECK_DEFAULT ? "" : " (default)"}`,
    );
}

export function clauseCheckFrom(opts: ModelOptions): boolean {
  return opts.clauseCheck ?? CLAUSE_CHECK_DEFAULT;
}

export function statementCheckFrom(opts: ModelOptions): boolean {
  return opts.statementCheck ?? STATEMENT_CHECK_DEFAULT;
}

export function threadsFrom(opts: ModelOptions): number | undefined {
  if (opts.threads === undefined) return undefined;
  const n = Number(opts.threads);
  if (!Number.isInteger(n) || n < 1 || n > 64)
    throw new CliError(`--threads must be an integer 1..64`, ExitCode.badConfig);
  return n;
}

export async function loadModel(opts: ModelOptions): Promise<ModelRuntime> {
  const threads = threadsFrom(opts);
  const loaded = await ModelRuntime.load({
    modelPath: opts.model ?? defaultModelPath,
    ...(threads !== undefined ? { threads } : {}),
  });
  if (!loaded.ok) throw new CliError(loaded.error.message, ExitCode.model);
  return loaded.value;
}
