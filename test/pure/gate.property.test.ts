/**
 * Safety invariants of the gate over random valid calls and random (partly unknown) states:
 * whatever the model says, no grant ever leaves a range or travel, raises the volume by more
 * than the hearing step, moves a speed-gated actuator while the vehicle may be moving, or
 * exceeds the flood limit; and decide is total and deterministic.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { registry } from "../../src/registry/index.js";
import { actuations, resolveArgs } from "../../src/safety/actuations.js";
import { canonicalCallKey } from "../../src/safety/args.js";
import { decide, initialGateMemory } from "../../src/safety/gate.js";
import { defaultProfile, type VehicleProfile } from "../../src/safety/profile.js";
import { applyTarget, type VehicleState } from "../../src/safety/state.js";
import { boundCall } from "../arbitrary-calls.js";

const rhd: VehicleProfile = { ...defaultProfile, name: "rhd", handedness: "rhd" };

const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
const speed = fc.oneof(fc.constantFrom(0, 5, 5.1, 130, 130.1, 131), fc.double({ min: 0, max: 250, noNaN: true }));
const seat = fc.record(
  {
    foreAftMm: maybe(fc.integer({ min: 0, max: 250 })),
    heightMm: maybe(fc.integer({ min: 0, max: 80 })),
    reclineDeg: maybe(fc.integer({ min: 0, max: 45 })),
  },
  { requiredKeys: [] },
);
const zone = fc.oneof(
  fc.record({ temperature: fc.integer({ min: 60, max: 80 }), unit: fc.constant("fahrenheit" as const) }),
  fc.record({ temperature: fc.integer({ min: 16, max: 27 }), unit: fc.constant("celsius" as const) }),
);
const windowMm = maybe(fc.integer({ min: 0, max: 500 }));
const state: fc.Arbitrary<VehicleState> = fc.record(
  {
    speedKmh: speed,
    speedAgeMs: fc.constantFrom(0, 500, 999, 1000, 1001, 5000),
    volume: fc.integer({ min: 0, max: 50 }),
    fanSpeed: fc.integer({ min: 0, max: 7 }),
    seats: fc.record({ driver: seat, passenger: seat }, { requiredKeys: [] }),
    windowsMm: fc.record(
      { "front left": windowMm, "front right": windowMm, "rear left": windowMm, "rear right": windowMm },
      { requiredKeys: [] },
    ),
    sunroofPercent: fc.integer({ min: 0, max: 100 }),
    childLock: fc.boolean(),
    climate: fc.record({ driver: zone, passenger: zone, rear: zone }, { requiredKeys: [] }),
  },
  { requiredKeys: [] },
) as fc.Arbitrary<VehicleState>;

const within = (v: number, r: { min: number; max: number }) => v >= r.min && v <= r.max;

describe("gate safety invariants (property)", () => {
  it("no grant breaks a range, travel, hearing step, speed gate or the flood limit", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(defaultProfile, rhd),
        state,
        fc.array(boundCall, { minLength: 0, maxLength: 14 }),
        (profile, initial, results) => {
          const input = { profile, state: initial, now: 1_000_000, results, memory: initialGateMemory() };
          const out = decide(input);
          expect(decide(input)).toEqual(out);
          expect(out.decisions).toHaveLength(results.length);
          expect(out.grants.length).toBeLessThanOrEqual(profile.flood.maxActuationsPerSecond);

          const speedKnownFresh =
            initial.speedKmh !== undefined && (initial.speedAgeMs ?? 0) < profile.speed.staleAfterMs;
          const parked = speedKnownFresh && initial.speedKmh! <= profile.speed.movingAboveKmh;
          const sunroofOk = speedKnownFresh && initial.speedKmh! <= profile.speed.sunroofGateKmh;
          let predicted = initial;
          let g = 0;
          out.decisions.forEach((d, i) => {
            expect(d.callIndex).toBe(i);
            expect(d.reason.length).toBeGreaterThan(0);
            if (d.outcome === "rejected") {
              expect(d.code).toBeDefined();
              expect(d.target).toBeUndefined();
              return;
            }
            expect(d.code).toBeUndefined();
            if (!d.target) {
              expect(d.function).toBe("irrelevant_function");
              return;
            }
            expect(out.grants[g++]!.decision).toBe(d);
            const t = d.target;
            const { travel, ranges } = profile;
            switch (t.kind) {
              case "volume": {
                expect(within(t.volume, ranges.volume)).toBe(true);
                expect(t.volume - (predicted.volume ?? 0)).toBeLessThanOrEqual(profile.hearingStepMax);
                break;
              }
              case "fan":
                expect(within(t.speed, ranges.fanSpeed)).toBe(true);
                break;
              case "temperature":
                expect(within(t.temperature, ranges.temperature[t.unit])).toBe(true);
                break;
              case "seat_position":
                expect(within(t.mm, t.axis === "fore_aft" ? travel.seatForeAftMm : travel.seatHeightMm)).toBe(true);
                if (t.seat === "driver") expect(parked).toBe(true);
                break;
              case "seat_recline":
                expect(within(t.deg, travel.seatReclineDeg)).toBe(true);
                if (t.seat === "driver") expect(parked).toBe(true);
                break;
              case "window":
              case "all_windows":
                expect(within(t.mm, travel.windowMm)).toBe(true);
                break;
              case "sunroof":
                if (t.action !== "close") expect(sunroofOk).toBe(true);
                if (t.action === "open") expect(within(t.percent, travel.sunroofPercent)).toBe(true);
                if (t.action === "close") {
                  expect(t.percent).toBeLessThanOrEqual(predicted.sunroofPercent ?? travel.sunroofPercent.min);
                }
                break;
              case "switch":
                if (t.function === "set_window_child_lock" && !t.on) expect(parked).toBe(true);
                break;
              default:
                break;
            }
            predicted = applyTarget(predicted, t);
          });
          expect(g).toBe(out.grants.length);
          expect(out.state).toEqual(predicted);
        },
      ),
      { numRuns: 1500 },
    );
  });

  it("no response actuates one actuator twice with different values", () => {
    const windowParams = (name: string) =>
      registry
        .byName(name)!
        .params.filter((p) => p.enum === "window")
        .map((p) => p.name);
    let conflicts = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(defaultProfile, rhd),
        state,
        fc.array(boundCall, { minLength: 2, maxLength: 8 }),
        (profile, initial, results) => {
          const out = decide({ profile, state: initial, now: 1_000_000, results, memory: initialGateMemory() });
          const seen = new Map<string, string>();
          for (const grant of out.grants) {
            const d = grant.decision;
            const resolved = resolveArgs(profile, d.args, windowParams(d.function));
            const actuator = actuations[d.function]!.actuator(resolved);
            const key = canonicalCallKey(registry.byName(d.function)!, resolved);
            const before = seen.get(actuator);
            // A second grant for one actuator can only be the same call (and then rule 8 drops it).
            expect(before === undefined, `${actuator}: ${before} then ${key}`).toBe(true);
            seen.set(actuator, key);
          }
          conflicts += out.decisions.filter((d) => d.code === "conflicting_calls").length;
        },
      ),
      { numRuns: 1500 },
    );
    // The random responses do command one actuator twice often enough to test the rule.
    expect(conflicts).toBeGreaterThan(100);
  });
});
