/** `octopus-agent decide`: parse, bind and decide a raw model response without any model. */
import type { Command } from "commander";
import { decideResponse } from "../../agent/decide-response.js";
import { framesJson } from "../../agent/frames.js";
import { callsJson, decisionsJson, decisionsTable, framesText, parseErrorJson } from "../../agent/report.js";
import { initialGateMemory } from "../../safety/gate.js";
import { normalizeTranscript } from "../../text/normalize.js";
import { profileFrom, stateFrom } from "../context.js";
import { ExitCode } from "../exit-codes.js";
import { type Output, printJson } from "../output.js";

interface DecideOptions {
  json?: boolean;
  frames?: boolean;
  state?: string;
  profile?: string;
  transcript?: string;
}

export function registerDecide(program: Command, out: Output): void {
  program
    .command("decide")
    .description("parse, bind and decide a raw model response (no model involved)")
    .argument("<response>", "raw model response, e.g. \"<nexa_1>('driver', 72)<nexa_end>\"")
    .option("--json", "print JSON: {calls, decisions}; a response that does not parse prints {error} and exits 2")
    .option(
      "--frames",
      "also show the CAN frames each accepted or clamped call becomes (JSON: frames [{message, id, data}])",
    )
    .option("--state <json>", "vehicle state JSON (omitted fields are unknown); default: a simulated parked vehicle")
    .option("--profile <file>", "vehicle profile JSON file; default: the built-in left-hand-drive profile")
    .option(
      "--transcript <text>",
      "what the driver said: every number in a call must come from it or be a §3 default (ungrounded_value)",
    )
    .action((response: string, opts: DecideOptions) => {
      const profile = profileFrom(opts.profile);
      const state = stateFrom(opts.state, profile);
      let transcript: string | undefined;
      if (opts.transcript !== undefined) {
        // Normalized as the agent does, so "two centimetres" is the 20 mm the model would see.
        const normalized = normalizeTranscript(opts.transcript);
        if (!normalized.ok) {
          out.stderr(`--transcript: ${normalized.error.message}\n`);
          process.exitCode = ExitCode.badConfig;
          return;
        }
        transcript = normalized.text;
      }
      const memory = initialGateMemory();
      const ctx = { profile, state, now: Date.now(), memory, ...(transcript === undefined ? {} : { transcript }) };
      const result = decideResponse(response, ctx);
      if (!result.ok) {
        if (opts.json) printJson(out, parseErrorJson(result.error));
        else out.stderr(`response does not parse at ${result.error.position}: ${result.error.message}\n`);
        process.exitCode = ExitCode.unparsable;
        return;
      }
      const frames = opts.frames ? framesJson(result.grants) : undefined;
      if (opts.json)
        printJson(out, {
          calls: callsJson(result.results),
          decisions: decisionsJson(result.decisions),
          ...(frames ? { frames } : {}),
        });
      else {
        out.stdout(`${decisionsTable(result.decisions)}\n`);
        if (frames) out.stdout(framesText(frames));
      }
    });
}
