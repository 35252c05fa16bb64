import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildDataset } from "../../models/vehicle-v1/pipeline/generate/build.js";
import { checkStatement, noRequestResponse } from "../../src/agent/statement-check.js";
import { registry } from "../../src/registry/index.js";
import { findStatement } from "../../src/text/statement.js";

const NO_REQUEST = "<nexa_20>()<nexa_end>";

describe("findStatement: reports and hypotheticals", () => {
  it.each([
    ["my wife turned the heat up earlier", "report"],
    ["Yesterday I muted the radio and forgot all about it.", "report"],
    ["I turned the volume up earlier for the news.", "report"],
    ["the valet left the sunroof open at the petrol station", "report"],
    ["she put the AC on full while I was paying", "report"],
    ["my son changed the temperature to 76 on the way here", "report"],
    ["she turned off my seat heater earlier", "report"],
    ["I have already opened all the windows", "report"],
    ["I used to keep my seat all the way back in my old truck.", "report"],
    ["If I opened the sunroof on the highway, would it be really noisy?", "hypothetical"],
    ["if i opened the sunroof on the highway would it be really noisy", "hypothetical"],
    ["If it were colder out, I'd turn on the seat heater.", "hypothetical"],
    ["Suppose I set the temperature to 80, how long would it take to warm up?", "hypothetical"],
    ["What would happen if I opened all the windows on the motorway?", "hypothetical"],
    ["Would 18 degrees Celsius be too cold for a baby?", "hypothetical"],
    ["Would tilting the sunroof help stop the windows fogging up?", "hypothetical"],
    ["Will it be hot enough tomorrow to need the AC?", "hypothetical"],
    ["Is it safe to open the sunroof on the motorway?", "hypothetical"],
    ["Do you think it's too cold to have the sunroof open?", "hypothetical"],
    // A wake-word clause before a comma, an interjection, a stutter.
    ["Hey car, my wife turned the heat up earlier", "report"],
    ["Ok car, would the heated seat help my back?", "hypothetical"],
    ["jeez, my passenger turned up the heat this morning", "report"],
    ["seriously my passenger passenger muted the radio on the way here", "report"],
    ["the the kids opened the sunroof on the way here", "report"],
    ["my son turned the fan up to max before I got in", "report"],
    ["oof my passenger turned the temperature down again", "report"],
    ["my my aunt set set the temperature to 19 a minute ago", "report"],
  ])("%s -> %s", (text, kind) => {
    expect(findStatement(text)?.kind).toBe(kind);
  });

  it.each([
    // requests, some with a story or a condition attached
    "turn the heat up",
    "Hey car, turn up the heat",
    "my son turned the fan up to max, turn it down",
    // A second code review: a complaint after the report's degree, a degree that does not
    // fit the report's state, a stutter of a state or a command after a part.
    "my son turned the ac up to max we're freezing",
    "my son turned the volume up to max so loud",
    "my son turned the fan up to max fix it",
    "my son turned the heat off to max",
    "my wife turned the fan down to max",
    "my wife turned the heat up max max",
    "the kids opened the sunroof shut shut it",
    "jeez, turn the heat up",
    "my son opened the window, close it",
    "my wife turned the heat up so turn it down",
    "she turned the music up earlier, volume down",
    "my wife turned the heat up earlier, thanks",
    "if it's cold turn on the seat heater",
    "if it gets cold I'd like the heat up",
    "if you could open the window that would be great",
    "would it be possible to open the sunroof",
    "would you open the sunroof",
    "would this go up",
    "would the tunes go up a bit",
    "do you think you could turn it up",
    "could the fan go any higher",
    // terse requests that look like a subject and a past tense
    "the sunshade closed, the sun's in my eyes",
    "the roof blind closed the sun is blinding me",
    "the rear windows closed and the sunroof open",
    "the driver's window lowered a bit",
    "the baby's sleeping so cut the audio",
    "the passenger's seat vent on put the sun blind away",
    "we just dropped my daughter off at school kick on the air conditioning",
    // a cold reviewer's requests that the first scored version swallowed
    "my son opened the window close it",
    "I accidentally turned the AC off put it back on",
    "my son opened the window, could ya close it",
    "my wife turned the heat up, a bit cooler",
    "my wife moved my seat forward, back 2 inches",
    "I opened my window, the passenger one too",
    "I closed the windows now do the sunshade",
    "my wife turned the heat up it's too hot now",
    "I turned it to 70 but it's still cold",
    "the seat the way I had it",
    "the temperature I set it to yesterday",
    "would it be too much trouble to turn the heat down",
    "would it be too much to ask for the window down",
    "do you think the heat could go up a bit",
    "what if you turned the heat up a little",
    "what if we opened the window a crack",
    "if it gets too hot maybe turn the fan up",
    "if it's not too much trouble, would it be possible to open the sunroof",
    "if it's alright, could my seat go back a little",
    "if it's all the same to you I'd really like the heat up",
    "if it's getting stuffy, I'll have the AC on",
    "would 20 be better",
    // a second reviewer's: recognizer run-ons and later clauses that ask
    "the kids opened the windows windows up",
    "my wife turned the heat up cooler",
    "the kids turned off the music unmute",
    "someone switched off the ac on again",
    "my wife set the temp to 80 72 instead",
    "I accidentally closed the sunroof reopen it",
    "my wife turned the recirculation on fresh air",
    "my son closed the window, I wanted it open",
    "my wife turned off the heat, heated seat on",
    "if the kids are asleep maybe we lower the volume",
    "if it's stuffy i'd open the window",
    "suppose you open the window a bit",
    "is it safe to open the sunroof at this speed if yes do it",
    // first person with a verb whose past is its base form
    "I set the temperature to 20",
    "we put the windows down",
    // nothing to do with either
    "I'm freezing",
    "what's the weather like",
    "",
  ])("%s -> no finding", (text) => {
    expect(findStatement(text)).toBeNull();
  });
});

describe("findStatement: a command the driver forbids, said on its own", () => {
  it.each([
    ["please don't turn on the AC", "please don't turn on the ac"],
    ["Do not open the sunroof.", "do not open the sunroof"],
    ["Don't open the window, thanks", "don't open the window"],
    ["hey car, never open the sunroof on the highway", "never open the sunroof on the highway"],
    ["dont mute it", "dont mute it"],
  ])("%s -> negated", (text, evidence) => {
    expect(findStatement(text)).toEqual({ kind: "negated", evidence });
  });

  it.each([
    // A negation that still asks for something.
    "don't forget to turn on the AC",
    "don't let it get too cold in here",
    "don't leave the windows open",
    "don't keep the AC running",
    "I don't need the AC anymore, turn it off",
    "I don't need the AC anymore",
    "I don't want the AC on",
    // An imperative after the negated one, or a request beside it.
    "don't open the windows just close them",
    "don't open it, close it",
    "I'm cold, don't open the windows",
    "don't turn the heat up, turn it down",
  ])("%s -> no finding", (text) => {
    expect(findStatement(text)).toBeNull();
  });
});

describe("findStatement: opinions, questions about the car and phone numbers", () => {
  it.each([
    ["She prefers the air blowing on her feet rather than her face.", "opinion", "she prefers"],
    ["My mom hates it when the steering wheel gets hot.", "opinion", "my mom hates"],
    ["the kids can't stand the seat heaters", "opinion", "the kids can't stand"],
    ["I can't stand the smell of the AC", "opinion", "i can't stand"],
    ["mom hates it when the steering wheel gets hot", "opinion", "mom hates"],
    ["My favourite temperature is seventy-two", "opinion", "my favourite temperature is"],
    ["My dad's truck has a heated steering wheel and I love it", "opinion", "i love"],
    ["Heated seats are overrated if you ask me", "opinion", "heated seats are overrated"],
    ["Seventy-two degrees is my favourite temperature", "opinion", "72 degrees is my favourite temperature"],
    [
      "Honestly, the climate controls in this car are confusing.",
      "opinion",
      "the climate controls in this car are confusing",
    ],
    [
      "Can the passenger seat go back far enough for someone who's six foot five?",
      "capability",
      "can the … far enough",
    ],
    ["Can the passenger seat move up and down, or only forward and back?", "capability", "can the … or only"],
    ["can the sunroof open while we're on the motorway", "capability", "can the … while we're"],
    ["Dial 555 0142.", "phone", "dial 555 0142"],
    ["could you ring mum on 07700 900123 please", "phone", "ring mum on 07700 900123"],
    ["dial five five five oh one four two", "phone", "dial 5 5 5 oh 1 4 2"],
    ["Dial 555, 0142.", "phone", "dial 555 0142"],
    ["call 911", "phone", "call 911"],
    ["hey car, i'd like you to dial 251 234 1442 when you get a chance", "phone", "dial 251 234 1442"],
    ["call 555 0142 on speaker", "phone", "call 555 0142"],
  ])("%s -> %s", (text, kind, evidence) => {
    expect(findStatement(text)).toEqual({ kind, evidence });
  });

  it.each([
    // A request beside the opinion: an imperative, a joined command, request words, a terse setting.
    "turn it up, I love this song",
    "volume up loads, i love this song",
    "this is my favourite song louder",
    "pump it up this is my favourite song",
    "my wife hates the cold so turn her seat heater on",
    "my daughter loves the sunroof, tilt it for her",
    "heated seats are overrated but turn mine on anyway",
    "I love fresh air, open my window",
    "she prefers it warmer, bump her side up a bit",
    // The driver's own liking of a setting asks for it; so does "like" and "prefer".
    "I prefer it at 75",
    "I love it at 72",
    "I love the sunroof open",
    "I like the seat a little higher",
    "I don't like the fan this loud",
    "I'd love it if the back was a bit cooler",
    // Someone else's liking with a value: the model decides.
    "my wife prefers 70",
    // "like" as a preposition is no liking.
    "the air outside smells like smoke",
    // Polite questions that ask, and questions with no limit or condition.
    "Can the back be a lot cooler?",
    "Could the rear be set to nineteen degrees centigrade?",
    "can my seat go back a bit",
    "can the sunroof open at speed open it a bit",
    // Numbers that are settings, and a request beside a call.
    "dial the temperature down to 68",
    "dial 555 0142 and turn up the volume",
    "dial 555 0142, volume up",
    "volume down call 555 0142",
    "way too loud, call 555 0142",
    "call 555 0142 it's freezing",
    // A code review's requests said in the opinion's own clause, without a comma.
    "my mum hates drafts windows up",
    "i love that song louder",
    "he hates the heat ac on",
    "he hates the heat max ac",
    "my wife hates the cold passenger seat heater on for her",
    "she hates the sun in her eyes sunshade closed",
    "my son loves the sunroof open it for him",
    "my wife doesn't like the fan this loud",
    "i hate how loud the fan is",
    "I love this song, a bit more",
    // A feeling or a complaint beside an opinion asks (contract §3: "I'm cold" is +2).
    "I'm freezing, my wife hates the cold",
    "we're boiling, the kids hate the heat",
    "it's too loud, my wife hates this song",
    // A setting word at the end is held back, the model decides ("fog up", a part's state).
    "my son loves the sunroof open",
    "I hate it when the windows fog up",
    // Capability questions that ask: an amount, a setting's direction, a terse request after.
    "can the temp go up a bit while we're parked",
    "can the volume go to 40 on the highway",
    "can the volume go up on the highway",
    "can the windows go up while it's raining",
    "can the sunroof open at speed, sunroof open halfway",
    "can the windows go down while we're moving windows down a bit",
    // Judgements that, said of a running part, mean "less".
    "the fan is overkill",
  ])("%s -> no finding", (text) => {
    expect(findStatement(text)).toBeNull();
  });
});

describe("findStatement: wake words, fillers and time adverbs before the sentence", () => {
  it("reads past any run of them", () => {
    expect(findStatement(`${"earlier today ".repeat(8)}my wife turned the heat up`)?.kind).toBe("report");
    expect(findStatement("hey car so um the other day my wife turned the heat up")?.evidence).toBe(
      "my wife turned the heat",
    );
    expect(findStatement(`${"hey ".repeat(60)}turn the heat up`)).toBeNull();
  });
});

describe("findStatement on the generated rows", () => {
  const ds = buildDataset({ seed: 11, perFunction: 60 });
  const rows = [...ds.train, ...ds.heldout];

  it("never fires on a request", () => {
    const fired = rows.filter((r) => r.response !== NO_REQUEST && findStatement(r.query) !== null);
    expect(fired.map((r) => `${r.family}: ${r.query}`)).toEqual([]);
    expect(rows.filter((r) => r.response !== NO_REQUEST).length).toBeGreaterThan(1000);
  });

  it("finds most of the training reports (near.narration)", () => {
    const narration = rows.filter((r) => r.family === "near.narration");
    expect(narration.length).toBeGreaterThan(20);
    const found = narration.filter((r) => findStatement(r.query)?.kind === "report").length;
    expect(found / narration.length).toBeGreaterThan(0.6);
  });
});

describe("findStatement on realistic requests written blind", () => {
  // 300 requests a helper wrote from the contract without reading this code (thirteenth
  // round, pipeline README), a third of them wrapped in a story, a reason or a condition.
  const requests = readFileSync(new URL("../fixtures/realistic-requests.txt", import.meta.url), "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "");

  it("finds nothing in any of them", () => {
    expect(requests.length).toBe(300);
    expect(requests.filter((r) => findStatement(r) !== null)).toEqual([]);
  });
});

describe("checkStatement", () => {
  it("replaces a call with 'no request' and keeps the model's answer as evidence", () => {
    const c = checkStatement("my wife turned the heat up earlier", "<nexa_6>('driver', 2)<nexa_end>");
    expect(c?.response).toBe(NO_REQUEST);
    expect(c?.modelResponse).toBe("<nexa_6>('driver', 2)<nexa_end>");
    expect(c?.finding.kind).toBe("report");
  });

  it("names the whole part in its evidence", () => {
    expect(findStatement("she turned off my seat heater earlier")?.evidence).toBe("she turned off my seat heater");
  });

  it("leaves a model answer that does not parse to the parser (its error is the evidence)", () => {
    expect(checkStatement("my wife turned the heat up earlier", "<nexa_6>('driver'")).toBeUndefined();
  });

  it("leaves a request and an answer that is already 'no request' alone", () => {
    expect(checkStatement("turn the heat up", "<nexa_6>('driver', 2)<nexa_end>")).toBeUndefined();
    expect(checkStatement("my wife turned the heat up earlier", NO_REQUEST)).toBeUndefined();
  });

  it("renders 'no request' from the registry's non-actuating function", () => {
    const spec = registry.functions.find((f) => !f.actuates);
    expect(noRequestResponse()).toBe(`${spec?.tokenText}()${registry.endToken}`);
  });
});
