/**
 * Parallel requests (2-3 calls in one query): single-command clauses of different
 * functions joined by a connector ("close every window and switch on the AC", "...,
 * then ...", "..., oh and ..."), shared-verb families ("turn on the AC and the
 * recirculation", "open the sunroof and the sunshade", "turn the volume down and the
 * fan up"), and families that compose clauses themselves: three clauses, terse lists
 * ("windows up, AC on, fan on 3"), a clause that itself makes two calls plus another
 * ("turn on the child lock and close the rear windows"), a stepping clause with an
 * opening/closing one, and "unmute and turn it up". The held-out split holds out three
 * rarer connectors ("additionally", "on top of that", "once that's done"), the
 * shared-verb "both the" family, and any parallel query with a held-out clause.
 */
import { normalizeTranscript } from "../../../../src/text/normalize.js";
import { type CallSpec, COMMAND_FUNCTIONS, call, enumValues } from "./calls.js";
import { closing, cooler, num, opening, warmer } from "./effects.js";
import { cmd, type Draft, type Family, FamilySet } from "./families/types.js";
import { D, distance, G, pickZone, tempPhrase, windowObject, windows, type Zone, zoneWords } from "./lexicon.js";
import { addCarryFamilies } from "./parallel-carry.js";
import { addSameFunctionFamilies, reclineAndSlide } from "./parallel-same.js";
import { addStepPairFamilies } from "./parallel-steps.js";
import { Rng } from "./prng.js";

export interface Connector {
  readonly id: string;
  readonly held: boolean;
  readonly heldWords: readonly string[];
  join(g: G, clauses: readonly string[]): string;
}

type Join2 = (a: string, b: string) => string;
type Join3 = (a: string, b: string, c: string) => string;

function connector(id: string, two: Join2[], three: Join3[], held = false, heldWords: string[] = []): Connector {
  return {
    id,
    held,
    heldWords,
    join: (g, c) => (c.length === 2 ? g.pick(two)(c[0]!, c[1]!) : g.pick(three)(c[0]!, c[1]!, c[2]!)),
  };
}

/** A two-clause join from separators: "a and b", "a, then b". */
const sep = (...seps: string[]): Join2[] => seps.map((x) => (a, b) => `${a}${x}${b}`);

/**
 * Training connectors cover what drivers say between two requests (and, then, also,
 * plus, after that, while you're at it, oh and, "... too", a bare comma or nothing);
 * the held-out ones are rarer ("additionally", "on top of that", "once that's done").
 */
export const CONNECTORS: readonly Connector[] = [
  connector("and", sep(" and ", " and ", ", and ", " and ", ". and "), [
    (a, b, c) => `${a}, ${b} and ${c}`,
    (a, b, c) => `${a}, ${b}, and ${c}`,
    (a, b, c) => `${a} and ${b} and ${c}`,
    (a, b, c) => `${a}, ${b} and ${c}`,
    (a, b, c) => `${a} and ${b}, and ${c}`,
  ]),
  connector(
    "then",
    [...sep(", then ", " then ", " and then ", ". then ", ", and then "), (a, b) => `first ${a}, then ${b}`],
    [
      (a, b, c) => `${a}, then ${b}, then ${c}`,
      (a, b, c) => `${a}, ${b}, then ${c}`,
      (a, b, c) => `${a} and ${b} and then ${c}`,
      (a, b, c) => `first ${a}, then ${b}, and then ${c}`,
      (a, b, c) => `${a}, then ${b} and ${c}`,
    ],
  ),
  connector("also", sep(", also ", " and also ", ". also ", ", and also ", ". also, "), [
    (a, b, c) => `${a}, ${b}, and also ${c}`,
    (a, b, c) => `${a}, also ${b} and ${c}`,
    (a, b, c) => `${a} and ${b}, and also ${c}`,
    (a, b, c) => `${a}, and also ${b} and ${c}`,
  ]),
  connector("plus", sep(" plus ", ", plus ", " & ", " plus "), [
    (a, b, c) => `${a}, ${b} plus ${c}`,
    (a, b, c) => `${a} & ${b} & ${c}`,
    (a, b, c) => `${a}, plus ${b}, plus ${c}`,
    (a, b, c) => `${a} and ${b}, plus ${c}`,
  ]),
  connector("runon", sep(", ", " ", ". ", ", ", " "), [
    (a, b, c) => `${a}, ${b}, ${c}`,
    (a, b, c) => `${a} ${b} ${c}`,
    (a, b, c) => `${a}. ${b}. ${c}`,
    (a, b, c) => `${a}, ${b}, ${c}`,
    (a, b, c) => `${a} ${b}, ${c}`,
  ]),
  connector("after_that", sep(", and after that ", " and after that ", ". after that ", ", after that "), [
    (a, b, c) => `${a}, ${b}, and after that ${c}`,
    (a, b, c) => `${a} and ${b}, after that ${c}`,
    (a, b, c) => `${a}, after that ${b}, then ${c}`,
  ]),
  connector(
    "while_at_it",
    sep(" and while you're at it ", ", and while you're at it, ", ". while you're at it, ", ", while you're at it "),
    [(a, b, c) => `${a}, ${b}, and while you're at it ${c}`, (a, b, c) => `${a} and while you're at it ${b} and ${c}`],
  ),
  connector("oh_and", sep(", oh and ", ". oh and ", " oh and ", ", oh and also ", ". oh, and "), [
    (a, b, c) => `${a}, ${b}, oh and ${c}`,
    (a, b, c) => `${a} and ${b}. oh and ${c}`,
    (a, b, c) => `${a}, oh and ${b} and ${c}`,
  ]),
  connector(
    "too",
    [
      (a, b) => `${a} and ${b}${tooTail(b, " too")}`,
      (a, b) => `${a}, and ${b}${tooTail(b, " as well")}`,
      (a, b) => `${a} and ${b}${tooTail(b, " as well")}`,
    ],
    [
      (a, b, c) => `${a}, ${b} and ${c}${tooTail(c, " too")}`,
      (a, b, c) => `${a}, ${b}, and ${c}${tooTail(c, " as well")}`,
    ],
  ),
  connector(
    "additionally",
    sep(", and additionally ", ". additionally, ", " and additionally "),
    [(a, b, c) => `${a}, ${b}, and additionally ${c}`],
    true,
    ["additionally"],
  ),
  connector(
    "on_top",
    sep(", and on top of that ", ". on top of that, ", " and on top of that "),
    [(a, b, c) => `${a}, ${b}, and on top of that ${c}`],
    true,
    ["on top of that"],
  ),
  connector(
    "once_done",
    sep(", and once that's done ", ". once that's done, ", " and once that's done "),
    [(a, b, c) => `${a}, ${b}, and once that's done ${c}`],
    true,
    ["once that's done", "once thats done", "once that is done"],
  ),
];

/** "... too" after a clause, unless it already ends in "please" or "too". */
function tooTail(clause: string, tail: string): string {
  return /\b(please|too|as well)$/.test(clause) ? "" : tail;
}

const TRAIN_CONNECTORS = CONNECTORS.filter((c) => !c.held);

/** Pairs of functions that do not go together in one request (they act on the same thing). */
const EXCLUSIVE: readonly (readonly [string, string])[] = [
  ["mute_audio", "adjust_volume"],
  ["control_window", "control_all_windows"],
  ["set_climate_temperature", "change_climate_temperature"],
];

/** Whether a set of calls is a sensible single request: no function twice, no exclusive pair. */
export function compatible(calls: readonly CallSpec[], clauseFns: readonly string[]): boolean {
  if (new Set(clauseFns).size !== clauseFns.length) return false;
  const fns = new Set(calls.map((c) => c.fn));
  return !EXCLUSIVE.some(([a, b]) => fns.has(a) && fns.has(b));
}

/**
 * Whether every number the draft says survives normalization of its plain text: a
 * number word at the end of one clause can merge with the next ("fan at two auto
 * climate off" reads "to auto"), so such joins are drawn again.
 */
export function numbersKept(d: Draft): boolean {
  if (!d.said || d.said.length === 0) return true;
  const n = normalizeTranscript(d.text.toLowerCase().replace(/[,.!?]/g, " "));
  if (!n.ok) return false;
  const tokens = new Set(n.text.split(" "));
  return d.said.every((v) => tokens.has(String(v)));
}

/** Joins clause drafts into one imperative draft. */
export function joinClauses(g: G, conn: Connector, drafts: readonly Draft[]): Draft {
  return {
    text: conn.join(
      g,
      drafts.map((d) => d.text),
    ),
    calls: drafts.flatMap((d) => d.calls),
    form: "imperative",
    said: drafts.flatMap((d) => d.said ?? []),
    clause: false,
  };
}

// ------------------------------------------------------------------ shared-verb families

interface OnOffItem {
  readonly key: string;
  noun(g: G): string;
  call(on: boolean): CallSpec;
  readonly onOk: boolean;
}

const ON_OFF: readonly OnOffItem[] = [
  {
    key: "ac",
    noun: (g) => g.x("{the AC|the air conditioning|the aircon|the A/C|the air con}"),
    call: (on) => call("set_air_conditioning", { on }),
    onOk: true,
  },
  {
    key: "recirc",
    noun: (g) => g.x("{the recirculation|recirculation|air recirculation|the recirc}"),
    call: (on) => call("set_air_recirculation", { on }),
    onOk: true,
  },
  {
    key: "auto",
    noun: (g) => g.x("{auto climate|the automatic climate control|climate auto mode|auto mode}"),
    call: (on) => call("set_climate_auto_mode", { on }),
    onOk: true,
  },
  {
    key: "wheel",
    noun: (g) => g.x("{the heated steering wheel|the steering wheel heating|the wheel heating|the heated wheel}"),
    call: (on) => call("set_steering_wheel_heating", { on }),
    onOk: true,
  },
  {
    key: "defrost_front",
    noun: (g) => g.x("{the front defroster|the windshield defroster|the front demister|the windscreen demister}"),
    call: (on) => call("set_defroster", { target: "front", on }),
    onOk: true,
  },
  {
    key: "defrost_rear",
    noun: (g) => g.x("{the rear defroster|the heated rear window|the rear demister|the back defroster}"),
    call: (on) => call("set_defroster", { target: "rear", on }),
    onOk: true,
  },
  {
    key: "heat_driver",
    noun: (g) => g.x("{my seat heating|the seat heater|my heated seat|the heated seat|my seat warmer}"),
    call: (on) => call("set_seat_heating", { seat: "driver", level: on ? D.levelOn : D.levelOff }),
    onOk: true,
  },
  {
    key: "heat_passenger",
    noun: (g) => g.x("{the passenger seat heater|the passenger's heated seat|the passenger seat heating}"),
    call: (on) => call("set_seat_heating", { seat: "passenger", level: on ? D.levelOn : D.levelOff }),
    onOk: true,
  },
  {
    key: "vent_driver",
    noun: (g) => g.x("{my seat ventilation|the seat cooling|my cooled seat|the seat ventilation}"),
    call: (on) => call("set_seat_ventilation", { seat: "driver", level: on ? D.levelOn : D.levelOff }),
    onOk: true,
  },
  {
    key: "lock",
    noun: (g) => g.x("{the child lock|the window child lock|the child locks}"),
    call: (on) => call("set_window_child_lock", { on }),
    onOk: true,
  },
  {
    key: "fan",
    noun: (g) => g.x("{the fan|the blower}"),
    call: () => call("adjust_fan_speed", { set_value: D.fanOff }),
    onOk: false,
  },
];

interface OpenCloseItem {
  readonly key: string;
  /** Calls for open (true) or close (false), with the phrase. */
  make(g: G, open: boolean): { noun: string; calls: CallSpec[] };
}

const OPEN_CLOSE: readonly OpenCloseItem[] = [
  {
    key: "sunroof",
    make: (g, open) => ({
      noun: g.x("{the sunroof|the moonroof|the sun roof}"),
      calls: [call("operate_sunroof", { action: open ? "open" : "close" })],
    }),
  },
  {
    key: "sunshade",
    make: (g, open) => ({
      noun: g.x("{the sunshade|the sun blind|the roof blind|the shade}"),
      calls: [call("operate_sunshade", { action: open ? "open" : "close" })],
    }),
  },
  {
    key: "window",
    make: (g, open) => {
      const w = g.pick(windows());
      return {
        noun: windowObject(g, w),
        calls: [call("control_window", { window: w, position: open ? "down" : "up", distance: D.windowFull })],
      };
    },
  },
  {
    key: "all_windows",
    make: (g, open) => ({
      noun: g.x("{all the windows|all windows|every window|the windows}"),
      calls: [call("control_all_windows", { position: open ? "down" : "up" })],
    }),
  },
  {
    key: "pair_windows",
    make: (g, open) => {
      const front = g.chance(0.5);
      const pos = open ? "down" : "up";
      return {
        noun: front ? g.x("{the front windows|both front windows}") : g.x("{the back windows|the rear windows}"),
        calls: front
          ? [
              call("control_window", { window: "front left", position: pos, distance: D.windowFull }),
              call("control_window", { window: "front right", position: pos, distance: D.windowFull }),
            ]
          : [
              call("control_window", { window: "rear left", position: pos, distance: D.windowFull }),
              call("control_window", { window: "rear right", position: pos, distance: D.windowFull }),
            ],
      };
    },
  },
];
const WINDOWISH = new Set(["window", "all_windows", "pair_windows"]);

function listJoin(g: G, items: readonly string[]): string {
  if (items.length === 2)
    return g.pick([
      `${items[0]} and ${items[1]}`,
      `${items[0]} and ${items[1]}`,
      `${items[0]} as well as ${items[1]}`,
      `${items[0]} and also ${items[1]}`,
      `${items[0]}, and ${items[1]}`,
      `${items[0]} plus ${items[1]}`,
    ]);
  return g.pick([
    `${items[0]}, ${items[1]} and ${items[2]}`,
    `${items[0]}, ${items[1]}, and ${items[2]}`,
    `${items[0]}, ${items[1]} as well as ${items[2]}`,
    `${items[0]} and ${items[1]} and ${items[2]}`,
  ]);
}

function pickDistinct<T extends { key: string }>(g: G, items: readonly T[], n: number): T[] {
  const pool = g.rng.shuffle([...items]);
  return pool.slice(0, n);
}

function sharedOnOff(g: G, verbs: { on: string; off: string }, both = false): Draft {
  const on = g.chance(0.65);
  const pool = ON_OFF.filter((i) => on || i.key !== "fan").filter((i) => !on || i.onOk);
  const n = !both && g.chance(0.4) ? 3 : 2;
  const items = pickDistinct(g, pool, n);
  const nouns = items.map((i) => i.noun(g));
  const calls = items.map((i) => i.call(on));
  if (both) return cmd(g.x(`${on ? verbs.on : verbs.off} both ${nouns[0]} and ${nouns[1]}`), calls);
  if (g.chance(0.75)) return cmd(g.x(`${on ? verbs.on : verbs.off} ${listJoin(g, nouns)}`), calls);
  const plain =
    nouns.length === 2
      ? `${nouns[0]} and ${nouns[1]}`
      : g.pick([`${nouns[0]}, ${nouns[1]} and ${nouns[2]}`, `${nouns[0]}, ${nouns[1]}, and ${nouns[2]}`]);
  return cmd(g.x(`${plain} ${on ? "{on|on please}" : "{off|off please}"}`), calls);
}

function sharedOpenClose(g: G): Draft {
  const open = g.chance(0.55);
  for (;;) {
    const n = g.chance(0.35) ? 3 : 2;
    const items = pickDistinct(g, OPEN_CLOSE, n);
    if (items.filter((i) => WINDOWISH.has(i.key)).length > 1) continue;
    const made = items.map((i) => i.make(g, open));
    const calls = made.flatMap((m) => m.calls);
    if (calls.length > 3) continue;
    const verb = open ? g.x("{open|open up}") : g.x("{close|shut}");
    return cmd(
      `${verb} ${listJoin(
        g,
        made.map((m) => m.noun),
      )}`,
      calls,
    );
  }
}

function twoZones(g: G): Draft {
  const all = enumValues("set_climate_temperature", "zone") as readonly Zone[];
  const z1 = pickZone(g);
  const z2 = g.pick(all.filter((z) => z !== z1));
  const w1 = zoneWords(g, z1, 0);
  const w2 = zoneWords(g, z2, 0);
  if (g.chance(0.5)) {
    const t1 = tempPhrase(g, true);
    const t2 = tempPhrase(g, true);
    const c = (z: Zone, t: typeof t1) =>
      call(
        "set_climate_temperature",
        t.unit ? { zone: z, temperature: t.temperature, unit: t.unit } : { zone: z, temperature: t.temperature },
      );
    return cmd(
      g.x(`{set|put} ${w1.obj} to ${t1.text} and ${w2.obj} {to |at |}${t2.text}`),
      [c(z1, t1), c(z2, t2)],
      [t1.temperature, t2.temperature],
    );
  }
  const up1 = g.chance(0.5);
  const up2 = g.chance(0.5);
  const adj = (up: boolean) => (up ? g.x("{warmer|hotter}") : g.x("{cooler|colder}"));
  return cmd(`make ${w1.obj} ${adj(up1)} and ${w2.obj} ${adj(up2)}`, [
    call("change_climate_temperature", { zone: z1, temperature_diff: up1 ? D.tempStep : -D.tempStep }),
    call("change_climate_temperature", { zone: z2, temperature_diff: up2 ? D.tempStep : -D.tempStep }),
  ]);
}

// ------------------------------------------------------------------ clauses from the training families

/** The catalogue's single-command families, handed in by `sharedVerbFamilies` (no import cycle). */
let commandFamilies: ReadonlyMap<string, readonly Family[]> | undefined;
let trainByFn: Map<string, readonly Family[]> | undefined;
let twoCallFams: readonly Family[] | undefined;

/** Training (never held-out) single-command families per function, from the catalogue. */
function trainFamilies(fn: string): readonly Family[] {
  if (!trainByFn) {
    if (!commandFamilies) throw new Error("sharedVerbFamilies() must run before clauses are composed");
    trainByFn = new Map();
    for (const [f, list] of commandFamilies)
      trainByFn.set(
        f,
        list.filter((x) => !x.held),
      );
  }
  return trainByFn.get(fn) ?? [];
}

/**
 * Training families that say two calls in one imperative clause ("close the rear
 * windows", "front seat heaters on"), found once by probing each family on a private
 * stream (so the data set stays a function of the seed).
 */
function twoCallFamilies(): readonly Family[] {
  if (!twoCallFams) {
    const probe = new G(new Rng(0x2ca11));
    const out: Family[] = [];
    for (const fn of COMMAND_FUNCTIONS)
      for (const f of trainFamilies(fn)) {
        for (let i = 0; i < 40; i++) {
          const d = f.make(probe);
          if (d.form === "imperative" && d.clause !== false && d.calls.length === 2) {
            out.push(f);
            break;
          }
        }
      }
    twoCallFams = out;
  }
  return twoCallFams;
}

/** An imperative clause of `fn` from a training family, with `n` calls, usable inside a longer request. */
function trainClause(g: G, fn: string, n = 1): Draft | null {
  const fams = n === 2 ? twoCallFamilies().filter((f) => f.fn === fn) : trainFamilies(fn);
  if (fams.length === 0) return null;
  for (let i = 0; i < 40; i++) {
    const f = g.rng.weighted(fams, (x) => x.weight);
    const d = f.make(g);
    if (d.form === "imperative" && d.clause !== false && d.calls.length === n) return d;
  }
  return null;
}

/** Distinct functions whose clauses can share one request, drawn from `pool`. */
function pickFns(g: G, pool: readonly string[], n: number): string[] {
  return g.rng.shuffle([...pool]).slice(0, n);
}

/** Three one-call clauses of different functions, joined by a training connector. */
function threeClauses(g: G): Draft {
  for (;;) {
    const fns = pickFns(g, COMMAND_FUNCTIONS, 3);
    const ds = fns.map((fn) => trainClause(g, fn));
    if (ds.some((d) => d === null)) continue;
    const drafts = ds as Draft[];
    if (
      !compatible(
        drafts.flatMap((d) => d.calls),
        fns,
      )
    )
      continue;
    const joined = joinClauses(g, g.pick(TRAIN_CONNECTORS), drafts);
    if (numbersKept(joined)) return joined;
  }
}

// ------------------------------------------------------------------ a clause that itself makes two calls

const FRONT_WINDOWS =
  "{the front windows|both front windows|the two front windows|front windows|the front two windows}";
const BACK_WINDOWS =
  "{the back windows|the rear windows|both rear windows|both back windows|the two back windows|rear windows|back windows|the back two windows}";

/** "close the rear windows", "crack the front windows", "put the back windows down halfway": two window calls. */
function pairWindowClause(g: G, front = g.chance(0.45)): Draft {
  const obj = g.x(front ? FRONT_WINDOWS : BACK_WINDOWS);
  const [w1, w2] = front ? ["front left", "front right"] : ["rear left", "rear right"];
  const down = g.chance(0.5);
  const k = g.rng.weighted(["full", "bit", "half"] as const, (x) => (x === "full" ? 0.7 : 0.15));
  const mm = k === "full" ? D.windowFull : k === "bit" ? D.windowBit : D.windowHalf;
  let text: string;
  if (down && k === "bit" && g.chance(0.5)) text = `crack ${obj}`;
  else {
    const verb = down
      ? g.x(
          `{open ${obj}|roll down ${obj}|roll ${obj} down|put ${obj} down|lower ${obj}|wind down ${obj}|${obj} down|drop ${obj}}`,
        )
      : g.x(
          `{close ${obj}|shut ${obj}|roll up ${obj}|roll ${obj} up|put ${obj} up|raise ${obj}|wind up ${obj}|${obj} up}`,
        );
    const amount =
      k === "full"
        ? g.x("{|||all the way|fully}")
        : k === "bit"
          ? g.x(down ? "{a bit|a little|slightly|a crack}" : "{a bit|a little|slightly}")
          : g.x("{halfway|half way}");
    text = `${verb} ${amount}`;
  }
  const pos = down ? "down" : "up";
  return cmd(text, [
    call("control_window", { window: w1, position: pos, distance: mm }),
    call("control_window", { window: w2, position: pos, distance: mm }),
  ]);
}

/** Both defrosters in one phrase: "defrost front and rear", "front and rear demisters on". */
function defrostBoth(g: G): Draft {
  const on = g.chance(0.75);
  const state = on ? "on" : "off";
  if (g.chance(0.45)) {
    // One defroster named, the other by "one": "turn on the rear defroster as well as the
    // front one". The calls follow the order they are said in.
    const first = g.chance(0.5) ? "rear" : "front";
    const second = first === "rear" ? "front" : "rear";
    const side = (t: string) => (t === "rear" ? g.x("{rear|back}") : "front");
    const dev = g.x("{defroster|demister|defrost}");
    if (g.chance(0.4)) {
      // Each its own state (dev natural 9): "switch the rear defroster off and the front one on".
      const firstOn = g.chance(0.5);
      const st = (x: boolean) => (x ? "on" : "off");
      const verb = (x: boolean) => (x ? g.x("{turn on|switch on}") : g.x("{turn off|switch off}"));
      const text = g.pick([
        `${g.x("{switch|turn}")} the ${side(first)} ${dev} ${st(firstOn)} and the ${side(second)} one ${st(!firstOn)}`,
        `${verb(firstOn)} the ${side(first)} ${dev} and ${verb(!firstOn)} the ${side(second)} one`,
        `${side(first)} ${dev} ${st(firstOn)}, ${side(second)} one ${st(!firstOn)}`,
        `${g.x("{switch|turn}")} the ${side(first)} ${dev} ${st(firstOn)} but the ${side(second)} one ${st(!firstOn)}`,
      ]);
      return cmd(text, [
        call("set_defroster", { target: first, on: firstOn }),
        call("set_defroster", { target: second, on: !firstOn }),
      ]);
    }
    const also = g.x("{as well as|and|and also|plus}");
    const verb = on ? g.x("{turn on|switch on|put on|start}") : g.x("{turn off|switch off|stop}");
    const text = g.pick([
      `${verb} the ${side(first)} ${dev} ${also} the ${side(second)} one`,
      `${verb} the ${side(first)} ${dev} ${also} the ${side(second)} one too`,
      `${side(first)} ${dev} ${state} ${also} the ${side(second)} one`,
      `${verb} the ${side(first)} ${dev}, and the ${side(second)} one ${g.x("{too|as well}")}`,
    ]);
    return cmd(text, [call("set_defroster", { target: first, on }), call("set_defroster", { target: second, on })]);
  }
  const devices =
    "{both defrosters|the front and rear defrosters|the front and rear demisters|the front and back defrosters|the front and rear defrost|both demisters}";
  const k = g.int(0, 3);
  const text =
    on && k === 0
      ? g.x(
          "{defrost|demist|defog} {the front and back windows|both windscreens|the windshield and the rear window|front and rear|front and back|the front and the rear|the front and the back window|the windscreen and the back window}",
        )
      : on && k === 1
        ? g.x("{defrost|demist} {front and rear|front and back} {please|now|}")
        : g.x(
            `{{turn|switch} ${state} ${devices}|{turn|switch} ${devices} ${state}|{front and rear defrost|front and rear defrosters|both defrosters|front and back demisters} ${state}}`,
          );
  return cmd(text, [call("set_defroster", { target: "front", on }), call("set_defroster", { target: "rear", on })]);
}

/**
 * A two-call clause (a pair of windows, both defrosters, or a training family's own
 * two-call phrase) with a one-call clause of another function: "turn on the child lock
 * and close the rear windows" is three calls, and both window calls must stay.
 */
function pairPlus(g: G): Draft {
  for (;;) {
    const k = g.rng.weighted(["windows", "defrost", "family"] as const, (x) =>
      x === "windows" ? 0.55 : x === "defrost" ? 0.15 : 0.3,
    );
    let pair: Draft | null;
    let pairFn: string;
    if (k === "windows") {
      pair = pairWindowClause(g);
      pairFn = "control_window";
    } else if (k === "defrost") {
      pair = defrostBoth(g);
      pairFn = "set_defroster";
    } else {
      const fams = twoCallFamilies();
      if (fams.length === 0) continue;
      pairFn = g.pick(fams).fn;
      pair = trainClause(g, pairFn, 2);
    }
    if (!pair) continue;
    const rear = pair.calls.some((c) => c.fn === "control_window" && String(c.args.window).startsWith("rear"));
    const otherFn =
      rear && g.chance(0.5) ? "set_window_child_lock" : g.pick(COMMAND_FUNCTIONS.filter((f) => f !== pairFn));
    const other = trainClause(g, otherFn);
    if (!other) continue;
    if (!compatible([...pair.calls, ...other.calls], [pairFn, otherFn])) continue;
    const drafts = g.chance(0.5) ? [pair, other] : [other, pair];
    const joined = joinClauses(g, g.pick(TRAIN_CONNECTORS), drafts);
    if (numbersKept(joined)) return joined;
  }
}

// ------------------------------------------------------------------ terse lists ("windows up, AC on, fan on 3")

interface Terse {
  readonly fn: string;
  /** Reads oddly as the first item of a list ("mute, windows up"). */
  readonly notFirst?: boolean;
  make(g: G): Draft;
}

const onOff = (g: G, on: boolean) => (on ? g.x("{on|on|on please}") : g.x("{off|off}"));

const TERSE: readonly Terse[] = [
  {
    fn: "control_all_windows",
    make: (g) => {
      const up = g.chance(0.5);
      return cmd(
        up
          ? g.x(
              "{windows up|windows up|all windows up|windows closed|windows shut|all windows closed|all the windows up}",
            )
          : g.x("{windows down|windows down|all windows down|windows open|all windows open|all the windows down}"),
        [call("control_all_windows", { position: up ? "up" : "down" })],
      );
    },
  },
  {
    fn: "control_window",
    make: (g) => {
      const up = g.chance(0.5);
      const pos = up ? "up" : "down";
      const state = up ? g.x("{up|closed|shut}") : g.x("{down|open}");
      if (g.chance(0.4)) {
        const front = g.chance(0.5);
        const [w1, w2] = front ? ["front left", "front right"] : ["rear left", "rear right"];
        return cmd(
          `${g.x(front ? "{front windows|the front windows}" : "{back windows|rear windows|the back windows}")} ${state}`,
          [
            call("control_window", { window: w1, position: pos, distance: D.windowFull }),
            call("control_window", { window: w2, position: pos, distance: D.windowFull }),
          ],
        );
      }
      const w = g.rng.weighted(windows(), (x) => (x === "driver" ? 0.35 : x === "passenger" ? 0.2 : 0.11));
      const obj =
        w === "driver"
          ? g.x("{my window|driver window|driver's window|driver side window|my side window}")
          : w === "passenger"
            ? g.x("{passenger window|passenger's window|passenger side window}")
            : g.x(`{${w} window|${w.split(" ").reverse().join(" ")} window}`).replace(/^rear/, g.x("{rear|back}"));
      return cmd(`${obj} ${state}`, [call("control_window", { window: w, position: pos, distance: D.windowFull })]);
    },
  },
  {
    fn: "set_air_conditioning",
    make: (g) => {
      const on = g.chance(0.65);
      return cmd(`${g.x("{AC|A/C|aircon|air con|air conditioning|the AC}")} ${onOff(g, on)}`, [
        call("set_air_conditioning", { on }),
      ]);
    },
  },
  {
    fn: "set_air_recirculation",
    make: (g) => {
      const on = g.chance(0.6);
      return cmd(`${g.x("{recirc|recirculation|air recirculation|recirculation mode}")} ${onOff(g, on)}`, [
        call("set_air_recirculation", { on }),
      ]);
    },
  },
  {
    fn: "set_climate_auto_mode",
    make: (g) => {
      const on = g.chance(0.6);
      return cmd(`${g.x("{auto climate|climate auto|automatic climate|climate control auto mode}")} ${onOff(g, on)}`, [
        call("set_climate_auto_mode", { on }),
      ]);
    },
  },
  {
    fn: "adjust_fan_speed",
    make: (g) => {
      const k = g.rng.weighted(["set", "max", "off", "up", "down"] as const, (x) => (x === "set" ? 0.5 : 0.125));
      if (k === "set") {
        const v = g.int(1, D.fanMax);
        const s = g.n(v, 0.5);
        return cmd(
          g.x(
            `{fan on ${s}|fan to ${s}|fan ${s}|fan at ${s}|fan speed ${s}|fan level ${s}|blower on ${s}|fan speed to ${s}}`,
          ),
          [call("adjust_fan_speed", { set_value: v })],
          [v],
        );
      }
      if (k === "max")
        return cmd(g.x("{fan max|fan on max|fan to max|fan on full|max fan|full fan}"), [
          call("adjust_fan_speed", { set_value: D.fanMax }),
        ]);
      if (k === "off") return cmd(g.x("{fan off|blower off}"), [call("adjust_fan_speed", { set_value: D.fanOff })]);
      const up = k === "up";
      if (g.chance(0.4)) {
        // "fan down 2": a number after the direction is a step, not a speed
        const n = g.int(2, 4);
        return cmd(
          g.x(`{fan|fan speed|blower} ${up ? "up" : "down"} {${g.n(n, 0.4)}|by ${g.n(n, 0.4)}}`),
          [call("adjust_fan_speed", { speed_diff: up ? n : -n })],
          [n],
        );
      }
      return cmd(g.x(`{fan|fan speed|blower} ${up ? "up" : "down"}{| a bit| a little}`), [
        call("adjust_fan_speed", { speed_diff: up ? D.fanStep : -D.fanStep }),
      ]);
    },
  },
  {
    fn: "set_climate_temperature",
    make: (g) => {
      const zone = g.rng.weighted(["driver", "passenger", "rear"] as const, (z) => (z === "driver" ? 0.6 : 0.2));
      const t = tempPhrase(g, false);
      const head =
        zone === "driver"
          ? g.x("{temp|temperature|temp to|temperature to|temp at|driver side|driver temp|my side}")
          : zone === "passenger"
            ? g.x("{passenger side|passenger temp|passenger side to|passenger temperature}")
            : g.x("{back seat temp|rear temp|rear temperature|rear to}");
      return cmd(
        `${head} ${t.text}`,
        [
          call(
            "set_climate_temperature",
            t.unit ? { zone, temperature: t.temperature, unit: t.unit } : { zone, temperature: t.temperature },
          ),
        ],
        [t.temperature],
      );
    },
  },
  {
    fn: "change_climate_temperature",
    make: (g) => {
      const up = g.chance(0.5);
      if (g.chance(0.35)) {
        const n = g.int(2, 5);
        return cmd(
          g.x(`{temp|temperature} ${up ? "up" : "down"} {${g.n(n, 0.4)}|${g.n(n, 0.4)} degrees|by ${g.n(n, 0.4)}}`),
          [call("change_climate_temperature", { zone: "driver", temperature_diff: up ? n : -n })],
          [n],
        );
      }
      const bit = g.chance(0.3);
      return cmd(
        `${g.x("{temp|temperature}")} ${up ? "up" : "down"}${bit ? ` ${g.x("{a bit|a little|slightly}")}` : ""}`,
        [
          call("change_climate_temperature", {
            zone: "driver",
            temperature_diff: (up ? 1 : -1) * (bit ? D.tempBit : D.tempStep),
          }),
        ],
      );
    },
  },
  {
    fn: "adjust_volume",
    make: (g) => {
      if (g.chance(0.4)) {
        const v = g.int(1, 40);
        const s = g.n(v);
        return cmd(
          g.x(`{volume ${s}|volume to ${s}|volume at ${s}|volume on ${s}}`),
          [call("adjust_volume", { set_value: v })],
          [v],
        );
      }
      const up = g.chance(0.5);
      if (g.chance(0.35)) {
        // "volume up 5" is a step of 5; "volume 5" (above) is a level
        const n = g.int(2, 15);
        return cmd(
          g.x(`{volume|music|radio|sound} ${up ? "up" : "down"} {${g.n(n, 0.4)}|by ${g.n(n, 0.4)}}`),
          [call("adjust_volume", { volume_diff: up ? n : -n })],
          [n],
        );
      }
      const bit = g.chance(0.3);
      return cmd(
        `${g.x("{volume|music|radio|sound}")} ${up ? "up" : "down"}${bit ? ` ${g.x("{a bit|a little}")}` : ""}`,
        [call("adjust_volume", { volume_diff: (up ? 1 : -1) * (bit ? D.volumeBit : D.volumeStep) })],
      );
    },
  },
  {
    fn: "mute_audio",
    notFirst: true,
    make: (g) => {
      const mute = g.chance(0.6);
      return cmd(
        mute
          ? g.x("{mute|mute the radio|audio off|sound off|radio on mute}")
          : g.x("{unmute|sound back on|audio back on|unmute the radio}"),
        [call("mute_audio", { mute })],
      );
    },
  },
  {
    fn: "set_defroster",
    make: (g) => {
      const on = g.chance(0.7);
      const target = g.chance(0.55) ? "front" : "rear";
      const dev =
        target === "front"
          ? g.x(
              "{front defrost|front defroster|windshield defrost|windscreen demister|front demister|defrost|defroster}",
            )
          : g.x("{rear defrost|rear defroster|rear demister|back defroster|heated rear window}");
      return cmd(`${dev} ${onOff(g, on)}`, [call("set_defroster", { target, on })]);
    },
  },
  {
    fn: "set_airflow_mode",
    make: (g) => {
      const mode = g.pick(enumValues("set_airflow_mode", "mode"));
      const tgt =
        mode === "face"
          ? g.x("{my face|the face|face}")
          : mode === "feet"
            ? g.x("{my feet|the feet|feet|the floor}")
            : mode === "face and feet"
              ? g.x("{face and feet|feet and face}")
              : g.x("{the windshield|the windscreen|windshield}");
      return cmd(`${g.x("{air|airflow|vents|air flow}")} ${g.x("{to|on}")} ${tgt}`, [
        call("set_airflow_mode", { mode }),
      ]);
    },
  },
  {
    fn: "set_seat_heating",
    make: (g) => {
      const seat = g.chance(0.7) ? "driver" : "passenger";
      const noun = g.x(
        `${seat === "passenger" ? "passenger" : "{|my|driver}"} {seat heat|seat heater|seat heating|heated seat}`,
      );
      const k = g.rng.weighted(["on", "off", "low", "high", "n"] as const, (x) =>
        x === "on" ? 0.3 : x === "n" ? 0.25 : 0.15,
      );
      if (k === "n") {
        const v = g.int(1, 3);
        return cmd(
          `${noun} ${g.x(`{${v}|to ${v}|level ${v}|on ${v}}`)}`,
          [call("set_seat_heating", { seat, level: v })],
          [v],
        );
      }
      const level = k === "on" ? D.levelOn : k === "off" ? D.levelOff : k === "low" ? D.levelLow : D.levelHigh;
      const word =
        k === "on" ? "on" : k === "off" ? "off" : k === "low" ? g.x("{low|on low}") : g.x("{high|on high|max|on max}");
      return cmd(`${noun} ${word}`, [call("set_seat_heating", { seat, level })]);
    },
  },
  {
    fn: "set_seat_ventilation",
    make: (g) => {
      const noun = g.x("{seat cooling|seat ventilation|cooled seat|ventilated seat|my seat cooling}");
      const k = g.rng.weighted(["on", "off", "high"] as const, (x) => (x === "on" ? 0.5 : 0.25));
      const level = k === "on" ? D.levelOn : k === "off" ? D.levelOff : D.levelHigh;
      const word = k === "high" ? g.x("{high|on high|max}") : k;
      return cmd(`${noun} ${word}`, [call("set_seat_ventilation", { seat: "driver", level })]);
    },
  },
  {
    fn: "set_steering_wheel_heating",
    make: (g) => {
      const on = g.chance(0.65);
      return cmd(
        `${g.x("{heated wheel|wheel heat|wheel heating|steering wheel heat|heated steering wheel}")} ${onOff(g, on)}`,
        [call("set_steering_wheel_heating", { on })],
      );
    },
  },
  {
    fn: "set_window_child_lock",
    make: (g) => {
      const on = g.chance(0.65);
      return cmd(`${g.x("{child lock|child locks|window lock|child safety lock}")} ${onOff(g, on)}`, [
        call("set_window_child_lock", { on }),
      ]);
    },
  },
  {
    fn: "operate_sunroof",
    make: (g) => {
      const k = g.rng.weighted(["open", "close", "tilt", "half"] as const, (x) => (x === "half" ? 0.1 : 0.3));
      const noun = g.x("{sunroof|moonroof|sunroof|roof}");
      if (k === "half")
        return cmd(`${noun} ${g.x("{open halfway|halfway open|half open}")}`, [
          call("operate_sunroof", { action: "open", intensity: D.sunroofHalf }),
        ]);
      const word = k === "open" ? "open" : k === "close" ? g.x("{closed|shut}") : g.x("{tilted|on tilt}");
      return cmd(`${noun} ${word}`, [call("operate_sunroof", { action: k })]);
    },
  },
  {
    fn: "operate_sunshade",
    make: (g) => {
      const open = g.chance(0.5);
      return cmd(
        `${g.x("{sunshade|shade|sun blind|roof blind|the sunshade}")} ${open ? "open" : g.x("{closed|shut}")}`,
        [call("operate_sunshade", { action: open ? "open" : "close" })],
      );
    },
  },
];

/** "windows up, AC on, fan on 3": two or three terse items (sometimes one a full clause). */
function terseList(g: G): Draft {
  for (;;) {
    const n = g.chance(0.8) ? 3 : 2;
    const items = g.rng.shuffle([...TERSE]).slice(0, n);
    if (items[0]!.notFirst) continue;
    const fns = items.map((i) => i.fn);
    const drafts: Draft[] = [];
    for (const it of items) {
      const full = g.chance(0.2) ? trainClause(g, it.fn) : null;
      drafts.push(full ?? it.make(g));
    }
    const calls = drafts.flatMap((d) => d.calls);
    if (calls.length > 3 || !compatible(calls, fns)) continue;
    const t = drafts.map((d) => d.text);
    const text =
      n === 2
        ? g.pick([
            `${t[0]}, ${t[1]}`,
            `${t[0]}, ${t[1]}`,
            `${t[0]} and ${t[1]}`,
            `${t[0]}, and ${t[1]}`,
            `${t[0]}. ${t[1]}`,
            `${t[0]} ${t[1]}`,
          ])
        : g.pick([
            `${t[0]}, ${t[1]}, ${t[2]}`,
            `${t[0]}, ${t[1]}, ${t[2]}`,
            `${t[0]}, ${t[1]} and ${t[2]}`,
            `${t[0]}, ${t[1]}, and ${t[2]}`,
            `${t[0]}. ${t[1]}. ${t[2]}`,
            `${t[0]} ${t[1]} ${t[2]}`,
            `${t[0]} and ${t[1]} and ${t[2]}`,
          ]);
    const joined: Draft = { text, calls, form: "imperative", said: drafts.flatMap((d) => d.said ?? []), clause: false };
    if (numbersKept(joined)) return joined;
  }
}

// ------------------------------------------------------------------ direction words bound to their own nouns

interface Dial {
  readonly fn: string;
  noun(g: G): string;
  /** The call for up/down, "a bit" or not. */
  call(up: boolean, bit: boolean): CallSpec;
}

const DIALS: readonly Dial[] = [
  {
    fn: "adjust_volume",
    noun: (g) => g.x("{the volume|the music|the radio|the sound}"),
    call: (up, bit) => call("adjust_volume", { volume_diff: (up ? 1 : -1) * (bit ? D.volumeBit : D.volumeStep) }),
  },
  {
    fn: "adjust_fan_speed",
    noun: (g) => g.x("{the fan|the blower|the fan speed}"),
    call: (up) => call("adjust_fan_speed", { speed_diff: up ? D.fanStep : -D.fanStep }),
  },
  {
    fn: "change_climate_temperature",
    noun: (g) => g.x("{the temperature|the temp}"),
    call: (up, bit) =>
      call("change_climate_temperature", {
        zone: "driver",
        temperature_diff: (up ? 1 : -1) * (bit ? D.tempBit : D.tempStep),
      }),
  },
];

/** "turn the volume down and the fan up": one verb, each direction with its own noun. */
function upDown(g: G): Draft {
  const n = g.chance(0.3) ? 3 : 2;
  const items = g.rng.shuffle([...DIALS]).slice(0, n);
  const parts = items.map((d) => {
    const up = g.chance(0.5);
    const bit = g.chance(0.2);
    return {
      text: `${d.noun(g)} ${up ? "up" : "down"}${bit ? ` ${g.x("{a bit|a little}")}` : ""}`,
      call: d.call(up, bit),
    };
  });
  const t = parts.map((p) => p.text);
  const list =
    n === 2
      ? g.pick([`${t[0]} and ${t[1]}`, `${t[0]} and ${t[1]}`, `${t[0]}, and ${t[1]}`, `${t[0]} but ${t[1]}`])
      : g.pick([`${t[0]}, ${t[1]} and ${t[2]}`, `${t[0]}, ${t[1]}, and ${t[2]}`]);
  return cmd(
    `${g.x("{turn|turn|put|bring}")} ${list}`,
    parts.map((p) => p.call),
  );
}

/**
 * A stepping clause (volume, fan, temperature, seat) with an opening or closing one
 * (window, sunroof, sunshade), either order: "turn the volume down and close the
 * window", where each direction word belongs to its own clause.
 */
function contrast(g: G): Draft {
  const STEP = [
    "adjust_volume",
    "adjust_fan_speed",
    "change_climate_temperature",
    "adjust_seat_position",
    "adjust_seat_recline",
  ];
  const MOVE = ["control_window", "control_window", "control_all_windows", "operate_sunroof", "operate_sunshade"];
  for (;;) {
    const a = trainClause(g, g.pick(STEP));
    const moveFn = g.pick(MOVE);
    const b = moveFn === "control_window" && g.chance(0.15) ? pairWindowClause(g) : trainClause(g, moveFn);
    if (!a || !b) continue;
    const joined = joinClauses(g, g.pick(TRAIN_CONNECTORS), g.chance(0.5) ? [a, b] : [b, a]);
    if (numbersKept(joined)) return joined;
  }
}

// ------------------------------------------------------------------ "unmute and turn it up"

/**
 * An audio clause, then a clause that leans on it ("turn it up", "make it louder",
 * "set it to 20"): "it" can only be the audio, so the pair is unambiguous.
 */
function audioIt(g: G): Draft {
  const unmute = g.x(
    "{unmute|unmute|unmute {the audio|the sound|the radio|the music|the speakers|the stereo}|take {it|the radio|the audio|the music} off mute|{turn|switch} off mute|cancel mute|{turn|switch} the {sound|audio} back on}",
  );
  const k = g.rng.weighted(["up", "bit", "lot", "set", "down"] as const, (x) =>
    x === "up" ? 0.35 : x === "down" ? 0.1 : 0.18,
  );
  let vol: Draft;
  if (k === "set") {
    const v = g.int(3, 40);
    const s = g.n(v);
    vol = cmd(
      g.x(`{set it to ${s}|put it on ${s}|turn it up to ${s}|make it ${s}|bring it up to ${s}}`),
      [call("adjust_volume", { set_value: v })],
      [v],
    );
  } else {
    const diff = k === "up" ? D.volumeStep : k === "bit" ? D.volumeBit : k === "lot" ? D.volumeLot : -D.volumeBit;
    const text =
      k === "up"
        ? g.x("{turn it up|make it louder|turn it up|bring it up|make it louder}")
        : k === "bit"
          ? g.x("{turn it up a bit|turn it up a little|make it a bit louder|a little louder|turn it up slightly}")
          : k === "lot"
            ? g.x("{turn it up a lot|make it much louder|turn it way up|a lot louder}")
            : g.x("{turn it down a bit|keep it a bit quieter|make it a little quieter|turn it down a little}");
    vol = cmd(text, [call("adjust_volume", { volume_diff: diff })]);
  }
  const mute = cmd(unmute, [call("mute_audio", { mute: false })]);
  const conn = g.pick([" and ", " and ", ", and ", " then ", ", then ", " and then ", ", ", " and also "]);
  if (g.chance(0.2)) {
    // the audio named first, "it" after: "turn the music up and unmute it"
    const up = g.chance(0.8);
    const named = up
      ? g.x("{turn the music up|turn up the volume|turn the radio up|make the music louder|turn the volume up}")
      : g.x("{turn the music down a bit|turn the volume down a bit}");
    return {
      text: `${named}${conn}${g.x("{unmute it|take it off mute}")}`,
      calls: [call("adjust_volume", { volume_diff: up ? D.volumeStep : -D.volumeBit }), ...mute.calls],
      form: "imperative",
      said: [],
      clause: false,
    };
  }
  return {
    text: `${mute.text}${conn}${vol.text}`,
    calls: [...mute.calls, ...vol.calls],
    form: "imperative",
    said: vol.said ?? [],
    clause: false,
  };
}

/** "open my window and the passenger window": one verb, two named windows. */
function twoWindows(g: G): Draft {
  const all = windows();
  const a = g.rng.weighted(all, (w) => (w === "driver" ? 0.4 : 0.12));
  const b = g.pick(
    all.filter(
      (w) =>
        w !== a &&
        !(a === "driver" && w === "front left") &&
        !(a === "front left" && w === "driver") &&
        !(a === "passenger" && w === "front right") &&
        !(a === "front right" && w === "passenger"),
    ),
  );
  const down = g.chance(0.55);
  const verb = down
    ? g.x("{open|roll down|put down|lower|wind down|open up}")
    : g.x("{close|shut|roll up|put up|raise|wind up}");
  const pos = down ? "down" : "up";
  // One amount for both: unsaid (fully), "a bit", "halfway" or a distance.
  const k = g.rng.weighted(["full", "bit", "half", "num"] as const, (x) => (x === "full" ? 0.55 : 0.15));
  let amount = "";
  let mm: number = D.windowFull;
  const said: number[] = [];
  if (k === "bit") {
    amount = g.x(down ? "{a bit|a little|slightly|a crack}" : "{a bit|a little|slightly}");
    mm = D.windowBit;
  } else if (k === "half") {
    amount = g.x("{halfway|half way}");
    mm = D.windowHalf;
  } else if (k === "num") {
    const d = distance(g, D.windowFull, 20);
    amount = d.text;
    mm = d.mm;
    said.push(d.mm);
  }
  const tail = amount ? ` ${amount}` : g.pick(["", "", "", " too", " as well"]);
  // "the driver and passenger windows": one noun for both named windows.
  const named: Partial<Record<string, string>> = { driver: "driver", passenger: "passenger" };
  const text =
    named[a] && named[b] && g.chance(0.4)
      ? `${verb} the ${named[a]} and ${named[b]} windows${amount ? ` ${amount}` : ""}`
      : `${verb} ${windowObject(g, a)} and ${windowObject(g, b)}${tail}`;
  return cmd(
    text,
    [
      call("control_window", { window: a, position: pos, distance: mm }),
      call("control_window", { window: b, position: pos, distance: mm }),
    ],
    said,
  );
}

// ------------------------------------------------------------------ a reason with explicit requests

interface Reason {
  readonly text: string;
  /** The reason fits one of the requested calls (it explains them, it asks for nothing more). */
  fits(c: CallSpec): boolean;
  /** A requested call the reason would contradict ("I'm freezing ... make it cooler"). */
  clashes?(c: CallSpec): boolean;
}

const REASONS: readonly Reason[] = [
  {
    text: "{I'm cold|I'm freezing|it's chilly in here|it's freezing in here|brr it's cold}",
    fits: warmer,
    clashes: (c) => cooler(c) || opening(c),
  },
  {
    text: "{it's getting hot|it's so hot in here|it's boiling in here|I'm roasting|it's warm in here}",
    fits: cooler,
    clashes: warmer,
  },
  { text: "{it's raining|it's starting to rain|it's about to rain|it's pouring}", fits: closing, clashes: opening },
  {
    text: "{the sun's in my eyes|it's too bright|the sun is blinding me|the glare is brutal|there's so much glare|the glare is killing me}",
    fits: (c) => c.fn === "operate_sunshade" && c.args.action === "close",
    clashes: (c) => c.fn === "operate_sunroof" && c.args.action !== "close",
  },
  {
    text: "{I can't see a thing|the windshield is fogging up|the windscreen is all misted up}",
    fits: (c) => c.fn === "set_defroster" && c.args.target === "front" && c.args.on === true,
  },
  {
    text: "{something stinks outside|there's a smelly truck ahead|the air outside smells awful}",
    fits: (c) => c.fn === "set_air_recirculation" && c.args.on === true,
  },
  {
    text: "{we're about to go through the car wash|car wash coming up|we're pulling into the car wash|we're going into a car wash}",
    fits: closing,
    clashes: opening,
  },
  {
    text: "{the road is really dusty|it's so dusty out here|there's a lot of dust}",
    fits: (c) => closing(c) || (c.fn === "set_air_recirculation" && c.args.on === true),
    clashes: opening,
  },
  // Scene-setting that asks for nothing: the calls come from the explicit requests alone.
  {
    text: "{long drive ahead|it's going to be a long drive|we just dropped my daughter off at school|just dropped the dog at the groomer's|right, we're off|okay we're setting off now|we're nearly home|we just got back on the road|okay here's the thing|so we're stuck in traffic|alright, new plan}",
    fits: () => true,
  },
  {
    text: "{I'm taking a call|I'm on the phone|the baby's asleep|the kids are asleep}",
    fits: (c) =>
      (c.fn === "mute_audio" && c.args.mute === true) || (c.fn === "adjust_volume" && (num(c, "volume_diff") ?? 0) < 0),
  },
];

/**
 * "it's getting hot, close the sunroof and turn the AC on": a reason that explains one
 * of two explicit requests adds no call of its own.
 */
function reasoned(g: G): Draft {
  for (;;) {
    const fns = pickFns(g, COMMAND_FUNCTIONS, 2);
    const ds = fns.map((fn) => trainClause(g, fn));
    if (ds.some((d) => d === null)) continue;
    const drafts = ds as Draft[];
    const calls = drafts.flatMap((d) => d.calls);
    if (!compatible(calls, fns)) continue;
    const fitting = REASONS.filter((r) => calls.some((c) => r.fits(c)) && !calls.some((c) => r.clashes?.(c)));
    if (fitting.length === 0) continue;
    const reason = g.x(g.pick(fitting).text);
    const joined = joinClauses(g, g.pick(TRAIN_CONNECTORS.filter((c) => c.id !== "runon")), drafts);
    const text = g.chance(0.7)
      ? `${reason}${g.pick([", ", ", so ", ". ", " so "])}${joined.text}`
      : `${joined.text}${g.pick([", ", ", ", " "])}${reason}`;
    const d: Draft = { ...joined, text };
    if (numbersKept(d)) return d;
  }
}

// ------------------------------------------------------------------ "set the fan to max, the temperature to 65 and the airflow to face"

interface SetItem {
  readonly fn: string;
  make(g: G): { text: string; call: CallSpec; said: number[] };
}

const SET_ITEMS: readonly SetItem[] = [
  {
    fn: "adjust_fan_speed",
    make: (g) => {
      if (g.chance(0.2))
        return {
          text: g.x("{the fan|the fan speed} to {max|maximum|full}"),
          call: call("adjust_fan_speed", { set_value: D.fanMax }),
          said: [],
        };
      const v = g.int(1, D.fanMax);
      return {
        text: g.x(`{the fan|the fan speed|the blower} {to|on|at} ${g.n(v, 0.5)}`),
        call: call("adjust_fan_speed", { set_value: v }),
        said: [v],
      };
    },
  },
  {
    fn: "set_climate_temperature",
    make: (g) => {
      const zone = g.rng.weighted(["driver", "passenger", "rear"] as const, (z) => (z === "driver" ? 0.6 : 0.2));
      const t = tempPhrase(g, false);
      const noun =
        zone === "driver"
          ? g.x("{the temperature|the temp|my side|the driver side|the thermostat}")
          : zone === "passenger"
            ? g.x("{the passenger side|the passenger's side|the passenger temperature}")
            : g.x("{the back|the rear|the rear temperature|the back seats}");
      return {
        text: `${noun} ${g.x("{to|to|at}")} ${t.text}`,
        call: call(
          "set_climate_temperature",
          t.unit ? { zone, temperature: t.temperature, unit: t.unit } : { zone, temperature: t.temperature },
        ),
        said: [t.temperature],
      };
    },
  },
  {
    fn: "adjust_volume",
    make: (g) => {
      const v = g.int(1, 40);
      return {
        text: g.x(`{the volume|the music|the radio} {to|at|on} ${g.n(v)}`),
        call: call("adjust_volume", { set_value: v }),
        said: [v],
      };
    },
  },
  {
    fn: "set_airflow_mode",
    make: (g) => {
      const mode = g.pick(enumValues("set_airflow_mode", "mode"));
      const tgt =
        mode === "face"
          ? g.x("{face|my face|the face}")
          : mode === "feet"
            ? g.x("{feet|my feet|the floor}")
            : mode === "face and feet"
              ? g.x("{face and feet|feet and face}")
              : g.x("{the windshield|the windscreen|windshield}");
      return {
        text: `${g.x("{the airflow|the air|the vents}")} to ${tgt}`,
        call: call("set_airflow_mode", { mode }),
        said: [],
      };
    },
  },
  {
    fn: "set_seat_heating",
    make: (g) => {
      const seat = g.chance(0.7) ? "driver" : "passenger";
      const lv = g.rng.weighted(["low", "medium", "high", "n"] as const, (x) => (x === "n" ? 0.4 : 0.2));
      const noun =
        seat === "driver"
          ? g.x("{my seat heating|the seat heater|my seat heater}")
          : g.x("{the passenger seat heater|the passenger seat heating}");
      if (lv === "n") {
        const v = g.int(1, 3);
        return {
          text: `${noun} to ${g.x(`{${v}|level ${v}}`)}`,
          call: call("set_seat_heating", { seat, level: v }),
          said: [v],
        };
      }
      const level = lv === "low" ? D.levelLow : lv === "medium" ? D.levelMedium : D.levelHigh;
      return {
        text: `${noun} to ${lv === "high" ? g.x("{high|max}") : lv}`,
        call: call("set_seat_heating", { seat, level }),
        said: [],
      };
    },
  },
];

function setTo(g: G): Draft {
  for (;;) {
    const n = g.chance(0.5) ? 3 : 2;
    const items = g.rng
      .shuffle([...SET_ITEMS])
      .slice(0, n)
      .map((i) => i.make(g));
    const t = items.map((i) => i.text);
    const list =
      n === 2
        ? g.pick([`${t[0]} and ${t[1]}`, `${t[0]} and ${t[1]}`, `${t[0]}, and ${t[1]}`])
        : g.pick([`${t[0]}, ${t[1]} and ${t[2]}`, `${t[0]}, ${t[1]}, and ${t[2]}`]);
    const verb = g.x("{set|set|put|change|turn}");
    const d = cmd(
      `${verb} ${/^(change|turn)$/.test(verb) ? list.replace(/ (at|on) /g, " to ") : list}`,
      items.map((i) => i.call),
      items.flatMap((i) => i.said),
    );
    if (numbersKept(d)) return d;
  }
}

// ------------------------------------------------------------------ "move my seat back and lean it back a bit"

/** A seat move, then "it" for the same seat's backrest (or the other way round). */
function seatIt(g: G): Draft {
  // The backrest first, with amounts ("recline my seat 10 degrees and slide it back 3 cm").
  if (g.chance(0.7)) return reclineAndSlide(g);
  const seat = g.chance(0.75) ? "driver" : "passenger";
  const obj =
    seat === "driver"
      ? g.x("{my seat|my seat|the driver's seat|the seat}")
      : g.x("{the passenger seat|the passenger's seat}");
  const dir = g.pick(["forward", "backward"] as const);
  const bitMove = g.chance(0.3);
  const move = `${g.x("{move|slide|push|bring}")} ${obj} ${dir === "forward" ? "forward" : "back"}${bitMove ? ` ${g.x("{a bit|a little}")}` : ""}`;
  const back = g.chance(0.65);
  const bitLean = g.chance(0.5);
  const lean = back
    ? `${g.x("{lean it back|recline it|tilt it back|recline it a little more}")}`
    : g.x("{make it more upright|bring it more upright|straighten it up}");
  const leanText = lean.includes("a little more")
    ? lean
    : `${lean}${bitLean ? ` ${g.x("{a bit|a little|slightly}")}` : ""}`;
  const angle = lean.includes("a little more") || bitLean ? D.reclineBit : D.recline;
  const conn = g.pick([" and ", " and ", ", and ", " then ", ", then ", " and then "]);
  return {
    text: `${move}${conn}${leanText}`,
    calls: [
      call("adjust_seat_position", { seat, position: dir, distance: bitMove ? D.seatBit : D.seatMove }),
      call("adjust_seat_recline", { seat, direction: back ? "backward" : "forward", angle }),
    ],
    form: "imperative",
    said: [],
    clause: false,
  };
}

/** Families whose one phrase names several functions (or one function twice), or that compose clauses themselves. */
export function sharedVerbFamilies(commands: ReadonlyMap<string, readonly Family[]>): Family[] {
  commandFamilies = commands;
  trainByFn = undefined;
  twoCallFams = undefined;
  const F = new FamilySet();
  const PAR = "(parallel)";
  F.add(PAR, "par.shared.on_off", { weight: 5 }, (g) =>
    sharedOnOff(g, { on: "{turn on|switch on|put on|start}", off: "{turn off|switch off|stop|kill}" }),
  );
  F.add(PAR, "par.shared.open_close", { weight: 3 }, (g) => sharedOpenClose(g));
  F.add(PAR, "par.temp.two_zones", { weight: 1.2 }, (g) => twoZones(g));
  F.add(PAR, "par.shared.set_to", { weight: 0.8 }, (g) => setTo(g));
  F.add(PAR, "par.reasoned", { weight: 1.5 }, (g) => reasoned(g));
  F.add(PAR, "par.seat_it", { weight: 1.15 }, (g) => seatIt(g));
  F.add(PAR, "par.shared.two_windows", { weight: 0.6 }, (g) => twoWindows(g));
  F.add(PAR, "par.defrost.both", { weight: 1.2 }, (g) => defrostBoth(g));
  F.add(PAR, "par.shared.up_down", { weight: 0.8 }, (g) => upDown(g));
  F.add(PAR, "par.three", { weight: 5 }, (g) => threeClauses(g));
  F.add(PAR, "par.terse", { weight: 14 }, (g) => terseList(g));
  F.add(PAR, "par.pair_plus", { weight: 1.5 }, (g) => pairPlus(g));
  F.add(PAR, "par.contrast", { weight: 1 }, (g) => contrast(g));
  F.add(PAR, "par.audio_it", { weight: 0.5 }, (g) => audioIt(g));
  addSameFunctionFamilies(F, PAR);
  addStepPairFamilies(F, PAR);
  addCarryFamilies(F, PAR, {
    clause: (g, fn) => trainClause(g, fn),
    family: (id) => [...commands.values()].flat().find((f) => f.id === id),
  });
  F.add(PAR, "par.held.both", { held: true, weight: 1, heldWords: ["both the"] }, (g) =>
    sharedOnOff(g, { on: "{turn on|switch on}", off: "{turn off|switch off}" }, true),
  );
  return F.all;
}
