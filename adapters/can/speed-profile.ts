/**
 * A speed profile for the ECU simulator: points "time ms : speed km/h", linear in between,
 * holding the last speed after the end (or starting over with `loop`).
 *
 * Text form: "0:0,5000:80,15000:0" — commas, semicolons, whitespace or new lines between
 * points; `#` starts a comment (so a file can hold one point per line with notes).
 */

export interface SpeedPoint {
  readonly atMs: number;
  readonly kmh: number;
}

export interface SpeedProfile {
  readonly points: readonly SpeedPoint[];
  readonly durationMs: number;
}

export type SpeedProfileError = { readonly kind: "speed_profile"; readonly message: string };

export function parseSpeedProfile(
  text: string,
): { ok: true; profile: SpeedProfile } | { ok: false; error: SpeedProfileError } {
  const fail = (message: string) => ({ ok: false as const, error: { kind: "speed_profile" as const, message } });
  const cleaned = text
    .split("\n")
    .map((line) => line.replace(/#.*$/, ""))
    .join(" ");
  const items = cleaned.split(/[\s,;]+/).filter((s) => s.length > 0);
  if (items.length === 0) return fail("speed profile is empty; expected points like 0:0,5000:80");
  const points: SpeedPoint[] = [];
  for (const item of items) {
    const m = /^(\d+(?:\.\d+)?):(\d+(?:\.\d+)?)$/.exec(item);
    if (!m) return fail(`speed profile point ${JSON.stringify(item)} is not "ms:kmh" (e.g. 5000:80)`);
    const atMs = Number(m[1]);
    const kmh = Number(m[2]);
    const prev = points[points.length - 1];
    if (prev && atMs <= prev.atMs) return fail(`speed profile times must increase (${atMs} after ${prev.atMs})`);
    if (kmh > 655.33) return fail(`speed ${kmh} km/h is above what VehicleSpeed can carry (655.33)`);
    points.push({ atMs, kmh });
  }
  return { ok: true, profile: { points, durationMs: points[points.length - 1]!.atMs } };
}

/** Speed at `tMs` after the profile started. */
export function speedAt(profile: SpeedProfile, tMs: number, loop = false): number {
  const { points } = profile;
  const first = points[0]!;
  let t = tMs;
  if (loop && profile.durationMs > 0) t = tMs % profile.durationMs;
  if (t <= first.atMs) return first.kmh;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    if (t <= b.atMs) return a.kmh + ((b.kmh - a.kmh) * (t - a.atMs)) / (b.atMs - a.atMs);
  }
  return points[points.length - 1]!.kmh;
}
