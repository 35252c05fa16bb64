/**
 * The SocketCAN transport's failure paths on this host, with the real socketcan addon: the
 * host kernel has no CAN at all, so an interface that is missing, down, or listed but not
 * openable must leave the transport unavailable, logged, retrying with backoff, never
 * throwing. The working paths (frames on vcan0, interface deleted and re-created) run in
 * User-Mode-Linux: vcan-uml.test.ts.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { pino } from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { SocketCanTransport } from "../../adapters/can/socketcan-transport.js";

interface LogLine {
  level: number;
  msg: string;
  reason?: string;
  retryInMs?: number;
}

function capture() {
  const lines: LogLine[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      for (const l of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(l) as LogLine);
      done();
    },
  });
  return { lines, logger: pino({ level: "debug" }, stream) };
}

const open: SocketCanTransport[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const t of open.splice(0)) await t.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function fakeSysfs(iface: string, flags: string): string {
  const dir = mkdtempSync(join(tmpdir(), "sysfs-net-"));
  dirs.push(dir);
  mkdirSync(join(dir, iface));
  writeFileSync(join(dir, iface, "flags"), flags);
  return dir;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("SocketCAN transport without a usable interface", () => {
  it("reports a missing interface as unavailable, logs it once and keeps retrying with backoff", async () => {
    const { lines, logger } = capture();
    const t = new SocketCanTransport({ interface: "vcan9", logger, backoffInitialMs: 20, backoffMaxMs: 80 });
    open.push(t);
    expect(t.available()).toBe(false);
    expect(t.status()).toBe("interface vcan9 does not exist");
    expect(t.send({ id: 0x100, data: new Uint8Array(8) })).toMatchObject({ ok: false, code: "bus_unavailable" });
    await sleep(400);
    const warnings = lines.filter((l) => l.level === 40);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({
      msg: "CAN bus unavailable; retrying",
      reason: "interface vcan9 does not exist",
    });
    const retries = lines.filter((l) => l.msg === "CAN bus still unavailable").map((l) => l.retryInMs);
    expect(retries.length).toBeGreaterThanOrEqual(3);
    expect(retries.slice(0, 3)).toEqual([40, 80, 80]); // doubled per failure, capped
    expect(t.stats()).toMatchObject({ refused: 1, sent: 0 });
  });

  it("reports an interface that is down, and one the kernel cannot open (no AF_CAN here)", async () => {
    const down = new SocketCanTransport({
      interface: "vcan0",
      logger: pino({ level: "silent" }),
      sysfsNetDir: fakeSysfs("vcan0", "0x80\n"),
    });
    open.push(down);
    expect(down.status()).toBe("interface vcan0 is down");
    const up = new SocketCanTransport({
      interface: "vcan0",
      logger: pino({ level: "silent" }),
      sysfsNetDir: fakeSysfs("vcan0", "0xc1\n"),
    });
    open.push(up);
    expect(up.available()).toBe(false);
    expect(up.status()).toMatch(/^cannot open a raw CAN socket on vcan0: /);
  });

  it("refuses an impossible interface name without touching the kernel", async () => {
    const t = new SocketCanTransport({ interface: "../etc/passwd", logger: pino({ level: "silent" }) });
    open.push(t);
    expect(t.status()).toMatch(/not a valid interface name/);
  });

  it("closes idempotently and refuses sends afterwards", async () => {
    const t = new SocketCanTransport({ interface: "vcan9", logger: pino({ level: "silent" }), backoffInitialMs: 10 });
    await t.close();
    await t.close();
    expect(t.status()).toBe("closed");
    expect(t.send({ id: 1, data: new Uint8Array(1) })).toMatchObject({ ok: false, code: "closed" });
  });
});
