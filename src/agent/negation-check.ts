/**
 * The negation check: a command the driver forbids beside a request ("I'm cold, don't open
 * the windows", "close the sunroof but don't close the shade") is taken out of the answer.
 *
 * Why: the model sometimes answers a negated command with the command itself (a cold
 * review, fifteenth round: "I'm cold, don't open the windows" opened them). A negation said
 * on its own is the statement check's (answered "no request"); beside a request, only the
 * forbidden calls may go. Which calls those are is asked of the model: the negated words
 * without the negation ("open the windows") get their own answer, and every call of the
 * agent's answer that does the same thing is removed: the same function (one window and all
 * windows count as one), the same words in every enum or on/off argument ('down', True),
 * and the same place unless the forbidden call names none or all of them. Numbers are not
 * compared (a seat level only as off or on), only the direction of a step when both calls are steps ("never turn it up
 * again" forbids raising the volume, not lowering it): "don't set it to 70" forbids setting
 * that zone at all.
 *
 * Only ever removes calls: its worst case is a missed request, never an action nobody asked
 * for. The model's answer before the removal and the forbidden answers are the evidence.
 */
import type { BoundCall } from "../core/types.js";
import { type Handedness, renderResponse, resolveWindows } from "../parser/index.js";
import { type Registry, registry } from "../registry/index.js";
import { type ForbiddenCommand, findForbiddenCommands } from "../text/statement.js";
import type { TextModel } from "./agent.js";
import { actuates, boundCalls } from "./answer-calls.js";
import { CLAUSE_BUDGET_MS } from "./clause-check.js";
import { noRequestResponse } from "./statement-check.js";

export interface ForbiddenAnswer extends ForbiddenCommand {
  /** The model's answer to `command` (the negated words without the negation). */
  readonly response: string;
}

export interface NegationCheck {
  /** What goes on to the parser and the gate: the answer without the forbidden calls. */
  readonly response: string;
  /** The answer before the check (evidence). */
  readonly before: string;
  /** The calls taken out. */
  readonly removed: readonly BoundCall[];
  readonly forbidden: readonly ForbiddenAnswer[];
}

export interface NegationCheckOptions {
  readonly handedness?: Handedness;
  readonly registry?: Registry;
  /**
   * Time for all forbidden commands' answers together (ms, default CLAUSE_BUDGET_MS). When
   * it is spent the remaining ones are not asked: the daemon answers one utterance at a time.
   */
  readonly budgetMs?: number;
}

/** Parameters that say where a call acts. */
const LOCATION_PARAMS = new Set(["zone", "seat", "window", "target"]);
/** Functions that act on the same thing under two names. */
const SAME_THING: Readonly<Record<string, string>> = {
  control_all_windows: "control_window",
  set_climate_temperature: "change_climate_temperature",
};
/** Parameters that say how a value is written, not what is done (a set's unit). */
const NOTATION_PARAMS = new Set(["unit"]);

/**
 * `response` without the calls `text` forbids, or undefined when it forbids nothing the
 * answer does (or the answer does not parse and bind: the parser reports it as before).
 * Never throws; a model failure on a forbidden command, or a spent budget, forbids nothing
 * more (what was found forbidden before it is still taken out).
 */
export async function checkNegations(
  model: TextModel,
  text: string,
  response: string,
  options: NegationCheckOptions = {},
): Promise<NegationCheck | undefined> {
  const reg = options.registry ?? registry;
  const handedness = options.handedness ?? "lhd";
  const commands = findForbiddenCommands(text);
  if (commands.length === 0) return undefined;
  const calls = boundCalls(response, reg);
  if (calls === null || !calls.some((c) => actuates(c, reg))) return undefined;
  const forbidden: ForbiddenAnswer[] = [];
  const forbiddenCalls: BoundCall[] = [];
  const started = performance.now();
  const budget = options.budgetMs ?? CLAUSE_BUDGET_MS;
  for (const command of commands) {
    if (performance.now() - started > budget) break;
    let answer: string;
    try {
      const out = await model.complete(command.command);
      if (!out.ok) continue;
      answer = out.value.response;
    } catch {
      continue;
    }
    forbidden.push({ ...command, response: answer });
    forbiddenCalls.push(...(boundCalls(answer, reg) ?? []).filter((c) => actuates(c, reg)));
  }
  const sameAs = (call: BoundCall) => forbiddenCalls.some((f) => doesSameThing(call, f, reg, handedness));
  const removed = calls.filter((c) => actuates(c, reg) && sameAs(c));
  if (removed.length === 0) return undefined;
  const kept = calls.filter((c) => !removed.includes(c));
  const left = kept.some((c) => actuates(c, reg)) ? renderResponse(kept, reg) : noRequestResponse(reg);
  return { response: left, before: response, removed, forbidden };
}

/** Whether `call` does what `forbidden` does (see the module comment). */
export function doesSameThing(call: BoundCall, forbidden: BoundCall, reg: Registry, handedness: Handedness): boolean {
  const thing = (c: BoundCall) => SAME_THING[c.name] ?? c.name;
  if (thing(call) !== thing(forbidden)) return false;
  const a = describe(call, reg, handedness);
  const b = describe(forbidden, reg, handedness);
  if (a.words.join(" ") !== b.words.join(" ")) return false;
  if (a.step !== undefined && b.step !== undefined && a.step !== b.step) return false;
  return b.place === undefined || a.place === undefined || a.place === b.place;
}

/**
 * A call's enum and on/off words (sorted), the direction of its step (a `…_diff` argument),
 * and the place it acts on (undefined = everywhere).
 */
function describe(
  call: BoundCall,
  reg: Registry,
  handedness: Handedness,
): { words: string[]; step?: "up" | "down"; place?: string } {
  const physical = resolveWindows(call, reg, handedness);
  const words: string[] = [];
  let place: string | undefined;
  let step: "up" | "down" | undefined;
  for (const p of reg.byName(call.name)?.params ?? []) {
    const v = physical.args[p.name];
    if (NOTATION_PARAMS.has(p.name)) continue;
    if (LOCATION_PARAMS.has(p.name) && typeof v === "string") place = v;
    else if (typeof v === "string" || typeof v === "boolean") words.push(String(v));
    else if (typeof v === "number" && p.name.endsWith("_diff") && v !== 0) step = v > 0 ? "up" : "down";
    // A seat's heating or ventilation level 0 is off: "don't turn on the seat heater" must
    // not take out the driver's "turn it off".
    else if (typeof v === "number" && p.name === "level") words.push(v === 0 ? "off" : "on");
  }
  return { words: words.sort(), ...(step !== undefined ? { step } : {}), ...(place !== undefined ? { place } : {}) };
}
