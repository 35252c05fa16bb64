/**
 * Parallel requests (2-3 calls in one query): single-command clauses of different
 * functions joined by a connector ("close every window and switch on the AC", "...,
 * then ..."), and shared-verb families ("turn on the AC and the recirculation", "open
 * the sunroof and the sunshade"). The held-out split holds out two connectors and the
 * shared-verb "both the" family, and any parallel query with a held-out clause.
 */
import { type CallSpec, call, enumValues } from "./calls.js";
import { cmd, type Draft, type Family, FamilySet } from "./families/types.js";
import { D, type G, pickZone, tempPhrase, windowObject, windows, type Zone, zoneWords } from "./lexicon.js";

export interface Connector {
  readonly id: string;
  readonly held: boolean;
  readonly heldWords: readonly string[];
  join(g: G, clauses: readonly string[]): string;
}

function connector(
  id: string,
  two: string[],
  three: (c: readonly string[]) => string[],
  held = false,
  heldWords: string[] = [],
): Connector {
  return {
    id,
    held,
    heldWords,
    join: (g, c) => (c.length === 2 ? `${c[0]}${g.pick(two)}${c[1]}` : g.pick(three(c))),
  };
}

export const CONNECTORS: readonly Connector[] = [
  connector("and", [" and ", " and ", ", and "], (c) => [
    `${c[0]}, ${c[1]} and ${c[2]}`,
    `${c[0]}, ${c[1]}, and ${c[2]}`,
    `${c[0]} and ${c[1]} and ${c[2]}`,
  ]),
  connector("then", [", then ", " then ", " and then ", ". then "], (c) => [
    `${c[0]}, then ${c[1]}, then ${c[2]}`,
    `${c[0]}, ${c[1]}, then ${c[2]}`,
    `${c[0]} and ${c[1]} and then ${c[2]}`,
  ]),
  connector("also", [", also ", " and also ", ". also ", ", and also "], (c) => [
    `${c[0]}, ${c[1]}, and also ${c[2]}`,
    `${c[0]}, also ${c[1]} and ${c[2]}`,
  ]),
  connector("plus", [" plus ", ", plus ", " & "], (c) => [
    `${c[0]}, ${c[1]} plus ${c[2]}`,
    `${c[0]} & ${c[1]} & ${c[2]}`,
  ]),
  connector("runon", [", ", " ", ". "], (c) => [
    `${c[0]}, ${c[1]}, ${c[2]}`,
    `${c[0]} ${c[1]} ${c[2]}`,
    `${c[0]}. ${c[1]}. ${c[2]}`,
  ]),
  connector(
    "after_that",
    [", and after that ", " and after that "],
    (c) => [`${c[0]}, ${c[1]}, and after that ${c[2]}`],
    true,
    ["after that"],
  ),
  connector(
    "while_at_it",
    [" and while you're at it ", ", and while you're at it, "],
    (c) => [`${c[0]}, ${c[1]}, and while you're at it ${c[2]}`],
    true,
    ["while you're at it"],
  ),
];

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
  if (items.length === 2) return `${items[0]} and ${items[1]}`;
  return g.pick([`${items[0]}, ${items[1]} and ${items[2]}`, `${items[0]}, ${items[1]}, and ${items[2]}`]);
}

function pickDistinct<T extends { key: string }>(g: G, items: readonly T[], n: number): T[] {
  const pool = g.rng.shuffle([...items]);
  return pool.slice(0, n);
}

function sharedOnOff(g: G, verbs: { on: string; off: string }, both = false): Draft {
  const on = g.chance(0.65);
  const pool = ON_OFF.filter((i) => on || i.key !== "fan").filter((i) => !on || i.onOk);
  const n = !both && g.chance(0.25) ? 3 : 2;
  const items = pickDistinct(g, pool, n);
  const nouns = items.map((i) => i.noun(g));
  const calls = items.map((i) => i.call(on));
  const list = both ? `both ${nouns[0]} and ${nouns[1]}` : listJoin(g, nouns);
  const text = g.x(
    both || g.chance(0.75)
      ? `${on ? verbs.on : verbs.off} ${list}`
      : `${list} ${on ? "{on|on please}" : "{off|off please}"}`,
  );
  return cmd(text, calls);
}

function sharedOpenClose(g: G): Draft {
  const open = g.chance(0.55);
  for (;;) {
    const n = g.chance(0.2) ? 3 : 2;
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

/** Families whose one phrase names several functions (or one function twice). */
export function sharedVerbFamilies(): Family[] {
  const F = new FamilySet();
  const PAR = "(parallel)";
  F.add(PAR, "par.shared.on_off", { weight: 3 }, (g) =>
    sharedOnOff(g, { on: "{turn on|switch on|put on|start}", off: "{turn off|switch off|stop|kill}" }),
  );
  F.add(PAR, "par.shared.open_close", { weight: 2.5 }, (g) => sharedOpenClose(g));
  F.add(PAR, "par.temp.two_zones", { weight: 1.5 }, (g) => twoZones(g));
  F.add(PAR, "par.defrost.both", { weight: 0.7 }, (g) => {
    const on = g.chance(0.7);
    const state = on ? "on" : "off";
    const devices =
      "{both defrosters|the front and rear defrosters|front and rear demisters|the front and back defrosters}";
    const text =
      on && g.chance(0.3)
        ? g.x("{defrost|demist} {the front and back windows|both windscreens|the windshield and the rear window}")
        : g.x(`{{turn|switch} ${state} ${devices}|{front and rear defrost|both defrosters} ${state}}`);
    return cmd(text, [call("set_defroster", { target: "front", on }), call("set_defroster", { target: "rear", on })]);
  });
  F.add(PAR, "par.held.both", { held: true, weight: 1, heldWords: ["both the"] }, (g) =>
    sharedOnOff(g, { on: "{turn on|switch on}", off: "{turn off|switch off}" }, true),
  );
  return F.all;
}
