/**
 * The agent: one utterance through every stage.
 *
 *   text -> normalizeTranscript -> model -> [statement check | clause cross-check -> negation check]
 *        -> parse/bind -> gate -> link.actuate(grant) -> event
 *
 * Failures at any stage end the turn with a typed error and nothing actuated; the agent
 * keeps running. The gate's memory (flood control) lives here across turns.
 */
import { EventEmitter } from "node:events";
import type { Logger } from "pino";
import type { BindResult, Decision, ParseError } from "../core/types.js";
import type { ModelError } from "../model/errors.js";
import type { Completion, Result } from "../model/runtime.js";
import type { ActuationGrant } from "../safety/authority.js";
import { type GateMemory, initialGateMemory } from "../safety/gate.js";
import type { VehicleProfile } from "../safety/profile.js";
import { type NormalizeError, normalizeTranscript } from "../text/normalize.js";
import { checkAnswer } from "./checks.js";
import { type ClauseCheck, changedAnswer } from "./clause-check.js";
import { decideResponse } from "./decide-response.js";
import type { NegationCheck } from "./negation-check.js";
import type { StatementCheck } from "./statement-check.js";
import type { ActuationRecord, VehicleLink } from "./vehicle-link.js";

/** What the agent needs of a model (ModelRuntime, or a test double that is a real model too). */
export interface TextModel {
  complete(input: string): Promise<Result<Completion, ModelError>>;
}

export type TurnError =
  | { readonly kind: "input"; readonly error: NormalizeError }
  | { readonly kind: "model"; readonly error: ModelError }
  | { readonly kind: "parse"; readonly error: ParseError };

export interface Turn {
  readonly text: string;
  /** The normalized text the model saw. */
  readonly input?: string;
  /**
   * The response that was parsed and gated: the model's raw response (evidence, also when
   * rejected); with the statement check's finding, "no request"; with the clause
   * cross-check, its reconciliation with the clauses.
   */
  readonly response?: string;
  /** The clause cross-check's evidence (the whole answer, each clause's), when it ran. */
  readonly clauseCheck?: ClauseCheck;
  /** The statement check's finding and the model answer it replaced, when it replaced one. */
  readonly statement?: StatementCheck;
  /** The calls the negation check took out ("…, don't open the windows"), when it took any. */
  readonly negation?: NegationCheck;
  readonly results: readonly BindResult[];
  readonly decisions: readonly Decision[];
  /** Grants the gate issued (sent only when the link was available). */
  readonly grants: readonly ActuationGrant[];
  readonly actuations: readonly ActuationRecord[];
  readonly error?: TurnError;
  /** text -> response (model) time. */
  readonly modelMs?: number;
  /** text -> decisions time. */
  readonly latencyMs: number;
}

export interface AgentOptions {
  /**
   * Answer each clause of a list as well and add the calls the whole answer dropped
   * (clause-check.ts). Default CLAUSE_CHECK_DEFAULT.
   */
  readonly clauseCheck?: boolean;
  /**
   * Answer "no request" to reports, hypotheticals, opinions, capability questions, phone
   * numbers and a negated command said alone (statement-check.ts), and take a negated
   * command out of a longer answer (negation-check.ts). Default STATEMENT_CHECK_DEFAULT.
   */
  readonly statementCheck?: boolean;
}

export interface AgentEvents {
  turn: [Turn];
}

export class Agent extends EventEmitter<AgentEvents> {
  private memory: GateMemory = initialGateMemory();

  constructor(
    private readonly model: TextModel,
    private readonly link: VehicleLink,
    private readonly profile: VehicleProfile,
    private readonly log: Logger,
    private readonly clock: () => number = Date.now,
    private readonly options: AgentOptions = {},
  ) {
    super();
  }

  async handle(text: string): Promise<Turn> {
    const started = performance.now();
    const turn = await this.run(text, started);
    this.logTurn(turn);
    this.emit("turn", turn);
    return turn;
  }

  private async run(text: string, started: number): Promise<Turn> {
    const empty = { results: [], decisions: [], grants: [], actuations: [] } as const;
    const normalized = normalizeTranscript(text);
    if (!normalized.ok)
      return { text, ...empty, error: { kind: "input", error: normalized.error }, latencyMs: elapsed(started) };
    const input = normalized.text;
    const completion = await this.model.complete(input);
    if (!completion.ok)
      return { text, input, ...empty, error: { kind: "model", error: completion.error }, latencyMs: elapsed(started) };
    const { response, statement, clauseCheck, negation } = await checkAnswer(
      this.model,
      text,
      completion.value.response,
      { ...this.options, handedness: this.profile.handedness },
    );
    const modelMs = elapsed(started);
    const now = this.clock();
    const decided = decideResponse(response, {
      profile: this.profile,
      state: this.link.snapshot(now),
      now,
      memory: this.memory,
      transcript: input,
    });
    if (!decided.ok)
      return {
        text,
        input,
        response,
        ...(clauseCheck ? { clauseCheck } : {}),
        ...(statement ? { statement } : {}),
        ...(negation ? { negation } : {}),
        ...empty,
        error: { kind: "parse", error: decided.error },
        modelMs,
        latencyMs: elapsed(started),
      };
    this.memory = decided.memory;

    // The bus can drop between the gate and the send: a grant that cannot be sent is
    // reported as rejected (never queued blindly).
    const availability = this.link.available();
    const decisions = decided.decisions.map((d) =>
      availability.ok || !d.target
        ? d
        : {
            function: d.function,
            args: d.args,
            outcome: "rejected" as const,
            code: "bus_unavailable" as const,
            reason: `Not sent: ${availability.reason}.`,
            callIndex: d.callIndex,
          },
    );
    const actuations = availability.ok ? decided.grants.map((g) => this.link.actuate(g)) : [];
    return {
      text,
      input,
      response,
      ...(clauseCheck ? { clauseCheck } : {}),
      ...(statement ? { statement } : {}),
      ...(negation ? { negation } : {}),
      results: decided.results,
      decisions,
      grants: decided.grants,
      actuations,
      modelMs,
      latencyMs: elapsed(started),
    };
  }

  private logTurn(turn: Turn): void {
    const check = turn.clauseCheck;
    const base = {
      text: turn.text,
      input: turn.input,
      response: turn.response,
      // When the cross-check changed the answer, the model's own answer and the clauses' are the evidence.
      ...(changedAnswer(check) ? { wholeResponse: check.wholeResponse, clauses: check.clauses } : {}),
      // A report or hypothetical held back: what the model would have done, and why not.
      ...(turn.statement ? { wholeResponse: turn.statement.modelResponse, statement: turn.statement.finding } : {}),
      // A forbidden command taken out: the answer before, and what the driver forbade.
      ...(turn.negation ? { beforeNegation: turn.negation.before, forbidden: turn.negation.forbidden } : {}),
      latencyMs: round(turn.latencyMs),
    };
    // A clause the model failed on, or a spent budget: the whole answer stood; say so.
    if (check?.skipped === "clause_failed" || check?.skipped === "deadline")
      this.log.warn(
        { text: turn.text, skipped: check.skipped, failure: check.failure, clauses: check.clauses },
        `clause cross-check incomplete (${check.skipped}): the model's whole answer stands`,
      );
    if (turn.error) {
      this.log.warn({ ...base, error: turn.error }, `utterance not actuated: ${turn.error.error.message}`);
      return;
    }
    for (const d of turn.decisions) {
      this.log.info(
        { ...base, function: d.function, args: d.args, outcome: d.outcome, code: d.code, target: d.target },
        d.reason,
      );
    }
  }
}

function elapsed(started: number): number {
  return performance.now() - started;
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}
