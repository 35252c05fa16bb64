import fc from "fast-check";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { Agent, type TextModel } from "../../src/agent/agent.js";
import {
  CLAUSE_ANCHORS,
  type ClauseAnswer,
  clauseNamesCall,
  crossCheckClauses,
  reconcileClauses,
} from "../../src/agent/clause-check.js";
import { SimulatedVehicle } from "../../src/agent/vehicle-link.js";
import { modelError } from "../../src/model/errors.js";
import { canonicalKey, parseAndBind, renderResponse } from "../../src/parser/index.js";
import { registry } from "../../src/registry/index.js";
import { defaultProfile } from "../../src/safety/profile.js";
import { parkedVehicleState } from "../../src/safety/state.js";
import { MAX_CLAUSES, splitClauses } from "../../src/text/clauses.js";
import { validCall } from "../arbitrary-calls.js";

/**
 * The clause cross-check's splitting and reconciliation rules, with scripted model answers
 * (the shipped model's answers to real lists are checked in test/model/clause-check.test.ts).
 */
function scripted(responses: Record<string, string | "fail">): TextModel & { inputs: string[] } {
  const inputs: string[] = [];
  return {
    inputs,
    async complete(input: string) {
      inputs.push(input);
      const r = responses[input];
      if (r === undefined || r === "fail")
        return { ok: false, error: modelError("generation_timeout", "no <nexa_end> within 2000 ms") };
      return { ok: true, value: { response: r, promptTokens: 10, generatedTokens: 5, latencyMs: 1 } };
    },
  };
}

const answers = (pairs: [string, string][]): ClauseAnswer[] => pairs.map(([input, response]) => ({ input, response }));

describe("splitClauses", () => {
  it.each([
    ["Fan off, AC off, recirculation off", ["fan off", "ac off", "recirculation off"]],
    ["Turn on the AC, set my side to 68, and max the fan.", ["turn on the ac", "set my side to 68", "max the fan"]],
    ["close the windows then open the sunroof", ["close the windows", "open the sunroof"]],
    ["open the sunshade as well as the sunroof", ["open the sunshade", "the sunroof"]],
    ["Volume up 4 and unmute.", ["volume up 4", "unmute"]],
    ["mute it; also fan to two", ["mute it", "fan to 2"]],
  ])("splits %j at punctuation and joining words", (text, clauses) => {
    expect(splitClauses(text)).toEqual(clauses);
  });

  it.each([
    ["air on my face and feet please", ["air on my face and feet please"]],
    ["set the rear to 21.5 degrees", ["set the rear to 21.5 degrees"]],
    ["set the driver side to seventy-two degrees", ["set the driver side to 72 degrees"]],
  ])("keeps %j whole", (text, clauses) => {
    expect(splitClauses(text)).toEqual(clauses);
  });

  it("drops clauses that normalize to nothing", () => {
    expect(splitClauses(", , and ... then fan off,")).toEqual(["fan off"]);
    expect(splitClauses("")).toEqual([]);
  });
});

describe("reconcileClauses", () => {
  const whole = "<nexa_7>(set_value=0); <nexa_8>(False)<nexa_end>";

  it("adds a call the whole answer dropped when its clause names it", () => {
    const r = reconcileClauses(
      whole,
      answers([
        ["fan off", "<nexa_7>(set_value=0)<nexa_end>"],
        ["ac off", "<nexa_8>(False)<nexa_end>"],
        ["recirculation off", "<nexa_9>(False)<nexa_end>"],
      ]),
    );
    expect(r.response).toBe("<nexa_7>(set_value=0); <nexa_8>(False); <nexa_9>(False)<nexa_end>");
    expect(r.added.map((c) => c.name)).toEqual(["set_air_recirculation"]);
  });

  it("adds a call whose clause says its number but names no part ('rear 20, passenger 22')", () => {
    const r = reconcileClauses(
      "<nexa_1>('rear', 20)<nexa_end>",
      answers([
        ["rear 20", "<nexa_1>('rear', 20)<nexa_end>"],
        ["passenger 22", "<nexa_1>('passenger', 22)<nexa_end>"],
      ]),
    );
    expect(r.response).toBe("<nexa_1>('rear', 20); <nexa_1>('passenger', 22)<nexa_end>");
  });

  it("never adds what a remark alone was read as ('put the aircon on, it's stuffy')", () => {
    const r = reconcileClauses(
      "<nexa_8>(True)<nexa_end>",
      answers([
        ["put the aircon on", "<nexa_8>(True)<nexa_end>"],
        ["it's stuffy", "<nexa_9>(False)<nexa_end>"],
      ]),
    );
    expect(r).toEqual({ response: "<nexa_8>(True)<nexa_end>", added: [], repeatsRemoved: 0 });
  });

  it("never adds from a clause with a pronoun, whose referent is in another clause", () => {
    const r = reconcileClauses(
      "<nexa_10>('rear', True)<nexa_end>",
      answers([
        ["the back window is all fogged up", "<nexa_10>('rear', True)<nexa_end>"],
        ["can you defog it", "<nexa_10>('front', True)<nexa_end>"],
      ]),
    );
    expect(r.added).toEqual([]);
  });

  it("never adds a second call for a part the whole answer already sets", () => {
    const r = reconcileClauses(
      "<nexa_2>('driver', 'forward', 40)<nexa_end>",
      answers([
        ["my seat is too far back", "<nexa_2>('driver', 'forward', 50)<nexa_end>"],
        ["move my seat forward 40 mm", "<nexa_2>('driver', 'forward', 40)<nexa_end>"],
      ]),
    );
    expect(r.added).toEqual([]);
    // A set and a step of one zone's temperature are one part; 'driver' is the front left window.
    expect(
      reconcileClauses(
        "<nexa_1>('driver', 23, unit='celsius')<nexa_end>",
        answers([
          ["driver zone", "<nexa_6>('driver', -2)<nexa_end>"],
          ["23 degrees celsius", "<nexa_1>('driver', 23, unit='celsius')<nexa_end>"],
        ]),
      ).added,
    ).toEqual([]);
    expect(
      reconcileClauses(
        "<nexa_3>('driver', 'down', 500)<nexa_end>",
        answers([
          ["open my window", "<nexa_3>('driver', 'down', 500)<nexa_end>"],
          ["front left window up", "<nexa_3>('front left', 'up', 500)<nexa_end>"],
        ]),
      ).added,
    ).toEqual([]);
  });

  it("changes nothing when some call of the whole answer is no clause's answer", () => {
    const r = reconcileClauses(
      "<nexa_11>('face and feet')<nexa_end>",
      answers([
        ["air on my face", "<nexa_11>('face')<nexa_end>"],
        ["my feet", "<nexa_11>('feet')<nexa_end>"],
      ]),
    );
    expect(r.response).toBe("<nexa_11>('face and feet')<nexa_end>");
  });

  it("removes exact repeats of a call, also with one clause", () => {
    const r = reconcileClauses("<nexa_5>(True); <nexa_14>('driver', 0); <nexa_14>('driver', 0)<nexa_end>", []);
    expect(r).toMatchObject({ response: "<nexa_5>(True); <nexa_14>('driver', 0)<nexa_end>", repeatsRemoved: 1 });
  });

  it.each([
    ["irrelevant", "<nexa_20>()<nexa_end>"],
    ["unparsable", "<nexa_8>(True"],
    ["unbindable", "<nexa_8>(True, False)<nexa_end>"],
    ["command and chit-chat", "<nexa_8>(True); <nexa_20>()<nexa_end>"],
  ])("leaves a whole answer that is %s exactly as it is", (_name, raw) => {
    const r = reconcileClauses(
      raw,
      answers([
        ["ac on", "<nexa_8>(True)<nexa_end>"],
        ["fan up", "<nexa_7>(speed_diff=1)<nexa_end>"],
      ]),
    );
    expect(r).toEqual({ response: raw, added: [], repeatsRemoved: 0 });
  });

  it("ignores clause answers that do not parse (keeps the whole answer)", () => {
    const r = reconcileClauses(
      whole,
      answers([
        ["fan off", "<nexa_7>(set_value=0)<nexa_end>"],
        ["ac off", "garbage"],
        ["recirculation off", "<nexa_9>(False)<nexa_end>"],
      ]),
    );
    expect(r.response).toBe(whole);
  });
});

describe("clause anchors", () => {
  it("name every function that actuates, and nothing else", () => {
    const actuating = registry.functions.filter((f) => f.actuates).map((f) => f.name);
    expect(Object.keys(CLAUSE_ANCHORS).sort()).toEqual([...actuating].sort());
  });

  it("match whole words and numbers only", () => {
    const fan = { token: 7, name: "adjust_fan_speed", args: { set_value: 2 } };
    expect(clauseNamesCall(fan, "fan to 2")).toBe(true);
    expect(clauseNamesCall(fan, "set it to 2")).toBe(true);
    expect(clauseNamesCall(fan, "set it to 25")).toBe(false);
    expect(clauseNamesCall(fan, "the fanatic")).toBe(false);
  });
});

describe("crossCheckClauses", () => {
  const lists = {
    "fan off ac off recirculation off": "<nexa_7>(set_value=0); <nexa_8>(False)<nexa_end>",
    "fan off": "<nexa_7>(set_value=0)<nexa_end>",
    "ac off": "<nexa_8>(False)<nexa_end>",
    "recirculation off": "<nexa_9>(False)<nexa_end>",
  };

  it("answers every clause and reconciles", async () => {
    const model = scripted(lists);
    const whole = lists["fan off ac off recirculation off"];
    const r = await crossCheckClauses(model, "Fan off, AC off, recirculation off", whole);
    expect(model.inputs).toEqual(["fan off", "ac off", "recirculation off"]);
    expect(r.response).toBe("<nexa_7>(set_value=0); <nexa_8>(False); <nexa_9>(False)<nexa_end>");
    expect(r.wholeResponse).toBe(whole);
    expect(r.clauses).toHaveLength(3);
  });

  it.each([
    ["one clause", "turn the ac off", "<nexa_8>(False)<nexa_end>", "one_clause"],
    ["a clause that could only repeat", "put the ac on, it's stuffy", "<nexa_8>(True)<nexa_end>", "nothing_to_add"],
    [
      "a call per clause",
      "driver side to 70, passenger side to 72",
      "<nexa_1>('driver', 70); <nexa_1>('passenger', 72)<nexa_end>",
      "complete",
    ],
  ])("does not ask the model when there is %s", async (_name, text, whole, skipped) => {
    const model = scripted({});
    const r = await crossCheckClauses(model, text, whole);
    expect(model.inputs).toEqual([]);
    expect(r).toMatchObject({ response: whole, skipped });
  });

  it("does not split more than MAX_CLAUSES clauses", async () => {
    const model = scripted({});
    const text = Array.from({ length: MAX_CLAUSES + 1 }, (_, i) => `fan ${i}`).join(", ");
    const r = await crossCheckClauses(model, text, "<nexa_7>(set_value=0)<nexa_end>");
    expect(r.skipped).toBe("too_many_clauses");
    expect(model.inputs).toEqual([]);
  });

  it("keeps the whole answer when the model fails on a clause", async () => {
    const model = scripted({ ...lists, "ac off": "fail" });
    const whole = lists["fan off ac off recirculation off"];
    const r = await crossCheckClauses(model, "Fan off, AC off, recirculation off", whole);
    expect(r).toMatchObject({ response: whole, skipped: "clause_failed", added: [] });
  });
});

describe("agent with the clause cross-check", () => {
  const silent = pino({ level: "silent" });

  it("gates and actuates the added call, and keeps the model's own answer as evidence", async () => {
    const model = scripted({
      "fan off ac off recirculation off": "<nexa_7>(set_value=0); <nexa_8>(False)<nexa_end>",
      "fan off": "<nexa_7>(set_value=0)<nexa_end>",
      "ac off": "<nexa_8>(False)<nexa_end>",
      "recirculation off": "<nexa_9>(False)<nexa_end>",
    });
    const vehicle = new SimulatedVehicle(defaultProfile);
    const agent = new Agent(model, vehicle, defaultProfile, silent, Date.now, { clauseCheck: true });
    const turn = await agent.handle("Fan off, AC off, recirculation off");
    expect(turn.decisions.map((d) => [d.function, d.outcome])).toEqual([
      ["adjust_fan_speed", "accepted"],
      ["set_air_conditioning", "accepted"],
      ["set_air_recirculation", "accepted"],
    ]);
    expect(turn.actuations).toHaveLength(3);
    expect(turn.clauseCheck?.wholeResponse).toBe("<nexa_7>(set_value=0); <nexa_8>(False)<nexa_end>");
  });

  it("still refuses an added call the gate refuses (a seat move while driving)", async () => {
    const model = scripted({
      "ac on driver seat back 50 mm": "<nexa_8>(True)<nexa_end>",
      "ac on": "<nexa_8>(True)<nexa_end>",
      "driver seat back 50 mm": "<nexa_2>('driver', 'backward', 50)<nexa_end>",
    });
    const moving = new SimulatedVehicle(defaultProfile, { ...parkedVehicleState(defaultProfile), speedKmh: 80 });
    const agent = new Agent(model, moving, defaultProfile, silent, Date.now, { clauseCheck: true });
    const turn = await agent.handle("AC on, driver seat back 5 cm");
    expect(turn.response).toBe("<nexa_8>(True); <nexa_2>('driver', 'backward', 50)<nexa_end>");
    expect(turn.decisions.map((d) => [d.function, d.outcome])).toEqual([
      ["set_air_conditioning", "accepted"],
      ["adjust_seat_position", "rejected"],
    ]);
    expect(turn.actuations).toHaveLength(1);
  });

  it("drops a clause answer that does not bind (out of range) before the gate", async () => {
    const model = scripted({
      "ac on volume to 60": "<nexa_8>(True)<nexa_end>",
      "ac on": "<nexa_8>(True)<nexa_end>",
      "volume to 60": "<nexa_0>(set_value=60)<nexa_end>",
    });
    const agent = new Agent(model, new SimulatedVehicle(defaultProfile), defaultProfile, silent, Date.now, {
      clauseCheck: true,
    });
    const turn = await agent.handle("AC on, volume to 60");
    expect(model.inputs).toEqual(["ac on volume to 60", "ac on", "volume to 60"]);
    expect(turn.response).toBe("<nexa_8>(True)<nexa_end>");
    expect(turn.decisions.map((d) => d.function)).toEqual(["set_air_conditioning"]);
  });

  it("asks the model once per utterance when off", async () => {
    const model = scripted({ "fan off ac off recirculation off": "<nexa_7>(set_value=0)<nexa_end>" });
    const agent = new Agent(model, new SimulatedVehicle(defaultProfile), defaultProfile, silent, Date.now, {
      clauseCheck: false,
    });
    const turn = await agent.handle("Fan off, AC off, recirculation off");
    expect(model.inputs).toEqual(["fan off ac off recirculation off"]);
    expect(turn.clauseCheck).toBeUndefined();
    expect(turn.decisions).toHaveLength(1);
  });
});

describe("reconcileClauses: invariants over random answers", () => {
  const irrelevant = { token: 20, name: "irrelevant_function", args: {} };
  const commands = fc.array(validCall, { minLength: 1, maxLength: 4 });
  const answer = fc.oneof(
    { weight: 4, arbitrary: commands.map((cs) => renderResponse(cs)) },
    { weight: 1, arbitrary: fc.constant(renderResponse([irrelevant])) },
    { weight: 1, arbitrary: fc.constantFrom("garbage", "<nexa_8>(True", "<nexa_0>(set_value=99)<nexa_end>") },
  );
  // Clause words: anchors of every function, numbers, pronouns and remarks.
  const word = fc.constantFrom(
    ...Object.values(CLAUSE_ANCHORS)
      .flat()
      .map((w) => w.replace("?", "")),
    "it",
    "them",
    "one",
    "2",
    "20",
    "50",
    "500",
    "please",
    "it's stuffy",
    "turn",
    "off",
  );
  const clause = fc
    .tuple(fc.array(word, { minLength: 1, maxLength: 4 }), answer)
    .map(([ws, response]) => ({ input: ws.join(" "), response }));
  const keysOf = (response: string) => {
    const r = parseAndBind(response);
    if (!r.ok || r.results.some((b) => !b.ok)) return null;
    return r.results.map((b) => (b.ok ? canonicalKey(b.call) : ""));
  };

  it("only ever adds calls some clause gave, keeps every call of the whole answer, and stays parsable", () => {
    fc.assert(
      fc.property(
        fc.oneof({ weight: 5, arbitrary: commands.map((cs) => renderResponse(cs)) }, { weight: 1, arbitrary: answer }),
        fc.array(clause, { minLength: 0, maxLength: 5 }),
        (whole, clauses) => {
          const r = reconcileClauses(whole, clauses);
          expect(reconcileClauses(whole, clauses)).toEqual(r);
          const wholeKeys = keysOf(whole);
          if (wholeKeys === null || wholeKeys.some((k) => k.startsWith("<nexa_20>"))) {
            expect(r).toEqual({ response: whole, added: [], repeatsRemoved: 0 });
            return;
          }
          const keys = keysOf(r.response);
          expect(keys).not.toBeNull();
          expect(new Set(keys).size).toBe(keys?.length);
          expect(new Set(keys)).toEqual(new Set([...wholeKeys, ...r.added.map((c) => canonicalKey(c))]));
          expect(r.repeatsRemoved).toBe(wholeKeys.length - new Set(wholeKeys).size);
          const given = new Set(clauses.flatMap((c) => keysOf(c.response) ?? []));
          for (const c of r.added) {
            expect(given.has(canonicalKey(c))).toBe(true);
            expect(wholeKeys).not.toContain(canonicalKey(c));
            expect(clauses.some((cl) => !/\b(it|them|one)\b/.test(cl.input) && clauseNamesCall(c, cl.input))).toBe(
              true,
            );
          }
          if (r.added.length > 0) expect(wholeKeys.every((k) => given.has(k))).toBe(true);
        },
      ),
      { numRuns: 400 },
    );
  });
});
