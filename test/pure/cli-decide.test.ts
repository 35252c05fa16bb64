import { execFile } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { defaultProfile } from "../../src/safety/profile.js";
import { scratchDirs } from "../scratch-dirs.js";

const profileDir = scratchDirs("octopus-profile-");

async function run(...argv: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
  });
  return { code, stdout, stderr };
}

describe("octopus-agent decide", () => {
  it("rejects a driver seat move at 80 km/h with a clear reason", async () => {
    const r = await run(
      "decide",
      "--json",
      "--state",
      '{"speedKmh": 80}',
      "<nexa_2>('driver', 'backward', 50)<nexa_end>",
    );
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.calls).toEqual([
      {
        function: "adjust_seat_position",
        token: "<nexa_2>",
        args: { seat: "driver", position: "backward", distance: 50 },
      },
    ]);
    expect(out.decisions).toHaveLength(1);
    expect(out.decisions[0]).toMatchObject({ function: "adjust_seat_position", outcome: "rejected", target: null });
    expect(out.decisions[0].reason).toMatch(/moving.*80 km\/h/);
  });

  it("accepts the same move in the simulated parked vehicle and gives the absolute target", async () => {
    const r = await run("decide", "--json", "<nexa_2>('driver', 'backward', 50)<nexa_end>");
    const out = JSON.parse(r.stdout);
    expect(out.decisions[0].outcome).toBe("accepted");
    expect(out.decisions[0].target).toMatchObject({ kind: "seat_position", seat: "driver", axis: "fore_aft" });
    expect(out.decisions[0].target.mm).toBe(125 + 50);
  });

  it("with --transcript, refuses a number the driver did not say (normalized as the agent does)", async () => {
    const said = "Move my seat back two centimetres";
    const slip = await run("decide", "--json", "--transcript", said, "<nexa_2>('driver', 'backward', 200)<nexa_end>");
    expect(JSON.parse(slip.stdout).decisions[0]).toMatchObject({ outcome: "rejected", code: "ungrounded_value" });
    const right = await run("decide", "--json", "--transcript", said, "<nexa_2>('driver', 'backward', 20)<nexa_end>");
    expect(JSON.parse(right.stdout).decisions[0].outcome).toBe("accepted");
    const empty = await run("decide", "--transcript", "  ", "<nexa_8>(True)<nexa_end>");
    expect(empty.code).toBe(3);
    expect(empty.stderr).toMatch(/--transcript: .*no words/);
  });

  it("decides parallel calls in order and shows bind errors per call", async () => {
    const r = await run("decide", "--json", "<nexa_17>('up'); <nexa_99>(); <nexa_0>(volume_diff=30)<nexa_end>");
    const out = JSON.parse(r.stdout);
    expect(out.decisions.map((d: { outcome: string }) => d.outcome)).toEqual(["accepted", "rejected", "clamped"]);
    expect(out.calls[1].error.code).toBe("unknown_token");
    expect(out.decisions[2].target).toEqual({ kind: "volume", volume: 30 });
  });

  it("prints {error: {message, position}} and exits 2 for a response that does not parse", async () => {
    const r = await run("decide", "--json", "<nexa_17>('up'");
    expect(r.code).toBe(2);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(["error"]);
    expect(out.error.position).toBe(14); // end of input: the missing ")"
    expect(out.error.message).toMatch(/expected/);
  });

  it("--frames lists the CAN frames of accepted and clamped calls only", async () => {
    const r = await run(
      "decide",
      "--json",
      "--frames",
      "--state",
      '{"speedKmh": 80, "seats": {"driver": {"foreAftMm": 100}}}',
      "<nexa_1>('driver', 72); <nexa_2>('driver', 'backward', 50)<nexa_end>",
    );
    const out = JSON.parse(r.stdout);
    expect(out.decisions.map((d: { outcome: string }) => d.outcome)).toEqual(["accepted", "rejected"]);
    // The same frame the SocketCAN test sees on vcan0 (test/bus/uml), alive counter 0.
    expect(out.frames).toEqual([{ message: "HU_ClimateTempCmd", id: 0x2a0, data: "4d2090ffff000000" }]);
    const text = await run("decide", "--frames", "<nexa_1>('driver', 72)<nexa_end>");
    expect(text.stdout).toMatch(/^2A0#4D2090FFFF000000 {2}HU_ClimateTempCmd$/m);
  });

  it("prints a human-readable table without --json", async () => {
    const r = await run("decide", "<nexa_8>(True)<nexa_end>");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/set_air_conditioning\s+on=true\s+ACCEPTED/);
  });

  it("refuses a bad --state and a bad profile with a clear error", async () => {
    const badState = await run("decide", "--state", '{"speed": 80}', "<nexa_8>(True)<nexa_end>");
    expect(badState.code).toBe(3);
    expect(badState.stderr).toMatch(/speed: unknown field/);
    const dir = profileDir();
    const file = join(dir, "profile.json");
    writeFileSync(file, JSON.stringify({ ...defaultProfile, hearingStepMax: -1 }));
    const badProfile = await run("decide", "--profile", file, "<nexa_8>(True)<nexa_end>");
    expect(badProfile.code).toBe(3);
    expect(badProfile.stderr).toMatch(/hearingStepMax/);
  });

  it("uses an RHD profile file to resolve the driver window", async () => {
    const dir = profileDir();
    const file = join(dir, "rhd.json");
    writeFileSync(file, JSON.stringify({ ...defaultProfile, handedness: "rhd" }));
    const r = await run("decide", "--json", "--profile", file, "<nexa_3>('driver', 'down', 100)<nexa_end>");
    expect(JSON.parse(r.stdout).decisions[0].target).toEqual({ kind: "window", window: "front right", mm: 100 });
  });

  it.runIf(existsSync("dist/src/cli/main.js"))("works as the installed binary (npm bin)", async () => {
    const { stdout } = await promisify(execFile)("node", [
      "dist/src/cli/main.js",
      "decide",
      "--json",
      "--state",
      '{"speedKmh": 80}',
      "<nexa_2>('driver', 'backward', 50)<nexa_end>",
    ]);
    expect(JSON.parse(stdout).decisions[0].outcome).toBe("rejected");
  });
});
