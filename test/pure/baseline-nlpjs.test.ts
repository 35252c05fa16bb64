import { beforeAll, describe, expect, it } from "vitest";
import {
  findNumbers,
  intentOf,
  type NlpjsBaseline,
  type TrainingRow,
  trainNlpjsBaseline,
} from "../../src/eval/baseline-nlpjs.js";
import { scoreItem } from "../../src/eval/score.js";
import { bindResponse, parseResponse } from "../../src/parser/index.js";

/** ~100 training rows in the generator's shape, written out from a few phrasings per intent. */
function trainingRows(): TrainingRow[] {
  const rows: TrainingRow[] = [];
  const add = (queries: readonly string[], response: string) => {
    for (const query of queries) rows.push({ query, input: query, response });
  };
  for (const [zone, said] of [
    ["driver", "driver side"],
    ["passenger", "passenger side"],
    ["rear", "back seats"],
  ] as const) {
    for (const t of [66, 68, 70, 72, 74]) {
      add([`set the ${said} to ${t} degrees`, `make the ${said} ${t}`], `<nexa_1>('${zone}', ${t})<nexa_end>`);
    }
  }
  add(
    ["turn on the ac", "switch the air conditioning on", "ac on please", "start the ac", "i need the ac on"],
    "<nexa_8>(True)<nexa_end>",
  );
  add(
    ["turn off the ac", "switch the air conditioning off", "ac off please", "stop the ac", "kill the ac"],
    "<nexa_8>(False)<nexa_end>",
  );
  add(
    ["turn it up", "louder", "volume up", "make it louder", "crank the volume", "turn the music up"],
    "<nexa_0>(volume_diff=5)<nexa_end>",
  );
  add(
    ["turn it down", "quieter", "volume down", "make it quieter", "lower the volume", "turn the music down"],
    "<nexa_0>(volume_diff=-5)<nexa_end>",
  );
  for (const v of [10, 20, 30]) add([`volume to ${v}`, `set the volume to ${v}`], `<nexa_0>(set_value=${v})<nexa_end>`);
  for (const [w, said] of [
    ["rear left", "rear left"],
    ["rear right", "rear right"],
    ["driver", "my"],
    ["passenger", "passenger"],
  ] as const) {
    add([`open the ${said} window`, `lower the ${said} window`], `<nexa_3>('${w}', 'down', 500)<nexa_end>`);
    add([`close the ${said} window`, `raise the ${said} window`], `<nexa_3>('${w}', 'up', 500)<nexa_end>`);
  }
  add(["close all the windows", "windows up", "shut every window", "roll up all windows"], "<nexa_17>('up')<nexa_end>");
  add(
    ["open all the windows", "windows down", "lower every window", "roll down all windows"],
    "<nexa_17>('down')<nexa_end>",
  );
  add(["open the sunroof", "sunroof open please", "slide the sunroof open"], "<nexa_4>('open')<nexa_end>");
  add(["slide the sunroof open halfway", "open the sunroof half way"], "<nexa_4>('open', intensity=50)<nexa_end>");
  add(["close the sunroof", "shut the sunroof", "sunroof closed please"], "<nexa_4>('close')<nexa_end>");
  add(
    [
      "what's the capital of france",
      "tell me a joke",
      "navigate to the airport",
      "call mom",
      "what's the weather tomorrow",
      "play some jazz",
      "how are you",
      "send a message to john",
      "who won the game last night",
      "turn on the headlights",
    ],
    "<nexa_20>()<nexa_end>",
  );
  // Parallel rows exist in the generated data; the single-intent baseline skips them.
  add(["close the windows and turn on the ac"], "<nexa_17>('up'); <nexa_8>(True)<nexa_end>");
  add(["open the sunroof and turn off the ac"], "<nexa_4>('open'); <nexa_8>(False)<nexa_end>");
  // An invalid target (out of range) is counted and skipped.
  add(["set volume to 900"], "<nexa_0>(set_value=900)<nexa_end>");
  return rows;
}

const ROWS = trainingRows();
let baseline: NlpjsBaseline;

beforeAll(async () => {
  baseline = await trainNlpjsBaseline(ROWS);
});

async function answer(query: string): Promise<string | undefined> {
  return (await baseline.predict(query)).response;
}

function exact(expected: string, predicted: string | undefined): boolean {
  return scoreItem({ id: "q", query: "q", expected, ...(predicted ? { predicted } : {}), latencyMs: 0 }).exact;
}

describe("NLP.js baseline", () => {
  it("trains on the single-call rows and reports what it skipped", () => {
    expect(ROWS.length).toBeGreaterThanOrEqual(100);
    expect(baseline.info.rowsGiven).toBe(ROWS.length);
    expect(baseline.info.skippedParallel).toBe(2);
    expect(baseline.info.skippedInvalid).toBe(1);
    expect(baseline.info.trainedUtterances).toBe(ROWS.length - 3);
    // set_climate_temperature, ac on/off, volume +/-/set, window up/down, all windows up/down,
    // sunroof open/close, irrelevant.
    expect(baseline.info.intents).toBe(13);
    expect(baseline.notes?.[0]).toContain(`${ROWS.length - 3} single-call utterances`);
  });

  it("predicts obvious queries right, in the contract grammar", async () => {
    const cases: [string, string][] = [
      ["switch on the air conditioning", "<nexa_8>(True)<nexa_end>"],
      ["please turn the ac off", "<nexa_8>(False)<nexa_end>"],
      ["set the passenger side to 70 degrees", "<nexa_1>('passenger', 70)<nexa_end>"],
      ["make the back seats 68", "<nexa_1>('rear', 68)<nexa_end>"],
      ["set the rear to 21 degrees celsius", "<nexa_1>('rear', 21, unit='celsius')<nexa_end>"],
      ["turn the volume up a little", "<nexa_0>(volume_diff=2)<nexa_end>"],
      ["make it much quieter", "<nexa_0>(volume_diff=-10)<nexa_end>"],
      ["volume to 25", "<nexa_0>(set_value=25)<nexa_end>"],
      ["crack the rear left window", "<nexa_3>('rear left', 'down', 100)<nexa_end>"],
      ["open the back right window halfway", "<nexa_3>('rear right', 'down', 250)<nexa_end>"],
      ["close my window", "<nexa_3>('front left', 'up', 500)<nexa_end>"],
      ["close every window", "<nexa_17>('up')<nexa_end>"],
      ["open the sunroof halfway", "<nexa_4>('open', intensity=50)<nexa_end>"],
      // An unsaid optional amount stays omitted even when some training rows gave one.
      ["could you open the sunroof", "<nexa_4>('open')<nexa_end>"],
      ["what's the capital of spain", "<nexa_20>()<nexa_end>"],
    ];
    const wrong: string[] = [];
    for (const [query, expected] of cases) {
      const got = await answer(query);
      if (!exact(expected, got)) wrong.push(`${query} -> ${got} (expected ${expected})`);
    }
    expect(wrong).toEqual([]);
  });

  it("answers a parallel query with one call (single-intent), which scores as wrong", async () => {
    const got = await answer("close all the windows and switch the ac on");
    const parsed = parseResponse(got ?? "");
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.value.calls).toHaveLength(1);
    expect(exact("<nexa_17>('up'); <nexa_8>(True)<nexa_end>", got)).toBe(false);
  });

  it("always answers with text that parses and binds, and reports latency", async () => {
    for (const q of ["", "asdf qwer", "set the temperature", "window", "volume to 99999"]) {
      const p = await baseline.predict(q);
      expect(p.latencyMs).toBeGreaterThanOrEqual(0);
      const parsed = parseResponse(p.response ?? "");
      expect(parsed.ok).toBe(true);
      if (parsed.ok && q !== "volume to 99999") expect(bindResponse(parsed.value).every((b) => b.ok)).toBe(true);
    }
  });

  it("is deterministic: the same rows train the same answers", async () => {
    const again = await trainNlpjsBaseline(ROWS);
    for (const q of ["turn on the ac", "lower the passenger window", "tell me about the moon", "make it louder"]) {
      expect((await again.predict(q)).response).toBe(await answer(q));
    }
  });

  it("subsamples to maxUtterances with a seed", async () => {
    const small = await trainNlpjsBaseline(ROWS, { maxUtterances: 30, seed: 7 });
    expect(small.info.trainedUtterances).toBe(30);
    expect(small.info.eligible).toBe(ROWS.length - 3);
  });
});

describe("baseline pieces", () => {
  it("intent labels carry the classifier's decisions, not the extracted slots", () => {
    const call = (text: string) => {
      const p = parseResponse(text);
      if (!p.ok) throw new Error(p.error.message);
      const b = bindResponse(p.value)[0];
      if (!b?.ok) throw new Error("bind");
      return b.call;
    };
    expect(intentOf(call("<nexa_0>(volume_diff=-5)<nexa_end>"))).toBe("adjust_volume|volume_diff|-");
    expect(intentOf(call("<nexa_0>(set_value=5)<nexa_end>"))).toBe("adjust_volume|set_value");
    expect(intentOf(call("<nexa_3>('driver', 'down', 100)<nexa_end>"))).toBe("control_window|position=down");
    expect(intentOf(call("<nexa_10>('rear', True)<nexa_end>"))).toBe("set_defroster|on=true");
    expect(intentOf(call("<nexa_1>('rear', 21, unit='celsius')<nexa_end>"))).toBe("set_climate_temperature");
    expect(intentOf(call("<nexa_6>('rear', 3)<nexa_end>"))).toBe("change_climate_temperature|+");
  });

  it("finds digits and simple number words with the unit after them", () => {
    expect(findNumbers("set it to 72 degrees")).toEqual([{ value: 72, unit: "degrees" }]);
    expect(findNumbers("seventy-two please")).toEqual([{ value: 72, unit: "please" }]);
    expect(findNumbers("down 2cm")).toEqual([{ value: 2, unit: "cm" }]);
    expect(findNumbers("open it 40% now")).toEqual([{ value: 40, unit: "percent" }]);
    expect(findNumbers("lower by 5")).toEqual([{ value: 5 }]);
    expect(findNumbers("no numbers here, someone")).toEqual([]);
  });
});
