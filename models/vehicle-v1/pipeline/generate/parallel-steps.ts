/**
 * Two (sometimes three) numbered steps of different dials in one request, each with its
 * own direction and amount: "lower the temperature by 3 and raise the fan by 2", "volume
 * up 5, fan down 1", "turn the fan down two and the music up a bit", and steps beside a
 * set value of another dial ("fan to 3 and the volume down 4").
 *
 * Why a family of its own: the model trained without it carried the first clause's sign
 * into the second ("...and raise the fan by 2" answered speed_diff=-1), read a terse
 * "volume up 5" as set_value=5, and dropped the number of a second step. Directions and
 * amounts are drawn independently per clause so nothing can be copied from the first.
 */
import { type CallSpec, call } from "./calls.js";
import { cmd, type Draft, type FamilySet } from "./families/types.js";
import { D, type G } from "./lexicon.js";

interface DialStep {
  readonly text: string;
  readonly call: CallSpec;
  readonly said: number[];
}

type Amount = { kind: "none" } | { kind: "bit" } | { kind: "lot" } | { kind: "num"; n: number };

interface StepDial {
  readonly fn: string;
  /** The dial after "the", for one verb shared by two dials ("turn the fan down and the music up"). */
  readonly noun: string;
  readonly unit: string;
  /** A step amount for this dial: mostly a number, sometimes unsaid or "a bit". */
  amount(g: G): Amount;
  /** The step clause, terse ("fan down 2") or full ("lower the fan by 2"). */
  step(g: G, up: boolean, a: Amount, terse: boolean): string;
  diff(up: boolean, a: Amount): CallSpec;
  /** A set-value clause of this dial, for contrast with a step of another. */
  set(g: G): DialStep;
}

function amountOf(g: G, lo: number, hi: number): Amount {
  const k = g.rng.weighted(["none", "bit", "lot", "num"] as const, (x) =>
    x === "num" ? 0.6 : x === "lot" ? 0.12 : 0.14,
  );
  return k === "num" ? { kind: "num", n: g.int(lo, hi) } : { kind: k };
}

const BIT = "{a bit|a little|slightly|a touch}";
const LOT = "{a lot|loads|a whole lot|by a lot}";

/** " by 3", " 3", " 3 notches", " a bit" or nothing after a direction (with its leading space). */
function tail(g: G, a: Amount, unit: string, terse: boolean): string {
  if (a.kind === "none") return "";
  if (a.kind === "bit") return ` ${g.x(BIT)}`;
  if (a.kind === "lot") return ` ${g.x(LOT)}`;
  const s = g.n(a.n, 0.4);
  // "1 notches" is not said; a unit goes only after larger numbers
  const u = a.n === 1 ? "" : ` ${g.x(unit)}`;
  const forms = terse ? [s, s, `by ${s}`, `${s}${u}`] : [`by ${s}`, s, `by ${s}${u}`, `${s}${u}`];
  return ` ${g.pick(forms)}`;
}

/** The step an amount stands for: the number said, or the contract's size for "a bit", "a lot" or nothing. */
function stepSize(a: Amount, bit: number, lot: number, none: number): number {
  return a.kind === "num" ? a.n : a.kind === "bit" ? bit : a.kind === "lot" ? lot : none;
}

const DIALS: readonly StepDial[] = [
  {
    fn: "adjust_volume",
    noun: "{volume|music|radio|sound}",
    unit: "{notches|steps|points|clicks}",
    amount: (g) => amountOf(g, 1, 15),
    step(g, up, a, terse) {
      const dir = up ? "up" : "down";
      const unit = this.unit;
      if (terse) return `${g.x("{volume|music|radio|sound}")} ${dir}${tail(g, a, unit, true)}`;
      if (g.chance(0.55))
        return `${g.x("{turn|put|bring}")} the ${g.x("{volume|music|radio|sound}")} ${dir}${tail(g, a, unit, false)}`;
      return `${up ? g.x("{raise|increase}") : g.x("{lower|decrease|reduce}")} the ${g.x("{volume|music|sound}")}${tail(g, a, unit, false)}`;
    },
    diff: (up, a) =>
      call("adjust_volume", {
        volume_diff: (up ? 1 : -1) * stepSize(a, D.volumeBit, D.volumeLot, D.volumeStep),
      }),
    set(g) {
      const v = g.int(3, 40);
      const s = g.n(v, 0.4);
      return {
        text: g.x(`{volume to ${s}|volume at ${s}|set the volume to ${s}|put the volume on ${s}|volume ${s}}`),
        call: call("adjust_volume", { set_value: v }),
        said: [v],
      };
    },
  },
  {
    fn: "adjust_fan_speed",
    noun: "{fan|blower|fan speed}",
    unit: "{notches|steps|levels|speeds}",
    amount: (g) => amountOf(g, 1, 4),
    step(g, up, a, terse) {
      const dir = up ? "up" : "down";
      const unit = this.unit;
      if (terse) return `${g.x("{fan|fan speed|blower}")} ${dir}${tail(g, a, unit, true)}`;
      const k = g.int(0, 2);
      if (k === 0)
        return `${g.x(up ? "{turn|put|bring}" : "{turn|put|bring|knock}")} the ${g.x("{fan|blower|fan speed}")} ${dir}${tail(g, a, unit, false)}`;
      if (k === 1)
        return `${up ? g.x("{raise|increase|bump up}") : g.x("{lower|decrease|reduce|drop}")} the ${g.x("{fan|fan speed|blower}")}${tail(g, a, unit, false)}`;
      return `${g.x("{take|bring}")} the ${g.x("{fan|blower}")} ${dir}${tail(g, a, unit, false)}`;
    },
    diff: (up, a) =>
      call("adjust_fan_speed", {
        speed_diff: (up ? 1 : -1) * stepSize(a, D.fanBit, D.fanLot, D.fanStep),
      }),
    set(g) {
      const v = g.int(1, D.fanMax);
      const s = g.n(v, 0.4);
      return {
        text: g.x(`{fan to ${s}|fan on ${s}|set the fan to ${s}|put the fan on ${s}|fan speed ${s}}`),
        call: call("adjust_fan_speed", { set_value: v }),
        said: [v],
      };
    },
  },
  {
    fn: "change_climate_temperature",
    noun: "{temperature|temp|heat}",
    unit: "degrees",
    amount: (g) => amountOf(g, 1, 5),
    step(g, up, a, terse) {
      const dir = up ? "up" : "down";
      const unit = this.unit;
      if (terse) return `${g.x("{temp|temperature|heat}")} ${dir}${tail(g, a, unit, true)}`;
      const k = g.int(0, 2);
      if (k === 0)
        return `${g.x("{turn|put|bring}")} the ${g.x("{temperature|temp|heat}")} ${dir}${tail(g, a, unit, false)}`;
      if (k === 1)
        return `${up ? g.x("{raise|increase}") : g.x("{lower|drop|reduce}")} the ${g.x("{temperature|temp}")}${tail(g, a, unit, false)}`;
      if (a.kind === "num") {
        const s = g.n(a.n, 0.4);
        return `make it ${a.n === 1 ? g.x("{one degree|a degree}") : `${s} degrees`} ${up ? g.x("{warmer|hotter}") : g.x("{cooler|colder}")}`;
      }
      const how = a.kind === "bit" ? g.x("{a bit|a little|slightly} ") : a.kind === "lot" ? g.x("{a lot|much} ") : "";
      return `make it ${how}${up ? "warmer" : "cooler"}`;
    },
    diff: (up, a) =>
      call("change_climate_temperature", {
        zone: "driver",
        temperature_diff: (up ? 1 : -1) * stepSize(a, D.tempBit, D.tempLot, D.tempStep),
      }),
    set(g) {
      const v = g.int(62, 78);
      const s = g.n(v, 0.3);
      return {
        text: g.x(`{temperature to ${s}|temp ${s}|set the temperature to ${s}|make it ${s} degrees}`),
        call: call("set_climate_temperature", { zone: "driver", temperature: v }),
        said: [v],
      };
    },
  },
];

/** A direction and an amount for one dial, drawn on their own, with the call they make. */
function drawStep(g: G, d: StepDial) {
  const up = g.chance(0.5);
  const a = d.amount(g);
  // A step of 1 may be said "a degree" / "one notch": only other numbers must survive as digits.
  return { up, a, call: d.diff(up, a), said: a.kind === "num" && a.n !== 1 ? [a.n] : [] };
}

function stepClause(g: G, d: StepDial, terse: boolean): DialStep {
  const { up, a, call: c, said } = drawStep(g, d);
  return { text: d.step(g, up, a, terse), call: c, said };
}

/** "turn the fan down a lot and the volume down a little": one verb, each dial its own direction and amount. */
function sharedVerbSteps(g: G): Draft {
  const [d1, d2] = g.rng.shuffle([...DIALS]).slice(0, 2) as [StepDial, StepDial];
  const part = (d: StepDial) => {
    const { up, a, call: c, said } = drawStep(g, d);
    return { text: `the ${g.x(d.noun)} ${up ? "up" : "down"}${tail(g, a, d.unit, false)}`, call: c, said };
  };
  const p1 = part(d1);
  const p2 = part(d2);
  return cmd(
    `${g.x("{turn|put|bring|take}")} ${p1.text} ${g.x("{and|and|but|,}")} ${p2.text}`.replace(" ,", ","),
    [p1.call, p2.call],
    [...p1.said, ...p2.said],
  );
}

/** "lower the temperature by 3 and raise the fan by 2", "volume up 5, fan down 1", "fan to 3 and the volume down 4". */
function stepPairs(g: G): Draft {
  if (g.chance(0.25)) return sharedVerbSteps(g);
  const terse = g.chance(0.4);
  const n = g.chance(0.2) ? 3 : 2;
  const dials = g.rng.shuffle([...DIALS]).slice(0, n);
  // One clause in four sets its dial instead: a set beside a step is where set and step get confused.
  const setAt = g.chance(0.25) ? g.int(0, n - 1) : -1;
  const parts = dials.map((d, i) => (i === setAt ? d.set(g) : stepClause(g, d, terse)));
  const t = parts.map((p) => p.text);
  const text =
    n === 2
      ? terse
        ? g.pick([`${t[0]}, ${t[1]}`, `${t[0]} ${t[1]}`, `${t[0]} and ${t[1]}`, `${t[0]}. ${t[1]}`])
        : g.pick([
            `${t[0]} and ${t[1]}`,
            `${t[0]} and ${t[1]}`,
            `${t[0]}, and ${t[1]}`,
            `${t[0]}, then ${t[1]}`,
            `${t[0]} but ${t[1]}`,
            `${t[0]}, also ${t[1]}`,
          ])
      : terse
        ? g.pick([`${t[0]}, ${t[1]}, ${t[2]}`, `${t[0]} ${t[1]} ${t[2]}`, `${t[0]}, ${t[1]} and ${t[2]}`])
        : g.pick([`${t[0]}, ${t[1]} and ${t[2]}`, `${t[0]}, ${t[1]}, and then ${t[2]}`]);
  return cmd(
    text,
    parts.map((p) => p.call),
    parts.flatMap((p) => p.said),
  );
}

/** Adds the numbered step-pair family to the shared-verb set. */
export function addStepPairFamilies(F: FamilySet, group: string): void {
  F.add(group, "par.steps.numbered", { weight: 2.4 }, stepPairs);
}
