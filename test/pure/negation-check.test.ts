import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkNegations, doesSameThing } from "../../src/agent/negation-check.js";
import type { BoundCall } from "../../src/core/types.js";
import { parseAndBind, renderResponse } from "../../src/parser/index.js";
import { registry } from "../../src/registry/index.js";
import { findForbiddenCommands } from "../../src/text/statement.js";
import { validCall } from "../arbitrary-calls.js";
import { scripted } from "../scripted-model.js";

/** The negation check with scripted model answers (src/agent/negation-check.ts). */

const call = (response: string): BoundCall => {
  const r = parseAndBind(response);
  if (!r.ok || !r.results[0]?.ok) throw new Error(`not a call: ${response}`);
  return r.results[0].call;
};

describe("findForbiddenCommands", () => {
  it.each([
    ["I'm cold, don't open the windows", "open the windows"],
    ["close the sunroof but don't close the shade", "close the shade"],
    ["i'm cold so don't open the windows", "open the windows"],
    ["Turn on the AC, and please do not open the sunroof", "open the sunroof"],
    // As a speech recognizer writes them: no commas.
    ["turn on the ac don't open the sunroof", "open the sunroof"],
    ["im cold dont open the windows", "open the windows"],
    // A correction: the excluded thing takes the request's verb.
    ["open the window, not the sunroof", "open the sunroof"],
    ["turn on my seat heater not the wheel", "turn on the wheel"],
    ["close the windows, but not the sunroof", "close the sunroof"],
    // Up to the next imperative.
    ["don't turn on the AC turn on the fan", "turn on the ac"],
    ["don't open it just close it", "open it"],
    ["turn the heat up, not the fan", "turn the fan up"],
    // The speaker declines a part: what surely is not wanted is turning it on.
    ["I don't want the AC on", "turn on the ac"],
    ["I don't need the AC anymore, turn it off", "turn on the ac"],
    ["I don't want to open the window", "open the window"],
  ])("%s forbids %j", (text, command) => {
    expect(findForbiddenCommands(text).map((f) => f.command)).toEqual([command]);
  });

  it.each([
    "i don't need anything",
    "I don't want the kids to be cold",
    "the kids don't like the AC, turn it off",
    "don't forget to turn on the AC",
    "turn on the AC",
    "open the window, not the whole way",
    "turn the fan up, not too much",
    "I'm not cold, turn the fan up",
    "turn on the fan why don't you open the window too",
  ])("%s forbids nothing", (text) => {
    expect(findForbiddenCommands(text)).toEqual([]);
  });
});

describe("findForbiddenCommands: several negations in one clause", () => {
  it("reads each one, also without apostrophes", () => {
    for (const text of [
      "dont open the window dont open the sunroof",
      "turn on the ac dont open the window dont open the sunroof",
      "don't open the window don't open the sunroof",
    ])
      expect(
        findForbiddenCommands(text).map((f) => f.command),
        text,
      ).toEqual(["open the window", "open the sunroof"]);
  });
});

describe("checkNegations", () => {
  it("takes out the call the driver forbade and keeps the rest, with the evidence", async () => {
    const model = scripted({ "close the shade": "<nexa_19>('close')<nexa_end>" });
    const before = "<nexa_4>('close'); <nexa_19>('close')<nexa_end>";
    const r = await checkNegations(model, "Close the sunroof but don't close the shade", before);
    expect(model.inputs).toEqual(["close the shade"]);
    expect(r?.response).toBe("<nexa_4>('close')<nexa_end>");
    expect(r?.before).toBe(before);
    expect(r?.removed.map((c) => c.name)).toEqual(["operate_sunshade"]);
    expect(r?.forbidden).toMatchObject([
      { evidence: "don't close the shade", response: "<nexa_19>('close')<nexa_end>" },
    ]);
  });

  it("answers 'no request' when every call was forbidden", async () => {
    const model = scripted({ "open the windows": "<nexa_17>('down')<nexa_end>" });
    const r = await checkNegations(model, "I'm cold, don't open the windows", "<nexa_17>('down')<nexa_end>");
    expect(r?.response).toBe("<nexa_20>()<nexa_end>");
  });

  it("keeps the opposite of what was forbidden ('don't open the windows, close them')", async () => {
    const model = scripted({ "open the windows": "<nexa_17>('down')<nexa_end>" });
    const r = await checkNegations(model, "don't open the windows, close them", "<nexa_17>('up')<nexa_end>");
    expect(r).toBeUndefined();
  });

  it("reads one window and all windows as the same thing, by place", async () => {
    const model = scripted({
      "open the windows": "<nexa_17>('down')<nexa_end>",
      "open the driver window": "<nexa_3>('driver', 'down', 500)<nexa_end>",
    });
    const one = "<nexa_3>('front left', 'down', 200); <nexa_8>(True)<nexa_end>";
    expect((await checkNegations(model, "AC on, don't open the windows", one))?.response).toBe(
      "<nexa_8>(True)<nexa_end>",
    );
    // The driver's window forbidden: the passenger's may still open.
    const other = "<nexa_3>('front right', 'down', 200); <nexa_8>(True)<nexa_end>";
    expect(await checkNegations(model, "AC on, don't open the driver window", other)).toBeUndefined();
  });

  it("leaves the answer alone when nothing is forbidden, the model fails, or the answer does not parse", async () => {
    const model = scripted({});
    expect(await checkNegations(model, "turn on the AC", "<nexa_8>(True)<nexa_end>")).toBeUndefined();
    expect(model.inputs).toEqual([]);
    expect(await checkNegations(model, "AC on, don't open the windows", "<nexa_8>(True)<nexa_end>")).toBeUndefined();
    expect(model.inputs).toEqual(["open the windows"]);
    expect(await checkNegations(model, "AC on, don't open the windows", "<nexa_8>(True")).toBeUndefined();
  });

  it("only ever removes calls, and keeps those that do something else", async () => {
    const commands = fc.array(
      validCall.filter((c) => c.name !== "irrelevant_function"),
      {
        minLength: 1,
        maxLength: 4,
      },
    );
    let removedSome = 0;
    await fc.assert(
      // Half the time the model's answer to the forbidden words is one of the answer's calls.
      fc.asyncProperty(
        commands.chain((calls) => fc.tuple(fc.constant(calls), fc.oneof(validCall, fc.constantFrom(...calls)))),
        async ([calls, forbidden]) => {
          const before = renderResponse(calls);
          const model = scripted({ "open the windows": renderResponse([forbidden]) });
          const r = await checkNegations(model, "AC on, don't open the windows", before);
          if (r === undefined) return;
          removedSome++;
          const after = parseAndBind(r.response);
          expect(after.ok).toBe(true);
          const kept = after.ok ? after.results.flatMap((b) => (b.ok ? [b.call] : [])) : [];
          // Every kept call was in the answer before, and every removed one does what was forbidden.
          for (const c of kept.filter((k) => k.name !== "irrelevant_function"))
            expect(calls.map((x) => renderResponse([x]))).toContain(renderResponse([c]));
          // Compared as bound, defaults filled in, as the check reads the model's answer.
          const bound = call(renderResponse([forbidden]));
          for (const c of r.removed) expect(doesSameThing(c, bound, registry, "lhd")).toBe(true);
          expect(kept.filter((k) => k.name !== "irrelevant_function").length + r.removed.length).toBe(calls.length);
        },
      ),
      { numRuns: 300 },
    );
    // The property must see removals, or it proves nothing.
    expect(removedSome).toBeGreaterThan(60);
  });

  it("keeps what it found forbidden when the model throws on a later command", async () => {
    let asked = 0;
    const model = {
      async complete(input: string) {
        asked++;
        if (input !== "open the window") throw new Error("model crashed");
        return {
          ok: true as const,
          value: {
            response: "<nexa_3>('driver', 'down', 500)<nexa_end>",
            promptTokens: 1,
            generatedTokens: 1,
            latencyMs: 1,
          },
        };
      },
    };
    const before = "<nexa_8>(True); <nexa_3>('driver', 'down', 500); <nexa_4>('open')<nexa_end>";
    const r = await checkNegations(model, "turn on the ac dont open the window dont open the sunroof", before);
    expect(asked).toBe(2);
    expect(r?.response).toBe("<nexa_8>(True); <nexa_4>('open')<nexa_end>");
  });

  it("asks nothing once its time is spent", async () => {
    const model = scripted({ "open the windows": "<nexa_17>('down')<nexa_end>" });
    const r = await checkNegations(
      model,
      "AC on, don't open the windows",
      "<nexa_8>(True); <nexa_17>('down')<nexa_end>",
      {
        budgetMs: -1,
      },
    );
    expect(model.inputs).toEqual([]);
    expect(r).toBeUndefined();
  });

  it("compares words and places, not numbers", () => {
    const same = (a: string, b: string) => doesSameThing(call(a), call(b), registry, "lhd");
    expect(same("<nexa_3>('driver', 'down', 100)<nexa_end>", "<nexa_17>('down')<nexa_end>")).toBe(true);
    expect(same("<nexa_3>('driver', 'up', 500)<nexa_end>", "<nexa_17>('down')<nexa_end>")).toBe(false);
    expect(same("<nexa_1>('driver', 72)<nexa_end>", "<nexa_1>('driver', 70)<nexa_end>")).toBe(true);
    expect(same("<nexa_1>('passenger', 72)<nexa_end>", "<nexa_1>('driver', 70)<nexa_end>")).toBe(false);
    expect(same("<nexa_8>(True)<nexa_end>", "<nexa_8>(False)<nexa_end>")).toBe(false);
    // Steps by direction; a set against a step cannot be told apart, so it counts as the same.
    expect(same("<nexa_0>(volume_diff=-5)<nexa_end>", "<nexa_0>(volume_diff=5)<nexa_end>")).toBe(false);
    expect(same("<nexa_0>(volume_diff=10)<nexa_end>", "<nexa_0>(volume_diff=5)<nexa_end>")).toBe(true);
    expect(same("<nexa_0>(set_value=40)<nexa_end>", "<nexa_0>(volume_diff=5)<nexa_end>")).toBe(true);
    expect(same("<nexa_8>(True)<nexa_end>", "<nexa_9>(True)<nexa_end>")).toBe(false);
    // A seat level is compared as off or on only.
    expect(same("<nexa_14>('driver', 0)<nexa_end>", "<nexa_14>('driver', 2)<nexa_end>")).toBe(false);
    expect(same("<nexa_14>('driver', 3)<nexa_end>", "<nexa_14>('driver', 2)<nexa_end>")).toBe(true);
    // A set and a step of one zone's temperature set the same thing, in either unit.
    expect(same("<nexa_1>('driver', 75)<nexa_end>", "<nexa_6>('driver', 2)<nexa_end>")).toBe(true);
    expect(same("<nexa_1>('driver', 22, unit='celsius')<nexa_end>", "<nexa_1>('driver', 70)<nexa_end>")).toBe(true);
  });
});
