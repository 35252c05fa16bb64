/**
 * Authority as a value. The safety gate is the only code that can mint an
 * `ActuationGrant`; adapters (CAN, gRPC vehicle API, MQTT) accept nothing else. A grant
 * wraps an accepted or clamped decision with its absolute target, so a transport can never
 * be handed a raw model call or a rejected decision by mistake.
 *
 * The mint key is module-private and handed to the gate once (`claimMintKey`), so other
 * modules cannot construct grants even by casting: the constructor checks the key.
 */
import type { Decision, Target } from "../core/types.js";

const mintKey: unique symbol = Symbol("octopus-agent.grant-mint");
let mintKeyClaimed = false;

export type GrantedDecision = Decision & { readonly outcome: "accepted" | "clamped"; readonly target: Target };

export class ActuationGrant {
  readonly decision: GrantedDecision;
  /** Wall-clock ms when the gate granted it (adapters may refuse stale grants). */
  readonly grantedAt: number;
  /** Monotonic id for logs and events. */
  readonly id: number;

  constructor(key: symbol, decision: GrantedDecision, grantedAt: number, id: number) {
    if (key !== mintKey) throw new TypeError("ActuationGrant can only be minted by the safety gate");
    // Frozen through its (flat) args and target, so nobody downstream can retarget a grant.
    this.decision = Object.freeze({
      ...decision,
      args: Object.freeze({ ...decision.args }),
      target: Object.freeze({ ...decision.target }),
    });
    this.grantedAt = grantedAt;
    this.id = id;
    Object.freeze(this);
  }

  get target(): Target {
    return this.decision.target;
  }
}

/** Called exactly once, by src/safety/gate.ts at module load. */
export function claimMintKey(): typeof mintKey {
  if (mintKeyClaimed) throw new Error("grant mint key already claimed");
  mintKeyClaimed = true;
  return mintKey;
}

export function isGrant(value: unknown): value is ActuationGrant {
  return value instanceof ActuationGrant;
}
