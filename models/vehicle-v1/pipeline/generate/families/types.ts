/**
 * A phrasing family: one way of saying something (a sentence structure with its own
 * verbs and synonyms), for one function or for irrelevant queries. The held-out split
 * is made of whole families (`held: true`): their templates and the words listed in
 * `heldWords` never appear in the training split.
 */
import type { CallSpec } from "../calls.js";
import type { G } from "../lexicon.js";

/** How the sentence is built; decides which politeness wrappers fit. */
export type Form = "imperative" | "statement" | "question";

export interface Draft {
  readonly text: string;
  readonly calls: readonly CallSpec[];
  readonly form: Form;
  /** Integer values said in the text: each must appear as a digit token after normalization. */
  readonly said?: readonly number[];
  /** False when the text leans on context ("turn it up") and cannot be a clause of a parallel query. */
  readonly clause?: boolean;
}

export type FamilyKind = "command" | "negative" | "near_miss";

export interface Family {
  readonly id: string;
  /** The function this family phrases (irrelevant_function for negatives). */
  readonly fn: string;
  readonly kind: FamilyKind;
  readonly held: boolean;
  /** Relative share of its function's rows. */
  readonly weight: number;
  /**
   * Words only this (held-out) family uses (a phrase, or a pattern over the normalized
   * input); the generator and the tests check they never reach training inputs.
   */
  readonly heldWords: readonly HeldWord[];
  make(g: G): Draft;
}

export interface FamilyOptions {
  readonly held?: boolean;
  readonly weight?: number;
  readonly heldWords?: readonly HeldWord[];
}

export type HeldWord = string | RegExp;

/** Collects families; one per (id), checked for duplicates. */
export class FamilySet {
  readonly all: Family[] = [];
  private readonly ids = new Set<string>();

  add(fn: string, id: string, opts: FamilyOptions, make: (g: G) => Draft, kind: FamilyKind = "command"): void {
    if (this.ids.has(id)) throw new Error(`duplicate family id ${id}`);
    this.ids.add(id);
    this.all.push({
      id,
      fn,
      kind,
      held: opts.held ?? false,
      weight: opts.weight ?? 1,
      heldWords: opts.heldWords ?? [],
      make,
    });
  }
}

/** Shorthand for an imperative draft. */
export function cmd(text: string, calls: CallSpec[], said?: number[], clause = true): Draft {
  return { text, calls, form: "imperative", said: said ?? [], clause };
}
export function stmt(text: string, calls: CallSpec[], said?: number[]): Draft {
  return { text, calls, form: "statement", said: said ?? [], clause: false };
}
export function ask(text: string, calls: CallSpec[], said?: number[]): Draft {
  return { text, calls, form: "question", said: said ?? [], clause: false };
}
