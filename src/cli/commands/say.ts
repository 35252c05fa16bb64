/** `octopus-agent say`: one utterance through model -> parse -> gate (nothing is sent anywhere). */
import type { Command } from "commander";
import { pino } from "pino";
import { Agent } from "../../agent/agent.js";
import { changedAnswer } from "../../agent/clause-check.js";
import { framesJson } from "../../agent/frames.js";
import { callsJson, decisionsJson, decisionsTable, framesText } from "../../agent/report.js";
import { SimulatedVehicle } from "../../agent/vehicle-link.js";
import { profileFrom, stateFrom } from "../context.js";
import { ExitCode } from "../exit-codes.js";
import {
  addAgentCheckOptions,
  addModelOptions,
  clauseCheckFrom,
  loadModel,
  type ModelOptions,
  statementCheckFrom,
} from "../model-options.js";
import { type Output, printJson } from "../output.js";

interface SayOptions extends ModelOptions {
  json?: boolean;
  frames?: boolean;
  state?: string;
  profile?: string;
}

export function registerSay(program: Command, out: Output): void {
  addAgentCheckOptions(
    addModelOptions(
      program
        .command("say")
        .description("run one utterance through the model and the safety gate; print response, calls and decisions")
        .argument("<text...>", "what the driver said")
        .option(
          "--json",
          "print JSON: {text, response, calls, decisions, latency_ms}; with model_response and clauses when the clause cross-check changed the answer, model_response and statement ({kind, evidence}) when the statement check did, before_negation and forbidden when the negation check took a call out",
        )
        .option("--frames", "also show the CAN frames each accepted or clamped call becomes")
        .option(
          "--state <json>",
          "vehicle state JSON (omitted fields are unknown); default: a simulated parked vehicle",
        )
        .option("--profile <file>", "vehicle profile JSON file; default: the built-in left-hand-drive profile"),
    ),
  ).action(async (words: string[], opts: SayOptions) => {
    const profile = profileFrom(opts.profile);
    const state = stateFrom(opts.state, profile);
    const model = await loadModel(opts);
    try {
      const agent = new Agent(
        model,
        new SimulatedVehicle(profile, state),
        profile,
        pino({ level: "silent" }),
        Date.now,
        { clauseCheck: clauseCheckFrom(opts), statementCheck: statementCheckFrom(opts) },
      );
      const turn = await agent.handle(words.join(" "));
      const latency = Math.round(turn.latencyMs * 100) / 100;
      if (opts.json) {
        printJson(out, {
          text: turn.text,
          input: turn.input ?? null,
          response: turn.response ?? null,
          ...(changedAnswer(turn.clauseCheck)
            ? { model_response: turn.clauseCheck.wholeResponse, clauses: turn.clauseCheck.clauses }
            : {}),
          ...(turn.statement
            ? { model_response: turn.statement.modelResponse, statement: turn.statement.finding }
            : {}),
          ...(turn.negation ? { before_negation: turn.negation.before, forbidden: turn.negation.forbidden } : {}),
          calls: callsJson(turn.results),
          decisions: decisionsJson(turn.decisions),
          latency_ms: latency,
          ...(opts.frames ? { frames: framesJson(turn.grants) } : {}),
          ...(turn.error
            ? { error: { kind: turn.error.kind, code: turn.error.error.code, message: turn.error.error.message } }
            : {}),
        });
      } else {
        out.stdout(`text:     ${turn.text}\ninput:    ${turn.input ?? "-"}\nresponse: ${turn.response ?? "-"}\n`);
        const check = turn.clauseCheck;
        if (changedAnswer(check)) {
          out.stdout(`model:    ${check.wholeResponse} (before the clause cross-check)\n`);
          for (const c of check.clauses) out.stdout(`clause:   ${c.input} -> ${c.response}\n`);
        }
        if (turn.statement)
          out.stdout(
            `model:    ${turn.statement.modelResponse} (held: a ${turn.statement.finding.kind}, "${turn.statement.finding.evidence}")\n`,
          );
        if (turn.negation)
          out.stdout(
            `before:   ${turn.negation.before} (forbidden: ${turn.negation.forbidden.map((f) => `"${f.evidence}"`).join(", ")})\n`,
          );
        if (turn.error) out.stdout(`error:    ${turn.error.error.message}\n`);
        else out.stdout(`${decisionsTable(turn.decisions)}\n`);
        if (opts.frames) out.stdout(framesText(framesJson(turn.grants)));
        out.stdout(`latency:  ${latency} ms\n`);
      }
      if (turn.error?.kind === "parse") process.exitCode = ExitCode.unparsable;
      else if (turn.error?.kind === "model") process.exitCode = ExitCode.model;
      else if (turn.error) process.exitCode = ExitCode.badConfig;
    } finally {
      await model.close();
    }
  });
}
