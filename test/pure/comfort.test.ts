import { describe, expect, it } from "vitest";
import { COMFORT_PHRASES, findComfortStatement } from "../../src/text/comfort.js";

/** A clause that only says how warm someone feels (src/text/comfort.ts). */
describe("findComfortStatement", () => {
  it.each([
    ["i'm cold", "cold"],
    ["im freezing", "cold"],
    ["i am so cold", "cold"],
    ["i'm a little bit chilly", "cold"],
    ["ugh we're roasting in here", "hot"],
    ["it's too hot back there for the kids", "hot"],
    ["okay car i'm sweating", "hot"],
    ["it's getting warm in here", "hot"],
    ["i'm burning up right now", "hot"],
    ["its freezing cold in the back", "cold"],
  ])("reads %j as feeling %s", (clause, feeling) => {
    expect(findComfortStatement(clause)?.feeling).toBe(feeling);
  });

  it("keeps the words that matched, without the fillers, as evidence", () => {
    expect(findComfortStatement("brr okay i'm freezing in here")).toEqual({
      feeling: "cold",
      evidence: "i'm freezing in here",
    });
  });

  it.each([
    "i'm not cold",
    "i'm cool",
    "it's freezing out",
    "it's cold outside",
    "are you cold",
    "i'm cold but fine",
    "my wife is cold",
    "i was cold earlier",
    "i'm warming up",
    "i'm warm now",
    "it's warm in here",
    "turn the heat up i'm cold",
    "i'm cold close the windows",
    "cold",
    "",
  ])("does not read %j as a feeling said on its own", (clause) => {
    expect(findComfortStatement(clause)).toBeNull();
  });

  /** Whether `words` can be cut into two or more phrases of `list`. */
  const isRunOf = (words: readonly string[], list: ReadonlySet<string>, pieces = 0): boolean => {
    if (words.length === 0) return pieces >= 2;
    for (let n = 1; n <= words.length; n++)
      if (list.has(words.slice(0, n).join(" ")) && isRunOf(words.slice(n), list, pieces + 1)) return true;
    return false;
  };

  it.each(Object.entries(COMFORT_PHRASES))("has no %s phrase that is a run of other phrases of its list", (_, list) => {
    const set = new Set(list);
    expect(list.filter((p) => isRunOf(p.split(" "), set))).toEqual([]);
    // The check itself finds a phrase that is a run of others.
    expect(isRunOf(["a", "little", "bit"], new Set(["a little", "bit", "a little bit"]))).toBe(true);
  });

  // A pattern that backtracks exponentially takes far longer than the test's timeout on
  // these (2^40 ways to read "a little bit" forty times); a linear one answers at once.
  it("answers long runs of degree words and fillers (no exponential backtracking)", () => {
    const inputs = [
      `i'm ${"a little bit ".repeat(40)}x`,
      `${"ok ".repeat(100)}i'm ${"so ".repeat(100)}cold ${"in here ".repeat(20)}x`,
      `i'm ${"way too far too ".repeat(30)}hot out`,
    ];
    for (const input of inputs) expect(findComfortStatement(input)).toBeNull();
  });
});
