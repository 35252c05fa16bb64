/** Every phrasing family, checked against the registry's function set. */
import { COMMAND_FUNCTIONS, IRRELEVANT } from "../calls.js";
import { sharedVerbFamilies } from "../parallel.js";
import { audioFamilies } from "./audio.js";
import { bodyFamilies } from "./body.js";
import { climateFamilies } from "./climate.js";
import { negativeFamilies } from "./negatives.js";
import { seatFamilies } from "./seats.js";
import { type Family, FamilySet } from "./types.js";

export interface FamilyCatalogue {
  /** Single-command families per function (token order of the registry). */
  readonly commands: ReadonlyMap<string, readonly Family[]>;
  readonly shared: readonly Family[];
  readonly negatives: readonly Family[];
  readonly all: readonly Family[];
}

/** Builds the catalogue; a function without train and held-out families is a generator bug. */
export function catalogue(): FamilyCatalogue {
  const F = new FamilySet();
  audioFamilies(F);
  climateFamilies(F);
  seatFamilies(F);
  bodyFamilies(F);
  negativeFamilies(F);
  const commands = new Map<string, Family[]>();
  for (const fn of COMMAND_FUNCTIONS) commands.set(fn, []);
  const negatives: Family[] = [];
  for (const f of F.all) {
    if (f.fn === IRRELEVANT) negatives.push(f);
    else {
      const list = commands.get(f.fn);
      if (!list) throw new Error(`family ${f.id} phrases ${f.fn}, which the registry does not have`);
      list.push(f);
    }
  }
  for (const [fn, list] of commands) {
    if (!list.some((f) => !f.held)) throw new Error(`no training family phrases ${fn}`);
    if (!list.some((f) => f.held)) throw new Error(`no held-out family phrases ${fn}`);
  }
  const shared = sharedVerbFamilies(commands);
  return { commands, shared, negatives, all: [...F.all, ...shared] };
}
