import { describe, expect, it } from "vitest";
import { parseSpeedProfile, speedAt } from "../../adapters/can/speed-profile.js";

function profile(text: string) {
  const r = parseSpeedProfile(text);
  if (!r.ok) throw new Error(r.error.message);
  return r.profile;
}

describe("speed profile", () => {
  it("interpolates linearly and holds the last speed", () => {
    const p = profile("0:0,5000:80,15000:0");
    expect([0, 2500, 5000, 10000, 15000, 20000].map((t) => speedAt(p, t))).toEqual([0, 40, 80, 40, 0, 0]);
  });

  it("loops when asked", () => {
    const p = profile("0:0, 1000:100");
    expect(speedAt(p, 1500, true)).toBe(50);
    expect(speedAt(p, 1500, false)).toBe(100);
  });

  it("reads one point per line with comments (a profile file)", () => {
    const p = profile("# city then motorway\n0:0\n10000:50   # town\n20000:130\n");
    expect(p.points).toHaveLength(3);
    expect(p.durationMs).toBe(20000);
  });

  it("refuses malformed, unordered, empty and impossible profiles", () => {
    expect(parseSpeedProfile("0:0,abc")).toMatchObject({ ok: false, error: { message: /"abc" is not "ms:kmh"/ } });
    expect(parseSpeedProfile("0:0,5000:80,4000:0")).toMatchObject({ ok: false, error: { message: /must increase/ } });
    expect(parseSpeedProfile(" # nothing\n")).toMatchObject({ ok: false });
    expect(parseSpeedProfile("0:700")).toMatchObject({ ok: false, error: { message: /655.33/ } });
  });
});
