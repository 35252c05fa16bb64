/**
 * The run-time checks on a model answer, in the one order the agent and the evaluation both
 * use: the statement check first (a report, a hypothetical, an opinion, a question about the
 * car, a phone number or a lone negated command is no request, and nothing else is asked),
 * then the clause cross-check, then the negation check (last, so that nothing added before it
 * can bring a forbidden call back).
 */
import type { Handedness } from "../parser/index.js";
import type { TextModel } from "./agent.js";
import { CLAUSE_CHECK_DEFAULT, type ClauseCheck, crossCheckClauses } from "./clause-check.js";
import { checkNegations, type NegationCheck } from "./negation-check.js";
import { checkStatement, STATEMENT_CHECK_DEFAULT, type StatementCheck } from "./statement-check.js";

export interface CheckOptions {
  /** The clause cross-check (clause-check.ts). Default CLAUSE_CHECK_DEFAULT. */
  readonly clauseCheck?: boolean;
  /** The statement and negation checks. Default STATEMENT_CHECK_DEFAULT. */
  readonly statementCheck?: boolean;
  readonly handedness?: Handedness;
}

export interface CheckedAnswer {
  /** What goes on to the parser and the gate. */
  readonly response: string;
  readonly statement?: StatementCheck;
  readonly clauseCheck?: ClauseCheck;
  readonly negation?: NegationCheck;
}

/** `modelResponse` to the raw transcript `text`, after the checks `options` turn on. */
export async function checkAnswer(
  model: TextModel,
  text: string,
  modelResponse: string,
  options: CheckOptions = {},
): Promise<CheckedAnswer> {
  const statementOn = options.statementCheck ?? STATEMENT_CHECK_DEFAULT;
  const handedness = options.handedness ? { handedness: options.handedness } : {};
  const statement = statementOn ? checkStatement(text, modelResponse) : undefined;
  if (statement) return { response: statement.response, statement };
  const clauseCheck =
    (options.clauseCheck ?? CLAUSE_CHECK_DEFAULT)
      ? await crossCheckClauses(model, text, modelResponse, handedness)
      : undefined;
  const afterClauses = clauseCheck?.response ?? modelResponse;
  const negation = statementOn ? await checkNegations(model, text, afterClauses, handedness) : undefined;
  return {
    response: negation?.response ?? afterClauses,
    ...(clauseCheck ? { clauseCheck } : {}),
    ...(negation ? { negation } : {}),
  };
}
