/**
 * Parallel requests that call one function (or one seat) twice with different targets
 * and values: "set the driver to 70 and the passenger to 73", "driver 19 celsius,
 * passenger 22 celsius", "two degrees cooler for me and two warmer for the passenger",
 * "driver seat heat on high and passenger on low", "ventilate both front seats on high",
 * "open the passenger window a bit and close mine", "raise my seat 2 cm and move it
 * forward 4 cm", "seat heating off, seat ventilation on".
 *
 * Why a family of its own: the model trained without it copied the first clause's value
 * into the second call ("...passenger side to 72" answered 70), dropped the second call
 * of a comma list, and lost "mine" as the driver's window. The second clause is often
 * elliptical ("and the passenger to 73", "and 72 for the passenger"), so every value,
 * direction and seat has to be read from its own clause; the generator draws them
 * independently so the model cannot learn to copy.
 */
import { type CallSpec, call } from "./calls.js";
import { cmd, type Draft, type FamilySet } from "./families/types.js";
import { BIT_ADV, D, distance, type G, type Zone } from "./lexicon.js";

// ------------------------------------------------------------------ temperatures, one unit per request

type TempKind = "f" | "c" | "bare";

interface Temp {
  readonly text: string;
  readonly value: number;
  readonly unit?: "celsius";
}

/** One temperature of the request's unit: fahrenheit 60..80, celsius 16..27 said with its unit, or 16..27 bare. */
function temp(g: G, kind: TempKind, terse: boolean): Temp {
  if (kind === "f") {
    const v = g.int(60, 80);
    const s = g.n(v);
    return {
      text: terse ? g.x(`{${s}|${s}|${s} degrees|${v}°}`) : g.x(`{${s}|${s} degrees|${s} degrees|${v}°F}`),
      value: v,
    };
  }
  const v = g.int(16, 27);
  const s = g.n(v);
  if (kind === "c")
    return { text: g.x(`{${s} celsius|${s} degrees celsius|${v}°C|${s} degrees C|${s} C}`), value: v, unit: "celsius" };
  return { text: terse ? g.x(`{${s}|${s}|${s} degrees}`) : g.x(`{${s}|${s} degrees}`), value: v };
}

const setTemp = (zone: Zone, t: Temp): CallSpec =>
  call(
    "set_climate_temperature",
    t.unit ? { zone, temperature: t.value, unit: t.unit } : { zone, temperature: t.value },
  );

/** How a zone is named in an elliptical list: "the driver", "passenger side", "the back". */
const ZONE_NAME: Readonly<Record<Zone, string>> = {
  driver: "{the driver|the driver side|the driver's side|my side|driver side|the driver's zone}",
  passenger:
    "{the passenger|the passenger side|the passenger's side|passenger side|the front passenger|the passenger zone}",
  rear: "{the back|the rear|the back seats|the rear zone|the back row|the rear seats}",
};
/** The same zone bare, at the head of a terse item: "driver 70". */
const ZONE_BARE: Readonly<Record<Zone, string>> = {
  driver: "{driver|driver side|driver's side|my side}",
  passenger: "{passenger|passenger side|passenger's side|front passenger}",
  rear: "{back|rear|back seats|rear seats|back row}",
};
/** The zone after "for" or "on": "for me", "on the passenger side". */
const ZONE_FOR: Readonly<Record<Zone, string>> = {
  driver: "{for me|for the driver|on my side|on the driver side|for my side|on the driver's side}",
  passenger:
    "{for the passenger|for my passenger|on the passenger side|for the front passenger|on the passenger's side}",
  rear: "{for the back|in the back|for the rear|for the kids in the back|in the rear|for the back seats}",
};

function twoZonesOf(g: G): [Zone, Zone] {
  const pairs: [Zone, Zone][] = [
    ["driver", "passenger"],
    ["driver", "passenger"],
    ["driver", "passenger"],
    ["passenger", "driver"],
    ["driver", "rear"],
    ["rear", "driver"],
    ["passenger", "rear"],
    ["rear", "passenger"],
  ];
  return g.pick(pairs);
}

/** Two (sometimes three) zones set to their own temperatures, one unit for the whole request. */
function zonesSetApart(g: G): Draft {
  const kind = g.rng.weighted(["f", "c", "bare"] as const, (k) => (k === "f" ? 0.5 : k === "c" ? 0.3 : 0.2));
  if (g.chance(0.35)) {
    const zs = g.rng.shuffle<Zone>(["driver", "passenger", "rear"]);
    const ts = zs.map(() => temp(g, kind, true));
    const item = (i: number) => `${g.x(ZONE_BARE[zs[i]!])} ${ts[i]!.text}`;
    const to = (i: number) => `${g.x(ZONE_NAME[zs[i]!])} to ${ts[i]!.text}`;
    const text = g.pick([
      `${item(0)}, ${item(1)}, ${item(2)}`,
      `${item(0)}, ${item(1)} and ${item(2)}`,
      `set ${to(0)}, ${to(1)} and ${to(2)}`,
      `${g.x("{set|put}")} ${to(0)}, ${to(1)}, ${to(2)}`,
      `${g.x(ZONE_BARE[zs[0]!])} to ${ts[0]!.text}, ${g.x(ZONE_BARE[zs[1]!])} to ${ts[1]!.text}, ${g.x(ZONE_BARE[zs[2]!])} to ${ts[2]!.text}`,
    ]);
    return cmd(
      text,
      zs.map((z, i) => setTemp(z, ts[i]!)),
      ts.map((t) => t.value),
    );
  }
  const [a, b] = twoZonesOf(g);
  const ta = temp(g, kind, true);
  let tb = temp(g, kind, true);
  // Mostly different values: copying the first value must be wrong most of the time.
  for (let i = 0; i < 3 && tb.value === ta.value; i++) tb = temp(g, kind, true);
  const k = g.int(0, 11);
  const name = (z: Zone) => g.x(ZONE_NAME[z]);
  const bare = (z: Zone) => g.x(ZONE_BARE[z]);
  const forZ = (z: Zone) => g.x(ZONE_FOR[z]);
  const text = [
    () => `${g.x("{set|put}")} ${name(a)} ${g.x("{to|at}")} ${ta.text} and ${name(b)} ${g.x("{to|at|}")} ${tb.text}`,
    () => `${bare(a)} ${ta.text}, ${bare(b)} ${tb.text}`,
    () => `${bare(a)} ${ta.text} and ${bare(b)} ${tb.text}`,
    () => `${bare(a)} at ${ta.text}, ${bare(b)} at ${tb.text}`,
    () => `${ta.text} ${forZ(a)} and ${tb.text} ${forZ(b)}`,
    () => `${g.x("{set|make}")} it ${ta.text} ${forZ(a)} and ${tb.text} ${forZ(b)}`,
    () => `${g.x("{set|put}")} ${name(a)} to ${ta.text}, ${name(b)} to ${tb.text}`,
    () => `set the temperature to ${ta.text} ${forZ(a)} and ${tb.text} ${forZ(b)}`,
    () => `${name(a)} to ${ta.text} ${g.x("{please|}")} and ${name(b)} to ${tb.text}`,
    () => `${g.x("{set|put|make}")} ${name(a)} ${ta.text} and ${name(b)} ${tb.text}`,
    () => `${bare(a)} to ${ta.text}, ${bare(b)} to ${tb.text}`,
    () => `${bare(a)} to ${ta.text} ${g.x("{and|then|,}")} ${bare(b)} to ${tb.text}`,
  ][k]!();
  return cmd(text, [setTemp(a, ta), setTemp(b, tb)], [ta.value, tb.value]);
}

/** Two zones to one temperature: "set the driver and passenger to 70", "both sides to 21 celsius". */
function zonesSetTogether(g: G): Draft {
  const kind = g.rng.weighted(["f", "c", "bare"] as const, (k) => (k === "f" ? 0.5 : k === "c" ? 0.3 : 0.2));
  const t = temp(g, kind, false);
  const [a, b] = twoZonesOf(g);
  const front = (a === "driver" && b === "passenger") || (a === "passenger" && b === "driver");
  const both =
    front && g.chance(0.35)
      ? g.x("{both sides|both front zones|the driver and the passenger|driver and passenger}")
      : `${g.x(ZONE_NAME[a])} and ${g.x(ZONE_NAME[b])}`;
  const text = g.x(`{set|put|make} ${both} {to|at|} ${t.text}`);
  return cmd(text, [setTemp(a, t), setTemp(b, t)], [t.value]);
}

/** Opposite or separate temperature steps per zone: "two degrees cooler for me and three warmer for the passenger". */
function zonesStep(g: G): Draft {
  const [a, b] = twoZonesOf(g);
  const numbered = g.chance(0.65);
  const da = numbered ? g.int(1, 5) : D.tempStep;
  const db = numbered ? g.int(1, 5) : D.tempStep;
  const upA = g.chance(0.5);
  const upB = g.chance(0.6) ? !upA : upA;
  const warm = (up: boolean) => (up ? g.x("{warmer|hotter}") : g.x("{cooler|colder}"));
  const deg = (n: number) => (n === 1 ? g.x("{one degree|a degree|1 degree}") : `${g.n(n)} degrees`);
  const short = (n: number) => (g.chance(0.5) ? g.n(n) : deg(n));
  const name = (z: Zone) => g.x(ZONE_NAME[z]);
  const forZ = (z: Zone) => g.x(ZONE_FOR[z]);
  const ud = (up: boolean) => (up ? "up" : "down");
  const rl = (up: boolean) => (up ? g.x("{raise|increase}") : g.x("{lower|drop|reduce}"));
  if (numbered && g.chance(0.2)) {
    // "turn the temperature up 3 in the back and 1 on the passenger side": one direction,
    // the second amount said alone
    const fz = (z: Zone) => g.x(z === "rear" ? "{in the back|in the rear|for the back}" : ZONE_FOR[z]);
    const text = `${g.x("{turn|put|bring}")} the ${g.x("{temperature|temp|heat}")} ${ud(upA)} ${g.n(da)} ${fz(a)} and ${g.n(db)} ${fz(b)}`;
    return cmd(
      text,
      [
        call("change_climate_temperature", { zone: a, temperature_diff: upA ? da : -da }),
        call("change_climate_temperature", { zone: b, temperature_diff: upA ? db : -db }),
      ],
      [da, db].filter((n) => n !== 1),
    );
  }
  let text: string;
  if (!numbered) {
    text = g.pick([
      `${warm(upA)} ${forZ(a)} and ${warm(upB)} ${forZ(b)}`,
      `make ${name(a)} ${warm(upA)} and ${name(b)} ${warm(upB)}`,
      `${g.x("{turn|put}")} the ${g.x("{temperature|temp|heat}")} ${ud(upA)} ${forZ(a)} and ${ud(upB)} ${forZ(b)}`,
      `${rl(upA)} the ${g.x("{temperature|temp}")} ${forZ(a)} and ${rl(upB)} it ${forZ(b)}`,
    ]);
  } else {
    text = g.pick([
      `make ${name(a)} ${deg(da)} ${warm(upA)} and ${name(b)} ${short(db)} ${warm(upB)}`,
      `${deg(da)} ${warm(upA)} ${forZ(a)} and ${short(db)} ${warm(upB)} ${forZ(b)}`,
      `${name(a)} ${ud(upA)} ${deg(da)}, ${name(b)} ${ud(upB)} ${deg(db)}`,
      `${g.x("{turn|put}")} ${name(a)} ${ud(upA)} by ${deg(da)} and ${name(b)} ${ud(upB)} by ${deg(db)}`,
      `${rl(upA)} ${name(a)} by ${deg(da)} and ${rl(upB)} ${name(b)} by ${short(db)}`,
      `${name(a)} ${deg(da)} ${warm(upA)}, ${name(b)} ${deg(db)} ${warm(upB)}`,
      `${g.x(ZONE_BARE[a])} ${deg(da)} ${warm(upA)} and ${g.x(ZONE_BARE[b])} ${short(db)} ${warm(upB)}`,
    ]);
  }
  const said = numbered ? [da, db].filter((n) => n !== 1) : [];
  return cmd(
    text,
    [
      call("change_climate_temperature", { zone: a, temperature_diff: upA ? da : -da }),
      call("change_climate_temperature", { zone: b, temperature_diff: upB ? db : -db }),
    ],
    said,
  );
}

// ------------------------------------------------------------------ seat heating and ventilation per seat

type Seat = "driver" | "passenger" | "rear left" | "rear right";
type Feature = "set_seat_heating" | "set_seat_ventilation";

/** The seat before "seat heating": "my", "the passenger's", "rear left". */
const SEAT_MOD: Readonly<Record<Seat, string>> = {
  driver: "{my|the driver's|driver|driver's}",
  passenger: "{the passenger's|the passenger|passenger|the front passenger's}",
  "rear left": "{the rear left|the back left|rear left|the left rear}",
  "rear right": "{the rear right|the back right|rear right|the right rear}",
};
/** The seat alone in an elliptical second clause: "and the passenger's on low", "and mine off". */
const SEAT_ALONE: Readonly<Record<Seat, string>> = {
  driver: "{mine|my seat|the driver's|the driver's seat}",
  passenger: "{the passenger's|the passenger|passenger|the passenger seat|the passenger's seat}",
  "rear left": "{the rear left|rear left|the back left|the rear left seat}",
  "rear right": "{the rear right|rear right|the back right|the rear right seat}",
};

/** The seat after the level: "for me", "for the passenger". */
const SEAT_FOR: Readonly<Record<Seat, string>> = {
  driver: "{for me|for the driver|for my seat|on my side}",
  passenger: "{for the passenger|for my passenger|on the passenger side|for the passenger seat}",
  "rear left": "{for the rear left|for the back left seat|for the rear left seat}",
  "rear right": "{for the rear right|for the back right seat|for the rear right seat}",
};

/** Plural nouns for a pair of seats: "front seat heaters on". */
const FEATURE_PLURAL: Readonly<Record<Feature, string>> = {
  set_seat_heating: "{seat heaters|seat warmers|heated seats}",
  set_seat_ventilation: "{seat fans|ventilated seats|cooled seats|seat ventilation}",
};

const FEATURE_NOUN: Readonly<Record<Feature, string>> = {
  set_seat_heating: "{seat heating|seat heater|heated seat|seat heat|seat warmer}",
  set_seat_ventilation: "{seat ventilation|seat cooling|ventilated seat|seat fan|cooled seat}",
};

interface Level {
  readonly text: string;
  readonly level: number;
  readonly said: number[];
}

function level(g: G, allowOff: boolean): Level {
  const k = g.rng.weighted(["low", "med", "high", "num", "on", "off"] as const, (x) =>
    x === "off" ? (allowOff ? 0.15 : 0) : x === "num" ? 0.25 : x === "on" ? 0.12 : 0.16,
  );
  switch (k) {
    case "low":
      return { text: g.x("{on low|low|on the lowest setting|on one}"), level: D.levelLow, said: [] };
    case "med":
      return { text: g.x("{on medium|medium|to medium|on mid}"), level: D.levelMedium, said: [] };
    case "high":
      return { text: g.x("{on high|high|on max|to max|on full|to high}"), level: D.levelHigh, said: [] };
    case "on":
      return { text: "on", level: D.levelOn, said: [] };
    case "off":
      return { text: "off", level: D.levelOff, said: [] };
    default: {
      const n = g.int(1, 3);
      const s = g.n(n, 0.4);
      return {
        text: g.x(`{to ${s}|on ${s}|to level ${s}|at ${s}|on level ${s}}`),
        level: n,
        said: n === 1 ? [] : [n],
      };
    }
  }
}

function seatPair(g: G, f: Feature): [Seat, Seat] {
  if (f === "set_seat_ventilation") return g.chance(0.7) ? ["driver", "passenger"] : ["passenger", "driver"];
  return g.pick<[Seat, Seat]>([
    ["driver", "passenger"],
    ["driver", "passenger"],
    ["passenger", "driver"],
    ["rear left", "rear right"],
    ["driver", "rear left"],
    ["rear right", "passenger"],
  ]);
}

/** Two seats with their own levels: "driver seat heat on high and passenger on low". */
function seatsApart(g: G): Draft {
  const f: Feature = g.chance(0.6) ? "set_seat_heating" : "set_seat_ventilation";
  const [a, b] = seatPair(g, f);
  const la = level(g, true);
  let lb = level(g, true);
  for (let i = 0; i < 3 && lb.level === la.level; i++) lb = level(g, true);
  const noun = g.x(FEATURE_NOUN[f]);
  const verb = f === "set_seat_heating" ? g.x("{heat|warm}") : g.x("{ventilate|cool}");
  const k = g.int(0, 5);
  let text: string;
  if (k === 0) text = `${g.x(SEAT_MOD[a])} ${noun} ${la.text} and ${g.x(SEAT_ALONE[b])} ${lb.text}`;
  else if (k === 1) text = `${g.x(SEAT_MOD[a])} ${noun} ${la.text}, ${g.x(SEAT_ALONE[b])} ${lb.text}`;
  else if (k === 2) text = `${noun} ${la.text} ${g.x(SEAT_FOR[a])} and ${lb.text} ${g.x(SEAT_FOR[b])}`;
  else if (k === 3)
    text = `${g.x("{set|put|turn}")} ${g.x(SEAT_MOD[a])} ${noun} ${la.text} and ${g.x(SEAT_ALONE[b])} ${lb.text}`;
  else if (k === 4 && la.level > 0 && lb.level > 0)
    text = `${verb} ${g.x(SEAT_ALONE[a])} ${la.text} and ${g.x(SEAT_ALONE[b])} ${lb.text}`;
  else text = `${g.x(SEAT_MOD[a])} ${noun} ${la.text} ${g.x("{and|but|, and}")} ${g.x(SEAT_MOD[b])} ${noun} ${lb.text}`;
  return cmd(
    text.replace(/ ,/g, ","),
    [call(f, { seat: a, level: la.level }), call(f, { seat: b, level: lb.level })],
    [...la.said, ...lb.said],
  );
}

/** Both front or both rear seats to one level: "ventilate both front seats on high", "heat both rear seats". */
function seatsTogether(g: G): Draft {
  const f: Feature = g.chance(0.5) ? "set_seat_heating" : "set_seat_ventilation";
  const rear = f === "set_seat_heating" && g.chance(0.45);
  const [a, b]: [Seat, Seat] = rear ? ["rear left", "rear right"] : ["driver", "passenger"];
  const seats = rear
    ? g.x("{both rear seats|both back seats|the rear seats|the back seats|the two back seats|both seats in the back}")
    : g.x("{both front seats|the front seats|the two front seats|both seats in front|the driver and passenger seats}");
  const l = level(g, true);
  const noun = g.x(FEATURE_NOUN[f]);
  const verb = f === "set_seat_heating" ? g.x("{heat|warm up}") : g.x("{ventilate|cool}");
  const lv = l.level > 0 && l.text !== "on" ? ` ${l.text}` : "";
  const k = g.int(0, 3);
  let text: string;
  if (l.level > 0 && k === 0) text = `${verb} ${seats}${lv}`;
  else if (k <= 1) text = `${noun} ${l.text} ${g.x("{for|on|in}")} ${seats}`;
  else if (k === 2) text = `${g.x("{turn|switch|put}")} the ${noun} ${l.text} for ${seats}`;
  else text = `${rear ? g.x("{rear|back}") : "front"} ${g.x(FEATURE_PLURAL[f])} ${l.text}`;
  return cmd(text, [call(f, { seat: a, level: l.level }), call(f, { seat: b, level: l.level })], l.said);
}

/** Heating and ventilation of one seat in one request: "seat heating off, seat ventilation on". */
function heatThenVent(g: G): Draft {
  const seat = g.chance(0.55) ? "driver" : "passenger";
  const heatOn = g.chance(0.35);
  const lh: Level = heatOn ? level(g, false) : { text: "off", level: 0, said: [] };
  const lv: Level = heatOn ? { text: "off", level: 0, said: [] } : level(g, false);
  const their = seat === "driver" ? "my" : g.x("{their|the passenger's|the passenger}");
  const mod = g.x(SEAT_MOD[seat]);
  const heat = g.x(FEATURE_NOUN.set_seat_heating);
  const vent = g.x(FEATURE_NOUN.set_seat_ventilation);
  const on = (l: Level) =>
    l.level === 0 ? "off" : l.text === "on" ? "on" : `on ${l.text.replace(/^(on|to|at) /, "")}`;
  const lvl = (l: Level) => (l.level > 0 && l.text !== "on" ? ` ${l.text}` : "");
  const turn = (l: Level) => (l.level === 0 ? g.x("{turn off|switch off}") : g.x("{turn on|switch on|put on}"));
  const heatFirst = g.chance(0.7);
  const [first, firstL, second, secondL] = heatFirst ? [heat, lh, vent, lv] : [vent, lv, heat, lh];
  const k = g.int(0, 2);
  const text =
    k === 0
      ? `${seat === "driver" && g.chance(0.5) ? "" : `${mod} `}${first} ${on(firstL)}, ${second} ${on(secondL)}`
      : k === 1
        ? `${turn(firstL)} ${mod} ${first}${lvl(firstL)} and ${turn(secondL)} ${their} ${second}${lvl(secondL)}`
        : `${mod} ${first} ${on(firstL)} and ${second} ${on(secondL)}`;
  return cmd(
    text.replace(/^ +/, ""),
    heatFirst
      ? [call("set_seat_heating", { seat, level: lh.level }), call("set_seat_ventilation", { seat, level: lv.level })]
      : [call("set_seat_ventilation", { seat, level: lv.level }), call("set_seat_heating", { seat, level: lh.level })],
    [...lh.said, ...lv.said],
  );
}

// ------------------------------------------------------------------ two windows, each its own way

type Window = "driver" | "passenger" | "front left" | "front right" | "rear left" | "rear right";

const WINDOW_NAME: Readonly<Record<Window, string>> = {
  driver: "{my window|the driver's window|the driver window|my side window}",
  passenger: "{the passenger window|the passenger's window|the passenger side window|the front passenger window}",
  "front left": "{the front left window|the left front window|the front left}",
  "front right": "{the front right window|the right front window|the front right}",
  "rear left": "{the rear left window|the back left window|the left rear window|the rear left}",
  "rear right": "{the rear right window|the back right window|the right rear window|the rear right}",
};
const WINDOW_ALONE: Readonly<Record<Window, string>> = {
  driver: "{mine|my one|my window|the driver's}",
  passenger: "{the passenger's|the passenger one|the passenger window|the passenger side}",
  "front left": "{the front left one|the front left|the left front one}",
  "front right": "{the front right one|the front right|the right front one}",
  "rear left": "{the rear left|the left rear one|the back left}",
  "rear right": "{the rear right|the right rear one|the back right}",
};

interface WindowMove {
  readonly down: boolean;
  readonly text: string;
  readonly mm: number;
  readonly said: number[];
}

function windowMove(g: G, down: boolean): WindowMove {
  const k = g.rng.weighted(["full", "bit", "half", "num"] as const, (x) =>
    x === "full" ? 0.45 : x === "num" ? 0.15 : 0.2,
  );
  if (k === "full") return { down, text: g.x("{||all the way|fully}"), mm: D.windowFull, said: [] };
  if (k === "bit") return { down, text: g.x("{a bit|a little|slightly|a crack}"), mm: D.windowBit, said: [] };
  if (k === "half") return { down, text: g.x("{halfway|half way}"), mm: D.windowHalf, said: [] };
  const d = distance(g, D.windowFull, 20);
  return { down, text: d.text, mm: d.mm, said: [d.mm] };
}

/** "open the passenger window a bit and close mine", "close the passenger window and open mine halfway". */
function windowsEachWay(g: G): Draft {
  const pairs: [Window, Window][] = [
    ["passenger", "driver"],
    ["driver", "passenger"],
    ["rear left", "rear right"],
    ["rear right", "driver"],
    ["driver", "rear left"],
    ["passenger", "rear right"],
    ["rear right", "front left"],
    ["front right", "rear left"],
    ["front left", "rear right"],
    ["rear left", "front right"],
  ];
  const [a, b] = g.pick(pairs);
  const downA = g.chance(0.5);
  if (g.chance(0.3)) {
    // "open the rear right window fully and the front left one halfway": one verb, each
    // window its own amount
    const ma = windowMove(g, downA);
    let mb = windowMove(g, downA);
    for (let i = 0; i < 3 && mb.mm === ma.mm; i++) mb = windowMove(g, downA);
    const verb = downA ? g.x("{open|lower|roll down|put down}") : g.x("{close|raise|roll up|put up}");
    // A full move is said too: "open the rear right window halfway and the front left one"
    // reads as halfway for both.
    const amt = (m: WindowMove) => ` ${m.text || g.x("{fully|all the way}")}`;
    const text = `${verb} ${g.x(WINDOW_NAME[a])}${amt(ma)} and ${g.x(WINDOW_ALONE[b])}${amt(mb)}`;
    const pos = downA ? "down" : "up";
    return cmd(
      text,
      [
        call("control_window", { window: a, position: pos, distance: ma.mm }),
        call("control_window", { window: b, position: pos, distance: mb.mm }),
      ],
      [...ma.said, ...mb.said],
    );
  }
  const downB = g.chance(0.75) ? !downA : downA;
  const ma = windowMove(g, downA);
  const mb = windowMove(g, downB);
  const verb = (down: boolean) =>
    down ? g.x("{open|lower|roll down|put down|wind down}") : g.x("{close|shut|raise|roll up|put up|wind up}");
  const word = (down: boolean) => (down ? "down" : "up");
  const tail = (m: WindowMove) => (m.text ? ` ${m.text}` : "");
  const k = g.int(0, 3);
  const text =
    k === 0
      ? `${verb(downA)} ${g.x(WINDOW_NAME[a])}${tail(ma)} and ${verb(downB)} ${g.x(WINDOW_ALONE[b])}${tail(mb)}`
      : k === 1
        ? `${g.x(WINDOW_NAME[a])} ${word(downA)}${tail(ma)}, ${g.x(WINDOW_ALONE[b])} ${word(downB)}${tail(mb)}`
        : k === 2
          ? `${verb(downA)} ${g.x(WINDOW_NAME[a])}${tail(ma)} ${g.x("{but|and}")} ${verb(downB)} ${g.x(WINDOW_ALONE[b])}${tail(mb)}`
          : `${verb(downA)} ${g.x(WINDOW_NAME[a])}${tail(ma)}, then ${verb(downB)} ${g.x(WINDOW_ALONE[b])}${tail(mb)}`;
  const c = (w: Window, m: WindowMove) =>
    call("control_window", { window: w, position: m.down ? "down" : "up", distance: m.mm });
  return cmd(text, [c(a, ma), c(b, mb)], [...ma.said, ...mb.said]);
}

// ------------------------------------------------------------------ one seat, two movements

type Move = "forward" | "backward" | "up" | "down";

interface SeatMove {
  readonly dir: Move;
  readonly amount: string;
  readonly mm: number;
  readonly said: number[];
}

function seatMove(g: G, dir: Move): SeatMove {
  const k = g.rng.weighted(["none", "bit", "num"] as const, (x) => (x === "num" ? 0.55 : x === "bit" ? 0.25 : 0.2));
  if (k === "none") return { dir, amount: "", mm: D.seatMove, said: [] };
  if (k === "bit") return { dir, amount: g.x(BIT_ADV), mm: D.seatBit, said: [] };
  const d = distance(g, D.seatAll, 5);
  return { dir, amount: d.text, mm: d.mm, said: [d.mm] };
}

const MOVE_WORD: Readonly<Record<Move, string>> = {
  forward: "{forward|forwards|ahead}",
  backward: "{back|backward|backwards}",
  up: "{up|higher}",
  down: "{down|lower}",
};

/** "raise my seat 2 cm and move it forward 4 cm", "move the passenger seat back 5 cm and down 1 cm". */
function seatTwoMoves(g: G): Draft {
  const seat = g.chance(0.65) ? "driver" : "passenger";
  const obj =
    seat === "driver"
      ? g.x("{my seat|the seat|the driver's seat|my chair}")
      : g.x("{the passenger seat|the passenger's seat|the front passenger seat}");
  const slide: Move = g.chance(0.5) ? "forward" : "backward";
  const lift: Move = g.chance(0.5) ? "up" : "down";
  const [m1, m2] = (g.chance(0.5) ? [slide, lift] : [lift, slide]).map((d) => seatMove(g, d)) as [SeatMove, SeatMove];
  const amt = (m: SeatMove) => (m.amount ? ` ${m.amount}` : "");
  const w = (m: SeatMove) => g.x(MOVE_WORD[m.dir]);
  const verb1 = (m: SeatMove) =>
    m.dir === "up"
      ? `${g.x("{raise|lift}")} ${obj}`
      : m.dir === "down"
        ? `${g.x("{lower|drop}")} ${obj}`
        : `${g.x("{move|slide|push}")} ${obj} ${w(m)}`;
  const itVerb = (m: SeatMove) =>
    m.dir === "up"
      ? g.x("{raise it|lift it|move it up|bring it up}")
      : m.dir === "down"
        ? g.x("{lower it|drop it|move it down}")
        : `${g.x("{move|slide|bring}")} it ${w(m)}`;
  const k = g.int(0, 2);
  const text =
    k === 0
      ? `${verb1(m1)}${amt(m1)} and ${itVerb(m2)}${amt(m2)}`
      : k === 1
        ? `${g.x("{move|put}")} ${obj} ${w(m1)}${amt(m1)} and ${w(m2)}${amt(m2)}`
        : `${verb1(m1)}${amt(m1)}, then ${itVerb(m2)}${amt(m2)}`;
  const c = (m: SeatMove) => call("adjust_seat_position", { seat, position: m.dir, distance: m.mm });
  return cmd(text, [c(m1), c(m2)], [...m1.said, ...m2.said]);
}

/**
 * "recline my seat a bit and slide it back a little": backrest, then seat, of one seat.
 * Part of `par.seat_it` (parallel.ts), which also says it the other way round.
 */
export function reclineAndSlide(g: G): Draft {
  const seat = g.chance(0.65) ? "driver" : "passenger";
  const obj =
    seat === "driver" ? g.x("{my seat|the seat|the driver's seat}") : g.x("{the passenger seat|the passenger's seat}");
  const r = g.rng.weighted(["none", "bit", "num"] as const, (x) => (x === "num" ? 0.3 : 0.35));
  const deg = r === "num" ? g.int(2, 30) : r === "bit" ? D.reclineBit : D.recline;
  const reclineCall = call("adjust_seat_recline", { seat, direction: "backward", angle: deg });
  const m = seatMove(g, g.chance(0.5) ? "forward" : "backward");
  const moveCall = call("adjust_seat_position", { seat, position: m.dir, distance: m.mm });
  const recAmount =
    r === "num" ? ` ${g.x(`{${g.n(deg)} degrees|by ${g.n(deg)} degrees}`)}` : r === "bit" ? ` ${g.x(BIT_ADV)}` : "";
  const recText = g.x(`{recline ${obj}|lean ${obj} back|tilt ${obj} back}`) + recAmount;
  const text = `${recText} and ${g.x("{slide|move|push}")} it ${g.x(MOVE_WORD[m.dir])}${m.amount ? ` ${m.amount}` : ""}`;
  return cmd(text, [reclineCall, moveCall], [...(r === "num" ? [deg] : []), ...m.said]);
}

/**
 * "recline my seat 15 degrees and the passenger seat 10 degrees", "move my seat forward 2 cm
 * and the passenger's back 3 cm": one movement function for two seats, each its own amount.
 */
function twoSeatsMoved(g: G): Draft {
  const [a, b]: ["driver" | "passenger", "driver" | "passenger"] = g.chance(0.6)
    ? ["driver", "passenger"]
    : ["passenger", "driver"];
  const first = (z: string) =>
    z === "driver" ? g.x("{my seat|the driver's seat|my chair}") : g.x("{the passenger seat|the passenger's seat}");
  const second = (z: string) =>
    z === "driver"
      ? g.x("{mine|my seat|the driver's seat|the driver's}")
      : g.x("{the passenger seat|the passenger's|the passenger's seat|the passenger}");
  if (g.chance(0.5)) {
    const back = g.chance(0.75);
    const angle = () => {
      // Never unsaid: after one shared verb, "recline my seat 15 degrees and the passenger's"
      // reads as 15 for both, not the default for the second.
      if (g.chance(0.85)) {
        const n = g.int(2, 30);
        return { text: ` ${g.n(n)} degrees`, deg: n, said: [n] };
      }
      return { text: ` ${g.x(BIT_ADV)}`, deg: D.reclineBit, said: [] as number[] };
    };
    const ra = angle();
    let rb = angle();
    for (let i = 0; i < 3 && rb.deg === ra.deg; i++) rb = angle();
    const verb = back
      ? g.x("{recline|lean back|tilt back}")
      : g.x("{straighten|raise the backrest of|bring up the backrest of}");
    const dir = back ? "backward" : "forward";
    return cmd(
      `${verb} ${first(a)}${ra.text} and ${second(b)}${rb.text}`,
      [
        call("adjust_seat_recline", { seat: a, direction: dir, angle: ra.deg }),
        call("adjust_seat_recline", { seat: b, direction: dir, angle: rb.deg }),
      ],
      [...ra.said, ...rb.said],
    );
  }
  // Both amounts said, for the same reason.
  const said = (dir: Move) => {
    for (;;) {
      const m = seatMove(g, dir);
      if (m.amount) return m;
    }
  };
  const ma = said(g.chance(0.5) ? "forward" : "backward");
  const mb = said(g.pick<Move>(["forward", "backward", "up", "down"]));
  const amt = (m: SeatMove) => (m.amount ? ` ${m.amount}` : "");
  const text = `${g.x("{move|slide|put}")} ${first(a)} ${g.x(MOVE_WORD[ma.dir])}${amt(ma)} and ${second(b)} ${g.x(MOVE_WORD[mb.dir])}${amt(mb)}`;
  return cmd(
    text,
    [
      call("adjust_seat_position", { seat: a, position: ma.dir, distance: ma.mm }),
      call("adjust_seat_position", { seat: b, position: mb.dir, distance: mb.mm }),
    ],
    [...ma.said, ...mb.said],
  );
}

/** Adds the same-function parallel families to the shared-verb set. */
export function addSameFunctionFamilies(F: FamilySet, group: string): void {
  F.add(group, "par.same.temp_apart", { weight: 3.2 }, zonesSetApart);
  F.add(group, "par.same.temp_together", { weight: 1.2 }, zonesSetTogether);
  F.add(group, "par.same.temp_step", { weight: 1.8 }, zonesStep);
  F.add(group, "par.same.seats_apart", { weight: 2.2 }, seatsApart);
  F.add(group, "par.same.seats_together", { weight: 1.6 }, seatsTogether);
  F.add(group, "par.same.heat_vent", { weight: 1 }, heatThenVent);
  F.add(group, "par.same.windows_each_way", { weight: 2.2 }, windowsEachWay);
  F.add(group, "par.same.seat_two_moves", { weight: 1.6 }, seatTwoMoves);
  F.add(group, "par.same.two_seats_moved", { weight: 1.2 }, twoSeatsMoved);
}
