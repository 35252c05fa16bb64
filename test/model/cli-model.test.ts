import { describe, expect, it } from "vitest";
import { runCli as run } from "./run-cli.js";

/** `say` and `infer` through the built CLI with the shipped model. */
describe("octopus-agent say", () => {
  it("prints text, response, calls, decisions and latency as JSON", async () => {
    const r = await run(["say", "--json", "set the driver side to 72 degrees"]);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(expect.arrayContaining(["text", "response", "calls", "decisions", "latency_ms"]));
    expect(out.response).toBe("<nexa_1>('driver', 72)<nexa_end>");
    expect(out.decisions[0]).toMatchObject({ function: "set_climate_temperature", outcome: "accepted" });
    expect(out.latency_ms).toBeGreaterThan(0);
  });

  it("gates by the given state and shows frames", async () => {
    const r = await run([
      "say",
      "--json",
      "--frames",
      "--state",
      '{"speedKmh": 80, "seats": {"driver": {"foreAftMm": 100}}}',
      "move my seat back",
    ]);
    const out = JSON.parse(r.stdout);
    expect(out.calls[0].function).toBe("adjust_seat_position");
    expect(out.decisions[0].outcome).toBe("rejected");
    expect(out.frames).toEqual([]);
  });
});

describe("octopus-agent say: the statement check", () => {
  it("answers a report 'no request' and shows what the model said; --no-statement-check lets the model decide", async () => {
    const said = "my passenger closed the sunshade yesterday";
    const on = JSON.parse((await run(["say", "--json", said])).stdout);
    expect(on.response).toBe("<nexa_20>()<nexa_end>");
    expect(on.decisions.map((d: { function: string }) => d.function)).toEqual(["irrelevant_function"]);
    const off = JSON.parse((await run(["say", "--json", "--no-statement-check", said])).stdout);
    expect(off.statement).toBeUndefined();
    // The evidence is the model's own answer, whatever it is; when it differs, it is shown.
    if (off.response !== on.response) {
      expect(on.statement).toMatchObject({ kind: "report" });
      expect(on.model_response).toBe(off.response);
    }
  });
});

/**
 * `say --json` for words the statement check finds to be `kind`: the answer is "no request"
 * and nothing but the non-actuating function is decided. Returns the JSON for more checks.
 */
async function heldBack(said: string, kind: string) {
  const out = JSON.parse((await run(["say", "--json", said])).stdout);
  expect(out.response, said).toBe("<nexa_20>()<nexa_end>");
  expect(
    out.decisions.map((d: { function: string }) => d.function),
    said,
  ).toEqual(["irrelevant_function"]);
  expect(out.statement, said).toMatchObject({ kind });
  return out;
}

describe("octopus-agent say: opinions, questions about the car and phone numbers", () => {
  it("actuates nothing for them, and still answers a request said beside an opinion", async () => {
    for (const [said, kind] of [
      ["Dial 555 0142.", "phone"],
      ["Heated seats are overrated if you ask me", "opinion"],
      ["My mom hates it when the steering wheel gets hot.", "opinion"],
      ["Can the passenger seat go back far enough for someone who's six foot five?", "capability"],
    ]) {
      const out = await heldBack(said, kind);
      // The shipped model actuates something for each; its answer is kept as the evidence.
      expect(out.model_response, said).not.toBe("<nexa_20>()<nexa_end>");
    }
    const request = JSON.parse((await run(["say", "--json", "turn it up, I love this song"])).stdout);
    expect(request.statement).toBeUndefined();
    expect(request.decisions.map((d: { function: string }) => d.function)).toEqual(["adjust_volume"]);
  });
});

describe("octopus-agent say: a forbidden command", () => {
  it("never does what the driver said not to do", async () => {
    for (const said of ["please don't turn on the AC", "do not open the sunroof"]) await heldBack(said, "negated");
  });
});

describe("octopus-agent say: a forbidden command beside a request", () => {
  it("takes out what the driver forbade and keeps the request, with the answer before as evidence", async () => {
    const out = JSON.parse((await run(["say", "--json", "Turn on the AC, don't open the sunroof"])).stdout);
    expect(out.decisions.map((d: { function: string }) => d.function)).toEqual(["set_air_conditioning"]);
    // The shipped model opens the sunroof here; if a new model stops doing so, nothing is taken out.
    expect(out.before_negation).toBe("<nexa_8>(True); <nexa_4>('open')<nexa_end>");
    expect(out.forbidden).toMatchObject([{ evidence: "don't open the sunroof", command: "open the sunroof" }]);
    const off = JSON.parse(
      (await run(["say", "--json", "--no-statement-check", "Turn on the AC, don't open the sunroof"])).stdout,
    );
    expect(off.decisions.map((d: { function: string }) => d.function)).toEqual([
      "set_air_conditioning",
      "operate_sunroof",
    ]);
  });
});

describe("octopus-agent say: a forbidden command said without a comma", () => {
  it("reads the negation after a request, as a speech recognizer writes it", async () => {
    const out = JSON.parse((await run(["say", "--json", "turn on the ac don't open the sunroof"])).stdout);
    expect(out.decisions.map((d: { function: string }) => d.function)).toEqual(["set_air_conditioning"]);
    expect(out.forbidden).toMatchObject([{ command: "open the sunroof" }]);
  });
});

describe("octopus-agent say: a declined part", () => {
  it("does not turn on what the driver says they do not want", async () => {
    for (const said of ["I don't want the AC on", "I don't need the seat heater anymore"]) {
      const out = JSON.parse((await run(["say", "--json", said])).stdout);
      expect(
        out.decisions.filter((d: { target?: unknown }) => d.target != null),
        said,
      ).toEqual([]);
    }
    // "I don't need the AC anymore" still asks for the AC off: nothing forbids that.
    const off = JSON.parse((await run(["say", "--json", "I don't need the AC anymore"])).stdout);
    expect(off.response).toBe("<nexa_8>(False)<nexa_end>");
  });
});

describe("octopus-agent infer --jsonl", () => {
  it("answers thousands of lines in order, one line each, bad lines included", async () => {
    const queries = ["turn it up", "what's the weather like", "close every window and switch on the ac"];
    const lines: string[] = [];
    for (let i = 0; i < 1200; i++) lines.push(JSON.stringify({ id: i, query: queries[i % queries.length] }));
    lines.splice(500, 0, "not json", JSON.stringify({ id: "x" }), JSON.stringify({ id: "empty", query: "   " }));
    const r = await run(["infer", "--jsonl"], `${lines.join("\n")}\n`);
    expect(r.code, r.stderr).toBe(0);
    const out = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(out).toHaveLength(1203);
    expect(out[500].error).toMatch(/not JSON/);
    expect(out[501].error).toMatch(/query/);
    expect(out[502].error).toMatch(/no words/);
    const answered = out.filter((o) => o.error === undefined);
    expect(answered.map((o) => o.id)).toEqual([...Array(1200).keys()]);
    expect(answered[0]).toMatchObject({ query: "turn it up", response: "<nexa_0>(volume_diff=5)<nexa_end>" });
    expect(answered[1].response).toBe("<nexa_20>()<nexa_end>");
    expect(answered[2].calls.map((c: { function: string }) => c.function).sort()).toEqual([
      "control_all_windows",
      "set_air_conditioning",
    ]);
    for (const o of answered) expect(o.latency_ms).toBeGreaterThan(0);
  });
});
