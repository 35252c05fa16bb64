/**
 * Real SocketCAN: the agent's transport and actuator on vcan0 inside a User-Mode-Linux guest
 * (this machine's kernel has no CAN), with python-can and can-utils as independent peers.
 * The scenarios are in uml/inside.ts; this test boots the guest, waits for it to power off
 * and checks what the program inside recorded. CI installs user-mode-linux, python3-can and
 * can-utils (.ci/install-can.sh); without them the suite fails with the reason (a missing
 * install step must turn CI red, not skip the real transport).
 */
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runInUml, type UmlRun, umlMissing } from "./uml/harness.js";

const missing = umlMissing();

interface Results {
  ok: boolean;
  setupMs?: number;
  totalMs?: number;
  error?: string;
  scenarios: { name: string; ok: boolean; ms: number; error?: string; detail?: unknown }[];
  rxStats?: unknown;
  candumpFrames?: number;
  candumpHasFirstFrame?: boolean;
}

function explain(run: UmlRun): string {
  return [
    `exit code ${run.exitCode}${run.timedOut ? " (timed out)" : ""} after ${Math.round(run.durationMs)} ms`,
    `results: ${JSON.stringify(run.results, null, 2)}`,
    `init log:\n${run.logs.init}`,
    `program stderr:\n${run.logs.err.slice(-4000)}`,
    `kernel console:\n${run.logs.console.slice(-2000)}`,
  ].join("\n");
}

describe("SocketCAN on vcan0 inside User-Mode-Linux", () => {
  it("has the User-Mode-Linux kernel and the CAN peers installed", () => {
    expect(missing, "run bash .ci/install.sh").toBeUndefined();
  });

  it("passes every scenario: spoken command through the daemon, exact frame, speed gate from the bus, junk ignored and counted, vcan0 re-created", async () => {
    const run = await runInUml({
      program: fileURLToPath(new URL("./uml/inside.ts", import.meta.url)),
      timeoutMs: 240_000,
    });
    const results = run.results as Results | undefined;
    console.info(
      `vcan-uml: guest run ${Math.round(run.durationMs)} ms (program ${results?.totalMs ?? "?"} ms, setup ${results?.setupMs ?? "?"} ms); ` +
        (results?.scenarios ?? []).map((s) => `${s.ok ? "ok" : "FAIL"} ${s.ms} ms`).join(", "),
    );
    expect(run.timedOut, explain(run)).toBe(false);
    expect(results, explain(run)).toBeDefined();
    for (const s of results?.scenarios ?? []) expect(s.ok, `${s.name}: ${s.error}\n${explain(run)}`).toBe(true);
    expect(results?.scenarios.length, explain(run)).toBe(6);
    expect(results?.candumpHasFirstFrame, explain(run)).toBe(true);
    expect(run.exitCode, explain(run)).toBe(0);
  }, 300_000);
});
