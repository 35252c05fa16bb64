import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Agent } from "../../src/agent/agent.js";
import { SimulatedVehicle } from "../../src/agent/vehicle-link.js";
import { ModelRuntime } from "../../src/model/runtime.js";
import { defaultModelPath } from "../../src/paths.js";
import { defaultProfile } from "../../src/safety/profile.js";

/**
 * The clause cross-check with the shipped model: lists whose last call the model drops
 * when it answers the whole utterance get it back, and remarks attached to a request add
 * nothing. (The rules themselves are tested with scripted answers in test/pure.)
 */
describe("clause cross-check on the shipped model", () => {
  let model: ModelRuntime;

  beforeAll(async () => {
    const loaded = await ModelRuntime.load({ modelPath: defaultModelPath, threads: 1 });
    if (!loaded.ok) throw new Error(loaded.error.message);
    model = loaded.value;
  });
  afterAll(async () => {
    await model?.close();
  });

  const agent = (clauseCheck: boolean) =>
    new Agent(model, new SimulatedVehicle(defaultProfile), defaultProfile, pino({ level: "silent" }), Date.now, {
      clauseCheck,
    });

  it.each([
    ["Fan off, AC off, recirculation off", ["adjust_fan_speed", "set_air_conditioning", "set_air_recirculation"]],
    ["Windows up, AC on, recirculation on.", ["control_all_windows", "set_air_conditioning", "set_air_recirculation"]],
    ["Put the aircon on, it's stuffy", ["set_air_conditioning"]],
    // As a speech recognizer writes it: no commas.
    ["fan off ac off recirculation off", ["adjust_fan_speed", "set_air_conditioning", "set_air_recirculation"]],
    ["Set the driver side to seventy-two degrees", ["set_climate_temperature"]],
    // Rule 4: a feeling said first adds its step; said after the request it is a reason.
    ["I'm cold, close the windows", ["control_all_windows", "change_climate_temperature"]],
    ["Close the windows, I'm cold", ["control_all_windows"]],
  ])("%s -> %j", async (text, functions) => {
    const turn = await agent(true).handle(text);
    expect(turn.error).toBeUndefined();
    expect(turn.decisions.map((d) => d.function)).toEqual(functions);
    expect(turn.decisions.every((d) => d.outcome === "accepted")).toBe(true);
  });

  it("gives back the call the whole answer dropped, with the whole answer as evidence", async () => {
    const off = await agent(false).handle("Fan off, AC off, recirculation off");
    const on = await agent(true).handle("Fan off, AC off, recirculation off");
    // The shipped model drops the third call when it answers the whole list (if a new model
    // stops doing so, this test must be rewritten around a list the new model drops).
    expect(off.decisions.map((d) => d.function)).toEqual(["adjust_fan_speed", "set_air_conditioning"]);
    expect(on.clauseCheck?.wholeResponse).toBe(off.response);
    expect(on.clauseCheck?.added.map((c) => c.name)).toEqual(["set_air_recirculation"]);
  });

  it("adds the step of a feeling said first, with the model's own answer as evidence", async () => {
    const off = await agent(false).handle("I'm cold. Turn on the steering wheel heating too.");
    const on = await agent(true).handle("I'm cold. Turn on the steering wheel heating too.");
    // The shipped model answers the wheel only (as above: rewrite around another row if a
    // new model answers both).
    expect(off.decisions.map((d) => d.function)).toEqual(["set_steering_wheel_heating"]);
    expect(on.clauseCheck?.wholeResponse).toBe(off.response);
    expect(on.clauseCheck?.added.map((c) => [c.name, c.args])).toEqual([
      ["change_climate_temperature", { zone: "driver", temperature_diff: 2 }],
    ]);
  });
});
