/** `octopus-agent run`: the daemon on stdin (what `npm start` runs). */
import type { Command } from "commander";
import { openCanLink, VIRTUAL } from "../../../adapters/can/can-link.js";
import { createLogger, LOG_LEVELS, type LogLevel } from "../../daemon/logger.js";
import { Daemon } from "../../daemon/run.js";
import { defaultModelPath } from "../../paths.js";
import { profileFrom } from "../context.js";
import { CliError, ExitCode } from "../exit-codes.js";
import {
  addAgentCheckOptions,
  addModelOptions,
  clauseCheckFrom,
  type ModelOptions,
  statementCheckFrom,
  threadsFrom,
} from "../model-options.js";
import type { Output } from "../output.js";

interface RunOptions extends ModelOptions {
  profile?: string;
  can?: string;
  logLevel?: string;
}

export function registerRun(program: Command, out: Output): void {
  addAgentCheckOptions(
    addModelOptions(
      program
        .command("run")
        .description("run the agent: read utterances line by line on stdin, decide and actuate them")
        .option("--profile <file>", "vehicle profile JSON file; default: the built-in left-hand-drive profile")
        .option(
          "--can <interface>",
          "CAN interface (vcan0, can0) or 'virtual' = in-process bus with simulated body ECUs; 'none' = dry run without CAN",
          "virtual",
        )
        .option("--log-level <level>", `pino log level (${LOG_LEVELS.join(", ")})`, "info"),
    ),
  ).action(async (opts: RunOptions) => {
    if (!LOG_LEVELS.includes(opts.logLevel as LogLevel))
      throw new CliError(`--log-level must be one of ${LOG_LEVELS.join(", ")}`, ExitCode.badConfig);
    const log = createLogger(opts.logLevel as LogLevel);
    const profile = profileFrom(opts.profile);
    const threads = threadsFrom(opts);
    const link = opts.can === "none" ? undefined : await openCanLink({ interface: opts.can ?? VIRTUAL, logger: log });
    const started = await Daemon.start({
      ...(link ? { link } : {}),
      modelPath: opts.model ?? defaultModelPath,
      profile,
      log,
      ...(threads !== undefined ? { threads } : {}),
      clauseCheck: clauseCheckFrom(opts),
      statementCheck: statementCheckFrom(opts),
    });
    if (!started.ok) {
      await link?.close();
      throw new CliError(started.message, ExitCode.model);
    }
    const daemon = started.daemon;
    const stop = () => void daemon.stop();
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
    if (process.stdin.isTTY)
      out.stdout("octopus-agent ready: say something (one utterance per line, Ctrl-D to stop)\n");
    try {
      await daemon.serve(process.stdin, (l) => out.stdout(`${l}\n`));
    } finally {
      await daemon.stop();
      // Stopped by a signal while stdin is still open: let go of it so the process can exit.
      process.stdin.destroy();
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
    }
  });
}
