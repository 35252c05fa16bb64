/**
 * The daemon's main job on embedded defaults: load the model, read utterances line by
 * line from a stream (stdin), decide them against the vehicle (a simulated parked
 * vehicle unless a bus is configured), log every decision and print what is actuated.
 *
 * Start-up refuses bad configuration and a bad model with a clear error (no partial
 * start). After start-up nothing an utterance contains can stop the loop.
 */
import { createInterface, type Interface } from "node:readline";
import type { Readable } from "node:stream";
import type { Logger } from "pino";
import { Agent, type Turn } from "../agent/agent.js";
import { CLAUSE_CHECK_DEFAULT, changedAnswer } from "../agent/clause-check.js";
import { STATEMENT_CHECK_DEFAULT } from "../agent/statement-check.js";
import { SimulatedVehicle, type VehicleLink } from "../agent/vehicle-link.js";
import { ModelRuntime } from "../model/runtime.js";
import type { VehicleProfile } from "../safety/profile.js";
import { STATEMENT_KIND_LABELS } from "../text/statement.js";

export interface DaemonOptions {
  readonly modelPath: string;
  readonly profile: VehicleProfile;
  readonly threads?: number;
  readonly log: Logger;
  /** Defaults to the simulated parked vehicle. */
  readonly link?: VehicleLink;
  /** The clause cross-check (src/agent/clause-check.ts); default CLAUSE_CHECK_DEFAULT. */
  readonly clauseCheck?: boolean;
  /** The statement check (src/agent/statement-check.ts); default STATEMENT_CHECK_DEFAULT. */
  readonly statementCheck?: boolean;
}

export type DaemonStart =
  | { readonly ok: true; readonly daemon: Daemon }
  | { readonly ok: false; readonly message: string };

export class Daemon {
  private stopping: Promise<void> | undefined;
  private lines: Interface | undefined;

  private constructor(
    readonly agent: Agent,
    private readonly model: ModelRuntime,
    private readonly link: VehicleLink,
    private readonly log: Logger,
  ) {}

  static async start(opts: DaemonOptions): Promise<DaemonStart> {
    const loaded = await ModelRuntime.load({
      modelPath: opts.modelPath,
      ...(opts.threads !== undefined ? { threads: opts.threads } : {}),
    });
    if (!loaded.ok) return { ok: false, message: `cannot start: ${loaded.error.message}` };
    const model = loaded.value;
    const link = opts.link ?? new SimulatedVehicle(opts.profile);
    const clauseCheck = opts.clauseCheck ?? CLAUSE_CHECK_DEFAULT;
    const statementCheck = opts.statementCheck ?? STATEMENT_CHECK_DEFAULT;
    opts.log.info(
      {
        model: model.info.path,
        sizeBytes: model.info.sizeBytes,
        loadMs: Math.round(model.info.loadMs),
        threads: model.info.threads,
        profile: opts.profile.name,
        vehicle: link.name,
        clauseCheck,
        statementCheck,
      },
      "octopus-agent ready",
    );
    return {
      ok: true,
      daemon: new Daemon(
        new Agent(model, link, opts.profile, opts.log, Date.now, {
          clauseCheck,
          statementCheck,
        }),
        model,
        link,
        opts.log,
      ),
    };
  }

  /** Handles lines until the input ends; one utterance at a time, in order. */
  async serve(input: Readable, print: (line: string) => void): Promise<void> {
    const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
    this.lines = lines;
    if (this.stopping) lines.close();
    for await (const line of lines) {
      if (this.stopping) break;
      if (line.trim() === "") continue;
      const turn = await this.agent.handle(line);
      for (const out of describeTurn(turn)) print(out);
    }
  }

  /** Idempotent: stops reading, closes the vehicle link (drain, safe state) and the model. */
  stop(): Promise<void> {
    this.stopping ??= (async () => {
      this.log.info("octopus-agent stopping");
      // Ends serve()'s loop even while stdin stays open (SIGTERM from systemd).
      this.lines?.close();
      await this.link.close();
      await this.model.close();
      this.log.info("octopus-agent stopped");
    })();
    return this.stopping;
  }
}

/** What the daemon prints for one utterance: one line per call, or the reason nothing happened. */
export function describeTurn(turn: Turn): string[] {
  const ms = `${turn.latencyMs.toFixed(1)} ms`;
  if (turn.error) return [`✗ "${turn.text}" -> nothing actuated: ${turn.error.error.message} (${ms})`];
  const lines = [`> "${turn.text}" -> ${turn.response} (${ms})`];
  const check = turn.clauseCheck;
  if (changedAnswer(check)) {
    const what = [
      check.added.length > 0 ? `added ${check.added.length} call(s) named in a clause` : "",
      check.repeatsRemoved > 0 ? `removed ${check.repeatsRemoved} repeat(s)` : "",
    ].filter((x) => x !== "");
    lines.push(`  clause check: ${what.join(", ")}; the model said ${check.wholeResponse}`);
  }
  if (turn.statement)
    lines.push(
      `  statement check: ${STATEMENT_KIND_LABELS[turn.statement.finding.kind]} ("${turn.statement.finding.evidence}"), no request; the model said ${turn.statement.modelResponse}`,
    );
  if (turn.negation)
    lines.push(
      `  negation check: took out ${turn.negation.removed.length} call(s) the driver forbade (${turn.negation.forbidden.map((f) => `"${f.evidence}"`).join(", ")}); the answer was ${turn.negation.before}`,
    );
  for (const d of turn.decisions) lines.push(`  ${d.outcome.toUpperCase().padEnd(8)} ${d.function}: ${d.reason}`);
  // The link's description names what left (for CAN: each frame as ID#DATA).
  for (const a of turn.actuations) lines.push(`  -> ${a.description}`);
  return lines;
}
