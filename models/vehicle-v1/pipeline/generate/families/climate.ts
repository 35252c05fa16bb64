/**
 * Phrasing families: set_climate_temperature, change_climate_temperature,
 * adjust_fan_speed, set_air_conditioning, set_air_recirculation, set_defroster,
 * set_airflow_mode, set_climate_auto_mode.
 */
import { type CallSpec, call, enumValues, range } from "../calls.js";
import {
  amountKind,
  amountWords,
  BIT_ADV,
  BIT_CMP,
  D,
  type G,
  LOT_CMP,
  pickZone,
  type StepAmount,
  type TempPhrase,
  tempPhrase,
  type Zone,
  zoneWords,
} from "../lexicon.js";
import { ask, cmd, type Draft, type FamilySet, stmt } from "./types.js";

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

/**
 * A command with a remark ("turn on the AC, it's boiling in here"): the remark adds no
 * call. Said as an imperative or (half the time) as a statement, so the surface does not
 * hang "please" after the remark. Never a clause of a parallel query.
 */
function reasoned(g: G, text: string, calls: CallSpec[], said: number[] = []): Draft {
  return g.chance(0.5) ? cmd(text, calls, said, false) : stmt(text, calls, said);
}

/**
 * A zone as the object of "warm/heat ... up": never a seat ("warm up the back seat" could
 * mean the seat heaters), so the rear zone is then "the back", "the rear".
 */
function zoneObjFor(g: G, zone: Zone, obj: string, warm: boolean): string {
  return warm && zone === "rear" && /seat/.test(obj) ? g.x("{the back|the rear|the back row|the rear cabin}") : obj;
}

/** An object: the zone's object phrase, or "it" for the unnamed driver zone. */
function objOrIt(zw: { obj: string }): string {
  return zw.obj === "" ? "it" : zw.obj;
}

// ------------------------------------------------------------------ temperature steps

function tempAmount(g: G): StepAmount {
  const kind = amountKind(g, { none: 0.4, bit: 0.2, lot: 0.12, number: 0.28 });
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

/** Numbers a step phrase says (a single degree may be "a degree", so it is not required). */
const saidOf = (a: StepAmount): number[] => (a.kind === "number" && a.n > 1 ? [a.n] : []);

/** The amount after a verb phrase: "", "a bit", "a lot", "by 3 degrees". */
function tempTail(g: G, a: StepAmount): string {
  return amountWords(g, a, BIT_ADV, "{a lot|by a lot|loads}", () =>
    g.x(`{by ${degrees(g, a.n)}|${degrees(g, a.n)}|by ${g.n(a.n)}}`),
  );
}

/** The amount before a comparative: "", "a bit", "much", "3 degrees". */
function tempCmp(g: G, a: StepAmount): string {
  return amountWords(g, a, BIT_CMP, LOT_CMP, () => degrees(g, a.n));
}

/**
 * A temperature as the lexicon says it, or (30 %) with other spellings people type or a
 * recognizer writes: "72F", "72 degrees F", "Farenheit", "Celcius", "21 deg C". The
 * normalizer maps all of them to "fahrenheit"/"celsius".
 */
function tempPhraseX(g: G, needDegrees: boolean): TempPhrase {
  const tp = tempPhrase(g, needDegrees);
  if (!g.chance(0.3)) return tp;
  const t = tp.temperature;
  const said = g.n(t);
  if (tp.unit === "celsius")
    return {
      ...tp,
      text: g.x(
        `{${said} degrees Celsius|${said} Celsius|${said} Celcius|${said} degrees Celcius|${t} deg C|${t} degrees C|${said} degrees centigrade}`,
      ),
    };
  if (t >= 60)
    return {
      ...tp,
      text: g.x(
        `{${said} degrees F|${t}F|${said} Fahrenheit|${said} degrees Fahrenheit|${said} Farenheit|${said} degrees farenheit|${t} deg F|${t} degs}`,
      ),
    };
  return tp;
}

// ------------------------------------------------------------------ fan

function fanAmount(g: G): StepAmount {
  const kind = amountKind(g, { none: 0.4, bit: 0.2, lot: 0.15, number: 0.25 });
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

/** Airflow targets as a driver names them in a sentence ("my feet", "the windscreen"). */
function flowTargetNat(g: G, mode: string): string {
  switch (mode) {
    case "face":
      return g.x("{my face|my upper body|my chest|the dash|my head}");
    case "feet":
      return g.x("{my feet|the floor|the footwell|the footwells|my legs|my toes}");
    case "face and feet":
      return g.x(
        "{my face and feet|both my face and feet|both my face and my feet|my face and my feet|my feet and my face|face and feet|both face and feet|the dash and the floor|my head and my feet}",
      );
    case "windshield":
      return g.x("{the windshield|the windscreen|the front glass|the glass}");
    default:
      throw new Error(`flowTargetNat: ${mode}`);
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

  // "make it 68 in here", "70 in the car please": a bare number with "in here" is the
  // cabin temperature (the driver zone), never a volume.
  F.add(SET_T, "temp.set.in_here", { weight: 1 }, (g) => {
    const f = g.chance(0.75);
    const t = f ? g.int(60, 80) : g.int(16, 27);
    const s = g.n(t, 0.35);
    const num = g.x(`{${s}|${s}|${s} degrees}`);
    const place = g.x("{in here|in the car|in the cabin|inside}");
    const k = g.int(0, 4);
    const call1 = [call(SET_T, { zone: "driver", temperature: t })];
    if (k === 0) return cmd(`${g.x("{make|set|get|keep}")} it ${num} ${place}`, call1, [t], false);
    if (k === 1) return cmd(`${num} ${place} ${g.x("{please|}")}`, call1, [t], false);
    if (k === 2) return stmt(`${g.x("{I want|I'd like|let's have|let's do|we want}")} ${num} ${place}`, call1, [t]);
    if (k === 3)
      return ask(`${g.x("{can we have|can you make it|could we get|can I get}")} ${num} ${place}`, call1, [t]);
    return cmd(`${g.x("{bring|take|get}")} it ${g.x("{to|down to|up to}")} ${num} ${place}`, call1, [t], false);
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

  F.add(SET_T, "temp.set.prefer", { weight: 1.5 }, (g) => {
    const zone = pickZone(g);
    const zw = zoneWords(g, zone);
    const tp = tempPhraseX(g, true);
    const k = g.int(0, 3);
    if (k === 0)
      return stmt(
        `${g.x("{I'd prefer|I prefer|we'd prefer|I'd rather have|we'd rather have|I'd like}")} ${tp.text} ${zw.after}`,
        [setTemp(zone, tp)],
        [tp.temperature],
      );
    if (k === 1)
      return stmt(
        `${g.x("{I prefer|I'd prefer|I'd rather have}")} ${zw.named ? zw.obj : "it"} at ${tp.text}`,
        [setTemp(zone, tp)],
        [tp.temperature],
      );
    if (k === 2)
      return cmd(
        `${g.x("{have|keep|hold}")} ${zw.named ? zw.obj : g.x("{it|the car|the cabin}")} at ${tp.text}`,
        [setTemp(zone, tp)],
        [tp.temperature],
        zw.named,
      );
    return ask(
      `${g.x("{can you|could you|would you}")} ${g.x("{do|go with|give me}")} ${tp.text} ${zw.after}`,
      [setTemp(zone, tp)],
      [tp.temperature],
    );
  });

  // More verbs, nouns and unit spellings: "could you switch the thermostat to 21 Celcius".
  F.add(SET_T, "temp.set.more", { weight: 2 }, (g) => {
    const zone = pickZone(g);
    const zw = zoneWords(g, zone);
    const tp = tempPhraseX(g, false);
    const tpd = tempPhraseX(g, true);
    const noun = g.x("{temperature|temp|thermostat|climate|heating|AC|air con}");
    const k = g.int(0, 4);
    if (k === 0) {
      const verb = g.x("{set|switch|change|adjust|put|dial}");
      const obj = zw.named ? `${zw.det} ${noun}` : `the ${noun}`;
      return cmd(`${verb} ${obj} to ${tp.text}`, [setTemp(zone, tp)], [tp.temperature]);
    }
    if (k === 1) {
      const up = g.chance(0.5);
      const verb = up ? g.x("{take|bring|turn|push|put}") : g.x("{take|bring|turn|drop|put}");
      return cmd(
        `${verb} the ${g.x("{temperature|temp|heat}")} ${up ? "up" : "down"} to ${tp.text} ${zw.after}`,
        [setTemp(zone, tp)],
        [tp.temperature],
      );
    }
    if (k === 2)
      return cmd(
        g.chance(0.5)
          ? `${g.x("{set|put}")} ${zw.named ? zw.obj : g.x("{it|the car|the cabin}")} ${g.x("{to|at}")} ${tpd.text}`
          : `make ${zw.named ? zw.obj : g.x("{it|the car|the cabin|things}")} ${tpd.text}`,
        [setTemp(zone, tpd)],
        [tpd.temperature],
        zw.named,
      );
    if (k === 3)
      return stmt(
        `${g.x("{I want|I need|we want}")} ${zw.named ? zw.obj : g.x("{the temperature|the temp|it}")} ${g.x("{at|on}")} ${tpd.text}`,
        [setTemp(zone, tpd)],
        [tpd.temperature],
      );
    return cmd(
      `${tpd.text} ${zw.named ? g.x(`{${zw.after}|on ${zw.obj}}`) : g.x("{in here|for me|on my side}")} ${g.x("{please|}")}`,
      [setTemp(zone, tpd)],
      [tpd.temperature],
      false,
    );
  });

  // A target with a reason or remark: only the setting is called.
  F.add(SET_T, "temp.set.reason", { weight: 1 }, (g) => {
    const zone = pickZone(g);
    const zw = zoneWords(g, zone);
    const tp = tempPhraseX(g, false);
    const core = zw.named
      ? `${g.x("{set|put|change}")} ${zw.det} ${g.x("{temperature|temp}")} to ${tp.text}`
      : `${g.x("{set|put|change|turn}")} the ${g.x("{temperature|temp|heat}")} to ${tp.text}`;
    const cooler = tp.temperature >= 60 ? tp.temperature <= 70 : tp.temperature <= 21;
    const remark = cooler
      ? g.x(
          "{it's {a bit|too|way too} {hot|warm} in here|{I'm|we're} {too hot|roasting|sweating}|it's been hot all day}",
        )
      : g.x(
          "{it's {a bit|too|way too} {cold|chilly} in here|{I'm|we're} {too cold|freezing|cold}|it's been cold all day}",
        );
    const remark2 = g.chance(0.2) ? g.x("{that's how I like it|that's what I like|that's my usual}") : remark;
    return g.chance(0.5)
      ? reasoned(g, `${core}, ${remark2}`, [setTemp(zone, tp)], [tp.temperature])
      : cmd(`${remark}, ${core}`, [setTemp(zone, tp)], [tp.temperature], false);
  });

  // Held out: a rare verb ("peg") and a new structure ("N degrees would be perfect").
  F.add(
    SET_T,
    "temp.held.peg_wouldbe",
    { held: true, weight: 1.2, heldWords: ["peg", "would be perfect", "would be lovely", "would be ideal"] },
    (g) => {
      const zone = pickZone(g);
      const zw = zoneWords(g, zone);
      if (g.chance(0.5)) {
        const tp = tempPhrase(g, false);
        return cmd(
          `peg ${zw.named ? `${zw.det} temperature` : g.x("{the temperature|the temp|the heat|it}")} at ${tp.text}`,
          [setTemp(zone, tp)],
          [tp.temperature],
          false,
        );
      }
      const tp = tempPhrase(g, true);
      return stmt(
        `${tp.text} ${zw.after} would be ${g.x("{perfect|lovely|ideal}")}`,
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
    const amount = tempCmp(g, a);
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
    const tail = tempTail(g, a);
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
      const amount = tempCmp(g, a);
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
    const o = zw.named ? zoneObjFor(g, zone, zw.obj, warm) : g.x("{it|things|the car|the cabin|me}");
    const core = warm ? `${g.x("{warm|heat}")} ${o} up` : `cool ${o} down`;
    const tail = amountWords(g, a, BIT_ADV, "{a lot|loads}", () => g.x(`{${degrees(g, a.n)}|by ${degrees(g, a.n)}}`));
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
    const amount = tempCmp(g, a);
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

  // Informal verbs: "knock the temperature down 2 degrees", "bump the heat up", "nudge it up a degree".
  F.add(CHG_T, "temp.step.knock_bump", { weight: 2.5 }, (g) => {
    const zone = pickZone(g);
    const zw = zoneWords(g, zone);
    const a = tempAmount(g);
    const noun = g.x("{temperature|temp|heat}");
    const named = zw.named && g.chance(0.5);
    // never "it": "bump it up", "crank it up" would be the volume
    const obj = named ? `${zw.det} ${noun === "heat" ? "temperature" : noun}` : `the ${noun}`;
    const where = zw.named && !named ? zw.after : "";
    const k = g.int(0, 6);
    let up: boolean;
    let core: string;
    let amt = a;
    if (k === 0) {
      up = false;
      core = g.chance(0.7) ? `knock ${obj} down` : `knock down ${obj}`;
    } else if (k === 1) {
      up = g.chance(0.75);
      core = up ? g.x(`{bump ${obj} up|bump up ${obj}}`) : `bump ${obj} down`;
    } else if (k === 2) {
      // "nudge" is said with an amount; without one it would be unclear how far
      up = g.chance(0.5);
      if (a.kind === "none" || a.kind === "lot") amt = { kind: "bit", n: D.tempBit };
      core =
        !named && g.chance(0.4)
          ? `nudge it ${up ? g.x("{warmer|hotter}") : g.x("{cooler|colder}")}`
          : `nudge ${obj} ${up ? "up" : "down"}`;
    } else if (k === 3) {
      up = g.chance(0.5);
      core = `${g.x("{take|bring|push}")} ${obj} ${up ? "up" : "down"}`;
    } else if (k === 4) {
      up = g.chance(0.5);
      amt = a.kind === "number" ? a : { kind: "number", n: g.int(1, 6) };
      if (up) core = `add ${degrees(g, amt.n)} ${g.x("{to the temperature|to the temp|to the heat}")}`;
      else core = `${g.x("{knock|take}")} ${degrees(g, amt.n)} off ${g.x("{the temperature|the temp|the heat}")}`;
      return cmd(`${core} ${zw.after}`, [chg(zone, up ? amt.n : -amt.n)], saidOf(amt), false);
    } else if (k === 5) {
      up = true;
      core = g.x(`{crank up ${obj}|crank ${obj} up}`);
    } else {
      up = g.chance(0.5);
      core = `dial ${obj} ${up ? "up" : "down"}`;
    }
    const tail = tempTail(g, amt);
    return cmd(
      g.chance(0.5) ? `${core} ${tail} ${where}` : `${core} ${where} ${tail}`,
      [chg(zone, up ? amt.n : -amt.n)],
      saidOf(amt),
      !core.includes(" it "),
    );
  });

  // "cool down the back seats", "warm up my side", "heat up the car a bit"
  F.add(CHG_T, "temp.step.particle_first", { weight: 1.5 }, (g) => {
    const zone = pickZone(g);
    const zw = zoneWords(g, zone);
    const warm = g.chance(0.5);
    const a = tempAmount(g);
    const o = zw.named ? zoneObjFor(g, zone, zw.obj, warm) : g.x("{the car|the cabin}");
    const core = warm ? `${g.x("{warm|heat}")} up ${o}` : `${g.x("{cool down|cool off}")} ${o}`;
    return cmd(
      `${core} ${tempTail(g, a)} ${g.chance(0.25) ? "please" : ""}`,
      [chg(zone, warm ? a.n : -a.n)],
      saidOf(a),
    );
  });

  // Wider indirect phrasings: "the kids are roasting back there", "my teeth are chattering".
  F.add(CHG_T, "temp.indirect.more", { weight: 2.5 }, (g) => {
    const zone = pickZone(g);
    const hot = g.chance(0.5);
    const bit = g.chance(0.2);
    const n = bit ? D.tempBit : D.tempStep;
    let text: string;
    if (zone === "driver") {
      if (hot)
        text = bit
          ? g.x("{I'm|I'm getting|I'm feeling} {a bit|a little|slightly|a little bit} {warm|hot|sweaty}")
          : g.x(
              "{I'm {roasting|baking|melting|sweltering|overheating|cooking|sweating buckets|dying in this heat}|it's {stifling|baking|roasting|sweltering|scorching|way too hot|really hot|so hot|boiling hot} in here|it's {really|so|way too} {hot|warm} {in here|up front}|{this car|the car|the cabin} is {roasting|boiling|way too hot|like a furnace}}",
            );
      else
        text = bit
          ? g.x("{I'm|I'm getting|I'm feeling} {a bit|a little|slightly|a little bit} {cold|chilly}")
          : g.x(
              "{I'm {shivering|frozen|freezing cold|chilled to the bone|so cold|really cold}|my teeth are chattering|my {hands|fingers} are {frozen|freezing} {and so am I|and I'm cold}|it's {icy|bitter|freezing cold|really cold|so cold|arctic} in here|it's {really|so} {cold|chilly} {in here|up front}|{this car|the car|the cabin} is {freezing|ice cold|so cold}}",
            );
    } else if (zone === "passenger") {
      const who = g.x("{the passenger|my passenger|the front passenger}");
      if (hot)
        text = bit
          ? `${who} is ${g.x("{a bit|a little}")} ${g.x("{warm|hot}")}`
          : g.x(
              `{${who} is {roasting|baking|melting|sweating|overheating}|it's {roasting|baking|really hot|way too hot} on the passenger side|${who} {says|thinks} it's too hot}`,
            );
      else
        text = bit
          ? `${who} is ${g.x("{a bit|a little}")} ${g.x("{cold|chilly}")}`
          : g.x(
              `{${who} is {shivering|frozen|freezing cold}|it's {freezing|really cold|icy} on the passenger side|${who} {says|thinks} it's too cold}`,
            );
    } else {
      const who = g.x("{the kids|the children|the people|the passengers|the folks|everyone|the boys|the girls}");
      const there = g.x("{back there|in the back|in the back seat|in the back row}");
      if (hot)
        text = bit
          ? g.x(`{${who} ${there} are {a bit|a little} {warm|hot}|it's {a bit|a little} warm back {here|there}}`)
          : g.x(
              `{${who} are {roasting|baking|melting|sweating|overheating|too hot|boiling} ${there}|it's {really|so|way too} hot back {here|there}|it's {roasting|baking|boiling} back {here|there}|the back seats are {roasting|boiling|too hot}}`,
            );
      else
        text = bit
          ? g.x(`{${who} ${there} are {a bit|a little} {cold|chilly}|it's {a bit|a little} chilly back {here|there}}`)
          : g.x(
              `{${who} are {freezing|shivering|frozen|cold|too cold} ${there}|it's {really|so} cold back {here|there}|it's freezing back {here|there}|the back seats are {freezing|ice cold|too cold}}`,
            );
    }
    return stmt(text, [chg(zone, hot ? -n : n)]);
  });

  // Similes and metaphors, labelled like temp.indirect.*: hot = -2, cold = +2 on the zone
  // ("it's like a furnace in here", "the back is like the arctic"). The held-out
  // temp.held.simile keeps its own nouns (sauna, oven, fridge, icebox, ...).
  F.add(CHG_T, "temp.indirect.simile", { weight: 1.5 }, (g) => {
    const zone = pickZone(g);
    const hot = g.chance(0.5);
    const what = hot
      ? g.x(
          "{a furnace|a desert|the Sahara|a steam room|a hot tub|a bakery|a boiler room|a jungle|the tropics|a volcano|a kiln|a microwave|an airing cupboard|a hothouse}",
        )
      : g.x(
          "{the arctic|Antarctica|the North Pole|an igloo|a meat locker|an ice rink|Siberia|a glacier|an ice cave|a snow cave|a cold store|the tundra}",
        );
    const where =
      zone === "driver"
        ? g.x("{in here|in this car|in the car|up front|in the cabin}")
        : zone === "passenger"
          ? g.x("{on the passenger side|on her side|on his side}")
          : g.x("{back there|in the back|back here|in the back seat}");
    const k = g.int(0, 3);
    let text: string;
    if (k === 0) text = `it's like ${what} ${where}`;
    else if (k === 1) text = `it feels like ${what} ${where}`;
    else if (k === 2)
      text =
        zone === "driver"
          ? `${g.x("{this car|the car|the cabin}")} is ${g.x("{like|turning into}")} ${what}`
          : zone === "passenger"
            ? `${g.x("{the passenger|my passenger|the front passenger}")} ${g.x("{says|thinks}")} it's like ${what} ${where}`
            : `${g.x("{the kids|the passengers|everyone}")} ${g.x("{say|think}")} it's like ${what} ${where}`;
    else text = `it's ${g.x("{basically|practically|turning into|just like}")} ${what} ${where}`;
    return stmt(text, [chg(zone, hot ? -D.tempStep : D.tempStep)]);
  });

  // A step with a reason or remark; the command's own amount counts (a remark never adds
  // a call): "could you maybe turn the heat up a little on my side, I'm kind of cold".
  F.add(CHG_T, "temp.step.reason", { weight: 2.5 }, (g) => {
    const zone = pickZone(g);
    const zw = zoneWords(g, zone, 0.6);
    const up = g.chance(0.5);
    const a = tempAmount(g);
    const noun = g.x("{heat|temperature|temp}");
    const k = g.int(0, 3);
    const where = zw.named ? zw.after : "";
    let command: string;
    if (k === 0)
      command = `${up ? g.x(`{turn up the ${noun}|turn the ${noun} up}`) : g.x(`{turn down the ${noun}|turn the ${noun} down}`)} ${tempTail(g, a)} ${where}`;
    else if (k === 1 && zw.named && g.chance(0.6))
      // "cool down the back seats", "warm up the passenger side"
      command = `${up ? g.x("{warm up|heat up}") : g.x("{cool down|cool off}")} ${zoneObjFor(g, zone, zw.obj, up)} ${tempTail(g, a)}`;
    else if (k === 1)
      command = `${up ? g.x("{warm it up|warm things up|heat it up}") : g.x("{cool it down|cool things down}")} ${tempTail(g, a)} ${where}`;
    else if (k === 2)
      command = `make it ${tempCmp(g, a)} ${up ? g.x("{warmer|hotter}") : g.x("{cooler|colder}")} ${where}`;
    else
      command = `${up ? g.x("{raise|bump up|increase} the temperature") : g.x("{lower|drop|reduce} the temperature")} ${tempTail(g, a)} ${where}`;
    // the remark names the same zone as the command and never carries an amount of its own
    let remark: string;
    const hedge = a.kind === "bit" && g.chance(0.4);
    if (zone === "driver")
      remark = up
        ? hedge
          ? g.x("{I'm kind of cold|I'm a bit chilly|I'm a little cold}")
          : g.x("{I'm freezing|I'm cold|it's cold in here|I'm chilly|it's freezing|I'm shivering}")
        : hedge
          ? g.x("{I'm kind of warm|I'm a bit warm|I'm a little hot}")
          : g.x("{I'm roasting|I'm hot|it's boiling in here|I'm sweating|it's too hot in here|I'm boiling}");
    else if (zone === "passenger")
      remark = up
        ? g.x("{my passenger is cold|the passenger is freezing|she's cold|he's cold|she's freezing}")
        : g.x("{my passenger is hot|the passenger is roasting|she's too hot|he's too hot|he's boiling}");
    else
      remark = up
        ? g.x(
            "{the kids are freezing|it's really cold back here|the kids are cold back there|it's freezing back there}",
          )
        : g.x(
            "{the kids are roasting|it's really hot back here|the kids are too hot back there|it's boiling back there}",
          );
    if (g.chance(0.5)) {
      const pre = g.x("{could you maybe|can you|could you|would you|can you please|maybe}");
      const text = pre === "maybe" ? `${remark}, maybe ${command}` : `${remark}, ${pre} ${command}`;
      return pre === "maybe"
        ? cmd(text, [chg(zone, up ? a.n : -a.n)], saidOf(a), false)
        : ask(text, [chg(zone, up ? a.n : -a.n)], saidOf(a));
    }
    const pre = g.x("{could you maybe|can you|could you|please|}");
    const text = `${pre} ${command}, ${remark}`;
    return pre.includes("you")
      ? ask(text, [chg(zone, up ? a.n : -a.n)], saidOf(a))
      : cmd(text, [chg(zone, up ? a.n : -a.n)], saidOf(a), false);
  });

  // Held out: rarer verbs "edge" and "tick" on known objects.
  F.add(CHG_T, "temp.held.edge_tick", { held: true, weight: 1, heldWords: ["edge", "tick"] }, (g) => {
    const zone = pickZone(g);
    const zw = zoneWords(g, zone);
    const up = g.chance(0.5);
    const a = tempAmount(g);
    const noun = g.x("{temperature|temp|heat}");
    const obj = zw.named ? `${zw.det} ${noun === "heat" ? "temperature" : noun}` : `the ${noun}`;
    return cmd(
      `${g.x("{edge|tick}")} ${obj} ${up ? "up" : "down"} ${tempTail(g, a)}`,
      [chg(zone, up ? a.n : -a.n)],
      saidOf(a),
      false,
    );
  });

  // Held out: similes with words never used in training ("it's like a sauna in here").
  F.add(
    CHG_T,
    "temp.held.simile",
    {
      held: true,
      weight: 1,
      heldWords: ["sauna", "oven", "greenhouse", "fridge", "freezer", "icebox", "toastier"],
    },
    (g) => {
      const zone = pickZone(g);
      const hot = g.chance(0.5);
      if (zone === "driver" && g.chance(0.25)) {
        const bit = g.chance(0.4);
        return cmd(
          `make it ${bit ? g.x(BIT_CMP) : ""} toastier`,
          [chg("driver", bit ? D.tempBit : D.tempStep)],
          [],
          false,
        );
      }
      const where =
        zone === "driver"
          ? g.x("{in here|in this car|up front}")
          : zone === "passenger"
            ? g.x("{on the passenger side|for my passenger}")
            : g.x("{back there|in the back|back here}");
      const what = hot ? g.x("{a sauna|an oven|a greenhouse}") : g.x("{a fridge|a freezer|an icebox}");
      return stmt(`it's like ${what} ${where}`, [chg(zone, hot ? -D.tempStep : D.tempStep)]);
    },
  );

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
    const tail = amountWords(g, a, BIT_ADV, "{a lot|by a lot|loads}", () =>
      g.x(
        `{by ${g.n(a.n)}|${g.n(a.n)} {notches|levels|steps|speeds|clicks}|by ${g.n(a.n)} {notches|levels|steps}|${g.n(a.n)}}`,
      ),
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

  // Terse settings: "fan 3", "blower on max", "fan speed four".
  F.add(FAN, "fan.set.terse", { weight: 2 }, (g) => {
    if (g.chance(0.25))
      return cmd(
        g.x(
          "{{blower|fan} {on|to|at} {max|maximum|full}|{blower|fan} {max|full blast}|full blast on the {fan|blower}|{blower|fan} all the way up|top fan speed|{highest|top} fan setting|fan speed {max|maximum}}",
        ),
        [fanSet(D.fanMax)],
        [],
        false,
      );
    const v = g.int(1, D.fanMax);
    const s = g.n(v, 0.4);
    return cmd(
      g.x(
        `{fan ${s}|blower ${s}|fan {on|at} ${s}|dial the {fan|blower} {to|up to|down to} ${s}|blower {on|at|to} ${s}|fan speed ${s}|fan level ${s}|fan setting ${s}|blower speed ${s}|fan to {speed|level|setting} ${s}|{speed|level} ${s} on the {fan|blower}|fan on {number|level} ${s}}`,
      ),
      [fanSet(v)],
      [v],
      false,
    );
  });

  // Informal verbs: "ramp the fan up", "kick the fan up a notch", "knock the blower down".
  F.add(FAN, "fan.step.informal", { weight: 2.5 }, (g) => {
    const up = g.chance(0.5);
    const a = fanAmount(g);
    const obj = g.x("{the fan|the blower|the fan speed|the fans}");
    const verbUp = "{ramp|kick|bump|crank|push|dial}";
    const k = g.int(0, 2);
    let core: string;
    if (k === 0)
      core = up
        ? g.x(`{${verbUp} ${obj} up|${verbUp} up ${obj}}`)
        : g.x(
            `{{ramp|knock|bring|take|dial} ${obj} down|{ramp|knock|dial} down ${obj}|back ${obj} off|dial back ${obj}}`,
          );
    else if (k === 1)
      core = up ? g.x(`{turn|${verbUp}|take} ${obj} up a notch`) : g.x(`{turn|knock|take|bring} ${obj} down a notch`);
    else core = up ? g.x("{more|stronger} fan, please") : g.x("{less|gentler} fan, please");
    const notch = k === 1;
    const tail =
      notch || k === 2
        ? ""
        : amountWords(g, a, BIT_ADV, "{a lot|by a lot|loads}", () =>
            g.x(`{by ${g.n(a.n)}|${g.n(a.n)} {notches|levels|steps|speeds}|by ${g.n(a.n)} {notches|levels|steps}}`),
          );
    const n = notch || k === 2 ? D.fanStep : a.n;
    return cmd(
      `${core} ${tail}`,
      [fanStep(up ? n : -n)],
      !notch && k !== 2 && a.kind === "number" ? [a.n] : [],
      k !== 2,
    );
  });

  // "the air is blasting me", "the fan is blowing too hard", "the air is too weak".
  F.add(FAN, "fan.indirect.more", { weight: 1.5 }, (g) =>
    g.chance(0.55)
      ? stmt(
          g.x(
            "{the {air|fan|blower} is blasting {me|my face|right at me}|the {fan|air|blower} is blowing {too hard|way too hard|too strong}|the fan's blowing too hard|the air is too {strong|powerful|harsh}|there's too much air blowing {on me|at me|in my face}|the fan is {way too|too} {high|strong|fierce}|that's too much {air|fan}|I'm getting blown around by the fan}",
          ),
          [fanStep(-D.fanStep)],
        )
      : stmt(
          g.x(
            "{the {air|airflow|fan} is too weak|the {air|airflow} is {barely|hardly even|not really} {coming out|blowing}|I can barely feel the {fan|air|airflow}|there's {barely|hardly} any air {coming out|coming through}|the fan is {too low|barely doing anything}|that's not enough air}",
          ),
          [fanStep(D.fanStep)],
        ),
  );

  // Similes and complaints, labelled like fan.indirect.*: too much air = -1, too little = +1
  // ("it's like a tornado in here", "the fan is a joke"). The held-out fan.held.simile keeps
  // its own words (wind tunnel, hurricane, gale, feeble, pathetic).
  F.add(FAN, "fan.indirect.simile", { weight: 1.5 }, (g) =>
    g.chance(0.55)
      ? stmt(
          g.x(
            "{it's like a {tornado|typhoon|cyclone|leaf blower|storm|sandstorm} in here|it's blowing a storm in here|the fan is blowing a storm|it's like standing in front of a {leaf blower|jet|giant fan}|it feels like a {tornado|storm} in here|the air is like a {tornado|storm}|I feel like I'm in a {storm|tornado}|my hair is flying everywhere from the fan|the fan is roaring like a {jet|storm}}",
          ),
          [fanStep(-D.fanStep)],
        )
      : stmt(
          g.x(
            "{the {fan|airflow|air} is {a joke|wimpy|puny|weak as water|so weak|useless}|the fan's doing nothing|the fan isn't doing anything|the air is a trickle|the fan is barely a breeze|this fan couldn't blow out a candle|I've felt stronger breezes than this fan|the fan is {a whisper|barely a whisper}}",
          ),
          [fanStep(D.fanStep)],
        ),
  );

  // A fan command with a remark: only the fan call.
  F.add(FAN, "fan.reason", { weight: 1.5 }, (g) => {
    const up = g.chance(0.5);
    const k = g.int(0, 2);
    let command: string;
    let spec: CallSpec;
    let said: number[] = [];
    if (k === 0) {
      command = up
        ? g.x("{turn the fan up|turn up the fan|more air|fan up|give me more air|speed up the fan}")
        : g.x("{turn the fan down|turn down the fan|less air|fan down|slow the fan down|turn the blower down}");
      spec = fanStep(up ? D.fanStep : -D.fanStep);
    } else if (k === 1) {
      const v = up ? g.int(4, D.fanMax) : g.int(1, 3);
      command = g.x(`{fan to ${g.n(v, 0.4)}|set the fan to ${g.n(v, 0.4)}|put the fan on ${g.n(v, 0.4)}}`);
      spec = fanSet(v);
      said = [v];
    } else {
      command = up ? g.x("{fan on max|max fan|fan to max}") : g.x("{fan off|turn the fan off|switch the fan off}");
      spec = fanSet(up ? D.fanMax : D.fanOff);
    }
    const remark = up
      ? g.x("{I can barely feel it|it's not doing anything|nothing's coming out|I need some air|I can't feel anything}")
      : g.x(
          "{it's {so|way too|really} noisy|it's drying my eyes out|it's blowing my hair everywhere|it's blowing my papers around|I can't hear myself think|it's giving me a headache}",
        );
    return g.chance(0.6)
      ? reasoned(g, `${command}, ${remark}`, [spec], said)
      : cmd(`${remark}, ${command}`, [spec], said, false);
  });

  // Held out: known verbs on a new object ("wind the fan up") and a rare verb ("throttle").
  F.add(
    FAN,
    "fan.held.wind_throttle",
    {
      held: true,
      weight: 1,
      heldWords: ["wind the fan", "wind up the fan", "wind down the fan", "wind the blower", "throttle"],
    },
    (g) => {
      const up = g.chance(0.5);
      if (!up && g.chance(0.4))
        return cmd(
          g.x("{throttle back the fan|throttle the fan back|throttle down the blower|throttle the fan down}"),
          [fanStep(-D.fanStep)],
        );
      const a = fanAmount(g);
      const tail = amountWords(g, a, BIT_ADV, "{a lot|loads}", () =>
        g.x(`{by ${g.n(a.n)}|${g.n(a.n)} {notches|levels|steps}}`),
      );
      return cmd(
        `${g.x(`{wind the fan ${up ? "up" : "down"}|wind ${up ? "up" : "down"} the fan|wind the blower ${up ? "up" : "down"}}`)} ${tail}`,
        [fanStep(up ? a.n : -a.n)],
        a.kind === "number" ? [a.n] : [],
      );
    },
  );

  // Held out: similes and rarer adjectives ("it's like a wind tunnel in here", "the airflow is feeble").
  F.add(
    FAN,
    "fan.held.simile",
    { held: true, weight: 0.6, heldWords: ["wind tunnel", "hurricane", "gale", "feeble", "pathetic"] },
    (g) =>
      g.chance(0.6)
        ? stmt(
            g.x("{it's like a {wind tunnel|hurricane} in here|it's blowing a gale in here|the fan is blowing a gale}"),
            [fanStep(-D.fanStep)],
          )
        : stmt(g.x("{the {air|airflow|fan} is {feeble|pathetic}|this airflow is pathetic}"), [fanStep(D.fanStep)]),
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
  // More verbs: "fire up the AC", "cut the air con", "kill the aircon", "get the AC going".
  F.add(AC, "ac.verb.more", { weight: 2.5 }, (g) => {
    const on = g.chance(0.5);
    const text = on
      ? g.x(
          `{fire up ${AC_THE}|get ${AC_THE} {on|going|running}|{put|stick} ${AC_THE} on|{turn|switch|put} ${AC_THE} back on|{start up|kick on} ${AC_THE}|{turn|switch} on ${AC_THE} {now|please}|${AC_BARE} please|${AC_BARE} on, please|some ${AC_BARE} please}`,
        )
      : g.x(
          `{cut ${AC_THE}|kill ${AC_THE}|shut ${AC_THE} off|{turn|switch|shut} ${AC_THE} off now|{shut down|switch off|cut off} ${AC_THE}|no ${AC_BARE} please|${AC_BARE} off, please|${AC_BARE} off now|{lose|ditch} ${AC_THE}|that's enough ${AC_BARE}, turn it off}`,
        );
    return cmd(text, [call(AC, { on })], [], !text.startsWith("that's"));
  });

  F.add(AC, "ac.question.more", { weight: 1 }, (g) => {
    const on = g.chance(0.55);
    return ask(
      on
        ? g.x(
            `{can we {have|get} ${AC_THE} on|can I get some ${AC_BARE}|could we put ${AC_THE} on|mind turning on ${AC_THE}|how about some ${AC_BARE}}`,
          )
        : g.x(
            `{can we turn ${AC_THE} off|could you shut ${AC_THE} off|mind turning off ${AC_THE}|can we lose ${AC_THE}|could you kill ${AC_THE}}`,
          ),
      [call(AC, { on })],
    );
  });

  // The AC with a reason: "turn on the AC, it's boiling in here" calls only the AC.
  F.add(AC, "ac.reason", { weight: 2 }, (g) => {
    const on = g.chance(0.6);
    const command = on
      ? g.x(`{turn on ${AC_THE}|{switch|put} ${AC_THE} on|${AC_BARE} on|fire up ${AC_THE}|get ${AC_THE} going}`)
      : g.x(`{turn off ${AC_THE}|{switch|shut} ${AC_THE} off|${AC_BARE} off|cut ${AC_THE}|kill ${AC_THE}}`);
    const remark = on
      ? g.x(
          "{it's boiling in here|it's {so|really|way too} hot {in here|today|out there}|I'm {roasting|sweating|boiling|melting}|it's {sweltering|scorching|baking} {today|out there|in here}|it's getting {hot|warm} in here|we're {cooking|roasting} in here}",
        )
      : g.x(
          "{it's {getting|too|really} {cold|chilly} in here|I'm {freezing|cold|getting cold}|it's cool enough now|we don't need it {anymore|now}|it's cooled down {now|enough}|it's freezing}",
        );
    if (g.chance(0.6)) return reasoned(g, `${command}, ${remark}`, [call(AC, { on })], []);
    const terse = /^(ac|a\/c|air conditioning|aircon|air con|air-con) (on|off)$/i.test(command);
    const pre = terse ? g.x("{|so}") : g.x("{|so|please|could you|can you}");
    return pre.includes("you")
      ? ask(`${remark}, ${pre} ${command}`, [call(AC, { on })])
      : cmd(`${remark}, ${pre} ${command}`, [call(AC, { on })], [], false);
  });

  // Held out: a rare verb on a known object ("power up the AC").
  F.add(
    AC,
    "ac.held.power",
    { held: true, weight: 1, heldWords: ["power up", "power down", "power the", "power on", "power off"] },
    (g) =>
      g.chance(0.55)
        ? cmd(g.x(`{power up ${AC_THE}|power ${AC_THE} up|power on ${AC_THE}}`), [call(AC, { on: true })])
        : cmd(g.x(`{power down ${AC_THE}|power ${AC_THE} down|power off ${AC_THE}}`), [call(AC, { on: false })]),
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
  // "keep the outside air out", "stop pulling in outside air" (on); "pull in fresh air" (off).
  F.add(RECIRC, "recirc.intake", { weight: 2 }, (g) =>
    g.chance(0.55)
      ? cmd(
          g.x(
            "{keep the {outside air|fumes|smell|exhaust} out|stop {pulling|letting|bringing|drawing|taking} in {outside|fresh|outdoor} air|{close|shut} the {air intake|outside air intake|fresh air vent|outside vents}|{use|go to|switch to} recirculated air|air recirculation on|{turn|switch} on the {recirc|recirculation} {button|mode}|recirc mode on|{put|set} the air on recirculate}",
          ),
          [call(RECIRC, { on: true })],
        )
      : cmd(
          g.x(
            "{{pull|draw|bring|take} in {some |}{outside|fresh|outdoor} air|stop recirculating|{open|reopen} the {air intake|outside air intake|fresh air vent}|{use|go back to|switch back to} {outside|fresh} air|air recirculation off|recirc mode off|{turn|switch} off the {recirc|recirculation} {button|mode}}",
          ),
          [call(RECIRC, { on: false })],
        ),
  );

  // Bad air outside: "there's a smelly bus right in front of us".
  F.add(RECIRC, "recirc.on.indirect.more", { weight: 1.5 }, (g) => {
    const veh = g.x("{bus|truck|lorry|tractor|garbage truck|bin lorry|van|old car|cement mixer}");
    const where = g.x("{right in front of us|in front of us|ahead of us|ahead|just ahead}");
    return stmt(
      g.x(
        `{there's a {smelly|stinky|diesel|smoky|filthy} ${veh} ${where}|that ${veh} {stinks|reeks|smells awful|is belching smoke}|we're {stuck|right} behind a {smelly|smoky|stinky|diesel} ${veh}|it {reeks|stinks} of {diesel|exhaust|manure|smoke|burning rubber} {outside|out there}|something {outside |}smells {awful|like burning|like manure|terrible}|the {fumes|exhaust|smoke} {are|is} getting in|I can smell {exhaust|diesel|smoke|fumes} {coming in|from outside}|{the|that} farm smell is coming in|there's a fire {nearby|up ahead} and the smoke is coming in}`,
      ),
      [call(RECIRC, { on: true })],
    );
  });

  // Recirculation with a reason: "switch to fresh air, it's stuffy in here".
  F.add(RECIRC, "recirc.reason", { weight: 1.5 }, (g) => {
    const on = g.chance(0.6);
    const command = on
      ? g.x(
          `{{turn|switch} on ${RECIRC_THE}|recirculate the air|${RECIRC_THE} on|{use|switch to} {inside|recirculated} air|close the {air intake|outside vents}}`,
        )
      : g.x(
          `{{turn|switch} off ${RECIRC_THE}|${RECIRC_THE} off|switch to fresh air|bring in {some |}fresh air|use outside air}`,
        );
    const remark = on
      ? g.x(
          "{that {truck|bus|lorry} stinks|there's a smelly {truck|bus} ahead|we're {going|heading} into a tunnel|we're {entering|about to go through|driving through} a tunnel|the {fumes|exhaust} {are|is} awful|it {stinks|smells} {outside|out there}|there's {smoke|dust} everywhere|we're in heavy traffic}",
        )
      : g.x(
          "{it's stuffy in here|the air's {stale|stuffy}|it's getting stuffy|we're out of the tunnel|the air is {clean|fine} {now|out here}|I'm getting sleepy}",
        );
    return g.chance(0.5)
      ? reasoned(g, `${command}, ${remark}`, [call(RECIRC, { on })], [])
      : cmd(`${remark}, ${g.x("{|so|please}")} ${command}`, [call(RECIRC, { on })], [], false);
  });

  // Held out: rarer verbs ("seal", "flush", "shut out", "block out").
  F.add(
    RECIRC,
    "recirc.held.seal_flush",
    { held: true, weight: 1, heldWords: ["seal", "flush", "shut out", "block out"] },
    (g) =>
      g.chance(0.55)
        ? cmd(
            g.x(
              "{seal {the cabin|the car} {off |}from the outside air|seal off the {outside air|air intake}|{shut|block} out the {outside air|fumes|smell|exhaust}}",
            ),
            [call(RECIRC, { on: true })],
          )
        : cmd(g.x("{flush {the cabin|the car} with {fresh|outside} air|flush out the {stale|old} air}"), [
            call(RECIRC, { on: false }),
          ]),
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
  // "de-ice the windscreen", "get the fog off the back glass", "clear the mist from the rear window".
  F.add(DEFROST, "defrost.clear_more", { weight: 2.5 }, (g) => {
    const t = g.pick(targets);
    const stuff = g.x("{fog|frost|ice|mist|condensation|steam}");
    return cmd(
      g.x(
        `{{de-ice|deice|de ice} ${glass(g, t)}|get {the|that} ${stuff} off ${glass(g, t)}|get rid of the ${stuff} on ${glass(g, t)}|clear {the|that} ${stuff} {off|from} ${glass(g, t)}|{clear|demist|defog|defrost} ${glass(g, t)} {please|for me|}|clear up ${glass(g, t)}}`,
      ),
      [call(DEFROST, { target: t, on: true })],
    );
  });

  // The device named by where it works: "demister on the back please", "the defroster for the rear window".
  F.add(DEFROST, "defrost.device_for", { weight: 2 }, (g) => {
    const t = g.pick(targets);
    const on = g.chance(0.7);
    const dev = g.x("{demister|defroster|defogger}");
    const side =
      t === "front"
        ? g.x("{the front|the windshield|the windscreen|the front window|the front glass}")
        : g.x("{the back|the rear|the back window|the rear window|the back glass|the rear screen}");
    const sideBare = t === "front" ? g.x("{front|windscreen|windshield}") : g.x("{back|rear|back window}");
    const text = on
      ? g.x(
          `{${dev} on {the|for the} ${side.replace(/^the /, "")}|{turn|switch|put} on the ${dev} for ${side}|{turn|switch} the ${dev} on for ${side}|${sideBare} ${dev} on|{the |}${sideBare} ${dev} please|${sideBare} ${dev}, please|{put|stick} the ${sideBare} ${dev} on}`,
        )
      : g.x(
          `{${dev} off for ${side}|{turn|switch} off the ${dev} for ${side}|{turn|switch} the ${dev} off for ${side}|${sideBare} ${dev} off|${sideBare} ${dev} off, please}`,
        );
    return cmd(text, [call(DEFROST, { target: t, on })]);
  });

  // More ways to say the glass is misted or iced.
  F.add(DEFROST, "defrost.indirect.more", { weight: 1.5 }, (g) => {
    const t = g.pick(targets);
    const text =
      t === "front"
        ? g.x(
            `{${FRONT_GLASS}'s {all |}{steamed up|misted up|fogged up|frosted up|iced over}|there's {frost|ice|fog|condensation} all over ${FRONT_GLASS}|I can't see {a thing|anything} through ${FRONT_GLASS}|${FRONT_GLASS} is covered in {frost|ice|condensation|fog}|the front glass keeps fogging up}`,
          )
        : g.x(
            `{${REAR_GLASS}'s {all |}{steamed up|misted up|fogged up|frosted up|iced over}|there's {frost|ice|fog|condensation} all over ${REAR_GLASS}|I can't see {a thing|anything} {through|out of} ${REAR_GLASS}|${REAR_GLASS} is covered in {frost|ice|condensation|fog}|the back glass keeps fogging up|I can't see behind me, the {back|rear} window is {fogged|misted} up}`,
          );
    return stmt(text, [call(DEFROST, { target: t, on: true })]);
  });

  // A defroster command with a reason: "defrost the windscreen, I can't see a thing".
  F.add(DEFROST, "defrost.reason", { weight: 1.2 }, (g) => {
    const t = g.pick(targets);
    const on = g.chance(0.8);
    if (!on) {
      const text = g.x(
        `{{turn|switch} off the ${device(g, t)}|${device(g, t)} off}, ${g.x("{it's clear now|it's all clear|I can see fine now|the glass is clear}")}`,
      );
      return cmd(text, [call(DEFROST, { target: t, on: false })], [], false);
    }
    const command = g.x(
      `{${g.x("{defrost|demist|defog|clear|de-ice}")} ${glass(g, t)}|{turn|switch} on the ${device(g, t)}|${device(g, t)} on}`,
    );
    const remark =
      t === "front"
        ? g.x("{I can't see a thing|I can't see the road|it's all fogged up|it's all misted up|it's iced over}")
        : g.x("{I can't see behind me|I can't see out the back|it's all fogged up back there|the back is misted up}");
    return g.chance(0.6)
      ? reasoned(g, `${command}, ${remark}`, [call(DEFROST, { target: t, on: true })], [])
      : cmd(`${remark}, ${g.x("{|so|please}")} ${command}`, [call(DEFROST, { target: t, on: true })], [], false);
  });

  // Held out: rarer verbs ("thaw", "unfog", "melt the ice off").
  F.add(DEFROST, "defrost.held.thaw", { held: true, weight: 1, heldWords: ["thaw", "unfog", "melt"] }, (g) => {
    const t = g.pick(targets);
    return cmd(
      g.x(`{thaw ${glass(g, t)}|thaw out ${glass(g, t)}|unfog ${glass(g, t)}|melt the {ice|frost} off ${glass(g, t)}}`),
      [call(DEFROST, { target: t, on: true })],
    );
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
  // "blow some air on my feet", "aim the air at the windscreen", "point the vents at my face".
  F.add(FLOW, "flow.verbs_more", { weight: 3 }, (g) => {
    const m = g.pick(modes);
    const tgt = flowTargetNat(g, m);
    return cmd(
      g.x(
        `{blow {some |the |}air {on|at|onto} ${tgt}|get the air {going|blowing} on ${tgt}|{aim|send|direct|route|point} the {air|airflow|vents} {at|to|toward|towards|onto} ${tgt}|point the vents {at|toward} ${tgt}|{put|switch|move|change} the {air|airflow|vents} {to|onto} ${tgt}|air on ${tgt} {please|}|{air|airflow} to ${tgt} only}`,
      ),
      [call(FLOW, { mode: m })],
    );
  });

  F.add(FLOW, "flow.want", { weight: 1.5 }, (g) => {
    const m = g.pick(modes);
    const tgt = flowTargetNat(g, m);
    return g.chance(0.5)
      ? stmt(g.x(`{I want|I'd like|I need} {the |some |}{air|airflow} {on|at|blowing on} ${tgt}`), [
          call(FLOW, { mode: m }),
        ])
      : ask(
          g.x(
            `{{can I get|could I get|can I have|can we get} {some |the |}air {on|at} ${tgt}|{can you|could you} {send|aim|get} the air {to|at|onto} ${tgt}}`,
          ),
          [call(FLOW, { mode: m })],
        );
  });

  // A flow command with a remark: only the airflow call.
  F.add(FLOW, "flow.reason", { weight: 1 }, (g) => {
    const m = g.pick(modes);
    const tgt = flowTargetNat(g, m);
    const command = g.x(
      `{air {on|to} ${tgt}|point the {air|vents} at ${tgt}|blow the air on ${tgt}|{put|switch} the air to ${tgt}}`,
    );
    const remark =
      m === "feet"
        ? g.x("{my toes are {cold|frozen}|my feet are {cold|freezing}|it's blowing in my eyes}")
        : m === "face"
          ? g.x("{I'm {hot|sweating}|my face is {hot|burning up}|I need to cool my face}")
          : m === "face and feet"
            ? g.x("{I want it everywhere|spread it out a bit|it's all on my face right now}")
            : g.x("{it's starting to fog up|it's misting up|the glass is fogging}");
    return g.chance(0.6)
      ? reasoned(g, `${command}, ${remark}`, [call(FLOW, { mode: m })], [])
      : cmd(`${remark}, ${g.x("{|so|please}")} ${command}`, [call(FLOW, { mode: m })], [], false);
  });

  // Held out: rarer verbs ("channel", "focus", "concentrate") on known objects.
  F.add(
    FLOW,
    "flow.held.channel",
    {
      held: true,
      weight: 1,
      heldWords: [
        "channel the air",
        "channel the airflow",
        "focus the air",
        "focus the airflow",
        "concentrate the air",
        "concentrate the airflow",
      ],
    },
    (g) => {
      const m = g.pick(modes);
      return cmd(
        `${g.x("{channel|focus|concentrate}")} the ${g.x("{air|airflow}")} ${g.x("{on|at|to|onto}")} ${flowTargetNat(g, m)}`,
        [call(FLOW, { mode: m })],
      );
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
        "{{turn|switch} off {auto|automatic} {climate|climate control|mode}|{set|switch|put} {the climate|the climate control} {to|back to|in} manual|manual climate {control|mode|please}|{disable|exit|cancel} {auto climate|automatic climate|climate auto mode}|{auto climate|climate auto|automatic climate} off}",
      ),
      [call(AUTO, { on: false })],
    ),
  );
  F.add(AUTO, "auto.statement", { weight: 1 }, (g) =>
    g.chance(0.5)
      ? cmd(g.x("let the car {handle|control|decide} the {climate|temperature}"), [call(AUTO, { on: true })])
      : stmt(g.x("I'll {handle|control|set} the {climate|temperature} myself"), [call(AUTO, { on: false })]),
  );
  // "let the car look after the climate", "take the climate off auto", "put it back on auto".
  F.add(AUTO, "auto.more", { weight: 2.5 }, (g) =>
    g.chance(0.5)
      ? cmd(
          g.x(
            "{let the car {handle|control|manage|look after|take care of|sort out|run} the {climate|temperature|AC|air con|climate control}|put the {climate|climate control|AC|air con} {back |}{on|to|in} {auto|automatic}|go back to {auto|automatic} {climate|climate control|mode}|{auto|automatic} {climate|climate control|AC} {please|on|back on}|{turn|switch} {on|back on} the auto {climate|AC|climate control}|{turn|switch} the auto {climate|AC} {on|back on}|climate {control |}{to|on} {auto|automatic} please|{use|go to} auto climate}",
          ),
          [call(AUTO, { on: true })],
        )
      : cmd(
          g.x(
            "{take the {climate|climate control|AC|air con} off {auto|automatic}|{turn|switch} off the auto {climate|AC|climate control}|{turn|switch} the auto {climate|AC} off|{auto|automatic} {climate|AC|climate control} off please|{go|switch} to manual {climate|climate control|mode|control}|manual {AC|climate} please|{stop|quit} the auto climate|{get|take} the climate out of auto}",
          ),
          [call(AUTO, { on: false })],
        ),
  );

  // Auto mode with a reason: "I want to control the fan myself, turn off auto climate".
  F.add(AUTO, "auto.reason", { weight: 1.5 }, (g) => {
    const on = g.chance(0.45);
    const command = on
      ? g.x(
          "{turn on auto climate|{switch|put} the climate {to|on} auto|auto climate on|let the car handle the climate|set the climate to automatic}",
        )
      : g.x(
          "{turn off auto climate|{turn|switch} off the auto {climate|mode}|auto climate off|take the climate off auto|switch the climate to manual|turn off automatic climate control}",
        );
    const remark = on
      ? g.x(
          "{I'm tired of {fiddling with|adjusting} it|I can't get it right|I keep getting it wrong|I don't want to think about it|it knows better than me}",
        )
      : g.x(
          "{I want to {control|set|adjust|choose} the {fan|temperature|fan speed|airflow} myself|I'll {set|do|handle} the {fan|temperature} myself|it keeps changing the fan|it keeps blasting the fan|it never gets it right}",
        );
    if (g.chance(0.5)) return cmd(`${remark}, ${g.x("{|so|please}")} ${command}`, [call(AUTO, { on })], [], false);
    return reasoned(g, `${command}, ${remark}`, [call(AUTO, { on })], []);
  });

  // Held out: a rarer verb ("regulate") and new structures ("autopilot", "hand the climate back to me").
  F.add(
    AUTO,
    "auto.held.regulate",
    {
      held: true,
      weight: 1,
      heldWords: ["regulate", "autopilot", "hand the climate", "hand me the climate", "hand control"],
    },
    (g) => {
      const k = g.int(0, 3);
      if (k === 0)
        return cmd(g.x("let the car regulate the {climate|temperature}"), [call(AUTO, { on: true })], [], false);
      if (k === 1) return cmd(g.x("put the {climate|climate control|AC} on autopilot"), [call(AUTO, { on: true })]);
      if (k === 2)
        return cmd(
          g.x("{hand the climate {control |controls |}back to me|hand me the climate {control|controls} back}"),
          [call(AUTO, { on: false })],
        );
      return cmd(g.x("hand control of the {climate|temperature} back to me"), [call(AUTO, { on: false })]);
    },
  );
}
