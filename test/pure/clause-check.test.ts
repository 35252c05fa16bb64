import fc from "fast-check";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { Agent, type TextModel } from "../../src/agent/agent.js";
import {
  CLAUSE_ANCHORS,
  type ClauseAnswer,
  clauseInputs,
  clauseNamesCall,
  crossCheckClauses,
  reconcileClauses,
} from "../../src/agent/clause-check.js";
import { SimulatedVehicle } from "../../src/agent/vehicle-link.js";
import type { BoundCall } from "../../src/core/types.js";
import { canonicalKey, parseAndBind, renderResponse } from "../../src/parser/index.js";
import { registry } from "../../src/registry/index.js";
import { defaultProfile } from "../../src/safety/profile.js";
import { parkedVehicleState } from "../../src/safety/state.js";
import { MAX_CLAUSES, splitClauses } from "../../src/text/clauses.js";
import { validCall } from "../arbitrary-calls.js";
import { scripted } from "../scripted-model.js";

/**
 * The clause cross-check's splitting and reconciliation rules, with scripted model answers
 * (the shipped model's answers to real lists are checked in test/model/clause-check.test.ts).
 */

const answers = (pairs: [string, string][]): ClauseAnswer[] => pairs.map(([input, response]) => ({ input, response }));

describe("splitClauses", () => {
  it.each([
    ["Fan off, AC off, recirculation off", ["fan off", "ac off", "recirculation off"]],
    ["Turn on the AC, set my side to 68, and max the fan.", ["turn on the ac", "set my side to 68", "max the fan"]],
    ["close the windows then open the sunroof", ["close the windows", "open the sunroof"]],
    ["open the sunshade as well as the sunroof", ["open the sunshade", "the sunroof"]],
    ["Volume up 4 and unmute.", ["volume up 4", "unmute"]],
    ["mute it; also fan to two", ["mute it", "fan to 2"]],
    ["Turn on the A.C., then fan up", ["turn on the ac", "fan up"]],
    ["defrosters off and the rear to 68", ["defrosters off", "the rear to 68"]],
    // A number before "and" ends its clause when no number follows.
    ["open the window two hundred and fifty mm and close the sunroof", ["open the window 250 mm", "close the sunroof"]],
    ["set the fan to one and the volume to ten", ["set the fan to 1", "the volume to 10"]],
    ["lower it a hundred and the sunroof too", ["lower it 100", "the sunroof too"]],
  ])("splits %j at punctuation and joining words", (text, clauses) => {
    expect(splitClauses(text)).toEqual(clauses);
  });

  it.each([
    ["air on my face and feet please", ["air on my face and feet please"]],
    ["air on my feet and my face", ["air on my feet and my face"]],
    ["rear left and right windows down", ["rear left and right windows down"]],
    ["front and rear defrosters off", ["front and rear defrosters off"]],
    ["open it 1,000 mm", ["open it 1000 mm"]],
    ["set the rear to 21.5 degrees", ["set the rear to 21.5 degrees"]],
    ["set the driver side to seventy-two degrees", ["set the driver side to 72 degrees"]],
    // The "and" of a spoken number is part of the number, not a list.
    [
      "slide the back right window open one hundred and fifteen millimetres",
      ["slide the back right window open 115 mm"],
    ],
    ["move my seat back a hundred and twenty millimetres", ["move my seat back 120 mm"]],
    ["set the rear to seventy and a half", ["set the rear to 70.5"]],
    ["raise it 2 and a half cm", ["raise it 25 mm"]],
  ])("keeps %j whole", (text, clauses) => {
    expect(splitClauses(text)).toEqual(clauses);
  });

  it("drops clauses that normalize to nothing", () => {
    expect(splitClauses(", , and ... then fan off,")).toEqual(["fan off"]);
    expect(splitClauses("")).toEqual([]);
  });
});

describe("clauseInputs: lists a speech recognizer wrote without commas", () => {
  it.each([
    ["fan off ac off recirculation off", ["fan off", "ac off", "recirculation off"]],
    ["windows down sunroof open music up", ["windows down", "sunroof open", "music up"]],
    [
      "driver 22 celsius passenger 20 celsius rear 19 celsius",
      ["driver 22 celsius", "passenger 20 celsius", "rear 19 celsius"],
    ],
    ["rear 20 passenger 22", ["rear 20", "passenger 22"]],
    ["turn the fan off ac on", ["turn the fan off", "ac on"]],
  ])("splits %j where a setting ends and a part is named next", (text, clauses) => {
    expect(clauseInputs(text)).toEqual(clauses);
  });

  it.each([
    ["turn off ac", "a bare verb before the part"],
    ["set the temperature to 70 degrees please", "a unit after the number"],
    ["passenger side three degrees cooler", "a comparative after the unit"],
    ["put the seat heater on high please", "no part after the setting"],
  ])("keeps %j whole (%s)", (text) => {
    expect(clauseInputs(text)).toHaveLength(1);
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

  describe("rule 4: a feeling said first", () => {
    const cold = "<nexa_6>('driver', 2)<nexa_end>";
    const windows = "<nexa_17>('up')<nexa_end>";

    it("adds the step a leading feeling's answer gives ('I'm cold, close the windows')", () => {
      const r = reconcileClauses(
        windows,
        answers([
          ["i'm cold", cold],
          ["close the windows", windows],
        ]),
      );
      expect(r.response).toBe("<nexa_17>('up'); <nexa_6>('driver', 2)<nexa_end>");
      expect(r.added.map((c) => c.name)).toEqual(["change_climate_temperature"]);
    });

    it("reads 'it's' as the air around the speaker ('it's too hot back there', a rear step)", () => {
      const r = reconcileClauses(
        "<nexa_14>('rear left', 0)<nexa_end>",
        answers([
          ["it's too hot back there for the kids", "<nexa_6>('rear', -2)<nexa_end>"],
          ["turn the rear left seat heater off", "<nexa_14>('rear left', 0)<nexa_end>"],
        ]),
      );
      expect(r.response).toBe("<nexa_14>('rear left', 0); <nexa_6>('rear', -2)<nexa_end>");
    });

    it.each([
      [
        "said after the request (a reason)",
        [
          ["close the windows", windows],
          ["i'm cold", cold],
        ],
        windows,
      ],
      [
        "followed by its remedy ('so …')",
        [
          ["i'm roasting", "<nexa_6>('driver', -2)<nexa_end>"],
          ["so open the sunshade", "<nexa_19>('open')<nexa_end>"],
        ],
        "<nexa_19>('open')<nexa_end>",
      ],
      [
        "answered the wrong way ('I'm cold' read as cooler)",
        [
          ["i'm cold", "<nexa_6>('driver', -2)<nexa_end>"],
          ["close the windows", windows],
        ],
        windows,
      ],
      [
        "answered with another function",
        [
          ["i'm cold", "<nexa_14>('driver', 2)<nexa_end>"],
          ["close the windows", windows],
        ],
        windows,
      ],
      [
        "when the answer already sets a temperature (of another zone: the remedy)",
        [
          ["i'm cold", cold],
          ["set the rear to 70", "<nexa_1>('rear', 70)<nexa_end>"],
        ],
        "<nexa_1>('rear', 70)<nexa_end>",
      ],
      [
        "negated",
        [
          ["i'm not cold", cold],
          ["close the windows", windows],
        ],
        windows,
      ],
      [
        "when a later clause speaks of the temperature",
        [
          ["i'm cold", cold],
          ["close the windows", windows],
          ["the temperature is fine", "<nexa_20>()<nexa_end>"],
        ],
        windows,
      ],
      [
        "when a later clause holds a negation",
        [
          ["i'm cold", cold],
          ["close the windows", windows],
          ["don't touch the fan", "<nexa_20>()<nexa_end>"],
        ],
        windows,
      ],
      [
        "about the weather",
        [
          ["it's freezing out", cold],
          ["close the windows", windows],
        ],
        windows,
      ],
    ] as const)("adds nothing for a feeling %s", (_name, pairs, whole) => {
      const r = reconcileClauses(whole, answers(pairs.map(([a, b]) => [a, b])));
      expect(r).toEqual({ response: whole, added: [], repeatsRemoved: 0 });
    });
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

  it("never adds from a clause with a negation, whose scope the split may have cut", () => {
    const r = reconcileClauses(
      "<nexa_8>(False)<nexa_end>",
      answers([
        ["don't turn the fan off", "<nexa_7>(set_value=0)<nexa_end>"],
        ["ac off", "<nexa_8>(False)<nexa_end>"],
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

  it("never adds all windows beside one window, nor one window beside all (the gate refuses the pair)", () => {
    expect(
      reconcileClauses(
        "<nexa_3>('driver', 'down', 100)<nexa_end>",
        answers([
          ["crack my window", "<nexa_3>('driver', 'down', 100)<nexa_end>"],
          ["windows up in the back", "<nexa_17>('up')<nexa_end>"],
        ]),
      ).added,
    ).toEqual([]);
    expect(
      reconcileClauses(
        "<nexa_17>('up')<nexa_end>",
        answers([
          ["windows up", "<nexa_17>('up')<nexa_end>"],
          ["rear left window down 50 mm", "<nexa_3>('rear left', 'down', 50)<nexa_end>"],
        ]),
      ).added,
    ).toEqual([]);
  });

  it("does not let a bare number vouch for a call ('turn the fan to 3 and then 4')", () => {
    const r = reconcileClauses(
      "<nexa_0>(volume_diff=5)<nexa_end>",
      answers([
        ["turn the volume up", "<nexa_0>(volume_diff=5)<nexa_end>"],
        ["4", "<nexa_7>(set_value=4)<nexa_end>"],
      ]),
    );
    expect(r.added).toEqual([]);
  });

  it("treats 'driver' and the physical window alike by handedness", () => {
    const clauses = answers([
      ["open my window", "<nexa_3>('driver', 'down', 500)<nexa_end>"],
      ["front right window up", "<nexa_3>('front right', 'up', 500)<nexa_end>"],
    ]);
    // Left-hand drive: the driver's window is the front left one, so the front right is free.
    expect(reconcileClauses("<nexa_3>('driver', 'down', 500)<nexa_end>", clauses).added).toHaveLength(1);
    // Right-hand drive: the driver's window IS the front right one.
    expect(reconcileClauses("<nexa_3>('driver', 'down', 500)<nexa_end>", clauses, { handedness: "rhd" }).added).toEqual(
      [],
    );
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

  it("asks the clauses that could add a call first, then the rest, and reconciles", async () => {
    const model = scripted(lists);
    const whole = lists["fan off ac off recirculation off"];
    const r = await crossCheckClauses(model, "Fan off, AC off, recirculation off", whole);
    // Only "recirculation off" names a part the whole answer left free; its answer offers
    // a call to add, so the others are asked too (to vouch for the whole answer's calls).
    expect(model.inputs).toEqual(["recirculation off", "fan off", "ac off"]);
    expect(r.response).toBe("<nexa_7>(set_value=0); <nexa_8>(False); <nexa_9>(False)<nexa_end>");
    expect(r.wholeResponse).toBe(whole);
    expect(r.clauses).toHaveLength(3);
  });

  it.each([
    ["one clause", "turn the ac off", "<nexa_8>(False)<nexa_end>", "one_clause"],
    ["an irrelevant whole answer", "what time is it, and who won", "<nexa_20>()<nexa_end>", "not_commands"],
    ["a clause that could only repeat", "put the ac on, it's stuffy", "<nexa_8>(True)<nexa_end>", "nothing_to_add"],
    [
      "a call per clause",
      "driver side to 70, passenger side to 72",
      "<nexa_1>('driver', 70); <nexa_1>('passenger', 72)<nexa_end>",
      "complete",
    ],
  ])("does not ask the model when there is %s", async (_name, text, whole, skipped) => {
    const model = scripted({
      "ac on": whole,
      "it's boiling": "<nexa_20>()<nexa_end>",
      "recirculation on": "<nexa_20>()<nexa_end>",
    });
    const r = await crossCheckClauses(model, text, whole);
    expect(model.inputs).toEqual([]);
    expect(r).toMatchObject({ response: whole, skipped });
  });

  it("asks a feeling said first although it names no part, and adds its step (rule 4)", async () => {
    const model = scripted({
      "i'm cold": "<nexa_6>('driver', 2)<nexa_end>",
      "close the windows": "<nexa_17>('up')<nexa_end>",
    });
    const r = await crossCheckClauses(model, "I'm cold, close the windows", "<nexa_17>('up')<nexa_end>");
    expect(model.inputs).toEqual(["i'm cold", "close the windows"]);
    expect(r.response).toBe("<nexa_17>('up'); <nexa_6>('driver', 2)<nexa_end>");
  });

  it("does not ask about a feeling said after the request (a reason, rule 4)", async () => {
    const model = scripted({
      "close the windows": "<nexa_17>('up')<nexa_end>",
      "i'm cold": "<nexa_6>('driver', 2)<nexa_end>",
    });
    const r = await crossCheckClauses(model, "Close the windows, I'm cold", "<nexa_17>('up')<nexa_end>");
    // The windows clause names a part and is asked; its answer adds nothing, so the feeling is never asked.
    expect(model.inputs).toEqual(["close the windows"]);
    expect(r).toMatchObject({ response: "<nexa_17>('up')<nexa_end>", skipped: "nothing_added" });
  });

  it("does not split more than MAX_CLAUSES clauses", async () => {
    const model = scripted({});
    const text = Array.from({ length: MAX_CLAUSES + 1 }, (_, i) => `fan ${i}`).join(", ");
    const r = await crossCheckClauses(model, text, "<nexa_7>(set_value=0)<nexa_end>");
    expect(r.skipped).toBe("too_many_clauses");
    expect(model.inputs).toEqual([]);
  });

  it("keeps the whole answer when the model fails on a clause, with the error and the answers so far", async () => {
    const model = scripted({ ...lists, "ac off": "fail" });
    const whole = lists["fan off ac off recirculation off"];
    const r = await crossCheckClauses(model, "Fan off, AC off, recirculation off", whole);
    expect(r).toMatchObject({ response: whole, skipped: "clause_failed", added: [] });
    expect(r.failure).toMatch(/generation_timeout/);
    expect(r.clauses.map((c) => c.input)).toEqual(["fan off", "recirculation off"]);
  });

  it("keeps the whole answer when the model throws on a clause", async () => {
    const whole = lists["fan off ac off recirculation off"];
    const throwing = {
      async complete(input: string) {
        if (input === "ac off") throw new Error("llama.cpp went away");
        return scripted(lists).complete(input);
      },
    };
    const r = await crossCheckClauses(throwing, "Fan off, AC off, recirculation off", whole);
    expect(r).toMatchObject({ response: whole, skipped: "clause_failed", failure: "llama.cpp went away" });
  });

  it("stops asking once the clauses' time budget is spent", async () => {
    const whole = lists["fan off ac off recirculation off"];
    const slow = scripted(lists);
    const slowModel = {
      async complete(input: string) {
        await new Promise((r) => setTimeout(r, 30));
        return slow.complete(input);
      },
    };
    const r = await crossCheckClauses(slowModel, "Fan off, AC off, recirculation off", whole, { budgetMs: 20 });
    expect(r).toMatchObject({ response: whole, skipped: "deadline", added: [] });
    expect(slow.inputs).toEqual(["recirculation off"]);
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
    // "volume to 60" could add a call and is asked first; its answer does not bind, so
    // nothing can be added and "ac on" is not asked.
    expect(model.inputs).toEqual(["ac on volume to 60", "volume to 60"]);
    expect(turn.clauseCheck?.skipped).toBe("nothing_added");
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
  const command = validCall.filter((c) => c.name !== "irrelevant_function");
  const commands = fc.array(command, { minLength: 1, maxLength: 4 });
  const broken = fc.constantFrom("garbage", "<nexa_8>(True", "<nexa_0>(set_value=99)<nexa_end>");
  // Words a clause may hold besides an anchor: pronouns, numbers, remarks.
  const word = fc.constantFrom("it", "them", "that", "one", "2", "20", "50", "please", "stuffy", "turn", "off", "up");
  const anchorOf = (name: string) =>
    fc.constantFrom(...(CLAUSE_ANCHORS[name] ?? ["x"]).map((w) => w.replace(/s\?$/, "s")));
  /** A clause whose words name the call (usually) and whose answer is that call (or, rarely, garbage). */
  const clauseFor = (call: BoundCall) =>
    fc.tuple(anchorOf(call.name), fc.array(word, { maxLength: 2 }), fc.nat(19)).map(([anchor, words, roll]) => ({
      input: roll === 0 ? words.join(" ") || "please" : [anchor, ...words].join(" "),
      response: roll === 1 ? "garbage" : roll === 2 ? renderResponse([irrelevant]) : renderResponse([call]),
    }));
  /** A whole answer, and clauses answering its calls and some extra ones, in a random order. */
  const scenario = fc
    .tuple(commands, fc.array(command, { maxLength: 3 }), fc.boolean())
    .chain(([whole, extra, repeat]) =>
      fc
        .tuple(
          fc.tuple(...[...whole, ...extra].map(clauseFor)),
          fc.oneof(
            { weight: 6, arbitrary: fc.constant(renderResponse(repeat ? [...whole, whole[0] as BoundCall] : whole)) },
            { weight: 1, arbitrary: fc.constant(renderResponse([irrelevant])) },
            { weight: 1, arbitrary: broken },
          ),
        )
        .chain(([clauses, wholeText]) =>
          fc.shuffledSubarray(clauses, { minLength: clauses.length }).map((c) => ({ wholeText, clauses: c })),
        ),
    );
  const keysOf = (response: string) => {
    const r = parseAndBind(response);
    if (!r.ok || r.results.some((b) => !b.ok)) return null;
    return r.results.map((b) => (b.ok ? canonicalKey(b.call) : ""));
  };

  it("only ever adds calls some clause named, keeps every call of the whole answer, and stays parsable", () => {
    let added = 0;
    fc.assert(
      fc.property(scenario, ({ wholeText, clauses }) => {
        const r = reconcileClauses(wholeText, clauses);
        expect(reconcileClauses(wholeText, clauses)).toEqual(r);
        const wholeKeys = keysOf(wholeText);
        if (wholeKeys === null || wholeKeys.some((k) => k.startsWith("<nexa_20>"))) {
          expect(r).toEqual({ response: wholeText, added: [], repeatsRemoved: 0 });
          return;
        }
        const keys = keysOf(r.response);
        expect(keys).not.toBeNull();
        expect(new Set(keys).size).toBe(keys?.length);
        expect(new Set(keys)).toEqual(new Set([...wholeKeys, ...r.added.map((c) => canonicalKey(c))]));
        expect(r.repeatsRemoved).toBe(wholeKeys.length - new Set(wholeKeys).size);
        if (r.added.length === 0) return;
        added++;
        const given = new Set(clauses.flatMap((c) => keysOf(c.response) ?? []));
        expect(wholeKeys.every((k) => given.has(k))).toBe(true);
        for (const c of r.added) {
          expect(wholeKeys).not.toContain(canonicalKey(c));
          const from = clauses.filter((cl) => (keysOf(cl.response) ?? []).includes(canonicalKey(c)));
          expect(from.some((cl) => !/\b(it|them|that|one)\b/.test(cl.input) && clauseNamesCall(c, cl.input))).toBe(
            true,
          );
        }
      }),
      { numRuns: 500 },
    );
    // The generator must exercise additions, or the checks above prove nothing.
    expect(added).toBeGreaterThan(50);
  });

  /** The scenario's clauses said as one list, and a model that answers each clause as the
   * scenario says (a repeated clause the same way each time), recording what it was asked. */
  const listOf = (clauses: readonly { input: string; response: string }[]) => {
    const text = clauses.map((c) => c.input).join(", ");
    const inputs = clauseInputs(text);
    const answers = new Map(clauses.map((c) => [c.input, c.response]));
    const asked: string[] = [];
    const model: TextModel = {
      async complete(input: string) {
        asked.push(input);
        return {
          ok: true,
          value: { response: answers.get(input) ?? "garbage", promptTokens: 1, generatedTokens: 1, latencyMs: 0 },
        };
      },
    };
    const splitAsWritten = inputs.length === clauses.length && inputs.every((n, i) => n === clauses[i]?.input);
    return { text, inputs, answers, asked, model, splitAsWritten };
  };

  it("skips the model only when no clause answer could have added anything (the shortcut is exact)", async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ wholeText, clauses }) => {
        const { text, model, splitAsWritten } = listOf(clauses);
        fc.pre(splitAsWritten);
        const r = await crossCheckClauses(model, text, wholeText);
        if (r.skipped === "nothing_to_add") expect(reconcileClauses(wholeText, clauses).added).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it("asks the remaining clauses only when an answered one could add a call (the early exit is exact)", async () => {
    let exits = 0;
    let full = 0;
    await fc.assert(
      fc.asyncProperty(scenario, async ({ wholeText, clauses }) => {
        const { text, inputs, answers, asked, model, splitAsWritten } = listOf(clauses);
        fc.pre(splitAsWritten);
        const r = await crossCheckClauses(model, text, wholeText);
        if (r.skipped !== undefined && r.skipped !== "nothing_added") return;
        // Whatever was asked, the result is what reconciling every clause's answer gives
        // (the model answers a repeated clause the same way each time).
        const all = inputs.map((input) => ({ input, response: answers.get(input) ?? "garbage" }));
        expect(r.response).toBe(reconcileClauses(wholeText, all).response);
        expect(r.clauses.map((c) => c.input)).toEqual(inputs.filter((i) => asked.includes(i)));
        if (r.skipped === "nothing_added") {
          exits++;
          expect(asked.length).toBeLessThanOrEqual(inputs.length);
          expect(r.added).toEqual([]);
        } else {
          full++;
          expect(new Set(asked)).toEqual(new Set(inputs));
        }
      }),
      { numRuns: 500 },
    );
    // Both paths must be exercised, or the property proves nothing.
    expect(exits).toBeGreaterThan(20);
    expect(full).toBeGreaterThan(20);
  });

  it("stops after the clauses that could add a call when their answers add nothing", async () => {
    const text = "AC on, it's boiling, and recirculation on";
    const whole = "<nexa_8>(True)<nexa_end>";
    const model = scripted({
      "ac on": whole,
      "it's boiling": "<nexa_20>()<nexa_end>",
      "recirculation on": "<nexa_20>()<nexa_end>",
    });
    const r = await crossCheckClauses(model, text, whole);
    // The recirculation clause could add a call but is answered as irrelevant here, so the
    // clause about the AC, whose part the whole answer already sets, is never asked.
    expect(r).toMatchObject({ response: whole, skipped: "nothing_added", added: [] });
    expect(model.inputs).toContain("recirculation on");
    expect(model.inputs).not.toContain("ac on");
    expect(r.clauses.map((c) => c.input)).toEqual(clauseInputs(text).filter((c) => model.inputs.includes(c)));
  });
});
