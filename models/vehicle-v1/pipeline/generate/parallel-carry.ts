/**
 * Parallel requests whose second part leans on the first:
 * - a complaint joined to a request by "and"/"also"/"too" asks for both ("I'm cold, and
 *   turn on my seat heater", "it's too loud and too cold"). Said with "so" or as a bare
 *   explanation ("it's boiling in here, turn on the AC") a complaint is the reason for the
 *   request and adds no call (`par.reasoned` in parallel.ts): the contract makes "I'm cold"
 *   a command, and "and" is what makes it a second one;
 * - a seat named once and then by a pronoun ("set the passenger side to 76 and switch on
 *   her seat heater", "passenger seat heating off and ventilation on for them at low");
 * - one warming verb for two things ("heat the steering wheel, and while you're at it, my
 *   seat too").
 *
 * The model trained without these answered the complaint's call or the request's, never
 * both, and sent the pronoun's call to the driver (dev natural 7).
 */
import { type CallSpec, COMMAND_FUNCTIONS, call } from "./calls.js";
import { cooler, heaterOff, opening, warmer } from "./effects.js";
import { cmd, type Draft, type Family, type FamilySet } from "./families/types.js";
import { BIT_ADV, D, type G } from "./lexicon.js";

/** What the composing module lends: training clauses and families by id (no import cycle). */
export interface ClauseSource {
  clause(g: G, fn: string): Draft | null;
  family(id: string): Family | undefined;
}

interface Complaint {
  readonly family: string;
  /** Functions a second request may not use: the complaint's own, or one it would contradict. */
  readonly excludes: readonly string[];
  /** A request call the complaint would contradict ("I'm cold, and turn off my seat heater"). */
  readonly clashes: (c: CallSpec) => boolean;
  /** The complaint as the second of two, after "and too": "too cold", "too loud". */
  readonly short: string;
  readonly call: CallSpec;
}

const TEMP_FNS = ["change_climate_temperature", "set_climate_temperature", "set_climate_auto_mode"];
/** Functions that act on one seat: a request for "the seat heater" is the driver's, so it may not follow a complaint about someone else. */
const SEAT_FNS = ["set_seat_heating", "set_seat_ventilation", "adjust_seat_position", "adjust_seat_recline"];

const COMPLAINTS: readonly Complaint[] = [
  {
    family: "temp.indirect.cold",
    excludes: [...TEMP_FNS, "set_seat_ventilation"],
    clashes: (c) => cooler(c) || opening(c) || heaterOff(c),
    short: "{too cold|freezing|chilly}",
    call: call("change_climate_temperature", { zone: "driver", temperature_diff: D.tempStep }),
  },
  {
    family: "temp.indirect.hot",
    excludes: [...TEMP_FNS],
    clashes: (c) => warmer(c) || (c.fn === "set_air_conditioning" && c.args.on === false),
    short: "{too hot|too warm|boiling}",
    call: call("change_climate_temperature", { zone: "driver", temperature_diff: -D.tempStep }),
  },
  {
    family: "volume.indirect.too_loud",
    excludes: ["adjust_volume", "mute_audio"],
    clashes: () => false,
    short: "{too loud|too noisy}",
    call: call("adjust_volume", { volume_diff: -D.volumeStep }),
  },
  {
    family: "volume.indirect.too_quiet",
    excludes: ["adjust_volume", "mute_audio"],
    clashes: () => false,
    short: "too quiet",
    call: call("adjust_volume", { volume_diff: D.volumeStep }),
  },
];

/** "I'm cold, and turn on my seat heater", "it's too loud, also close the sunroof". */
function complaintAndRequest(g: G, src: ClauseSource): Draft {
  for (;;) {
    const c = g.pick(COMPLAINTS);
    const fam = src.family(c.family);
    if (!fam) throw new Error(`generator bug: no family ${c.family}`);
    const said = fam.make(g);
    if (said.calls.length !== 1) continue;
    const aboutDriver = (said.calls[0]!.args.zone ?? "driver") === "driver";
    const fn = g.pick(
      COMMAND_FUNCTIONS.filter((f) => !c.excludes.includes(f) && (aboutDriver || !SEAT_FNS.includes(f))),
    );
    const req = src.clause(g, fn);
    if (!req || req.calls.length !== 1 || req.calls.some(c.clashes)) continue;
    const complaint = said.text.replace(/[.!?]+$/, "");
    const text = g.pick([
      `${complaint}, and ${req.text}`,
      `${complaint} and ${req.text}`,
      `${complaint}, also ${req.text}`,
      `${complaint}. also ${req.text}`,
      `${complaint}, and also ${req.text}`,
      `${complaint}. ${req.text} too`,
      `${complaint}, and ${req.text} as well`,
    ]);
    return { text, calls: [...said.calls, ...req.calls], form: "imperative", said: req.said ?? [], clause: false };
  }
}

/** "it's too loud and too cold", "I'm cold and it's too loud". */
function twoComplaints(g: G): Draft {
  const temp = g.pick(COMPLAINTS.slice(0, 2));
  const vol = g.pick(COMPLAINTS.slice(2));
  const [a, b] = g.chance(0.5) ? [temp, vol] : [vol, temp];
  const text = g.pick([
    `it's ${g.x(a.short)} and ${g.x(b.short)}`,
    `it's ${g.x(a.short)} and ${g.x(b.short)} in here`,
    `it's ${g.x(a.short)} in here and it's ${g.x(b.short)}`,
    `it's ${g.x(a.short)}, and ${g.x(b.short)} as well`,
  ]);
  return { text, calls: [a.call, b.call], form: "statement", said: [], clause: false };
}

// ------------------------------------------------------------------ the passenger, then a pronoun

interface SeatClause {
  readonly fn: string;
  /** Named ("the passenger seat heater") when `pronoun` is null, else by it ("her seat heater"). */
  text(g: G, pronoun: Pronoun | null): string;
  readonly call: CallSpec;
  readonly said: number[];
}

interface Pronoun {
  readonly owner: string;
  readonly object: string;
}
const PRONOUNS: readonly Pronoun[] = [
  { owner: "her", object: "her" },
  { owner: "his", object: "him" },
  { owner: "their", object: "them" },
];

const PASSENGER = "{the passenger|the passenger's|the front passenger's}";

/** A level phrase: 0 "off", 1 "on low", 2 "on", 3 "on high". */
function levelWords(g: G, level: number): string {
  return g.x(["off", "{on low|on low|at low}", "{on|on medium}", "{on high|on max}"][level]!);
}

function seatClauses(g: G): SeatClause[] {
  const t = g.int(66, 78);
  const heat = g.rng.weighted([1, 2, 3, 0] as const, (x) => (x === 0 ? 0.15 : 0.28));
  // Heating and ventilation of one seat are never both on.
  const vent = heat > 0 ? 0 : g.rng.weighted([1, 2, 3] as const, () => 1);
  const warm = g.chance(0.5);
  const leveled = (fn: string, noun: string, level: number): SeatClause => ({
    fn,
    said: [],
    call: call(fn, { seat: "passenger", level }),
    text: (g2, p) => {
      const n = g2.x(noun);
      const lv = levelWords(g2, level);
      if (p && g2.chance(0.4)) return `${n} ${lv} for ${p.object}`;
      return `${p ? p.owner : g2.x(PASSENGER)} ${n} ${lv}`;
    },
  });
  return [
    {
      fn: "set_climate_temperature",
      said: [t],
      call: call("set_climate_temperature", { zone: "passenger", temperature: t }),
      text: (g2, p) => {
        const s = g2.n(t, 0.3);
        return p
          ? g2.x(`{set ${p.owner} side to ${s}|put ${p.owner} side on ${s}|make ${p.owner} side ${s}}`)
          : g2.x(
              `{set the passenger side to ${s}|passenger temperature to ${s}|set passenger temperature to ${s}|put the passenger side on ${s}}`,
            );
      },
    },
    {
      fn: "change_climate_temperature",
      said: [],
      call: call("change_climate_temperature", {
        zone: "passenger",
        temperature_diff: warm ? D.tempStep : -D.tempStep,
      }),
      text: (g2, p) =>
        `make ${p ? `${p.owner} side` : g2.x("{the passenger side|the passenger's side}")} ${warm ? "warmer" : "cooler"}`,
    },
    leveled("set_seat_heating", "{seat heater|seat heating|heated seat}", heat),
    leveled("set_seat_ventilation", "{seat ventilation|seat cooling|seat fan}", vent),
    {
      fn: "adjust_seat_recline",
      said: [],
      call: call("adjust_seat_recline", { seat: "passenger", direction: "backward", angle: D.reclineBit }),
      text: (g2, p) =>
        `${g2.x("{recline|lean back}")} ${p ? `${p.owner} seat` : g2.x("{the passenger seat|the passenger's seat}")} ${g2.x(BIT_ADV)}`,
    },
  ];
}

/** "set the passenger side to 76 and switch on her seat heater". */
function pronounCarry(g: G): Draft {
  for (;;) {
    const [first, second] = g.rng.shuffle(seatClauses(g)).slice(0, 2) as [SeatClause, SeatClause];
    // A set and a step of the same temperature in one request contradict each other.
    if (first.fn.endsWith("_temperature") && second.fn.endsWith("_temperature")) continue;
    const text = `${first.text(g, null)} ${g.x("{and|and|, and|then|and also}")} ${second.text(g, g.pick(PRONOUNS))}`;
    return cmd(text.replace(/ ,/g, ","), [first.call, second.call], [...first.said, ...second.said]);
  }
}

// ------------------------------------------------------------------ one warming verb, two things

interface Warmable {
  readonly text: string;
  readonly call: CallSpec;
}

/** What "heat"/"warm up" can take: the wheel and the seats (never "the car": that is a temperature). */
function warmables(g: G): Warmable[] {
  return [
    {
      text: g.x("{the steering wheel|the wheel|the steering}"),
      call: call("set_steering_wheel_heating", { on: true }),
    },
    {
      text: g.x("{my seat|the seat|my chair|the driver's seat}"),
      call: call("set_seat_heating", { seat: "driver", level: 2 }),
    },
    {
      text: g.x("{the passenger seat|the passenger's seat}"),
      call: call("set_seat_heating", { seat: "passenger", level: 2 }),
    },
  ];
}

/** "heat the steering wheel, and while you're at it, my seat too": one verb, the second object alone. */
function heatTwoThings(g: G): Draft {
  const [a, b] = g.rng.shuffle(warmables(g)).slice(0, 2) as [Warmable, Warmable];
  const verb = g.x("{heat|warm up|warm|heat up}");
  const text = g.pick([
    `${verb} ${a.text} and ${b.text}`,
    `${verb} ${a.text}, and ${b.text} too`,
    `${verb} ${a.text} and while you're at it ${b.text} too`,
    `${verb} ${a.text}, and while you're at it, ${b.text} too`,
    `${verb} ${a.text} and ${b.text} as well`,
    `${verb} ${a.text}, then ${b.text}`,
  ]);
  return cmd(text, [a.call, b.call]);
}

/** Adds the complaint and pronoun families to the shared-verb set. */
export function addCarryFamilies(F: FamilySet, group: string, src: ClauseSource): void {
  F.add(group, "par.complaint_and", { weight: 1.2 }, (g) => complaintAndRequest(g, src));
  F.add(group, "par.two_complaints", { weight: 0.3 }, twoComplaints);
  F.add(group, "par.pronoun_seat", { weight: 1 }, pronounCarry);
  F.add(group, "par.heat_two_things", { weight: 0.5 }, heatTwoThings);
}
