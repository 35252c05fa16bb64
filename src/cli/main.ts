#!/usr/bin/env node
/**
 * The `octopus-agent` command line.
 *
 * Run the daemon as `node --max-semi-space-size=1 …/main.js run` (`npm start` does): V8's
 * default 16 MB semi-spaces cost ~30 MB of RSS on a head unit for no measurable latency
 * (models/vehicle-v1/BENCHMARK.md; the RSS target is 150 MB). The flag is not in the shebang
 * because `env -S` is missing from BusyBox, which many Yocto images use; the installed command
 * takes it from `NODE_OPTIONS=--max-semi-space-size=1`. `v8.setFlagsFromString` here would
 * not help: the young generation's size is fixed once V8 has started (measured).
 */
import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Command, CommanderError } from "commander";
import { registerDecide } from "./commands/decide.js";
import { registerEval } from "./commands/eval.js";
import { registerInfer } from "./commands/infer.js";
import { registerRun } from "./commands/run.js";
import { registerSay } from "./commands/say.js";
import { CliError, ExitCode } from "./exit-codes.js";
import { type Output, processOutput } from "./output.js";

export function buildProgram(out: Output = processOutput): Command {
  const program = new Command("octopus-agent")
    .description("On-device voice agent for cars: driver speech to validated vehicle function calls.")
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: (s) => out.stdout(s), writeErr: (s) => out.stderr(s) });
  registerDecide(program, out);
  registerSay(program, out);
  registerInfer(program, out);
  registerEval(program, out);
  registerRun(program, out);
  for (const cmd of program.commands)
    cmd.exitOverride().configureOutput({ writeOut: out.stdout, writeErr: out.stderr });
  return program;
}

export async function main(argv: readonly string[], out: Output = processOutput): Promise<number> {
  process.exitCode = undefined;
  try {
    await buildProgram(out).parseAsync([...argv], { from: "user" });
    return typeof process.exitCode === "number" ? process.exitCode : ExitCode.ok;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? ExitCode.ok : ExitCode.badConfig;
    if (e instanceof CliError) {
      out.stderr(`octopus-agent: ${e.message}\n`);
      return e.exitCode;
    }
    out.stderr(`octopus-agent: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return ExitCode.internal;
  }
}

// Run when executed as a program (directly or through the npm bin symlink), not when imported.
function invokedDirectly(): boolean {
  try {
    return process.argv[1] !== undefined && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
  } catch {
    return false;
  }
}
if (invokedDirectly()) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
