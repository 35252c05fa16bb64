/**
 * Phrasing families: adjust_seat_position, adjust_seat_recline, set_seat_heating,
 * set_seat_ventilation, set_steering_wheel_heating.
 */
import { call, enumValues } from "../calls.js";
import {
  ALL_THE_WAY,
  BIT_ADV,
  backrestObject,
  D,
  distance,
  type FrontSeat,
  type G,
  heatedSeatMod,
  heatedSeatObject,
  levelPhrase,
  seatObject,
} from "../lexicon.js";
import { ask, cmd, type FamilySet, stmt } from "./types.js";

const POS = "adjust_seat_position";
const RECLINE = "adjust_seat_recline";
const HEAT = "set_seat_heating";
const VENT = "set_seat_ventilation";
const WHEEL = "set_steering_wheel_heating";

type Dir = "forward" | "backward" | "up" | "down";

function pickSeat(g: G): FrontSeat {
  return g.chance(0.7) ? "driver" : "passenger";
}

/** A front seat with its determiner ("my seat", "the passenger's seat"), for sentences where the seat is the subject. */
function seatWithDet(g: G, seat: FrontSeat): string {
  return seat === "driver"
    ? g.x("{my seat|the seat|the driver's seat|the driver seat|my chair}")
    : g.x("{the passenger seat|the passenger's seat|the front passenger seat}");
}

/** The verb phrase that moves a seat in a direction, with the seat object placed inside. */
function moveSeat(g: G, dir: Dir, obj: string): string {
  switch (dir) {
    case "forward":
      return g.x(
        `{{move|slide|shift|bring|push|adjust} ${obj} {forward|forwards}|${obj} forward|{move|slide} ${obj} closer to the {wheel|steering wheel|dash|dashboard}}`,
      );
    case "backward":
      return g.x(
        `{{move|slide|shift|push|adjust} ${obj} {back|backward|backwards}|${obj} {back|backwards}|{move|slide} ${obj} {further back|away from the wheel}}`,
      );
    case "up":
      return g.x(
        `{{raise|lift} ${obj}|{move|put|bring|adjust} ${obj} up|${obj} up|${obj} higher|make ${obj} higher|{raise|increase} ${obj} height}`,
      );
    case "down":
      return g.x(
        `{{lower|drop} ${obj}|{move|put|bring|adjust} ${obj} down|${obj} down|${obj} lower|make ${obj} lower|{lower|decrease} ${obj} height}`,
      );
  }
}

/** Seat move amount: none = 50 mm, a bit = 20, all the way = 300, or a distance. */
function seatAmount(g: G): { text: string; mm: number; said: number[]; allTheWay: boolean } {
  const k = g.rng.weighted(["none", "bit", "all", "dist"] as const, (x) =>
    x === "none" ? 0.35 : x === "bit" ? 0.22 : x === "all" ? 0.13 : 0.3,
  );
  if (k === "none") return { text: "", mm: D.seatMove, said: [], allTheWay: false };
  if (k === "bit") return { text: g.x(BIT_ADV), mm: D.seatBit, said: [], allTheWay: false };
  if (k === "all") return { text: g.x(ALL_THE_WAY), mm: D.seatAll, said: [], allTheWay: true };
  const d = distance(g, D.seatAll, 5);
  return { text: g.chance(0.5) ? `by ${d.text}` : d.text, mm: d.mm, said: [d.mm], allTheWay: false };
}

function reclineAmount(g: G): { text: string; deg: number; said: number[] } {
  const k = g.rng.weighted(["none", "bit", "all", "num"] as const, (x) =>
    x === "none" ? 0.35 : x === "bit" ? 0.25 : x === "all" ? 0.12 : 0.28,
  );
  if (k === "none") return { text: "", deg: D.recline, said: [] };
  if (k === "bit") return { text: g.x(BIT_ADV), deg: D.reclineBit, said: [] };
  if (k === "all") return { text: g.x("{all the way|as far as it goes|fully}"), deg: D.reclineAll, said: [] };
  const n = g.int(2, D.reclineAll);
  return { text: g.x(`{${g.n(n)} degrees|by ${g.n(n)} degrees|${g.n(n)}°}`), deg: n, said: [n] };
}

export function seatFamilies(F: FamilySet): void {
  const dirs = enumValues(POS, "position") as readonly Dir[];

  // ================================================================ adjust_seat_position
  F.add(POS, "seat.move.verb", { weight: 4 }, (g) => {
    const seat = pickSeat(g);
    const dir = g.pick(dirs);
    const a = seatAmount(g);
    const core = moveSeat(g, dir, seatObject(g, seat));
    return cmd(`${core} ${a.text}`, [call(POS, { seat, position: dir, distance: a.mm })], a.said);
  });

  F.add(POS, "seat.move.me", { weight: 1.5 }, (g) => {
    const dir = g.pick(dirs);
    const a = seatAmount(g);
    const core =
      dir === "forward"
        ? g.x("{move|slide|bring} me {forward|forwards|closer to the wheel}")
        : dir === "backward"
          ? g.x("{move|slide|push} me {back|backwards}")
          : dir === "up"
            ? g.x("{raise me up|lift me up|move me up|sit me higher|put me higher}")
            : g.x("{lower me|move me down|drop me down|sit me lower|put me lower}");
    return cmd(`${core} ${a.text}`, [call(POS, { seat: "driver", position: dir, distance: a.mm })], a.said, false);
  });

  F.add(POS, "seat.move.all_the_way", { weight: 1 }, (g) => {
    const seat = pickSeat(g);
    const dir = g.pick(dirs);
    const obj = seatObject(g, seat);
    const word = dir === "forward" ? "forward" : dir === "backward" ? "back" : dir;
    return cmd(
      g.x(
        `{{move|slide|put} ${obj} all the way ${word}|${obj} all the way ${word}|${word === "up" ? "raise" : word === "down" ? "lower" : "move"} ${obj} as far ${word === "up" || word === "down" ? word : word} as it goes}`,
      ),
      [call(POS, { seat, position: dir, distance: D.seatAll })],
    );
  });

  F.add(POS, "seat.move.question", { weight: 1.2 }, (g) => {
    const seat = pickSeat(g);
    const dir = g.pick(dirs);
    const a = seatAmount(g);
    return ask(
      `${g.x("{can you|could you|would you|can you please}")} ${moveSeat(g, dir, seatObject(g, seat))} ${a.text}`,
      [call(POS, { seat, position: dir, distance: a.mm })],
      a.said,
    );
  });

  F.add(POS, "seat.indirect", { weight: 1.5 }, (g) => {
    const k = g.int(0, 4);
    if (k === 0)
      return stmt(
        g.x(
          "{I can't reach the pedals|I'm too far from the {wheel|steering wheel|pedals}|I can barely reach the pedals}",
        ),
        [call(POS, { seat: "driver", position: "forward", distance: D.seatMove })],
      );
    if (k === 1)
      return stmt(
        g.x(
          "{I need more legroom|my knees are hitting the {dashboard|dash|steering wheel|wheel}|I'm too close to the {wheel|steering wheel}}",
        ),
        [call(POS, { seat: "driver", position: "backward", distance: D.seatMove })],
      );
    if (k === 2)
      return stmt(
        g.x("{I'm sitting too low|I can't see over the {steering wheel|dashboard|dash|hood|bonnet}|I'm too low}"),
        [call(POS, { seat: "driver", position: "up", distance: D.seatMove })],
      );
    if (k === 3)
      return stmt(
        g.x("{my head is {hitting|touching} the {roof|ceiling|headliner}|I'm sitting too high|I'm too high up}"),
        [call(POS, { seat: "driver", position: "down", distance: D.seatMove })],
      );
    return cmd(g.x("{give|get} {the passenger|my passenger|the front passenger} more legroom"), [
      call(POS, { seat: "passenger", position: "backward", distance: D.seatMove }),
    ]);
  });

  // "scoot", "nudge" and "cramped" are everyday words: training (they were held out once).
  F.add(POS, "seat.scoot", { weight: 2 }, (g) => {
    if (g.chance(0.2))
      return stmt(
        g.x("{my legs are cramped|I'm cramped|I feel cramped|I'm all cramped up|my legs are squashed|I'm squashed}"),
        [call(POS, { seat: "driver", position: "backward", distance: D.seatMove })],
      );
    const seat = pickSeat(g);
    const dir = g.pick(["forward", "backward"] as const);
    const a = seatAmount(g);
    const obj = g.chance(0.35) && seat === "driver" ? "me" : seatObject(g, seat);
    const verb = g.x("{scoot|scoot|scoot|nudge}");
    // "scoot up" is forward; "nudge ... up" could be the height, so nudge says forward.
    const word =
      dir === "forward"
        ? g.x(verb === "scoot" ? "{forward|forwards|up}" : "{forward|forwards}")
        : g.x("{back|backwards|backward}");
    const text = `${verb} ${obj} ${word}`;
    return cmd(`${text} ${a.text}`, [call(POS, { seat, position: dir, distance: a.mm })], a.said, obj !== "me");
  });

  F.add(POS, "seat.terse", { weight: 1.5 }, (g) => {
    const seat = pickSeat(g);
    const dir = g.pick(dirs);
    const a = seatAmount(g);
    const obj =
      seat === "driver"
        ? g.x("{seat|driver seat|driver's seat|my seat|the seat|my chair|the chair}")
        : g.x("{passenger seat|the passenger seat|passenger's seat}");
    const word =
      dir === "forward"
        ? g.x("{forward|forwards|further forward|closer to the wheel}")
        : dir === "backward"
          ? g.x("{back|backwards|further back|away from the wheel}")
          : dir === "up"
            ? g.x("{up|higher}")
            : g.x("{down|lower}");
    const text = g.chance(0.5)
      ? `${obj} ${word} ${a.text}`
      : `${g.x("{move|put|bring|get|take|slide|push|shift}")} ${obj} ${word} ${a.text}`;
    return cmd(text, [call(POS, { seat, position: dir, distance: a.mm })], a.said);
  });

  F.add(POS, "seat.reason", { weight: 1.2 }, (g) => {
    const k = g.int(0, 3);
    const obj = g.x("{my seat|the seat|my chair}");
    const dir: Dir = k === 0 ? "forward" : k === 1 ? "backward" : k === 2 ? "up" : "down";
    const reason =
      k === 0
        ? g.x("{I can't reach the pedals|I'm too far from the wheel|I can barely reach the pedals|my feet don't reach}")
        : k === 1
          ? g.x(
              "{I'm too close to the wheel|my knees are hitting the dash|I need more legroom|I'm cramped|my legs are cramped}",
            )
          : k === 2
            ? g.x("{I can't see over the dash|I'm sitting too low|I can't see the road properly}")
            : g.x("{my head is touching the roof|I'm sitting too high|my head hits the ceiling}");
    const a = seatAmount(g);
    const core = moveSeat(g, dir, obj);
    const text = g.chance(0.6)
      ? `${reason}${g.pick([",", " so", ", so"])} ${core} ${a.text}`
      : `${core} ${a.text}, ${reason}`;
    return cmd(text, [call(POS, { seat: "driver", position: dir, distance: a.mm })], a.said, false);
  });

  // Held out: the rarer verbs "travel" and "glide" with seat words known from training.
  F.add(POS, "seat.held.travel", { held: true, weight: 1.2, heldWords: ["travel", "glide"] }, (g) => {
    const seat = pickSeat(g);
    const dir = g.pick(["forward", "backward"] as const);
    const a = seatAmount(g);
    const obj = seatWithDet(g, seat);
    const word = dir === "forward" ? g.x("{forward|forwards}") : g.x("{back|backwards}");
    const k = g.int(0, 2);
    if (k === 0)
      return ask(
        `${g.x("{could|can}")} ${obj} travel ${word} ${a.text}`,
        [call(POS, { seat, position: dir, distance: a.mm })],
        a.said,
      );
    if (k === 1)
      return cmd(`let ${obj} travel ${word} ${a.text}`, [call(POS, { seat, position: dir, distance: a.mm })], a.said);
    return cmd(`glide ${obj} ${word} ${a.text}`, [call(POS, { seat, position: dir, distance: a.mm })], a.said);
  });

  // ================================================================ adjust_seat_recline
  F.add(RECLINE, "recline.back.verb", { weight: 3 }, (g) => {
    const seat = pickSeat(g);
    const a = reclineAmount(g);
    const rest = backrestObject(g, seat);
    const obj = seatObject(g, seat);
    const text = g.x(
      `{recline ${seat === "driver" ? "{my seat|the seat|the driver's seat|}" : "the passenger seat"}|{lean|tilt|lay} ${obj} back|{lean|tilt|lay|put|move|push} ${rest} back|${rest} back|recline ${rest}}`,
    );
    return cmd(`${text} ${a.text}`, [call(RECLINE, { seat, direction: "backward", angle: a.deg })], a.said);
  });

  F.add(RECLINE, "recline.forward.verb", { weight: 2.5 }, (g) => {
    const seat = pickSeat(g);
    const a = reclineAmount(g);
    const rest = backrestObject(g, seat);
    const obj = seatObject(g, seat);
    const text = g.x(
      `{{bring|tilt|move|push} ${rest} forward|tilt ${obj} forward|{straighten|raise} ${rest}|straighten ${obj}|${rest} {forward|more upright}|make {${rest}|${obj}} more upright|{put|bring} ${rest} upright|less recline on ${obj}${seat === "driver" ? "|less recline" : ""}}`,
    );
    return cmd(`${text} ${a.text}`, [call(RECLINE, { seat, direction: "forward", angle: a.deg })], a.said);
  });

  F.add(RECLINE, "recline.me", { weight: 1.5 }, (g) => {
    const back = g.chance(0.55);
    const a = reclineAmount(g);
    const text = back
      ? g.x("{lean me back|recline me|let me lean back|tilt me back|lay me back}")
      : g.x("{sit me up|straighten me up|tilt me forward|sit me up straighter}");
    return cmd(
      `${text} ${a.text}`,
      [call(RECLINE, { seat: "driver", direction: back ? "backward" : "forward", angle: a.deg })],
      a.said,
      false,
    );
  });

  F.add(RECLINE, "recline.indirect", { weight: 1.5 }, (g) => {
    const k = g.int(0, 3);
    if (k === 0)
      return cmd(
        g.x(
          "{my back hurts|my back is killing me|my back is sore}{,| so} {lean|tilt|recline} {me|my seat} back {a bit|a little|slightly}",
        ),
        [call(RECLINE, { seat: "driver", direction: "backward", angle: D.reclineBit })],
        [],
        false,
      );
    if (k === 1)
      return stmt(g.x("{I'm sitting too upright|I'm too upright|I want to lean back|I'd like to lie back}"), [
        call(RECLINE, { seat: "driver", direction: "backward", angle: D.recline }),
      ]);
    if (k === 2)
      return stmt(g.x("{I'm leaning back too far|I'm lying too far back|I'm too reclined}"), [
        call(RECLINE, { seat: "driver", direction: "forward", angle: D.recline }),
      ]);
    return cmd(g.x("let {the passenger|my passenger} {lean|lie} back"), [
      call(RECLINE, { seat: "passenger", direction: "backward", angle: D.recline }),
    ]);
  });

  F.add(RECLINE, "recline.question", { weight: 1 }, (g) => {
    const seat = pickSeat(g);
    const back = g.chance(0.6);
    const a = reclineAmount(g);
    const obj = g.chance(0.5) ? backrestObject(g, seat) : seatObject(g, seat);
    return ask(
      `${g.x("{can you|could you}")} ${back ? g.x(`{recline ${obj}|lean ${obj} back|tilt ${obj} back}`) : g.x(`{tilt ${obj} forward|straighten ${obj}|make ${obj} more upright}`)} ${a.text}`,
      [call(RECLINE, { seat, direction: back ? "backward" : "forward", angle: a.deg })],
      a.said,
    );
  });

  F.add(RECLINE, "recline.upright", { weight: 1.5 }, (g) => {
    const k = g.int(0, 3);
    if (k === 0)
      return stmt(
        g.x(
          "{I want to sit up straighter|I'd like to sit up straighter|I want to sit more upright|I'd like to sit more upright|I need to sit up straighter|let me sit up straighter}",
        ),
        [call(RECLINE, { seat: "driver", direction: "forward", angle: D.recline })],
      );
    const seat = pickSeat(g);
    const a = reclineAmount(g);
    const rest = backrestObject(g, seat);
    if (k === 1)
      return cmd(
        `${g.x(`{${rest} upright|${rest} more upright|sit ${seat === "driver" ? "me" : "the passenger"} up straighter|bring ${rest} up|less recline on ${rest}}`)} ${a.text}`,
        [call(RECLINE, { seat, direction: "forward", angle: a.deg })],
        a.said,
        false,
      );
    if (k === 2)
      return cmd(
        `${g.x(`{more recline on ${rest}|${rest} further back|let ${rest} down|drop ${rest} back|lean ${rest} further back}`)} ${a.text}`,
        [call(RECLINE, { seat, direction: "backward", angle: a.deg })],
        a.said,
        false,
      );
    const back = g.chance(0.6);
    const reason = back
      ? g.x("{I'm tired|I'm exhausted|I want to relax|I need a rest|we're parked}")
      : g.x("{I'm falling asleep|I need to focus|I'm slouching|I'm lying too far back}");
    const myRest = backrestObject(g, "driver");
    const core = back
      ? g.x(`{recline ${seatObject(g, "driver")}|lean ${seatObject(g, "driver")} back|tilt ${myRest} back}`)
      : g.x(`{sit me up|straighten ${seatObject(g, "driver")}|bring ${myRest} forward|make ${myRest} more upright}`);
    return cmd(
      `${reason}${g.pick([",", " so", ", so"])} ${core} ${a.text}`,
      [call(RECLINE, { seat: "driver", direction: back ? "backward" : "forward", angle: a.deg })],
      a.said,
      false,
    );
  });

  // Held out: the rarer verb "ease" and "laid back", with backrest words known from training.
  F.add(RECLINE, "recline.held.ease", { held: true, weight: 1, heldWords: ["ease", "laid back"] }, (g) => {
    const seat = pickSeat(g);
    const a = reclineAmount(g);
    if (g.chance(0.3)) {
      const bit = g.chance(0.5);
      return cmd(
        `make ${backrestObject(g, seat)} ${bit ? g.x("{a bit|a little|slightly}") : ""} more laid back`,
        [call(RECLINE, { seat, direction: "backward", angle: bit ? D.reclineBit : D.recline })],
        [],
        false,
      );
    }
    return cmd(
      `ease ${g.chance(0.4) && seat === "driver" ? "me" : backrestObject(g, seat)} back ${a.text}`,
      [call(RECLINE, { seat, direction: "backward", angle: a.deg })],
      a.said,
      false,
    );
  });

  // ================================================================ set_seat_heating
  const heatSeats = enumValues(HEAT, "seat");
  const HEAT_NOUN = "{seat heating|heated seat|seat heater|seat warmer|seat heat}";
  const pickHeatSeat = (g: G) =>
    g.rng.weighted(heatSeats, (s) => (s === "driver" ? 0.45 : s === "passenger" ? 0.25 : 0.15));
  F.add(HEAT, "heat.on_off", { weight: 3 }, (g) => {
    const seat = pickHeatSeat(g);
    const on = g.chance(0.7);
    const mod = heatedSeatMod(g, seat);
    const noun = g.x(HEAT_NOUN);
    const text = on
      ? g.x(
          `{{turn|switch|put} on ${mod} ${noun}|{turn|switch} ${mod} ${noun} on|${mod} ${noun} on|{activate|start} ${mod} ${noun}}`,
        )
      : g.x(
          `{{turn|switch} off ${mod} ${noun}|{turn|switch} ${mod} ${noun} off|${mod} ${noun} off|{stop|disable} ${mod} ${noun}}`,
        );
    return cmd(text, [call(HEAT, { seat, level: on ? D.levelOn : D.levelOff })]);
  });
  F.add(HEAT, "heat.level", { weight: 3 }, (g) => {
    const seat = pickHeatSeat(g);
    const mod = heatedSeatMod(g, seat);
    const noun = g.x(HEAT_NOUN);
    const lv = levelPhrase(g, { allowOff: true });
    const bare = !lv.text.startsWith("the ");
    const text = g.x(
      `{{set|put|turn} ${mod} ${noun} {to|on} ${lv.text}|${mod} ${noun} {to|on} ${lv.text}|${mod} ${noun} ${bare ? "" : "{to|on} "}${lv.text}|{turn|switch} on ${mod} ${noun} {on|at} ${lv.text}}`,
    );
    const said = /\d/.test(lv.text) ? [lv.level] : [];
    if (lv.level === 0 && text.includes("switch on"))
      return cmd(`${mod} ${noun} off`, [call(HEAT, { seat, level: 0 })]);
    return cmd(text, [call(HEAT, { seat, level: lv.level })], said);
  });
  F.add(HEAT, "heat.level_first", { weight: 1 }, (g) => {
    const seat = pickHeatSeat(g);
    const word = g.pick([
      { w: "{max|maximum|full}", level: D.levelHigh },
      { w: "{low|minimum}", level: D.levelLow },
      { w: "{medium|mid}", level: D.levelMedium },
    ]);
    const noun = g.x("{seat heating|seat heat|heated seat|seat heater|seat warmer}");
    const where = seat === "driver" ? g.x("{| for me| on my seat}") : g.x(`{for|on} ${heatedSeatObject(g, seat)}`);
    return cmd(`${g.x(word.w)} ${noun} ${where}`, [call(HEAT, { seat, level: word.level })], [], false);
  });
  F.add(HEAT, "heat.pair", { weight: 1.5 }, (g) => {
    const front = g.chance(0.5);
    const on = g.chance(0.75);
    const lv =
      on && g.chance(0.4) ? levelPhrase(g, { allowOff: false }) : { text: "", level: on ? D.levelOn : D.levelOff };
    const which = front
      ? g.x("{the front|both front|the driver and passenger|front|both front row}")
      : g.x("{the rear|the back|both rear|both back|rear|back row}");
    const noun = g.x("{seat heaters|heated seats|seat heating|seat warmers}");
    const state = lv.text !== "" ? g.x(`{to|on} ${lv.text}`) : on ? "on" : "off";
    const text =
      lv.text === "" && g.chance(0.5)
        ? g.x(`{turn|switch} ${state} ${which} ${noun}`)
        : `${g.x(`{set|put|turn}`)} ${which} ${noun} ${lv.text === "" ? state : state}`;
    const [s1, s2] = front ? ["driver", "passenger"] : ["rear left", "rear right"];
    return cmd(
      text.replace(/^(set|put) (.*) (on|off)$/, "turn $2 $3"),
      [call(HEAT, { seat: s1, level: lv.level }), call(HEAT, { seat: s2, level: lv.level })],
      /\d/.test(lv.text) ? [lv.level] : [],
    );
  });
  F.add(HEAT, "heat.for_seat", { weight: 2 }, (g) => {
    const seat = pickHeatSeat(g);
    const where = g.x(`{for|on|in} ${heatedSeatObject(g, seat)}`);
    const noun = g.x("{seat heating|the seat heating|the seat heater|the heated seat|heating|the seat warmer}");
    if (g.chance(0.5)) {
      const on = g.chance(0.75);
      return cmd(g.x(`{turn|switch} ${on ? "on" : "off"} ${noun} ${where}`), [
        call(HEAT, { seat, level: on ? D.levelOn : D.levelOff }),
      ]);
    }
    const lv = levelPhrase(g, { allowOff: false });
    const text = g.chance(0.5)
      ? `${g.x("{set|put|turn}")} ${noun} ${where} ${g.x("{to|on}")} ${lv.text}`
      : `${g.x("{heat|warm}")} ${heatedSeatObject(g, seat)} ${g.x("{to|on}")} ${lv.text}`;
    return cmd(text, [call(HEAT, { seat, level: lv.level })], /\d/.test(lv.text) ? [lv.level] : []);
  });
  F.add(HEAT, "heat.verb_seat", { weight: 2 }, (g) => {
    const seat = pickHeatSeat(g);
    const obj = heatedSeatObject(g, seat);
    if (g.chance(0.7)) return cmd(g.x(`{heat|warm up|heat up} ${obj}`), [call(HEAT, { seat, level: D.levelOn })]);
    return cmd(g.x(`stop heating ${obj}`), [call(HEAT, { seat, level: D.levelOff })]);
  });
  F.add(HEAT, "heat.bum_warmer", { weight: 1.2 }, (g) => {
    const on = g.chance(0.7);
    const noun = g.x("{bum warmer|butt warmer|bum heater|butt heater}");
    return cmd(
      on ? g.x(`{{turn|switch|put} on the ${noun}|${noun} on}`) : g.x(`{{turn|switch} off the ${noun}|${noun} off}`),
      [call(HEAT, { seat: "driver", level: on ? D.levelOn : D.levelOff })],
    );
  });
  F.add(HEAT, "heat.indirect", { weight: 1.2 }, (g) =>
    g.chance(0.75)
      ? stmt(g.x("my {bum|butt|back|backside|bottom} is {cold|freezing|frozen}"), [
          call(HEAT, { seat: "driver", level: D.levelOn }),
        ])
      : stmt(g.x("{the passenger|my passenger} {says her seat is cold|says his seat is cold|has a cold seat}"), [
          call(HEAT, { seat: "passenger", level: D.levelOn }),
        ]),
  );
  F.add(HEAT, "heat.question", { weight: 1 }, (g) => {
    const seat = pickHeatSeat(g);
    const on = g.chance(0.7);
    return ask(
      `${g.x("{can you|could you}")} ${on ? "turn on" : "turn off"} ${heatedSeatMod(g, seat)} ${g.x(HEAT_NOUN)}`,
      [call(HEAT, { seat, level: on ? D.levelOn : D.levelOff })],
    );
  });
  // "Heat the rear seats" = two calls, rear left then rear right (like the back windows).
  F.add(HEAT, "heat.pair_verb", { weight: 1.5 }, (g) => {
    const front = g.chance(0.4);
    const which = front
      ? g.x("{the front seats|both front seats|the two front seats|the driver and passenger seats}")
      : g.x("{the rear seats|the back seats|both rear seats|both back seats|the two back seats|the seats in the back}");
    const [s1, s2] = front ? ["driver", "passenger"] : ["rear left", "rear right"];
    const k = g.int(0, 3);
    if (k === 0) {
      const lv = levelPhrase(g, { allowOff: false });
      return cmd(
        `${g.x("{heat|heat up}")} ${which} ${g.x("{to|on}")} ${lv.text}`,
        [call(HEAT, { seat: s1, level: lv.level }), call(HEAT, { seat: s2, level: lv.level })],
        /\d/.test(lv.text) ? [lv.level] : [],
      );
    }
    if (k === 1)
      return cmd(g.x(`stop heating ${which}`), [
        call(HEAT, { seat: s1, level: D.levelOff }),
        call(HEAT, { seat: s2, level: D.levelOff }),
      ]);
    if (k === 2) {
      const on = g.chance(0.7);
      const where = front
        ? g.x("{in the front|for the front seats|in the front row}")
        : g.x(
            "{in the back|in the rear|for the back seats|for the rear seats|for the kids in the back|in the back row}",
          );
      return cmd(
        g.x(
          `{{turn|switch} ${on ? "on" : "off"} the {seat heating|heated seats|seat heaters|seat warmers}|{seat heating|heated seats|seat heaters} ${on ? "on" : "off"}} ${where}`,
        ),
        [
          call(HEAT, { seat: s1, level: on ? D.levelOn : D.levelOff }),
          call(HEAT, { seat: s2, level: on ? D.levelOn : D.levelOff }),
        ],
      );
    }
    return cmd(g.x(`{heat|heat up|heat} ${which}`), [
      call(HEAT, { seat: s1, level: D.levelOn }),
      call(HEAT, { seat: s2, level: D.levelOn }),
    ]);
  });
  F.add(HEAT, "heat.terse", { weight: 1.5 }, (g) => {
    const seat = pickHeatSeat(g);
    const mod = heatedSeatMod(g, seat).replace(/^(the|my) /, "");
    const noun = g.x("{seat heat|seat heater|seat heating|heated seat|seat warmer}");
    const lv = levelPhrase(g, { allowOff: true });
    const text = lv.text.replace(/^the /, "");
    return cmd(
      `${mod} ${noun} ${text}`,
      [call(HEAT, { seat, level: lv.level })],
      /\d/.test(lv.text) ? [lv.level] : [],
      true,
    );
  });
  F.add(HEAT, "heat.want", { weight: 1.2 }, (g) => {
    const k = g.int(0, 3);
    if (k === 0)
      return cmd(g.x("warm up my {behind|bum|butt|backside|bottom}"), [
        call(HEAT, { seat: "driver", level: D.levelOn }),
      ]);
    if (k === 1)
      return stmt(
        g.x(
          "{my seat is {cold|freezing|ice cold|so cold}|this seat is freezing|I'd like my seat {warmed up|heated|warm}|I want a warm seat}",
        ),
        [call(HEAT, { seat: "driver", level: D.levelOn })],
      );
    if (k === 2) {
      const seat = pickHeatSeat(g);
      return ask(
        g.x(
          `{can I get|could I get|can I have|could I have} {some|} {seat heating|seat heat|heated seat} {on|for|in} ${heatedSeatObject(g, seat)}`,
        ),
        [call(HEAT, { seat, level: D.levelOn })],
      );
    }
    const seat = pickHeatSeat(g);
    const obj = heatedSeatObject(g, seat);
    const reason = g.x("{it's freezing out|it's cold this morning|it's so cold today|it's icy out}");
    return cmd(
      g.chance(0.5)
        ? `${reason}${g.pick([",", " so"])} ${g.x("{heat|warm up|heat up}")} ${obj}`
        : `${g.x("{heat|warm up|heat up}")} ${obj}, ${reason}`,
      [call(HEAT, { seat, level: D.levelOn })],
      [],
      false,
    );
  });
  // Held out: "seat warmth" and the rarer verb "toast", with seat words known from training.
  F.add(HEAT, "heat.held.warmth", { held: true, weight: 1, heldWords: ["seat warmth", "toast"] }, (g) => {
    if (g.chance(0.4)) {
      const seat = pickHeatSeat(g);
      return cmd(`toast ${heatedSeatObject(g, seat)}`, [call(HEAT, { seat, level: D.levelOn })]);
    }
    const seat = pickHeatSeat(g);
    const lv = levelPhrase(g, { allowOff: true });
    return cmd(
      `${heatedSeatMod(g, seat)} seat warmth ${lv.level === 0 ? "" : g.x("{to|on}")} ${lv.text}`,
      [call(HEAT, { seat, level: lv.level })],
      /\d/.test(lv.text) ? [lv.level] : [],
    );
  });

  // ================================================================ set_seat_ventilation
  const ventSeats = enumValues(VENT, "seat");
  const VENT_NOUN = "{seat ventilation|ventilated seat|seat cooling|cooled seat|seat cooler|seat vent|seat ventilator}";
  const ventMod = (g: G, seat: string) =>
    seat === "driver"
      ? g.x("{my|my|the driver's|the driver|driver|the|}")
      : g.x("{the passenger's|the passenger|passenger|the front passenger}");
  F.add(VENT, "vent.on_off", { weight: 3 }, (g) => {
    const seat = g.pick(ventSeats);
    const on = g.chance(0.7);
    const mod = ventMod(g, seat);
    const noun = g.x(VENT_NOUN);
    const text = on
      ? g.x(
          `{{turn|switch|put} on ${mod} ${noun}|{turn|switch} ${mod} ${noun} on|${mod} ${noun} on|{activate|start} ${mod} ${noun}}`,
        )
      : g.x(
          `{{turn|switch} off ${mod} ${noun}|{turn|switch} ${mod} ${noun} off|${mod} ${noun} off|{stop|disable} ${mod} ${noun}}`,
        );
    return cmd(text, [call(VENT, { seat, level: on ? D.levelOn : D.levelOff })]);
  });
  F.add(VENT, "vent.level", { weight: 3 }, (g) => {
    const seat = g.pick(ventSeats);
    const mod = ventMod(g, seat);
    const lv = levelPhrase(g, { allowOff: true });
    return cmd(
      g.x(
        `{{set|put|turn} ${mod} ${VENT_NOUN} {to|on} ${lv.text}|${mod} ${VENT_NOUN} {to|on} ${lv.text}|${mod} ${VENT_NOUN} ${lv.text.startsWith("the ") ? "on " : ""}${lv.text}}`,
      ),
      [call(VENT, { seat, level: lv.level })],
      /\d/.test(lv.text) ? [lv.level] : [],
    );
  });
  F.add(VENT, "vent.for_seat", { weight: 1.5 }, (g) => {
    const seat = g.pick(ventSeats);
    const where =
      seat === "driver"
        ? g.x("{for|on} {my seat|the driver's seat|the driver|me}")
        : g.x("{for|on} {the passenger seat|the passenger|the passenger's seat}");
    const noun = g.x("{seat ventilation|the seat ventilation|seat cooling|the seat cooling|the ventilated seat}");
    if (g.chance(0.5)) {
      const on = g.chance(0.75);
      return cmd(g.x(`{turn|switch} ${on ? "on" : "off"} ${noun} ${where}`), [
        call(VENT, { seat, level: on ? D.levelOn : D.levelOff }),
      ]);
    }
    const lv = levelPhrase(g, { allowOff: true });
    return cmd(
      `${g.x("{set|put|turn}")} ${noun} ${where} ${g.x("{to|on}")} ${lv.text}`,
      [call(VENT, { seat, level: lv.level })],
      /\d/.test(lv.text) ? [lv.level] : [],
    );
  });
  F.add(VENT, "vent.verb_seat", { weight: 1.5 }, (g) => {
    const seat = g.pick(ventSeats);
    const obj =
      seat === "driver"
        ? g.x("{my seat|the driver's seat|my chair}")
        : g.x("{the passenger seat|the passenger's seat}");
    if (g.chance(0.3)) {
      const lv = levelPhrase(g, { allowOff: false });
      return cmd(
        `${g.x("{cool|ventilate}")} ${obj} ${g.x("{to|on}")} ${lv.text}`,
        [call(VENT, { seat, level: lv.level })],
        /\d/.test(lv.text) ? [lv.level] : [],
      );
    }
    return g.chance(0.75)
      ? cmd(g.x(`{cool|ventilate|cool down|air out} ${obj}`), [call(VENT, { seat, level: D.levelOn })])
      : cmd(g.x(`stop {cooling|ventilating} ${obj}`), [call(VENT, { seat, level: D.levelOff })]);
  });
  F.add(VENT, "vent.indirect", { weight: 1.2 }, (g) =>
    stmt(
      g.x(
        "{my back is {sweaty|sweating|sticking to the seat}|I'm sweating into {the|my} seat|my {back|bum|butt} is {sweaty|all sweaty}}",
      ),
      [call(VENT, { seat: "driver", level: D.levelOn })],
    ),
  );
  F.add(VENT, "vent.question", { weight: 1 }, (g) => {
    const seat = g.pick(ventSeats);
    const on = g.chance(0.7);
    return ask(`${g.x("{can you|could you}")} ${on ? "turn on" : "turn off"} ${ventMod(g, seat)} ${g.x(VENT_NOUN)}`, [
      call(VENT, { seat, level: on ? D.levelOn : D.levelOff }),
    ]);
  });
  // "Seat fan" is what many drivers call seat ventilation (never the cabin fan): training.
  F.add(VENT, "vent.seat_fan", { weight: 4 }, (g) => {
    const seat = g.pick(ventSeats);
    const mod = ventMod(g, seat);
    const fan = g.x("{seat fan|seat fan|seat fans|seat blower}");
    const k = g.int(0, 4);
    if (k === 0) {
      const on = g.chance(0.7);
      return cmd(
        g.x(
          `{{turn|switch} ${on ? "on" : "off"} ${mod} ${fan}|{turn|switch} ${mod} ${fan} ${on ? "on" : "off"}|${mod} ${fan} ${on ? "on" : "off"}}`,
        ),
        [call(VENT, { seat, level: on ? D.levelOn : D.levelOff })],
      );
    }
    const lv = levelPhrase(g, { allowOff: k !== 1 });
    const said = /\d/.test(lv.text) ? [lv.level] : [];
    if (k === 1)
      return ask(
        `${g.x("{can you|could you}")} ${g.x("{set|put|turn}")} ${mod} ${fan} ${g.x("{to|on}")} ${lv.text}`,
        [call(VENT, { seat, level: lv.level })],
        said,
      );
    if (k === 2)
      return cmd(
        `${mod} ${fan} ${lv.text.startsWith("the ") ? "on " : ""}${lv.text}`,
        [call(VENT, { seat, level: lv.level })],
        said,
      );
    return cmd(
      lv.level === 0
        ? `${g.x("{turn|switch}")} ${mod} ${fan} off`
        : `${g.x("{set|put|turn|switch}")} ${mod} ${fan} ${g.x("{to|on}")} ${lv.text}`,
      [call(VENT, { seat, level: lv.level })],
      said,
    );
  });
  F.add(VENT, "vent.cool_seat", { weight: 2 }, (g) => {
    const seat = g.pick(ventSeats);
    const obj =
      seat === "driver"
        ? g.x("{my seat|my chair|the driver's seat|the driver seat|the seat}")
        : g.x("{the passenger seat|the passenger's seat|the front passenger seat}");
    const k = g.int(0, 4);
    if (k === 0)
      return cmd(g.x(`{cool ${obj}|ventilate ${obj}|cool down ${obj}|cool ${obj} down|air out ${obj}}`), [
        call(VENT, { seat, level: D.levelOn }),
      ]);
    if (k === 1) {
      const noun = g.x(
        "{seat cooling|seat ventilation|the seat cooling|the seat ventilation|seat vent|cooled seat|ventilated seat}",
      );
      return cmd(
        seat === "driver"
          ? g
              .x(`{${noun} please|${noun} on|I'd like ${noun}|give me ${noun}|some ${noun} please}`)
              .replace(/(I'd like|give me|some) the /, "$1 ")
          : `${noun} ${g.x("{on|please}")} ${g.x("{for the passenger|on the passenger side|for the passenger seat}")}`,
        [call(VENT, { seat, level: D.levelOn })],
        [],
        false,
      );
    }
    if (k === 2) {
      const reason = g.x(
        "{it's {so|really|} hot out|it's boiling out|it's a scorcher today|my back is sweaty|I'm sticking to the seat}",
      );
      const core = g.x(`{cool|ventilate|cool down} ${obj}`);
      return cmd(
        g.chance(0.5) ? `${reason}${g.pick([",", " so"])} ${core}` : `${core}, ${reason}`,
        [call(VENT, { seat, level: D.levelOn })],
        [],
        false,
      );
    }
    if (k === 3)
      return ask(g.x(`{can you|could you} {cool|ventilate|cool down} ${obj}`), [
        call(VENT, { seat, level: D.levelOn }),
      ]);
    return cmd(
      g.x(
        `{turn off|stop} the {seat cooling|seat ventilation|seat fan|cooled seat}${seat === "driver" ? "" : " {for the passenger|on the passenger side}"}`,
      ),
      [call(VENT, { seat, level: D.levelOff })],
    );
  });
  // Held out: the rare verb "aerate" and "let my seat breathe", with seat words known from training.
  F.add(VENT, "vent.held.aerate", { held: true, weight: 1, heldWords: ["aerate", "breathe"] }, (g) => {
    const seat = g.pick(ventSeats);
    const obj =
      seat === "driver"
        ? g.x("{my seat|the driver's seat|my chair}")
        : g.x("{the passenger seat|the passenger's seat}");
    if (g.chance(0.3)) return cmd(`let ${obj} breathe`, [call(VENT, { seat, level: D.levelOn })], [], false);
    if (g.chance(0.5)) return cmd(`aerate ${obj}`, [call(VENT, { seat, level: D.levelOn })]);
    const lv = levelPhrase(g, { allowOff: false });
    return cmd(
      `aerate ${obj} ${g.x("{to|on}")} ${lv.text}`,
      [call(VENT, { seat, level: lv.level })],
      /\d/.test(lv.text) ? [lv.level] : [],
    );
  });

  // ================================================================ set_steering_wheel_heating
  const WHEEL_NOUN =
    "{the heated steering wheel|the steering wheel heating|the steering wheel heater|the wheel heating|the heated wheel|the steering wheel heat}";
  const WHEEL_BARE =
    "{heated steering wheel|steering wheel heating|steering wheel heater|wheel heating|heated wheel|steering wheel heat}";
  F.add(WHEEL, "wheel.on_off", { weight: 3 }, (g) => {
    const on = g.chance(0.6);
    return cmd(
      on
        ? g.x(
            `{{turn|switch|put} on ${WHEEL_NOUN}|{turn|switch} ${WHEEL_NOUN} on|${WHEEL_BARE} on|{activate|start} ${WHEEL_NOUN}}`,
          )
        : g.x(
            `{{turn|switch} off ${WHEEL_NOUN}|{turn|switch} ${WHEEL_NOUN} off|${WHEEL_BARE} off|{stop|disable} ${WHEEL_NOUN}}`,
          ),
      [call(WHEEL, { on })],
    );
  });
  F.add(WHEEL, "wheel.verb", { weight: 2 }, (g) =>
    g.chance(0.7)
      ? cmd(g.x("{heat|warm up|warm|heat up} the {steering wheel|wheel}"), [call(WHEEL, { on: true })])
      : cmd(g.x("stop {heating|warming} the {steering wheel|wheel}"), [call(WHEEL, { on: false })]),
  );
  F.add(WHEEL, "wheel.indirect", { weight: 1.2 }, (g) =>
    g.chance(0.75)
      ? stmt(
          g.x(
            "{my hands are {cold|freezing|frozen}|the {steering wheel|wheel} is {cold|freezing|ice cold}|my fingers are {cold|freezing}}",
          ),
          [call(WHEEL, { on: true })],
        )
      : stmt(g.x("the {steering wheel|wheel} is {too hot|hot enough|getting too hot}"), [call(WHEEL, { on: false })]),
  );
  F.add(WHEEL, "wheel.question", { weight: 1 }, (g) => {
    const on = g.chance(0.6);
    return ask(
      `${g.x("{can you|could you}")} ${on ? g.x("{turn on|switch on}") : g.x("{turn off|switch off}")} ${g.x(WHEEL_NOUN)}`,
      [call(WHEEL, { on })],
    );
  });
  // "Wheel warmer" is an everyday name for it: training (it was held out once).
  F.add(WHEEL, "wheel.warmer", { weight: 1.5 }, (g) => {
    const on = g.chance(0.6);
    const noun = g.x(
      "{wheel warmer|steering wheel warmer|wheel heat|steering heat|heated steering|steering heater|wheel heater}",
    );
    if (!on)
      return cmd(g.x(`{${noun} off|{turn|switch} off the ${noun}|{turn|switch} the ${noun} off|no more ${noun}}`), [
        call(WHEEL, { on: false }),
      ]);
    return cmd(
      g.x(
        `{${noun} on|{turn|switch} on the ${noun}|{turn|switch} the ${noun} on|warm wheel please|I'd like a warm {wheel|steering wheel}|can I get a warm {wheel|steering wheel}|${noun} please}`,
      ),
      [call(WHEEL, { on: true })],
      [],
      false,
    );
  });
  F.add(WHEEL, "wheel.reason", { weight: 1.2 }, (g) => {
    const on = g.chance(0.75);
    const reason = on
      ? g.x(
          "{my hands are {cold|freezing|frozen}|it's freezing out|I forgot my gloves|the wheel is ice cold|my fingers are {cold|freezing}}",
        )
      : g.x("{my hands are sweaty|the wheel is {too hot|hot enough|burning}|my hands are warm now|that's warm enough}");
    const core = on
      ? g.x(
          "{{heat|heat up|warm up} the {steering wheel|wheel}|{turn|switch} on the {heated steering wheel|steering wheel heating|wheel heating}}",
        )
      : g.x(
          "{{turn|switch} off the {heated steering wheel|steering wheel heating|wheel heating|wheel heater}|stop heating the {steering wheel|wheel}}",
        );
    return cmd(
      g.chance(0.5) ? `${reason}${g.pick([",", " so"])} ${core}` : `${core}, ${reason}`,
      [call(WHEEL, { on })],
      [],
      false,
    );
  });
  F.add(WHEEL, "wheel.terse", { weight: 1 }, (g) => {
    const on = g.chance(0.6);
    return cmd(
      on
        ? g.x(
            "{steering wheel heat on|heat the wheel please|heated wheel please|warm the wheel up|warm up the steering wheel please|get the steering wheel warm|make the steering wheel warm}",
          )
        : g.x("{steering wheel heat off|no more wheel heat|wheel heating off please}"),
      [call(WHEEL, { on })],
      [],
      false,
    );
  });
  // Held out: the rarer verb "thaw" and "numb", with wheel words known from training.
  F.add(WHEEL, "wheel.held.thaw", { held: true, weight: 1, heldWords: ["thaw", "numb"] }, (g) =>
    g.chance(0.6)
      ? cmd(g.x("{thaw|thaw out} the {steering wheel|wheel}"), [call(WHEEL, { on: true })])
      : stmt(g.x("my {hands|fingers} are {numb|going numb} on the {steering wheel|wheel}"), [
          call(WHEEL, { on: true }),
        ]),
  );
}
