/**
 * The SocketCAN test program that runs INSIDE the User-Mode-Linux guest (see harness.ts and
 * vcan-uml.test.ts), with vcan0 up. argv[2] = scratch directory; it writes results.json
 * there and exits 0 only if every scenario passed.
 *
 * The agent side is the real thing: SocketCanTransport (npm socketcan) + CanActuator, grants
 * from the real parser/binder/gate. The independent peers are python-can (peer.py: plays the
 * ESP, records every frame) and can-utils (cansend for junk frames, candump -L as a log).
 *
 * To add a scenario (e.g. a text command through the model once it exists), append to
 * SCENARIOS: each gets the shared context and returns details for results.json; a thrown
 * error fails it with its message.
 */
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { createWriteStream, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { promisify } from "node:util";
import { pino } from "pino";
import { CanActuator } from "../../../adapters/can/can-actuator.js";
import { framesFor, toCandump } from "../../../adapters/can/frames.js";
import { SimEcu } from "../../../adapters/can/sim-ecu.js";
import { SocketCanTransport } from "../../../adapters/can/socketcan-transport.js";
import { loadVehicleDb } from "../../../adapters/can/vehicle-db.js";
import { decideText } from "../grants.js";

const run = promisify(execFile);
// The harness bundles this program, so files are found from argv, not from import.meta.url.
const DIR = process.argv[2] ?? "/tmp";
const REPO = process.argv[3] ?? process.cwd();
const db = loadVehicleDb(join(REPO, "adapters", "can", "vehicle.dbc"));
const IFACE = "vcan0";
const PYTHON = "/usr/bin/python3";
const log = pino({ level: "debug" }, pino.destination({ dest: join(DIR, "agent.log"), sync: true }));

// ---------------------------------------------------------------- peer (python-can)

interface PeerFrame {
  t: number;
  id: number;
  data: string;
}

class Peer {
  private readonly child: ChildProcess;
  private readonly lines: AsyncIterator<string>;

  constructor() {
    const script = join(REPO, "test", "bus", "uml", "peer.py");
    this.child = spawn(PYTHON, [script, IFACE], { stdio: ["pipe", "pipe", "inherit"] });
    this.lines = createInterface({ input: this.child.stdout! })[Symbol.asyncIterator]();
  }

  private async read(): Promise<Record<string, unknown>> {
    const next = await this.lines.next();
    if (next.done) throw new Error("peer.py exited");
    return JSON.parse(next.value) as Record<string, unknown>;
  }

  async ready(): Promise<void> {
    const hello = await this.read();
    if (!hello["ready"]) throw new Error(`peer.py did not start: ${JSON.stringify(hello)}`);
  }

  async call<T = Record<string, unknown>>(req: Record<string, unknown>): Promise<T> {
    this.child.stdin!.write(`${JSON.stringify(req)}\n`);
    const answer = await this.read();
    if (!answer["ok"]) throw new Error(`peer ${JSON.stringify(req)} failed: ${String(answer["error"])}`);
    return answer as T;
  }

  /** SCM_SeatDrvStatus from the peer, so relative seat moves have a known start. */
  seat(foreAftMm: number, heightMm: number, reclineDeg: number) {
    return this.call({ op: "seat", fore_aft: foreAftMm, height: heightMm, recline: reclineDeg });
  }
  speed(kmh: number, skip = 0) {
    return this.call<{ data: string; counter: number }>({ op: "speed", kmh, skip });
  }
  async mark(): Promise<number> {
    return (await this.call<{ mark: number }>({ op: "mark" })).mark;
  }
  async since(mark: number, waitMs: number): Promise<PeerFrame[]> {
    return (await this.call<{ frames: PeerFrame[] }>({ op: "since", mark, wait_ms: waitMs })).frames;
  }
  async expect(mark: number, id: number, timeoutMs = 3000): Promise<PeerFrame> {
    const f = (await this.call<{ frame: PeerFrame | null }>({ op: "expect", mark, id, timeout_ms: timeoutMs })).frame;
    if (!f) throw new Error(`peer saw no frame 0x${id.toString(16)} within ${timeoutMs} ms`);
    return f;
  }

  async quit(): Promise<void> {
    this.child.stdin!.end(`${JSON.stringify({ op: "quit" })}\n`);
    await new Promise((r) => this.child.once("exit", r));
  }
}

// ---------------------------------------------------------------- context

interface Ctx {
  transport: SocketCanTransport;
  actuator: CanActuator;
  peer: Peer;
  candump: ChildProcess;
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

async function waitFor(what: string, pred: () => boolean, timeoutMs = 5000): Promise<number> {
  const start = performance.now();
  while (!pred()) {
    if (performance.now() - start > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(10);
  }
  return Math.round(performance.now() - start);
}

function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

function startCandump(): ChildProcess {
  const out = createWriteStream(join(DIR, "candump.log"), { flags: "a" });
  const child = spawn("candump", ["-L", IFACE], { stdio: ["ignore", "pipe", "pipe"] });
  child.stdout!.pipe(out);
  child.stderr!.pipe(out);
  return child;
}

const COMMAND_IDS = new Set([0x2a0, 0x2a1, 0x2b0, 0x2b1, 0x2b2, 0x2c0, 0x2c1, 0x2d0]);

/** A fresh speed from the peer, seen by the actuator (the gate's 1 s staleness rule applies). */
async function freshSpeed(ctx: Ctx, kmh: number): Promise<void> {
  await ctx.peer.speed(kmh);
  await waitFor(`speed ${kmh} km/h accepted`, () => {
    const s = ctx.actuator.state();
    return s.speedKmh === kmh && (s.speedAgeMs ?? 1e9) < 500;
  });
}

async function seatMoveGoesOut(ctx: Ctx): Promise<string> {
  await ctx.peer.seat(125, 40, 20);
  await waitFor("driver seat position known", () => ctx.actuator.state().seats?.driver?.foreAftMm !== undefined);
  await freshSpeed(ctx, 0);
  const d = decideText("<nexa_2>('driver', 'forward', 10)<nexa_end>", ctx.actuator.state());
  check(d.grants.length === 1, `driver seat move at 0 km/h not granted: ${JSON.stringify(d.decisions)}`);
  const mark = await ctx.peer.mark();
  const r = ctx.actuator.actuate(d.grants[0]!);
  check(r.ok, `actuate failed: ${JSON.stringify(r)}`);
  const seen = await ctx.peer.expect(mark, 0x2b0);
  check(seen.data === r.frames[0]!.data, `peer saw ${seen.data}, agent sent ${r.frames[0]!.data}`);
  return seen.data;
}

// ---------------------------------------------------------------- scenarios

interface Scenario {
  readonly name: string;
  run(ctx: Ctx): Promise<Record<string, unknown>>;
}

const SCENARIOS: Scenario[] = [
  {
    name: "a spoken command given to the daemon (shipped model) puts exactly the expected frame on vcan0",
    async run(ctx) {
      // The real daemon as `npm start` runs it, on vcan0: text -> normalize -> model -> gate -> frame.
      const daemon = spawn(
        process.execPath,
        [join(REPO, "dist", "src", "cli", "main.js"), "run", "--can", IFACE, "--log-level", "info"],
        { cwd: REPO, stdio: ["pipe", "pipe", "pipe"] },
      );
      let stdout = "";
      let stderr = "";
      daemon.stdout!.on("data", (d) => {
        stdout += d;
      });
      daemon.stderr!.on("data", (d) => {
        stderr += d;
      });
      try {
        // A liveness bound, not a speed check: node and the model start in 14-23 s inside the
        // guest on an idle 2-core host and took over 25 s while the host also trained a model.
        await waitFor("daemon ready", () => stderr.includes("octopus-agent ready") || daemon.exitCode !== null, 90_000);
        check(daemon.exitCode === null, `daemon exited: ${stderr.slice(-2000)}`);
        const want = framesFor({ kind: "temperature", zone: "driver", temperature: 72, unit: "fahrenheit" });
        check(want.ok && want.frames.length === 1, "framesFor failed");
        const mark = await ctx.peer.mark();
        daemon.stdin!.write("Set the driver side to seventy-two degrees\n");
        const seen = await ctx.peer.expect(mark, 0x2a0, 10_000);
        check(seen.data === want.frames[0]!.data, `peer saw ${seen.data}, expected ${want.frames[0]!.data}`);
        const all = (await ctx.peer.since(mark, 500)).filter((f) => COMMAND_IDS.has(f.id));
        check(all.length === 1, `expected exactly one command frame, saw ${JSON.stringify(all)}`);
        daemon.stdin!.end();
        await waitFor("daemon exit at end of input", () => daemon.exitCode !== null, 10_000);
        check(daemon.exitCode === 0, `daemon exit code ${daemon.exitCode}: ${stderr.slice(-2000)}`);
        return { frame: toCandump({ id: seen.id, data: seen.data }), printed: stdout.trim().split("\n").slice(0, 4) };
      } finally {
        if (daemon.exitCode === null) daemon.kill("SIGKILL");
      }
    },
  },
  {
    name: "an accepted grant puts exactly the expected frame on vcan0",
    async run(ctx) {
      await freshSpeed(ctx, 0);
      const d = decideText("<nexa_1>('driver', 72)<nexa_end>", ctx.actuator.state());
      check(
        d.grants.length === 1 && d.decisions[0]?.outcome === "accepted",
        `not accepted: ${JSON.stringify(d.decisions)}`,
      );
      const expected = framesFor(d.grants[0]!, { counter: 0 });
      check(expected.ok && expected.frames.length === 1, "framesFor failed");
      const want = expected.frames[0]!;
      const mark = await ctx.peer.mark();
      const r = ctx.actuator.actuate(d.grants[0]!);
      check(r.ok, `actuate failed: ${JSON.stringify(r)}`);
      const seen = await ctx.peer.expect(mark, want.id);
      check(seen.data === want.data, `peer saw ${seen.data}, expected ${want.data}`);
      const all = (await ctx.peer.since(mark, 300)).filter((f) => COMMAND_IDS.has(f.id));
      check(all.length === 1, `expected exactly one command frame, saw ${JSON.stringify(all)}`);
      return { frame: toCandump({ id: want.id, data: want.data }) };
    },
  },
  {
    name: "a peer speed of 80 km/h makes a driver-seat command rejected with nothing on the bus",
    async run(ctx) {
      const control = await seatMoveGoesOut(ctx); // at 0 km/h the same kind of command does go out
      await freshSpeed(ctx, 80);
      const mark = await ctx.peer.mark();
      const d = decideText("<nexa_2>('driver', 'backward', 50)<nexa_end>", ctx.actuator.state());
      check(
        d.decisions[0]?.outcome === "rejected" && d.decisions[0].code === "speed_gate",
        JSON.stringify(d.decisions),
      );
      for (const g of d.grants) ctx.actuator.actuate(g);
      const after = (await ctx.peer.since(mark, 500)).filter((f) => COMMAND_IDS.has(f.id));
      check(after.length === 0, `frames on the bus after the rejection: ${JSON.stringify(after)}`);
      return { control, reason: d.decisions[0].reason };
    },
  },
  {
    name: "corrupt, short, unknown-id, bad-CRC, replayed and skipped frames are ignored and counted; it keeps working",
    async run(ctx) {
      const before = ctx.actuator.rxStats();
      const good = await ctx.peer.speed(80); // reference frame (accepted)
      await waitFor("reference frame", () => ctx.actuator.rxStats().accepted > before.accepted);
      const base = ctx.actuator.rxStats();
      const flipped =
        (Number.parseInt(good.data.slice(0, 2), 16) ^ 0x01).toString(16).padStart(2, "0") + good.data.slice(2);
      // Counter rules first, back to back (cansend is slow to start in the guest).
      await ctx.peer.call({ op: "replay" }); // repeated counter
      await ctx.peer.call({ op: "send", id: 0x1a0, data: flipped }); // bad CRC
      await run("cansend", [IFACE, "1A0#0102"]); // short
      await run("cansend", [IFACE, "555#0011223344556677"]); // unknown id
      await run("cansend", [IFACE, "1A0#DEADBEEFDEADBEEF"]); // corrupt
      await run("cansend", [IFACE, "1A0#R"]); // remote frame
      await ctx.peer.speed(0, 1); // skipped counter (ignored; the receiver resyncs on it)
      const want = { short: 1, unknown_id: 1, bad_crc: 2, not_data: 1, repeated_counter: 1, skipped_counter: 1 };
      const delta = () =>
        Object.fromEntries(
          Object.keys(want).map((k) => [
            k,
            ctx.actuator.rxStats().ignored[k as keyof typeof want] - base.ignored[k as keyof typeof want],
          ]),
        );
      await waitFor("all junk counted", () => JSON.stringify(delta()) === JSON.stringify(want), 3000).catch((e) => {
        throw new Error(`${(e as Error).message}: counted ${JSON.stringify(delta())}`);
      });
      check(ctx.actuator.rxStats().accepted === base.accepted, "a junk frame was accepted");
      check(ctx.actuator.state().speedKmh === 80, `speed changed to ${ctx.actuator.state().speedKmh}`);
      const control = await seatMoveGoesOut(ctx); // next counter after the resync: accepted, bus works
      return { ignored: delta(), control };
    },
  },
  {
    name: "deleting and re-creating vcan0 is survived",
    async run(ctx) {
      const outages = ctx.transport.stats().outages;
      await run("ip", ["link", "del", IFACE]);
      const downMs = await waitFor("transport unavailable", () => !ctx.actuator.available(), 3000);
      const downStatus = ctx.actuator.busStatus();
      const closeAll = decideText("<nexa_17>('up')<nexa_end>", ctx.actuator.state());
      check(closeAll.grants.length === 1, `window close not granted: ${JSON.stringify(closeAll.decisions)}`);
      const refused = ctx.actuator.actuate(closeAll.grants[0]!);
      check(
        !refused.ok && refused.code === "bus_unavailable",
        `expected bus_unavailable, got ${JSON.stringify(refused)}`,
      );
      await sleep(1500); // a few failed reconnects while the interface is gone
      await run("ip", ["link", "add", "dev", IFACE, "type", "vcan"]);
      await run("ip", ["link", "set", IFACE, "up"]);
      const upMs = await waitFor("transport available again", () => ctx.actuator.available(), 8000);
      ctx.candump = startCandump();
      await ctx.peer.call({ op: "reopen" });
      const control = await seatMoveGoesOut(ctx);
      check(ctx.transport.stats().outages === outages + 1, `outages ${ctx.transport.stats().outages}`);
      return { downStatus, downMs, upMs, refused: refused.ok ? "" : refused.reason, control };
    },
  },
  {
    name: "the ECU simulator on vcan0 answers the agent's commands and drives its speed gate",
    async run(ctx) {
      const simTransport = new SocketCanTransport({ interface: IFACE, logger: log.child({ node: "sim" }) });
      const sim = new SimEcu({ transport: simTransport, logger: log, db, motion: "instant" });
      try {
        await waitFor("sim transport up", () => simTransport.available(), 3000);
        sim.start();
        await waitFor("state from the simulator", () => ctx.actuator.state().volume === 10, 5000);
        const d = decideText("<nexa_3>('rear left', 'down', 250)<nexa_end>", ctx.actuator.state());
        check(d.grants.length === 1, JSON.stringify(d.decisions));
        check(ctx.actuator.actuate(d.grants[0]!).ok, "actuate failed");
        await waitFor("window feedback", () => ctx.actuator.state().windowsMm?.["rear left"] === 250, 3000);
        sim.setSpeed(80);
        await waitFor("simulated speed", () => ctx.actuator.state().speedKmh === 80, 3000);
        const gated = decideText("<nexa_13>('driver', 'backward', 5)<nexa_end>", ctx.actuator.state());
        check(gated.decisions[0]?.code === "speed_gate", JSON.stringify(gated.decisions));
        return { simStats: sim.stats() };
      } finally {
        await sim.stop();
        await simTransport.close();
      }
    },
  },
];

// ---------------------------------------------------------------- main

async function main(): Promise<number> {
  const started = performance.now();
  const results: Record<string, unknown> & { scenarios: Record<string, unknown>[] } = { scenarios: [] };
  const transport = new SocketCanTransport({ interface: IFACE, logger: log, backoffInitialMs: 100, backoffMaxMs: 500 });
  // A long resync window: the junk scenario's frames are seconds apart in the slow guest, and
  // the counter rules must be judged frame to frame, not reset by silence.
  const actuator = new CanActuator({ transport, logger: log, db, resyncAfterMs: 60_000 });
  const peer = new Peer();
  const ctx: Ctx = { transport, actuator, peer, candump: startCandump() };
  let ok = true;
  try {
    await peer.ready();
    results["setupMs"] = Math.round(performance.now() - started);
    check(transport.available(), `transport not available: ${transport.status()}`);
    for (const s of SCENARIOS) {
      const t0 = performance.now();
      try {
        const detail = await Promise.race([
          s.run(ctx),
          sleep(30_000).then(() => {
            throw new Error("scenario timed out after 30 s");
          }),
        ]);
        results.scenarios.push({ name: s.name, ok: true, ms: Math.round(performance.now() - t0), detail });
      } catch (e) {
        ok = false;
        results.scenarios.push({ name: s.name, ok: false, ms: Math.round(performance.now() - t0), error: String(e) });
      }
    }
  } catch (e) {
    ok = false;
    results["error"] = String(e);
  } finally {
    ctx.candump.kill();
    await peer.quit().catch(() => {});
    results["rxStats"] = actuator.rxStats();
    results["transport"] = transport.stats();
    await actuator.close();
    await transport.close();
    const candump = readFileSync(join(DIR, "candump.log"), "utf8")
      .split("\n")
      .filter((l) => l.includes("#"));
    results["candumpFrames"] = candump.length;
    const first = (results.scenarios[0]?.["detail"] as { frame?: string } | undefined)?.frame;
    results["candumpHasFirstFrame"] = first ? candump.some((l) => l.endsWith(` ${first}`)) : false;
    if (first && !results["candumpHasFirstFrame"]) ok = false;
    results["ok"] = ok;
    results["totalMs"] = Math.round(performance.now() - started);
    writeFileSync(join(DIR, "results.json"), JSON.stringify(results, null, 2));
  }
  return ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(2);
  },
);
