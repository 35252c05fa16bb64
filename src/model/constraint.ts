/**
 * Constrained decoding without llama.cpp's grammar: at each step only tokens that keep
 * the output a prefix of the registry's canonical response language may be sampled, and
 * the end token only when the output is complete. Built from response-forms.ts, so the
 * registry gives the calls' types, the generation target and the runtime check alike.
 *
 * Text here stands for the model output with each functional token `<nexa_N>` replaced by
 * one private-use character (FN_BASE + N), so "<nexa_3>" spelled out of ordinary pieces can
 * never pass as a functional token.
 */
import type { Registry } from "../registry/index.js";
import { type CallForms, responseForms, type Segment } from "./response-forms.js";

export const FN_BASE = 0xe000;

export type PrefixStatus = "invalid" | "partial" | "complete";

interface Match {
  /** Positions where the segments matched completely. */
  readonly ends: number[];
  /** Whether the text ended inside the segments while still viable. */
  partial: boolean;
}

export class ResponseConstraint {
  private readonly byToken: Map<number, CallForms>;
  private readonly intPrefixes = new WeakMap<Segment, Set<string>>();

  constructor(reg: Registry) {
    this.byToken = new Map(responseForms(reg).map((c) => [c.fn.token, c]));
  }

  /** Whether `text` is a complete response, a viable prefix of one, or neither. */
  status(text: string): PrefixStatus {
    let complete = false;
    let partial = false;
    let pos = 0;
    for (;;) {
      const call = this.matchCall(text, pos);
      if (call.partial) partial = true;
      // Calls are deterministic given the text (a call ends at its ")"), so at most one end.
      const end = call.ends[0];
      if (end === undefined) break;
      if (end === text.length) {
        complete = true;
        break;
      }
      const sep = "; ";
      if (text.startsWith(sep, end)) {
        if (end + sep.length === text.length) {
          partial = true;
          break;
        }
        pos = end + sep.length;
        continue;
      }
      if (sep.startsWith(text.slice(end))) partial = true;
      break;
    }
    return complete ? "complete" : partial ? "partial" : "invalid";
  }

  private matchCall(text: string, pos: number): Match {
    if (pos === text.length) return { ends: [], partial: true };
    const call = this.byToken.get(text.charCodeAt(pos) - FN_BASE);
    if (!call) return { ends: [], partial: false };
    const result: Match = { ends: [], partial: false };
    for (const form of call.forms) {
      const m = this.matchSequence([{ kind: "text", text: "(" }, ...form, { kind: "text", text: ")" }], text, pos + 1);
      if (m.partial) result.partial = true;
      for (const e of m.ends) if (!result.ends.includes(e)) result.ends.push(e);
    }
    return result;
  }

  private matchSequence(segments: readonly Segment[], text: string, start: number): Match {
    let positions = [start];
    let partial = false;
    for (const seg of segments) {
      const next: number[] = [];
      for (const p of positions) {
        const m = this.matchSegment(seg, text, p);
        if (m.partial) partial = true;
        for (const e of m.ends) if (!next.includes(e)) next.push(e);
      }
      positions = next;
      if (positions.length === 0) break;
    }
    // A sequence that matched completely at the very end of the text can still continue.
    return { ends: positions, partial };
  }

  private matchSegment(seg: Segment, text: string, pos: number): Match {
    switch (seg.kind) {
      case "text":
        return matchLiteral(seg.text, text, pos);
      case "choice": {
        const result: Match = { ends: [], partial: false };
        for (const option of seg.options) {
          const m = matchLiteral(option, text, pos);
          if (m.partial) result.partial = true;
          result.ends.push(...m.ends);
        }
        return result;
      }
      case "int": {
        const digits = /^-?\d*/.exec(text.slice(pos))?.[0] ?? "";
        const end = pos + digits.length;
        if (end === text.length) return { ends: [], partial: this.prefixesOf(seg).has(digits) };
        return { ends: this.isValidInt(seg, digits) ? [end] : [], partial: false };
      }
      case "optional": {
        const inner = this.matchSequence(seg.segments, text, pos);
        return { ends: [pos, ...inner.ends.filter((e) => e !== pos)], partial: inner.partial };
      }
    }
  }

  private isValidInt(seg: Extract<Segment, { kind: "int" }>, digits: string): boolean {
    if (!/^(0|-?[1-9]\d*)$/.test(digits)) return false;
    const n = Number(digits);
    return n >= seg.min && n <= seg.max && !seg.exclude.includes(n);
  }

  /** Every prefix (including "") of every valid number of an int segment, built once. */
  private prefixesOf(seg: Extract<Segment, { kind: "int" }>): Set<string> {
    let set = this.intPrefixes.get(seg);
    if (!set) {
      set = new Set();
      for (let n = seg.min; n <= seg.max; n++) {
        if (seg.exclude.includes(n)) continue;
        const s = String(n);
        for (let i = 0; i <= s.length; i++) set.add(s.slice(0, i));
      }
      this.intPrefixes.set(seg, set);
    }
    return set;
  }
}

function matchLiteral(literal: string, text: string, pos: number): Match {
  if (text.startsWith(literal, pos)) return { ends: [pos + literal.length], partial: false };
  const rest = text.slice(pos);
  return { ends: [], partial: rest.length < literal.length && literal.startsWith(rest) };
}
