import { describe, expect, it } from "vitest";
import {
  type EvalItem,
  latencyStats,
  PARSE_ERROR_COLUMN,
  percentile,
  scoreItem,
  scoreRun,
  UNCATEGORIZED,
} from "../../src/eval/score.js";

let seq = 0;
function item(expected: string, predicted: string | undefined, extra: Partial<EvalItem> = {}): EvalItem {
  seq += 1;
  return {
    id: `t${seq}`,
    query: `query ${seq}`,
    expected,
    ...(predicted !== undefined ? { predicted } : {}),
    latencyMs: 10,
    ...extra,
  };
}

describe("exact call match under the contract's equivalences", () => {
  it("parallel calls match in any order", () => {
    const s = scoreItem(item("<nexa_17>('up'); <nexa_8>(True)<nexa_end>", "<nexa_8>(True); <nexa_17>('up')<nexa_end>"));
    expect(s.exact).toBe(true);
    expect(s.functionMatch).toBe(true);
    expect(s.status).toBe("valid");
  });

  it("a parallel response is a multiset: a repeated call is not the same as two different ones", () => {
    const s = scoreItem(
      item("<nexa_17>('up'); <nexa_8>(True)<nexa_end>", "<nexa_17>('up'); <nexa_17>('up')<nexa_end>"),
    );
    expect(s.exact).toBe(false);
    expect(s.functionMatch).toBe(false);
  });

  it("an optional parameter at its default equals leaving it out", () => {
    expect(
      scoreItem(item("<nexa_1>('driver', 72)<nexa_end>", "<nexa_1>('driver', 72, unit='fahrenheit')<nexa_end>")).exact,
    ).toBe(true);
    expect(
      scoreItem(item("<nexa_1>('driver', 72, unit='fahrenheit')<nexa_end>", "<nexa_1>('driver', 72)<nexa_end>")).exact,
    ).toBe(true);
    // A non-default unit is a different call.
    expect(
      scoreItem(item("<nexa_1>('rear', 21)<nexa_end>", "<nexa_1>('rear', 21, unit='celsius')<nexa_end>")).exact,
    ).toBe(false);
  });

  it("sunroof intensity=100 equals no intensity, other intensities do not", () => {
    expect(scoreItem(item("<nexa_4>('open')<nexa_end>", "<nexa_4>('open', intensity=100)<nexa_end>")).exact).toBe(true);
    expect(scoreItem(item("<nexa_4>('open', intensity=100)<nexa_end>", "<nexa_4>('open')<nexa_end>")).exact).toBe(true);
    const half = scoreItem(item("<nexa_4>('open')<nexa_end>", "<nexa_4>('open', intensity=50)<nexa_end>"));
    expect(half.exact).toBe(false);
    expect(half.functionMatch).toBe(true);
  });

  it("driver/passenger windows equal front left/front right in left-hand drive only", () => {
    const driver = item("<nexa_3>('driver', 'down', 100)<nexa_end>", "<nexa_3>('front left', 'down', 100)<nexa_end>");
    const passenger = item(
      "<nexa_3>('front right', 'up', 500)<nexa_end>",
      "<nexa_3>('passenger', 'up', 500)<nexa_end>",
    );
    expect(scoreItem(driver).exact).toBe(true);
    expect(scoreItem(passenger).exact).toBe(true);
    expect(scoreItem(driver, { handedness: "rhd" }).exact).toBe(false);
    const rhd = item("<nexa_3>('driver', 'down', 100)<nexa_end>", "<nexa_3>('front right', 'down', 100)<nexa_end>");
    expect(scoreItem(rhd, { handedness: "rhd" }).exact).toBe(true);
    expect(scoreItem(rhd).exact).toBe(false);
    // Rear windows have no seat-relative name.
    expect(
      scoreItem(item("<nexa_3>('rear left', 'down', 100)<nexa_end>", "<nexa_3>('driver', 'down', 100)<nexa_end>"))
        .exact,
    ).toBe(false);
  });

  it("any differing argument is not exact but keeps the function match", () => {
    const s = scoreItem(item("<nexa_0>(volume_diff=5)<nexa_end>", "<nexa_0>(volume_diff=2)<nexa_end>"));
    expect(s.exact).toBe(false);
    expect(s.functionMatch).toBe(true);
    const setVsDiff = scoreItem(item("<nexa_0>(set_value=10)<nexa_end>", "<nexa_0>(volume_diff=-10)<nexa_end>"));
    expect(setVsDiff.exact).toBe(false);
    expect(setVsDiff.functionMatch).toBe(true);
  });

  it("a parse error counts as wrong, with the parser's message as evidence", () => {
    const s = scoreItem(item("<nexa_8>(True)<nexa_end>", "<nexa_8>(True"));
    expect(s.status).toBe("parse_error");
    expect(s.exact).toBe(false);
    expect(s.functionMatch).toBe(false);
    expect(s.detail).toBeTruthy();
    expect(s.confusionColumn).toBe(PARSE_ERROR_COLUMN);
    // A missing end token is a parse error too.
    expect(scoreItem(item("<nexa_8>(True)<nexa_end>", "<nexa_8>(True)")).status).toBe("parse_error");
  });

  it("a call that does not bind counts as wrong even when the rest is right", () => {
    const outOfRange = scoreItem(item("<nexa_0>(volume_diff=5)<nexa_end>", "<nexa_0>(volume_diff=99)<nexa_end>"));
    expect(outOfRange.status).toBe("bind_error");
    expect(outOfRange.exact).toBe(false);
    expect(outOfRange.functionMatch).toBe(true);
    const partly = scoreItem(
      item("<nexa_17>('up'); <nexa_8>(True)<nexa_end>", "<nexa_17>('up'); <nexa_8>('yes')<nexa_end>"),
    );
    expect(partly.status).toBe("bind_error");
    expect(partly.exact).toBe(false);
    const unknown = scoreItem(item("<nexa_8>(True)<nexa_end>", "<nexa_99>()<nexa_end>"));
    expect(unknown.status).toBe("bind_error");
    expect(unknown.functionMatch).toBe(false);
  });

  it("no response (a system error) counts as wrong", () => {
    const s = scoreItem(item("<nexa_8>(True)<nexa_end>", undefined, { error: "generation_timeout" }));
    expect(s.status).toBe("no_response");
    expect(s.exact).toBe(false);
    expect(s.detail).toBe("generation_timeout");
    expect(s.confusionColumn).toBe(PARSE_ERROR_COLUMN);
  });

  it("function selection compares the multiset of names", () => {
    const wrongArgs = scoreItem(
      item("<nexa_17>('up'); <nexa_8>(True)<nexa_end>", "<nexa_8>(False); <nexa_17>('down')<nexa_end>"),
    );
    expect(wrongArgs.functionMatch).toBe(true);
    expect(wrongArgs.exact).toBe(false);
    const missing = scoreItem(item("<nexa_17>('up'); <nexa_8>(True)<nexa_end>", "<nexa_17>('up')<nexa_end>"));
    expect(missing.functionMatch).toBe(false);
    expect(missing.confusionColumn).toBe("control_all_windows");
  });
});

describe("aggregates", () => {
  it("counts exact, function selection and valid responses", () => {
    const run = scoreRun([
      item("<nexa_8>(True)<nexa_end>", "<nexa_8>(True)<nexa_end>"),
      item("<nexa_8>(True)<nexa_end>", "<nexa_8>(False)<nexa_end>"),
      item("<nexa_8>(True)<nexa_end>", "<nexa_9>(True)<nexa_end>"),
      item("<nexa_8>(True)<nexa_end>", "garbage"),
    ]);
    const s = run.summary;
    expect(s.n).toBe(4);
    expect(s.exact).toEqual({ n: 4, hits: 1, rate: 0.25 });
    expect(s.functionSelection).toEqual({ n: 4, hits: 2, rate: 0.5 });
    expect(s.validResponse.hits).toBe(3);
    expect(s.failures.map((f) => f.status)).toEqual(["valid", "valid", "parse_error"]);
    expect(s.failures[2]?.predicted).toBe("garbage");
  });

  it("irrelevance precision, recall and F1", () => {
    const irr = "<nexa_20>()<nexa_end>";
    const ac = "<nexa_8>(True)<nexa_end>";
    const s = scoreRun([
      item(irr, irr), // tp
      item(irr, irr), // tp
      item(irr, ac), // fn
      item(ac, irr), // fp
      item(ac, ac), // tn
      item(irr, "<nexa_20>("), // fn: a parse error is not an irrelevance prediction
    ]).summary;
    expect(s.irrelevance.tp).toBe(2);
    expect(s.irrelevance.fp).toBe(1);
    expect(s.irrelevance.fn).toBe(2);
    expect(s.irrelevance.precision).toBeCloseTo(2 / 3, 10);
    expect(s.irrelevance.recall).toBeCloseTo(0.5, 10);
    expect(s.irrelevance.f1).toBeCloseTo((2 * (2 / 3) * 0.5) / (2 / 3 + 0.5), 10);
  });

  it("irrelevance rates are null when undefined, not zero", () => {
    const s = scoreRun([item("<nexa_8>(True)<nexa_end>", "<nexa_8>(True)<nexa_end>")]).summary;
    expect(s.irrelevance.precision).toBeNull();
    expect(s.irrelevance.recall).toBeNull();
    expect(s.irrelevance.f1).toBeNull();
  });

  it("per function counts an item under each distinct expected function; per category groups by category", () => {
    const s = scoreRun([
      item("<nexa_17>('up'); <nexa_8>(True)<nexa_end>", "<nexa_8>(True); <nexa_17>('up')<nexa_end>", {
        category: "parallel",
      }),
      item("<nexa_8>(True)<nexa_end>", "<nexa_8>(False)<nexa_end>", { category: "single" }),
      item("<nexa_3>('front left', 'up', 500)<nexa_end>", "<nexa_3>('front left', 'up', 500)<nexa_end>"),
    ]).summary;
    expect(Object.keys(s.perFunction)).toEqual(["control_window", "set_air_conditioning", "control_all_windows"]);
    expect(s.perFunction["set_air_conditioning"]?.n).toBe(2);
    expect(s.perFunction["set_air_conditioning"]?.exact.hits).toBe(1);
    expect(s.perFunction["control_all_windows"]?.exact.rate).toBe(1);
    expect(Object.keys(s.perCategory)).toEqual(["parallel", "single", UNCATEGORIZED]);
    expect(s.perCategory["single"]?.exact.rate).toBe(0);
    expect(s.perCategory["single"]?.functionSelection.rate).toBe(1);
  });

  it("confusion matrix: registry order, row totals, parse-error column, parallel order ignored", () => {
    const s = scoreRun([
      item("<nexa_8>(True)<nexa_end>", "<nexa_8>(True)<nexa_end>"),
      item("<nexa_8>(True)<nexa_end>", "<nexa_9>(True)<nexa_end>"),
      item("<nexa_8>(True)<nexa_end>", "oops"),
      item("<nexa_1>('driver', 72)<nexa_end>", "<nexa_6>('driver', 2)<nexa_end>"),
      item("<nexa_17>('up'); <nexa_8>(True)<nexa_end>", "<nexa_8>(True); <nexa_17>('up')<nexa_end>"),
    ]).summary.confusion;
    expect(s.rows).toEqual(["set_climate_temperature", "set_air_conditioning", "control_all_windows"]);
    expect(s.columns).toEqual([
      "change_climate_temperature",
      "set_air_conditioning",
      "set_air_recirculation",
      "control_all_windows",
      PARSE_ERROR_COLUMN,
    ]);
    expect(s.counts).toEqual([
      [1, 0, 0, 0, 0],
      [0, 1, 1, 0, 1],
      [0, 0, 0, 1, 0],
    ]);
    const total = s.counts.flat().reduce((a, b) => a + b, 0);
    expect(total).toBe(5);
  });

  it("an expected text that does not parse is a dataset error, not scored", () => {
    const s = scoreRun([
      item("<nexa_8>(True)<nexa_end>", "<nexa_8>(True)<nexa_end>"),
      item("<nexa_8>(maybe)<nexa_end>", "<nexa_8>(True)<nexa_end>"),
    ]);
    expect(s.summary.n).toBe(1);
    expect(s.summary.invalidExpected).toBe(1);
    expect(s.summary.exact.rate).toBe(1);
    expect(s.items[1]?.expectedValid).toBe(false);
    expect(s.items[1]?.expectedError).toBeTruthy();
  });

  it("is deterministic", () => {
    const items = [
      item("<nexa_8>(True)<nexa_end>", "<nexa_8>(True)<nexa_end>", { latencyMs: 3 }),
      item("<nexa_20>()<nexa_end>", "<nexa_8>(True)<nexa_end>", { latencyMs: 7, category: "neg" }),
      item("<nexa_4>('tilt')<nexa_end>", "x", { latencyMs: 5 }),
    ];
    expect(JSON.stringify(scoreRun(items))).toBe(JSON.stringify(scoreRun(items)));
    const reversed = scoreRun([...items].reverse()).summary;
    const forward = scoreRun(items).summary;
    expect(reversed.exact).toEqual(forward.exact);
    expect(reversed.latency).toEqual(forward.latency);
    expect(reversed.confusion).toEqual(forward.confusion);
  });
});

describe("latency percentiles (nearest rank)", () => {
  it("of 1..100", () => {
    const v = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(v, 50)).toBe(50);
    expect(percentile(v, 95)).toBe(95);
    expect(percentile(v, 99)).toBe(99);
    expect(percentile(v, 100)).toBe(100);
    expect(percentile(v, 0)).toBe(1);
  });

  it("of small and empty sets", () => {
    expect(percentile([], 50)).toBeNull();
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([1, 2], 50)).toBe(1);
    expect(percentile([1, 2, 3], 50)).toBe(2);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 95)).toBe(10);
  });

  it("latencyStats sorts, ignores non-finite values and reports mean and max", () => {
    const s = latencyStats([30, 10, Number.NaN, 20, 40]);
    expect(s).toEqual({ n: 4, p50: 20, p95: 40, p99: 40, mean: 25, max: 40 });
    expect(latencyStats([])).toEqual({ n: 0, p50: null, p95: null, p99: null, mean: null, max: null });
  });

  it("run summary uses every scored item's latency", () => {
    const items = Array.from({ length: 20 }, (_, i) =>
      item("<nexa_8>(True)<nexa_end>", "<nexa_8>(True)<nexa_end>", { latencyMs: 20 - i }),
    );
    const l = scoreRun(items).summary.latency;
    expect(l.p50).toBe(10);
    expect(l.p95).toBe(19);
    expect(l.p99).toBe(20);
    expect(l.mean).toBe(10.5);
  });
});
