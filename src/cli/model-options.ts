/** Options shared by the commands that run the model. */
import type { Command } from "commander";
import { CLAUSE_CHECK_DEFAULT } from "../agent/clause-check.js";
import { ModelRuntime } from "../model/runtime.js";
import { defaultModelPath } from "../paths.js";
import { CliError, ExitCode } from "./exit-codes.js";

export interface ModelOptions {
  model?: string;
  threads?: string;
  /** Commander sets it from --clause-check / --no-clause-check; undefined = the default. */
  clauseCheck?: boolean;
}

export function addModelOptions(cmd: Command): Command {
  return cmd
    .option("--model <file>", "GGUF model file", defaultModelPath)
    .option("--threads <n>", "decoding threads (default: cores - 1, at least 1)");
}

/** --clause-check / --no-clause-check: the agent's clause cross-check (eval scores what the agent runs). */
export function addClauseCheckOptions(cmd: Command): Command {
  return cmd
    .option(
      "--clause-check",
      `also answer each clause of a list and add the calls the whole answer dropped${CLAUSE_CHECK_DEFAULT ? " (default)" : ""}`,
    )
    .option("--no-clause-check", `answer the whole utterance only${CLAUSE_CHECK_DEFAULT ? "" : " (default)"}`);
}

export function clauseCheckFrom(opts: ModelOptions): boolean {
  return opts.clauseCheck ?? CLAUSE_CHECK_DEFAULT;
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
