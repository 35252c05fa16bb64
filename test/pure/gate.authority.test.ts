/**
 * Authority as a value: only the safety gate can mint an ActuationGrant, so an adapter handed
 * a grant knows the gate accepted (or clamped) exactly that target.
 */
import { describe, expect, it } from "vitest";
import type { Target } from "../../src/core/types.js";
import { registry } from "../../src/registry/index.js";
import { ActuationGrant, claimMintKey, type GrantedDecision, isGrant } from "../../src/safety/authority.js";
import { decide, initialGateMemory } from "../../src/safety/gate.js";
import { defaultProfile } from "../../src/safety/profile.js";
import { parkedVehicleState } from "../../src/safety/state.js";

const target: Target = { kind: "volume", volume: 50 };
const forged: GrantedDecision = {
  function: "adjust_volume",
  args: { set_value: 50 },
  outcome: "accepted",
  reason: "forged",
  target,
  callIndex: 0,
};

describe("ActuationGrant", () => {
  it("cannot be constructed outside the gate, with any key", () => {
    for (const key of [Symbol("octopus-agent.grant-mint"), Symbol.for("octopus-agent.grant-mint"), Symbol()]) {
      expect(() => new ActuationGrant(key, forged, 0, 1)).toThrow(/only be minted by the safety gate/);
    }
    // Casting does not help either: the constructor checks the key at run time.
    expect(() => new ActuationGrant(undefined as unknown as symbol, forged, 0, 1)).toThrow(TypeError);
  });

  it("the mint key was claimed by the gate and cannot be claimed again", () => {
    // Importing gate.js (above) claimed it at module load.
    expect(() => claimMintKey()).toThrow(/already claimed/);
  });

  it("the gate mints real, frozen grants", () => {
    const spec = registry.byName("adjust_volume")!;
    const out = decide({
      profile: defaultProfile,
      state: parkedVehicleState(),
      now: 1,
      memory: initialGateMemory(),
      results: [
        {
          ok: true,
          call: { token: spec.token, name: spec.name, args: { set_value: 25 } },
          parsed: { token: spec.tokenText, positional: [], keywords: [], position: 0 },
        },
      ],
    });
    const grant = out.grants[0]!;
    expect(isGrant(grant)).toBe(true);
    expect(isGrant({ ...grant })).toBe(false);
    expect(isGrant(forged)).toBe(false);
    expect(grant.target).toEqual({ kind: "volume", volume: 25 });
    expect(Object.isFrozen(grant)).toBe(true);
    expect(Object.isFrozen(grant.decision)).toBe(true);
    expect(() => {
      (grant as { id: number }).id = 99;
    }).toThrow(TypeError);
    expect(() => {
      (grant.target as { volume: number }).volume = 50;
    }).toThrow(TypeError);
    expect(() => {
      (grant.decision.args as Record<string, unknown>)["set_value"] = 50;
    }).toThrow(TypeError);
    expect(grant.target).toEqual({ kind: "volume", volume: 25 });
  });
});
