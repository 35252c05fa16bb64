/**
 * Shared phrasing: the generation context (`G`), the contract's §3 defaults, and the
 * lexicons every family draws from (zones, seats, windows, amounts, distances,
 * temperatures). Values and ranges come from the registry through calls.ts.
 */
import { toMillimetres } from "../../../../src/text/units.js";
import { enumValues, range } from "./calls.js";
import type { Rng } from "./prng.js";
import { expand, sayNumber } from "./text.js";

/** What the driver leaves unsaid (contract §3). Maxima come from the registry. */
export const D = {
  volumeStep: 5,
  volumeBit: 2,
  volumeLot: 10,
  volumeMax: range("adjust_volume", "set_value").max,
  volumeMin: range("adjust_volume", "set_value").min,
  tempStep: 2,
  tempBit: 1,
  tempLot: 5,
  fanStep: 1,
  fanBit: 1,
  fanLot: 3,
  fanMax: range("adjust_fan_speed", "set_value").max,
  fanOff: 0,
  seatMove: 50,
  seatBit: 20,
  seatAll: range("adjust_seat_position", "distance").max,
  recline: 10,
  reclineBit: 5,
  reclineAll: range("adjust_seat_recline", "angle").max,
  windowFull: range("control_window", "distance").max,
  windowBit: 100,
  windowHalf: 250,
  sunroofHalf: 50,
  sunroofBit: 25,
  levelOn: 2,
  levelLow: 1,
  levelMedium: 2,
  levelHigh: 3,
  levelOff: 0,
} as const;

/** The generation context a family's phrasing function receives. */
export class G {
  constructor(readonly rng: Rng) {}
  /** Expands a `{a|b}` template. */
  x(template: string): string {
    return expand(this.rng, template);
  }
  pick<T>(items: readonly T[]): T {
    return this.rng.pick(items);
  }
  chance(p: number): boolean {
    return this.rng.chance(p);
  }
  int(lo: number, hi: number): number {
    return this.rng.int(lo, hi);
  }
  /** A number as digits or words. */
  n(value: number, wordsShare?: number): string {
    return sayNumber(this.rng, value, wordsShare);
  }
}

// ------------------------------------------------------------------ amounts

/** How a step is said: unsaid (the contract's default step), "a bit", "a lot", or a number. */
export type Amount = "none" | "bit" | "lot" | "number";

/** Draws how a step is said, by weight. */
export function amountKind(g: G, weights: Readonly<Record<Amount, number>>): Amount {
  const kinds: Amount[] = ["none", "bit", "lot", "number"];
  return g.rng.weighted(kinds, (k) => weights[k]);
}

/** A step amount and its value. */
export type StepAmount = { kind: Amount; n: number };

/**
 * The words of a step amount: nothing, a `bit` phrase, a `lot` phrase, or what `numberForms`
 * says (a thunk: the number's spelling is drawn only when the amount is a number, so each
 * family's random stream stays as it was).
 */
export function amountWords(g: G, a: StepAmount, bit: string, lot: string, numberForms: () => string): string {
  if (a.kind === "none") return "";
  if (a.kind === "bit") return g.x(bit);
  if (a.kind === "lot") return g.x(lot);
  return numberForms();
}

/** "a bit" after a verb phrase: "turn it up a bit". */
export const BIT_ADV = "{a bit|a little|a little bit|slightly|a touch|a tad|just a bit|just a little}";
/** "a bit" before a comparative: "a bit louder". */
export const BIT_CMP = "{a bit|a little|a little bit|slightly|a touch|a tad|just a bit|just a little}";
/** "a lot" after a verb phrase. */
export const LOT_ADV = "{a lot|loads|a whole lot|by a lot}";
export const LOT_ADV_DOWN = "{a lot|loads|a whole lot|by a lot}";
/** "a lot" before a comparative: "much louder". */
export const LOT_CMP = "{much|a lot|way|a whole lot|lots}";
/** "all the way" for travel. */
export const ALL_THE_WAY = "{all the way|as far as it goes|as far as it will go|fully}";

// ------------------------------------------------------------------ zones (climate)

export type Zone = "driver" | "passenger" | "rear";

interface ZoneLexicon {
  /** Before a noun, with its determiner: "the passenger", "my". */
  det: string;
  /** Before a noun, bare: "passenger", "rear". */
  bare: string;
  /** After the phrase: "on the passenger side", "in the back". */
  after: string;
  /** As an object: "the passenger side", "the back". */
  obj: string;
}

const ZONE_WORDS: Readonly<Record<Zone, ZoneLexicon>> = {
  driver: {
    det: "{the driver|the driver's|the driver side|the driver's side|my|the driver zone}",
    bare: "{driver|driver's|driver side|driver's side}",
    after:
      "{on the driver side|on the driver's side|for the driver|on my side|for my side|in my zone|for me|on the driver's side}",
    obj: "{my side|the driver side|the driver's side|my zone|the driver's zone|my area}",
  },
  passenger: {
    det: "{the passenger|the passenger's|the passenger side|the passenger's side|the front passenger|the passenger zone}",
    bare: "{passenger|passenger's|passenger side|front passenger}",
    after: "{on the passenger side|on the passenger's side|for the passenger|for my passenger|for the front passenger}",
    obj: "{the passenger side|the passenger's side|the passenger zone|the front passenger side|the passenger's area}",
  },
  rear: {
    det: "{the rear|the back|the back seat|the rear seat|the back row|the rear cabin|the rear zone}",
    bare: "{rear|back|back seat|rear seat|back row}",
    after:
      "{in the back|in the rear|for the back seat|for the back seats|for the rear passengers|for the kids in the back|in the back row|for the people in the back|in the back seats|for the rear}",
    obj: "{the back|the rear|the back seat|the back seats|the rear cabin|the back row|the rear zone}",
  },
};

export function zones(): readonly Zone[] {
  return enumValues("set_climate_temperature", "zone") as readonly Zone[];
}

/** A zone's phrases; the driver's zone is often left unnamed (det "the", the rest empty). */
export function zoneWords(g: G, zone: Zone, unnamedShare = 0.5): ZoneLexicon & { named: boolean } {
  if (zone === "driver" && g.chance(unnamedShare)) return { det: "the", bare: "", after: "", obj: "", named: false };
  const w = ZONE_WORDS[zone];
  return { det: g.x(w.det), bare: g.x(w.bare), after: g.x(w.after), obj: g.x(w.obj), named: true };
}

/** Zones weighted toward the driver (most commands are the driver's own). */
export function pickZone(g: G): Zone {
  return g.rng.weighted(zones(), (z) => (z === "driver" ? 0.5 : 0.25));
}

// ------------------------------------------------------------------ temperatures

export interface TempPhrase {
  text: string;
  temperature: number;
  unit?: "celsius";
}

/**
 * A temperature value as said: fahrenheit 60..80 (unit left out, it is the default),
 * celsius 16..27 said with its unit (unit='celsius'), or 16..27 said without a unit
 * (the model copies the number without a unit, contract §3). `needDegrees` asks for a
 * phrase that shows it is a temperature ("72 degrees", "21°C") for templates without
 * a temperature noun.
 */
export function tempPhrase(g: G, needDegrees: boolean): TempPhrase {
  const f = range("set_climate_temperature", "temperature", "fahrenheit");
  const c = range("set_climate_temperature", "temperature", "celsius");
  const kind = g.rng.weighted(["f", "c", "bare"] as const, (k) => (k === "f" ? 0.45 : k === "c" ? 0.35 : 0.2));
  if (kind === "c") {
    const t = g.int(c.min, c.max);
    const said = g.n(t);
    const text = g.x(
      `{${said} degrees celsius|${said} celsius|${t}°C|${t} °C|${said} degrees C|${said} degrees centigrade|${said} C|${t}C}`,
    );
    return { text, temperature: t, unit: "celsius" };
  }
  if (kind === "f") {
    const t = g.int(f.min, f.max);
    const said = g.n(t);
    const plain = needDegrees ? "" : `${said}|${said}|`;
    const text = g.x(
      `{${plain}${said} degrees|${said} degrees|${said} degrees fahrenheit|${said} fahrenheit|${t}°F|${t}°|${t} F}`,
    );
    return { text, temperature: t };
  }
  const t = g.int(c.min, c.max);
  const said = g.n(t);
  const plain = needDegrees ? "" : `${said}|${said}|`;
  return { text: g.x(`{${plain}${said} degrees|${said} degrees|${t}°}`), temperature: t };
}

// ------------------------------------------------------------------ seats

export type FrontSeat = "driver" | "passenger";

/** A front seat as an object: "my seat", "the passenger seat"; unnamed = driver. */
export function seatObject(g: G, seat: FrontSeat): string {
  return seat === "driver"
    ? g.x("{my seat|my seat|the seat|the driver's seat|the driver seat|driver seat|the driver's side seat|my chair}")
    : g.x("{the passenger seat|the passenger's seat|passenger seat|the front passenger seat|the passenger side seat}");
}

/**
 * The backrest of a front seat, as a noun that is never the whole seat (so "move my
 * backrest back" can never be read as moving the seat).
 */
export function backrestObject(g: G, seat: FrontSeat): string {
  return seat === "driver"
    ? g.x(
        "{my backrest|the backrest|the driver's backrest|my back rest|the back of my seat|the backrest of my seat|my seatback|the seatback}",
      )
    : g.x(
        "{the passenger backrest|the passenger's backrest|the back of the passenger seat|the passenger seat's backrest}",
      );
}

export function frontSeats(): readonly FrontSeat[] {
  return enumValues("adjust_seat_position", "seat") as readonly FrontSeat[];
}

/** Seats with heating: a possessive/modifier before "seat heating": "my", "the rear left". */
export function heatedSeatMod(g: G, seat: string): string {
  switch (seat) {
    case "driver":
      return g.x("{my|my|the driver's|the driver|driver|driver's side|the|}");
    case "passenger":
      return g.x("{the passenger's|the passenger|passenger|the front passenger|passenger side|the passenger side}");
    case "rear left":
      return g.x("{the rear left|the back left|the left rear|the left back|rear left|back left|the rear left side}");
    case "rear right":
      return g.x(
        "{the rear right|the back right|the right rear|the right back|rear right|back right|the rear right side}",
      );
    default:
      throw new Error(`heatedSeatMod: ${seat}`);
  }
}

/** Seats with heating as an object: "my seat", "the rear left seat". */
export function heatedSeatObject(g: G, seat: string): string {
  switch (seat) {
    case "driver":
      return g.x("{my seat|the driver's seat|the driver seat|my chair}");
    case "passenger":
      return g.x("{the passenger seat|the passenger's seat|the front passenger seat}");
    case "rear left":
      return g.x("{the rear left seat|the back left seat|the left rear seat|the left back seat}");
    case "rear right":
      return g.x("{the rear right seat|the back right seat|the right rear seat|the right back seat}");
    default:
      throw new Error(`heatedSeatObject: ${seat}`);
  }
}

/** Seat heating/ventilation levels as said, with their value (contract §3). */
export function levelPhrase(g: G, opts: { allowOff: boolean }): { text: string; level: number } {
  const r = range("set_seat_heating", "level");
  const options: { text: string; level: number }[] = [
    { text: g.x("{low|the low setting|the lowest setting|level one|minimum}"), level: D.levelLow },
    { text: g.x("{medium|the medium setting|mid|the middle setting}"), level: D.levelMedium },
    { text: g.x("{high|max|maximum|full|the highest setting|the max setting|full power}"), level: D.levelHigh },
  ];
  const n = g.int(Math.max(1, r.min), r.max);
  options.push({ text: g.x(`{level ${g.n(n, 0.5)}|${g.n(n, 0.5)}|setting ${g.n(n, 0.5)}|level ${n}}`), level: n });
  if (opts.allowOff) options.push({ text: "off", level: D.levelOff });
  return g.pick(options);
}

// ------------------------------------------------------------------ windows

/** A single window as an object. The unnamed window is the driver's. */
export function windowObject(g: G, w: string): string {
  switch (w) {
    case "driver":
      return g.x(
        "{my window|the window|the driver's window|the driver window|the driver side window|the driver's side window|my side window|the window on my side|the window on the driver's side}",
      );
    case "passenger":
      return g.x(
        "{the passenger window|the passenger's window|the passenger side window|the front passenger window|the passenger's side window|the window on the passenger side}",
      );
    case "front left":
      return g.x("{the front left window|the left front window|the front-left window|front left window}");
    case "front right":
      return g.x("{the front right window|the right front window|the front-right window|front right window}");
    case "rear left":
      return g.x(
        "{the rear left window|the back left window|the left rear window|the left back window|rear left window|the rear-left window}",
      );
    case "rear right":
      return g.x(
        "{the rear right window|the back right window|the right rear window|the right back window|rear right window|the rear-right window}",
      );
    default:
      throw new Error(`windowObject: ${w}`);
  }
}

export function windows(): readonly string[] {
  return enumValues("control_window", "window");
}

// ------------------------------------------------------------------ distances

export interface DistancePhrase {
  text: string;
  mm: number;
}

/**
 * A distance said in cm, inches or mm, converted to whole millimetres exactly as the
 * normalizer converts it (src/text/units.ts), within [minMm, maxMm].
 */
export function distance(g: G, maxMm: number, minMm = 5): DistancePhrase {
  const kind = g.rng.weighted(["cm", "inch", "mm", "article"] as const, (k) =>
    k === "cm" ? 0.4 : k === "inch" ? 0.25 : k === "mm" ? 0.27 : 0.08,
  );
  if (kind === "cm") {
    const k = g.int(Math.max(1, Math.ceil(minMm / 10)), Math.floor(maxMm / 10));
    const said = g.n(k);
    const unit = /^\d/.test(said) ? g.x("{cm|cm|centimeters|centimetres}") : g.x("{centimeters|centimetres}");
    return { text: `${said} ${unit}`, mm: toMillimetres(k, "cm")! };
  }
  if (kind === "inch") {
    const maxK = Math.floor(maxMm / 25.4);
    const k = g.int(1, Math.max(1, maxK));
    if (k === 1) return { text: g.x("{an inch|one inch|1 inch}"), mm: toMillimetres(1, "inch")! };
    if (k < maxK && g.chance(0.15)) {
      const said = g.chance(0.5) ? `${g.n(k)} and a half` : `${k}.5`;
      return { text: `${said} inches`, mm: toMillimetres(k + 0.5, "inches")! };
    }
    return { text: `${g.n(k)} inches`, mm: toMillimetres(k, "inches")! };
  }
  if (kind === "article") {
    return g.chance(0.6)
      ? { text: g.x("{a centimeter|a centimetre|one centimetre|one centimeter}"), mm: 10 }
      : { text: g.x("{half an inch|half an inch|a half inch}"), mm: toMillimetres(0.5, "inch")! };
  }
  const v = g.chance(0.8) ? 5 * g.int(Math.max(1, Math.ceil(minMm / 5)), Math.floor(maxMm / 5)) : g.int(minMm, maxMm);
  const said = g.n(v, 0.3);
  const unit = /^\d/.test(said) ? g.x("{mm|mm|millimeters|millimetres|mil}") : g.x("{millimeters|millimetres}");
  return { text: `${said} ${unit}`, mm: v };
}
