/**
 * Phrasing families: set_climate_temperature, change_climate_temperature,
 * adjust_fan_speed, set_air_conditioning, set_air_recirculation, set_defroster,
 * set_airflow_mode, set_climate_auto_mode.
 */
import { type CallSpec, call, enumValues, range } from "../calls.js";
import {
  BIT_ADV,
  BIT_CMP,
  D,
  type G,
  LOT_CMP,
  pickZone,
  type TempPhrase,
  tempPhrase,
  type Zone,
  zoneWords,
} from "../lexicon.js";
import { ask, cmd, type FamilySet, stmt } from "./types.js";

const SET_T = "set_climate_temperature";
const CHG_T = "change_climate_temperature";
const FAN = "adjust_fan_speed";
const AC = "set_air_conditioning";
const RECIRC = "set_air_recirculation";
const DEFROST = "set_defroster";
const FLOW = "set_airflow_mode";
const AUTO = "set_climate_auto_mode";

function setTemp(zone: Zone, tp: TempPhrase): CallSpec {
  return call(
    SET_T,
    tp.unit ? { zone, temperature: tp.temperature, unit: tp.unit } : { zone, temperature: tp.temperature },
  );
}
const chg = (zone: Zone, diff: number) => call(CHG_T, { zone, temperature_diff: diff });

const TEMP_NOUN = "{temperature|temp|climate|heat|thermostat|heating}";

/** An object: the zone's object phrase, or "it" for the unnamed driver zone. */
function objOrIt(zw: { obj: string }): string {
  return zw.obj === "" ? "it" : zw.obj;
}

// ------------------------------------------------------------------ temperature steps

type Amt = { kind: "none" | "bit" | "lot" | "number"; n: number };

function tempAmount(g: G): Amt {
  const kind = g.rng.weighted(["none", "bit", "lot", "number"] as const, (k) =>
    k === "none" ? 0.4 : k === "bit" ? 0.2 : k === "lot" ? 0.12 : 0.28,
  );
  const r = range(CHG_T, "temperature_diff");
  const n =
    kind === "none"
      ? D.tempStep
      : kind === "bit"
        ? D.tempBit
        : kind === "lot"
          ? D.tempLot
          : g.int(1, Math.min(r.max, 10));
  return { kind, n };
}

function degrees(g: G, n: number): string {
  return n === 1 ? g.x("{one degree|1 degree|a degree}") : `${g.n(n)} degrees`;
}

// ------------------------------------------------------------------ fan

function fanAmount(g: G): Amt {
  const kind = g.rng.weighted(["none", "bit", "lot", "number"] as const, (k) =>
    k === "none" ? 0.4 : k === "bit" ? 0.2 : k === "lot" ? 0.15 : 0.25,
  );
  const n = kind === "none" ? D.fanStep : kind === "bit" ? D.fanBit : kind === "lot" ? D.fanLot : g.int(1, 4);
  return { kind, n };
}
const fanStep = (d: number) => call(FAN, { speed_diff: d });
const fanSet = (v: number) => call(FAN, { set_value: v });
const FAN_NOUN =
  "{the fan|the fan speed|the blower|the fans|the blower speed|the ventilation fan|fan speed|the fan level}";

// ------------------------------------------------------------------ AC, recirculation, defrost

const AC_THE = "{the AC|the A/C|the air conditioning|the air conditioner|the aircon|the air con|the air-con|the a/c}";
const AC_BARE = "{AC|A/C|air conditioning|aircon|air con|air-con}";
const RECIRC_THE =
  "{recirculation|air recirculation|the recirculation|the air recirculation|recirculation mode|the recirc|recirc}";
const FRONT_GLASS = "{the windshield|the windscreen|the front window|the front glass|the front windscreen}";
const REAR_GLASS =
  "{the rear window|the back window|the rear windscreen|the back windscreen|the rear glass|the back glass}";
const FRONT_DEFROSTER =
  "{front defroster|front defrost|front demister|windshield defroster|windscreen demister|front defogger|windshield defogger|windscreen defroster|front window defroster}";
const REAR_DEFROSTER =
  "{rear defroster|rear defrost|rear demister|back defroster|heated rear window|rear window heater|rear window heating|rear defogger|back window defroster|rear screen heater|rear window defroster|rear window defogger}";

/** Airflow targets as said, per mode value. */
function flowTarget(g: G, mode: string): string {
  switch (mode) {
    case "face":
      return g.x("{my face|the face|face|my upper body|the upper vents|the dash vents|my chest}");
    case "feet":
      return g.x("{my feet|the feet|feet|the floor|the footwell|the footwells|the floor vents|my legs|the foot vents}");
    case "face and feet":
      return g.x(
        "{face and feet|my face and feet|both face and feet|feet and face|my face and my feet|the face and the feet|both my face and my feet|upper and lower vents}",
      );
    case "windshield":
      return g.x("{the windshield|the windscreen|the front glass|the windshield vents|the windscreen vents}");
    default:
      throw new Error(`flowTarget: ${mode}`);
  }
}
function flowModeWord(g: G, mode: string): string {
  switch (mode) {
    case "face":
      return g.x("{face|face only|upper}");
    case "feet":
      return g.x("{feet|floor|foot|footwell}");
    case "face and feet":
      return g.x("{face and feet|bi-level|bilevel|feet and face|split}");
    case "windshield":
      return g.x("{windshield|windscreen}");
    default:
      throw new Error(`flowModeWord: ${mode}`);
  }
}

export function climateFamilies(F: FamilySet): void {
  // ================================================================ set_climate_temperature
  F.add(SET_T, "temp.set.verb", { weight: 3 }, (g) => {
    const zone = pickZone(g);
    const zw = zoneWords(g, zone);
    const tp = tempPhrase(g, false);
    const verb = g.x("{set|put|change|adjust|turn|bring}");
    const noun = g.x(TEMP_NOUN);
    const form = g.int(0, 2);
    const text =
      form === 0 || !zw.named
        ? `${verb} ${zw.det} ${noun} to ${tp.text}`
        : form === 1
          ? `${verb} the ${noun} ${zw.after} to ${tp.text}`
          : `${verb} the ${noun} to ${tp.text} ${zw.after}`;
    return cmd(text, [setTemp(zone, tp)], [tp.temperature]);
  });

  F.add(SET_T, "temp.set.noun", { weight: 2 }, (g) => {
    const zone = pickZone(g);
    const zw = zoneWords(g, zone);
    const tp = tempPhrase(g, false);
    const noun = g.x("{temperature|temp|climate|thermostat}");
    const text = g.chance(0.5)
      ? `${zw.bare} ${noun} ${g.x("{|to|at}")} ${tp.text}`
      : `${noun} ${g.x("{|to|at}")} ${tp.text} ${zw.after}`;
    return cmd(text, [setTemp(zone, tp)], [tp.temperature]);
  });

  F.add(SET_T, "temp.set.make", { weight: 2 }, (g) => {
    const zone = pickZone(g);
    const zw = zoneWords(g, zone);
    const tp = tempPhrase(g, true);
    const o = objOrIt(zw);
    const k = g.int(0, 4);
    if (k === 0) {
      // "make it 70 in here": a bare fahrenheit number reads as a temperature with "in here"
      const bare = o === "it" && tp.unit === undefined && tp.temperature >= 60 && g.chance(0.3);
      const text = bare ? `make it ${tp.temperature} in here` : `make ${o} ${tp.text}`;
      return cmd(text, [setTemp(zone, tp)], [tp.temperature], o !== "it");
    }
    if (k === 1) return stmt(`${g.x("{I want|I'd like}")} ${o} at ${tp.text}`, [setTemp(zone, tp)], [tp.temperature]);
    if (k === 2) return cmd(`${tp.text} ${zw.after} ${g.x("{please|}")}`, [setTemp(zone, tp)], [tp.temperature], false);
    if (k === 3)
      return ask(`${g.x("{can you|could you|would you}")} make ${o} ${tp.text}`, [setTemp(zone, tp)], [tp.temperature]);
    return cmd(
      `${zw.named ? zw.obj : g.x("{the car|the cabin|it}")} to ${tp.text}`,
      [setTemp(zone, tp)],
      [tp.temperature],
      false,
    );
  });

  F.add(SET_T, "temp.set.updown_to", { weight: 2.5 }, (g) => {
    const zone = pickZone(g);
    const zw = zoneWords(g, zone);
    const tp = tempPhrase(g, false);
    const tpd = tempPhrase(g, true);
    const o = objOrIt(zw);
    const k = g.int(0, 3);
    if (k === 0) {
      const noun = g.x("{heat|temperature|temp}");
      const core = zw.named ? `${g.x("{turn|bring}")} ${zw.det} ${noun}` : `${g.x("{turn|bring}")} the ${noun}`;
      return cmd(`${core} ${g.x("{up|down}")} to ${tp.text}`, [setTemp(zone, tp)], [tp.temperature]);
    }
    if (k === 1) {
      return cmd(
        `${g.x("{raise|lower|increase|decrease|drop|bump|reduce}")} ${zw.det} ${g.x("{temperature|temp}")} to ${tp.text}`,
        [setTemp(zone, tp)],
        [tp.temperature],
      );
    }
    if (k === 2) {
      return cmd(
        `${g.x("{cool|warm}")} ${o} ${g.x("{down|up}")} to ${tpd.text}`,
        [setTemp(zone, tpd)],
        [tpd.temperature],
        o !== "it",
      );
    }
    return cmd(`heat ${o} ${g.x("{up|}")} to ${tpd.text}`, [setTemp(zone, tpd)], [tpd.temperature], o !== "it");
  });

  F.add(SET_T, "temp.set.want", { weight: 1.5 }, (g) => {
    const zone = pickZone(g);
    const zw = zoneWords(g, zone);
    const tp = tempPhrase(g, true);
    const k = g.int(0, 3);
    if (k === 0) return stmt(`${zw.named ? zw.obj : "it"} should be ${tp.text}`, [setTemp(zone, tp)], [tp.temperature]);
    if (k === 1)
      return cmd(
        `${g.x("{let's do|let's go with|go with}")} ${tp.text} ${zw.after}`,
        [setTemp(zone, tp)],
        [tp.temperature],
        false,
      );
    if (k === 2)
      return cmd(`keep ${zw.named ? zw.obj : "it"} at ${tp.text}`, [setTemp(zone, tp)], [tp.temperature], zw.named);
    return ask(
      `${g.x("{can we have|can I get|could we get|can we do}")} ${tp.text} ${zw.after}`,
      [setTemp(zone, tp)],
      [tp.temperature],
    );
  });

  F.add(
    SET_T,
    "temp.held.dial_prefer",
    { held: true, weight: 1.2, heldWords: ["dial the", "dial it", "prefer"] },
    (g) => {
      const zone = pickZone(g);
      const zw = zoneWords(g, zone);
      if (g.chance(0.5)) {
        const tp = tempPhrase(g, false);
        return cmd(
          `dial ${zw.named ? `${zw.det} temperature` : g.x("{the temperature|the heat|it}")} ${g.x("{to|in to|up to|down to}")} ${tp.text}`,
          [setTemp(zone, tp)],
          [tp.temperature],
          false,
        );
      }
      const tp = tempPhrase(g, true);
      return stmt(
        `${g.x("{I'd prefer|I prefer|we'd prefer}")} ${tp.text} ${zw.after}`,
        [setTemp(zone, tp)],
        [tp.temperature],
      );
    },
  );

  // ================================================================ change_climate_temperature
  F.add(CHG_T, "temp.step.comparative", { weight: 3 }, (g) => {
    const zone = pickZone(g);
    const zw = zoneWords(g, zone);
    const warm = g.chance(0.5);
    const a = tempAmount(g);
    const adj = warm ? g.x("{warmer|hotter|warmer}") : g.x("{cooler|colder|cooler}");
    const amount =
      a.kind === "none" ? "" : a.kind === "bit" ? g.x(BIT_CMP) : a.kind === "lot" ? g.x(LOT_CMP) : degrees(g, a.n);
    const obj = zw.named && g.chance(0.6) ? zw.obj : "it";
    const text = obj === "it" ? `make it ${amount} ${adj} ${zw.after}` : `make ${obj} ${amount} ${adj}`;
    return cmd(text, [chg(zone, warm ? a.n : -a.n)], a.kind === "number" && a.n > 1 ? [a.n] : []);
  });

  F.add(CHG_T, "temp.step.verb", { weight: 3 }, (g) => {
    const zone = pickZone(g);
    const zw = zoneWords(g, zone);
    const up = g.chance(0.5);
    const a = tempAmount(g);
    const noun = g.x("{heat|temperature|temp|heating}");
    let core: string;
    const named = zw.named && g.chance(0.5);
    const obj = named
      ? `${zw.det} ${noun === "heat" ? "temperature" : noun}`
      : noun !== "heat" && g.chance(0.25)
        ? noun
        : `the ${noun}`;
    if (up) {
      core = g.x(`{turn up ${obj}|turn ${obj} up|{raise|increase|bump up} ${obj}|up ${obj}}`);
    } else {
      core = g.x(`{turn down ${obj}|turn ${obj} down|{lower|decrease|reduce|drop} ${obj}}`);
    }
    const tail =
      a.kind === "none"
        ? ""
        : a.kind === "bit"
          ? g.x(BIT_ADV)
          : a.kind === "lot"
            ? g.x("{a lot|by a lot|loads}")
            : g.x(`{by ${degrees(g, a.n)}|${degrees(g, a.n)}|by ${g.n(a.n)}}`);
    const where = zw.named && !named ? zw.after : "";
    return cmd(
      g.chance(0.5) ? `${core} ${tail} ${where}` : `${core} ${where} ${tail}`,
      [chg(zone, up ? a.n : -a.n)],
      a.kind === "number" && a.n > 1 ? [a.n] : [],
    );
  });

  F.add(CHG_T, "temp.step.short", { weight: 2 }, (g) => {
    const zone = pickZone(g);
    const zw = zoneWords(g, zone);
    const warm = g.chance(0.5);
    const a = tempAmount(g);
    const adj = warm ? g.x("{warmer|hotter}") : g.x("{cooler|colder}");
    const k = g.int(0, 2);
    if (k === 0) {
      const amount =
        a.kind === "none" ? "" : a.kind === "bit" ? g.x(BIT_CMP) : a.kind === "lot" ? g.x(LOT_CMP) : degrees(g, a.n);
      const text =
        zw.named && g.chance(0.5) ? `${zw.bare} ${amount} ${adj}` : `${amount} ${adj} ${zw.after} ${g.x("{please|}")}`;
      return cmd(text, [chg(zone, warm ? a.n : -a.n)], a.kind === "number" && a.n > 1 ? [a.n] : [], false);
    }
    // "temperature up 3 degrees", "temp down by 2"
    const n = a.kind === "number" ? a.n : D.tempStep;
    const amount = a.kind === "number" ? g.x(`{${degrees(g, n)}|by ${degrees(g, n)}|by ${g.n(n)}|${g.n(n)}}`) : "";
    const noun = g.x("{temperature|temp|heat}");
    const text = `${zw.named ? `${zw.bare} ` : ""}${noun} ${warm ? "up" : "down"} ${amount} ${zw.named ? "" : zw.after}`;
    return cmd(text, [chg(zone, warm ? n : -n)], a.kind === "number" && n > 1 ? [n] : [], false);
  });

  F.add(CHG_T, "temp.step.warm_up", { weight: 2 }, (g) => {
    const zone = pickZone(g);
    const zw = zoneWords(g, zone);
    const warm = g.chance(0.5);
    const a = tempAmount(g);
    const o = zw.named ? zw.obj : g.x("{it|things|the car|the cabin|me}");
    const core = warm ? `${g.x("{warm|heat}")} ${o} up` : `cool ${o} down`;
    const tail =
      a.kind === "none"
        ? ""
        : a.kind === "bit"
          ? g.x(BIT_ADV)
          : a.kind === "lot"
            ? g.x("{a lot|loads}")
            : g.x(`{${degrees(g, a.n)}|by ${degrees(g, a.n)}}`);
    return cmd(
      `${core} ${tail}`,
      [chg(zone, warm ? a.n : -a.n)],
      a.kind === "number" && a.n > 1 ? [a.n] : [],
      zw.named,
    );
  });

  F.add(CHG_T, "temp.indirect.cold", { weight: 2.5 }, (g) => {
    const zone = pickZone(g);
    const bit = g.chance(0.25);
    const n = bit ? D.tempBit : D.tempStep;
    let text: string;
    if (zone === "driver") {
      text = bit
        ? g.x(
            "{{I'm|I am|I feel} {a bit|a little|slightly|a little bit} {cold|chilly}|it's {a bit|a little} {chilly|cold} in here}",
          )
        : g.x(
            "{{I'm|I am|I feel} {cold|freezing|chilly|frozen|so cold|really cold|freezing cold}|it's {cold|freezing|chilly|so cold|really cold|freezing cold} in here|brr {it's cold|I'm freezing|it's freezing}|{it's|it is} {cold|freezing}}",
          );
    } else if (zone === "passenger") {
      text = bit
        ? g.x(
            "{{the passenger|my passenger} is {a bit|a little} {cold|chilly}|it's {a bit|a little} chilly on the passenger side}",
          )
        : g.x(
            "{{the passenger|my passenger|the front passenger} {is cold|is freezing|says she's cold|says he's cold|is chilly}|it's {cold|freezing} on the passenger side}",
          );
    } else {
      text = bit
        ? g.x(
            "{{the kids|the people|the passengers} in the back are {a bit|a little} {cold|chilly}|it's {a bit|a little} chilly in the back}",
          )
        : g.x(
            "{{the kids|the people|the passengers|the folks|everyone} in the back {are cold|are freezing|say they're cold|are chilly}|it's {cold|freezing|chilly} in the back|the back seat is {cold|freezing}}",
          );
    }
    return stmt(text, [chg(zone, n)]);
  });

  F.add(CHG_T, "temp.indirect.hot", { weight: 2.5 }, (g) => {
    const zone = pickZone(g);
    const bit = g.chance(0.25);
    const n = bit ? D.tempBit : D.tempStep;
    let text: string;
    if (zone === "driver") {
      text = bit
        ? g.x("{{I'm|I am|I feel} {a bit|a little|slightly} {warm|hot}|it's {a bit|a little} {warm|hot} in here}")
        : g.x(
            "{{I'm|I am|I feel} {hot|boiling|roasting|too warm|too hot|burning up|sweating}|it's {hot|boiling|too warm|too hot|roasting|sweltering} in here|it's getting {hot|warm|too warm} in here|{it's|it is} {so hot|too hot|boiling}}",
          );
    } else if (zone === "passenger") {
      text = bit
        ? g.x("{the passenger|my passenger} is {a bit|a little} {warm|hot}")
        : g.x(
            "{{the passenger|my passenger|the front passenger} {is hot|is too warm|says she's hot|says he's hot|is boiling}|it's {hot|too warm} on the passenger side}",
          );
    } else {
      text = bit
        ? g.x(
            "{{the kids|the people|the passengers} in the back are {a bit|a little} {warm|hot}|it's {a bit|a little} warm in the back}",
          )
        : g.x(
            "{{the kids|the people|the passengers|the folks|everyone} in the back {are hot|are too warm|say they're hot|are boiling}|it's {hot|too warm|boiling} in the back|the back seat is {too hot|boiling}}",
          );
    }
    return stmt(text, [chg(zone, -n)]);
  });

  F.add(CHG_T, "temp.step.question", { weight: 1.5 }, (g) => {
    const zone = pickZone(g);
    const zw = zoneWords(g, zone);
    const warm = g.chance(0.5);
    const a = tempAmount(g);
    const adj = warm ? g.x("{warmer|hotter}") : g.x("{cooler|colder}");
    const amount =
      a.kind === "none" ? "" : a.kind === "bit" ? g.x(BIT_CMP) : a.kind === "lot" ? g.x(LOT_CMP) : degrees(g, a.n);
    const o = zw.named ? zw.obj : "it";
    const text = g.x(
      `{{can you|could you|would you} make ${o} ${amount} ${adj}|{can|could} ${o} be ${amount} ${adj}|{can you|could you} ${warm ? "turn the heat up" : "turn the heat down"} ${
        a.kind === "number"
          ? `by ${degrees(g, a.n)}`
          : a.kind === "bit"
            ? g.x(BIT_ADV)
            : a.kind === "lot"
              ? "a lot"
              : ""
      } ${zw.named ? zw.after : ""}}`,
    );
    return ask(text, [chg(zone, warm ? a.n : -a.n)], a.kind === "number" && a.n > 1 ? [a.n] : []);
  });

  F.add(
    CHG_T,
    "temp.held.toasty_shiver",
    { held: true, weight: 1, heldWords: ["toastier", "shivering", "chattering"] },
    (g) => {
      const k = g.int(0, 2);
      if (k === 0) return cmd(`make it ${g.x("{toastier|toastier in here}")}`, [chg("driver", D.tempStep)], [], false);
      if (k === 1) return cmd(`make it ${g.x(BIT_CMP)} toastier`, [chg("driver", D.tempBit)], [], false);
      return stmt(g.x("{I'm shivering|my teeth are chattering|I'm shivering over here}"), [chg("driver", D.tempStep)]);
    },
  );

  F.add(CHG_T, "temp.held.knock", { held: true, weight: 0.8, heldWords: ["knock"] }, (g) => {
    const zone = pickZone(g);
    const zw = zoneWords(g, zone);
    const n = g.int(1, 6);
    return cmd(
      `knock ${zw.named ? `${zw.det} temperature` : g.x("{the temperature|the temp|it}")} down ${degrees(g, n)}`,
      [chg(zone, -n)],
      n > 1 ? [n] : [],
      false,
    );
  });

  // ================================================================ adjust_fan_speed
  F.add(FAN, "fan.set.to", { weight: 3 }, (g) => {
    const v = g.int(1, D.fanMax);
    const s = g.n(v, 0.5);
    return cmd(
      g.x(
        `{{set|put|turn|change} ${FAN_NOUN} {to|at|on} {${s}|level ${s}|speed ${s}}|{fan|blower} {to|on|at} {${s}|level ${s}}|fan speed ${s}|fan level ${s}|{fan|blower} speed {to|at} ${s}|fan on ${s} please}`,
      ),
      [fanSet(v)],
      [v],
    );
  });

  F.add(FAN, "fan.set.updown_to", { weight: 2 }, (g) => {
    const v = g.int(1, D.fanMax);
    const s = g.n(v, 0.5);
    return cmd(
      g.x(
        `{turn {the fan|the blower} {up|down} to ${s}|{raise|lower|increase|decrease|drop|reduce} {the fan|the fan speed|the blower} to ${s}|bring the fan {up|down} to ${s}|fan {up|down} to ${s}|{raise|lower} the fan to level ${s}}`,
      ),
      [fanSet(v)],
      [v],
    );
  });

  F.add(FAN, "fan.set.max", { weight: 1.5 }, (g) =>
    cmd(
      g.x(
        "{{max|maximum|full} fan|fan {on|to|at} {max|maximum|full|full speed|the max}|fan all the way up|full blast|turn the {fan|blower} all the way up|{blower|fan} on full|fan at full speed|{max|maximum} fan speed|{put|set|turn} the fan {to|on} {max|maximum|full}|max out the fan|fan {speed |}to {the |}max}",
      ),
      [fanSet(D.fanMax)],
    ),
  );

  F.add(FAN, "fan.set.off", { weight: 1.5 }, (g) =>
    cmd(
      g.x(
        "{{turn|switch} off {the fan|the blower|the fans}|{turn|switch} {the fan|the blower} off|fan off|{kill|stop} the fan|shut off the {fan|blower}|fan to {zero|0}|no more fan|{fan|blower} off please|set the fan to {zero|off}}",
      ),
      [fanSet(D.fanOff)],
    ),
  );

  F.add(FAN, "fan.step.verb", { weight: 3 }, (g) => {
    const up = g.chance(0.5);
    const a = fanAmount(g);
    const core = up
      ? g.x(
          `{{turn up|raise|increase|bump up|speed up} ${FAN_NOUN}|turn {the fan|the blower} up|{fan|blower|fan speed} up}`,
        )
      : g.x(
          `{{turn down|lower|decrease|reduce|slow down} ${FAN_NOUN}|turn {the fan|the blower} down|{fan|blower|fan speed} down}`,
        );
    const tail =
      a.kind === "none"
        ? ""
        : a.kind === "bit"
          ? g.x(BIT_ADV)
          : a.kind === "lot"
            ? g.x("{a lot|by a lot|loads}")
            : g.x(
                `{by ${g.n(a.n)}|${g.n(a.n)} {notches|levels|steps|speeds|clicks}|by ${g.n(a.n)} {notches|levels|steps}|${g.n(a.n)}}`,
              );
    return cmd(`${core} ${tail}`, [fanStep(up ? a.n : -a.n)], a.kind === "number" ? [a.n] : []);
  });

  F.add(FAN, "fan.step.air", { weight: 2.5 }, (g) => {
    const up = g.chance(0.5);
    const a = fanAmount(g);
    const amt =
      a.kind === "lot"
        ? g.x("{a lot|much|way|lots}")
        : a.kind === "bit"
          ? g.x("{a bit|a little|slightly|a touch}")
          : "";
    const n = a.kind === "number" ? D.fanStep : a.n;
    const text = up
      ? g.x(
          `{${amt} more air|I need ${amt} more air|give me ${amt} more air|${amt} more fan|${amt} stronger fan|blow ${amt} harder|${amt} more airflow|I want ${amt} more air}`,
        )
      : g.x(
          `{${amt} less air|I need ${amt} less air|give me ${amt} less air|${amt} less fan|${amt} weaker fan|blow ${amt} softer|${amt} less airflow}`,
        );
    return cmd(text, [fanStep(up ? n : -n)], [], !text.startsWith("I "));
  });

  F.add(FAN, "fan.indirect", { weight: 1 }, (g) =>
    g.chance(0.5)
      ? stmt(
          g.x(
            "{the fan is too {loud|strong|noisy}|it's too drafty in here|the fan's too {loud|noisy}|there's too much air}",
          ),
          [fanStep(-D.fanStep)],
        )
      : stmt(g.x("{I can't feel {the air|any air|the fan}|I can barely feel the air|there's not enough air}"), [
          fanStep(D.fanStep),
        ]),
  );

  F.add(FAN, "fan.step.question", { weight: 1 }, (g) => {
    const up = g.chance(0.5);
    return ask(
      up
        ? g.x("{can you|could you} {turn up the fan|turn the fan up|speed up the fan|give me more air}")
        : g.x("{can you|could you} {turn down the fan|turn the fan down|slow the fan down|give me less air}"),
      [fanStep(up ? D.fanStep : -D.fanStep)],
    );
  });

  F.add(
    FAN,
    "fan.held.ramp",
    { held: true, weight: 1, heldWords: ["ramp", "dial up", "dial down", "dial the", "dial back"] },
    (g) => {
      const up = g.chance(0.5);
      return cmd(
        up
          ? g.x("{ramp|dial} {up the fan|the fan up|up the blower}")
          : g.x("{ramp|dial} {down the fan|the fan down|back the fan}"),
        [fanStep(up ? D.fanStep : -D.fanStep)],
      );
    },
  );

  F.add(FAN, "fan.held.indirect", { held: true, weight: 0.6, heldWords: ["blasting", "too weak"] }, (g) =>
    g.chance(0.5)
      ? stmt(g.x("{the air is blasting me|the fan is blasting me}"), [fanStep(-D.fanStep)])
      : stmt(g.x("{the air is too weak|the airflow is too weak}"), [fanStep(D.fanStep)]),
  );

  // ================================================================ set_air_conditioning
  F.add(AC, "ac.on.verb", { weight: 3 }, (g) =>
    cmd(
      g.x(
        `{{turn|switch|put} on ${AC_THE}|{turn|switch} ${AC_THE} on|{start|enable|activate} ${AC_THE}|${AC_BARE} on|${AC_BARE} on please}`,
      ),
      [call(AC, { on: true })],
    ),
  );
  F.add(AC, "ac.off.verb", { weight: 3 }, (g) =>
    cmd(
      g.x(
        `{{turn|switch} off ${AC_THE}|{turn|switch} ${AC_THE} off|{stop|disable|deactivate|kill|shut off} ${AC_THE}|${AC_BARE} off|no more ${AC_BARE}}`,
      ),
      [call(AC, { on: false })],
    ),
  );
  F.add(AC, "ac.statement", { weight: 1 }, (g) =>
    g.chance(0.5)
      ? stmt(g.x(`{I {want|need} ${AC_THE} on|let's have ${AC_THE} on|we need ${AC_THE} on}`), [call(AC, { on: true })])
      : stmt(g.x(`{I don't need ${AC_THE} {anymore|right now|now}|${AC_THE} can go off now|we don't need ${AC_THE}}`), [
          call(AC, { on: false }),
        ]),
  );
  F.add(AC, "ac.question", { weight: 1 }, (g) => {
    const on = g.chance(0.5);
    return ask(g.x(`{can you|could you|would you} {turn|switch} ${on ? "on" : "off"} ${AC_THE}`), [call(AC, { on })]);
  });
  F.add(
    AC,
    "ac.held.fire_cut",
    { held: true, weight: 1, heldWords: ["fire up", "cut the ac", "cut the air", "cut the aircon"] },
    (g) =>
      g.chance(0.6)
        ? cmd(g.x(`fire up ${AC_THE}`), [call(AC, { on: true })])
        : cmd(g.x(`cut ${AC_THE}`), [call(AC, { on: false })]),
  );

  // ================================================================ set_air_recirculation
  F.add(RECIRC, "recirc.on.verb", { weight: 3 }, (g) =>
    cmd(
      g.x(
        `{{turn|switch|put} on ${RECIRC_THE}|{turn|switch} ${RECIRC_THE} on|{enable|activate|start} ${RECIRC_THE}|${RECIRC_THE} on|recirculate {the air|the cabin air|}|{use|switch to} {inside|internal|cabin|recirculated} air|close the {fresh air|outside air} {intake|vents}}`,
      ),
      [call(RECIRC, { on: true })],
    ),
  );
  F.add(RECIRC, "recirc.off.verb", { weight: 3 }, (g) =>
    cmd(
      g.x(
        `{{turn|switch} off ${RECIRC_THE}|{turn|switch} ${RECIRC_THE} off|{disable|deactivate|stop} ${RECIRC_THE}|${RECIRC_THE} off|stop recirculating {the air|}|{use|switch to|bring in} {outside|fresh|outdoor} air|{switch to |}fresh air mode|open the {fresh air|outside air} {intake|vents}}`,
      ),
      [call(RECIRC, { on: false })],
    ),
  );
  F.add(RECIRC, "recirc.on.indirect", { weight: 1.5 }, (g) =>
    stmt(
      g.x(
        "{{it|something} {stinks|smells bad|smells awful} outside|there's a {smelly|diesel|garbage|stinky} truck {ahead|in front of us|ahead of us}|the air outside smells {awful|like smoke|like exhaust|terrible}|there's {smoke|dust|a bad smell} coming in from outside|the exhaust fumes are coming in}",
      ),
      [call(RECIRC, { on: true })],
    ),
  );
  F.add(RECIRC, "recirc.off.indirect", { weight: 1 }, (g) =>
    stmt(
      g.x(
        "{it's stuffy in here|the air {in here |}is {stale|stuffy}|it's getting stuffy{ in here|}|it feels stuffy{ in here|}}",
      ),
      [call(RECIRC, { on: false })],
    ),
  );
  F.add(
    RECIRC,
    "recirc.held.keep_pull",
    { held: true, weight: 1, heldWords: ["keep the outside air out", "pull in outside", "pull in fresh", "draw in"] },
    (g) =>
      g.chance(0.5)
        ? cmd("keep the outside air out", [call(RECIRC, { on: true })])
        : cmd(g.x("{pull|draw} in {outside|fresh} air"), [call(RECIRC, { on: false })]),
  );

  // ================================================================ set_defroster
  const targets = enumValues(DEFROST, "target");
  const glass = (g: G, t: string) => g.x(t === "front" ? FRONT_GLASS : REAR_GLASS);
  const device = (g: G, t: string) => g.x(t === "front" ? FRONT_DEFROSTER : REAR_DEFROSTER);
  F.add(DEFROST, "defrost.verb_glass", { weight: 3 }, (g) => {
    const t = g.pick(targets);
    return cmd(`${g.x("{defrost|defog|demist|clear|de-mist|de-fog}")} ${glass(g, t)}`, [
      call(DEFROST, { target: t, on: true }),
    ]);
  });
  F.add(DEFROST, "defrost.device_on", { weight: 3 }, (g) => {
    const t = g.pick(targets);
    const d = device(g, t);
    return cmd(g.x(`{{turn|switch|put} on the ${d}|{turn|switch} the ${d} on|${d} on|{start|activate} the ${d}}`), [
      call(DEFROST, { target: t, on: true }),
    ]);
  });
  F.add(DEFROST, "defrost.device_off", { weight: 2.5 }, (g) => {
    const t = g.pick(targets);
    const d = device(g, t);
    return cmd(
      g.x(
        `{{turn|switch} off the ${d}|{turn|switch} the ${d} off|${d} off|stop defrosting ${glass(g, t)}|${glass(g, t)} is clear now, {turn|switch} off the ${d}}`,
      ),
      [call(DEFROST, { target: t, on: false })],
      [],
      false,
    );
  });
  F.add(DEFROST, "defrost.unnamed", { weight: 1 }, (g) => {
    const on = g.chance(0.65);
    return cmd(
      on
        ? g.x("{{turn|switch} on the {defroster|defrost|demister|defogger}|{defroster|defrost|demister} on}")
        : g.x("{{turn|switch} off the {defroster|defrost|demister|defogger}|{defroster|defrost|demister} off}"),
      [call(DEFROST, { target: "front", on })],
    );
  });
  F.add(DEFROST, "defrost.indirect", { weight: 1.5 }, (g) => {
    const t = g.pick(targets);
    const text =
      t === "front"
        ? g.x(
            `{${FRONT_GLASS} is {fogged up|fogging up|misted up|all foggy|steamed up|frosted over|iced up|all fogged up}|I can't see out {the front|the windshield|the windscreen}|the front is all fogged up}`,
          )
        : g.x(
            `{${REAR_GLASS} is {fogged up|fogging up|misted up|all foggy|steamed up|frosted over|iced up}|I can't see out the back{ window|}|the back is all fogged up}`,
          );
    return stmt(text, [call(DEFROST, { target: t, on: true })]);
  });
  F.add(DEFROST, "defrost.held.deice", { held: true, weight: 1, heldWords: ["de ice", "deice", "fog off"] }, (g) => {
    const t = g.pick(targets);
    return cmd(g.x(`{de-ice|deice|get the fog off} ${glass(g, t)}`), [call(DEFROST, { target: t, on: true })]);
  });

  // ================================================================ set_airflow_mode
  const modes = enumValues(FLOW, "mode");
  F.add(FLOW, "flow.to_target", { weight: 3 }, (g) => {
    const m = g.pick(modes);
    const tgt = flowTarget(g, m);
    return cmd(
      g.x(
        `{{air|airflow|the air|the airflow|the vents|vents} {to|on|at} ${tgt}|{blow|direct|point|put} the air {at|on|to|onto} ${tgt}|{set|switch|change} {the |}{airflow|air flow|vents|air distribution|air direction} to ${tgt}}`,
      ),
      [call(FLOW, { mode: m })],
    );
  });
  F.add(FLOW, "flow.mode_word", { weight: 2 }, (g) => {
    const m = g.pick(modes);
    const w = flowModeWord(g, m);
    return cmd(
      g.x(
        `{${w} {mode|vents|setting}|{airflow|air} mode ${w}|switch to ${w} {mode|vents}|{set|put} the {airflow|vents|air} {on|to} ${w} mode|${w} vents only}`,
      ),
      [call(FLOW, { mode: m })],
    );
  });
  F.add(FLOW, "flow.question", { weight: 1 }, (g) => {
    const m = g.pick(modes);
    return ask(
      `${g.x("{can you|could you}")} ${g.x("{point|direct|blow|put}")} the air ${g.x("{at|to|on}")} ${flowTarget(g, m)}`,
      [call(FLOW, { mode: m })],
    );
  });
  F.add(
    FLOW,
    "flow.held.aim",
    { held: true, weight: 1, heldWords: ["aim the air", "send the air", "route the air"] },
    (g) => {
      const m = g.pick(modes);
      return cmd(`${g.x("{aim|send|route}")} the air ${g.x("{at|to|toward|towards}")} ${flowTarget(g, m)}`, [
        call(FLOW, { mode: m }),
      ]);
    },
  );

  // ================================================================ set_climate_auto_mode
  F.add(AUTO, "auto.on", { weight: 3 }, (g) =>
    cmd(
      g.x(
        "{{turn|switch|put} on {auto|automatic} {climate|climate control|mode|temperature control}|{set|put|switch} {the climate|the climate control|the AC|the air con|the temperature control} {to|on|in} {auto|automatic|auto mode}|{auto|automatic} climate {on|please}|climate {on auto|to auto|auto}|{enable|activate} {auto climate|automatic climate control|climate auto mode}}",
      ),
      [call(AUTO, { on: true })],
    ),
  );
  F.add(AUTO, "auto.off", { weight: 3 }, (g) =>
    cmd(
      g.x(
        "{{turn|switch} off {auto|automatic} {climate|climate control|mode}|{set|switch|put} {the climate|the climate control} {to|back to|in} manual|manual climate {control|mode|please}|{disable|exit|cancel|leave} {auto climate|automatic climate|climate auto mode}|{auto climate|climate auto|automatic climate} off}",
      ),
      [call(AUTO, { on: false })],
    ),
  );
  F.add(AUTO, "auto.statement", { weight: 1 }, (g) =>
    g.chance(0.5)
      ? cmd(g.x("let the car {handle|control|decide} the {climate|temperature}"), [call(AUTO, { on: true })])
      : stmt(g.x("I'll {handle|control|set} the {climate|temperature} myself"), [call(AUTO, { on: false })]),
  );
  F.add(
    AUTO,
    "auto.held.regulate",
    { held: true, weight: 1, heldWords: ["regulate", "look after", "climate off auto", "ac off auto"] },
    (g) =>
      g.chance(0.6)
        ? cmd(g.x("let the car {regulate|look after} the {climate|temperature}"), [call(AUTO, { on: true })])
        : cmd(g.x("take the {climate|AC} off auto"), [call(AUTO, { on: false })]),
  );
}
