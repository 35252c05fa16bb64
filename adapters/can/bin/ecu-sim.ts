#!/usr/bin/env node
/**
 * Bench ECU simulator: the simulated ESP, HVAC, seat module, body controller and amplifier
 * of vehicle.dbc on a CAN interface next to the agent (a dev board's vcan0 or a real can0).
 * It applies the agent's command frames, answers with status frames (speed every 100 ms,
 * positions on change and every 500 ms) and can play a speed profile so a tester can watch
 * the speed gates work.
 *
 *   node dist/adapters/can/bin/ecu-sim.js --interface vcan0 --speed-profile "0:0,5000:80,15000:0" --loop
 *   npx tsx adapters/can/bin/ecu-sim.ts --interface can0 --motion realistic
 *
 * Output: one line per applied command (candump form plus the requests it carried), one line
 * per speed change of 1 km/h or more when a profile plays, and with --verbose every frame sent.
 */
import { readFileSync } from "node:fs";
import { Command, InvalidArgumentError, Option } from "commander";
import { pino } from "pino";
import type { DecodedSignal } from "../dbc/codec.js";
import { toCandump } from "../frames.js";
import { SimEcu, type SimMotion } from "../sim-ecu.js";
import { SocketCanTransport } from "../socketcan-transport.js";
import { parseSpeedProfile, type SpeedProfile } from "../speed-profile.js";
import type { CanFrame, CanTransport, SendResult } from "../transport.js";
import { loadVehicleDb } from "../vehicle-db.js";
import { VirtualBus } from "../virtual-bus.js";

function speedProfileArg(value: string): SpeedProfile {
  let text = value;
  try {
    text = readFileSync(value, "utf8"); // a file with one point per line
  } catch {
    // not a file: the points themselves
  }
  const r = parseSpeedProfile(text);
  if (!r.ok) throw new InvalidArgumentError(r.error.message);
  return r.profile;
}

function kmhArg(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 655.33) throw new InvalidArgumentError("speed must be 0..655.33 km/h");
  return n;
}

/** Reports what the simulator sends, without changing how it sends. */
function tapped(inner: CanTransport, onSend: (frame: CanFrame) => void): CanTransport {
  return {
    name: inner.name,
    available: () => inner.available(),
    status: () => inner.status(),
    send(frame: CanFrame): SendResult {
      const r = inner.send(frame);
      if (r.ok) onSend(frame);
      return r;
    },
    onFrame: (l) => inner.onFrame(l),
    onAvailability: (l) => inner.onAvailability(l),
    stats: () => inner.stats(),
    close: () => inner.close(),
  };
}

function requests(decoded: Record<string, DecodedSignal>): string {
  return Object.entries(decoded)
    .filter(([name, d]) => !/_(CRC|AliveCtr)$/.test(name) && d.label !== "no request")
    .map(([name, d]) => `${name}=${d.label ?? d.physical}`)
    .join(" ");
}

async function main(argv: string[]): Promise<void> {
  const program = new Command()
    .name("ecu-sim")
    .description("Simulated body ECUs of vehicle.dbc on a CAN interface (bench use)")
    .option("-i, --interface <name>", 'SocketCAN interface, or "virtual" for an in-process bus', "vcan0")
    .option(
      "-s, --speed-profile <points|file>",
      'speed over time, "ms:kmh,..." e.g. "0:0,5000:80,15000:0"',
      speedProfileArg,
    )
    .option("--loop", "repeat the speed profile", false)
    .option("--speed <kmh>", "constant speed (without a profile)", kmhArg, 0)
    .addOption(
      new Option("--motion <kind>", "how positions move").choices(["realistic", "instant"]).default("realistic"),
    )
    .option("-v, --verbose", "print every frame sent", false)
    .option("--log-level <level>", "pino level for transport logs (stderr)", "info")
    .parse(argv);
  const opts = program.opts<{
    interface: string;
    speedProfile?: SpeedProfile;
    loop: boolean;
    speed: number;
    motion: SimMotion;
    verbose: boolean;
    logLevel: string;
  }>();

  const logger = pino({ name: "ecu-sim", level: opts.logLevel }, pino.destination({ fd: 2, sync: true }));
  const db = loadVehicleDb();
  const stamp = () => new Date().toISOString().slice(11, 23);
  const out = (line: string) => process.stdout.write(`${stamp()} ${line}\n`);

  let inner: CanTransport;
  if (opts.interface === "virtual") {
    inner = new VirtualBus().attach("ecu-sim");
  } else {
    inner = new SocketCanTransport({ interface: opts.interface, logger });
    inner.onAvailability((up, reason) =>
      out(up ? `bus ${opts.interface} up` : `bus ${opts.interface} DOWN: ${reason}`),
    );
  }
  const speedId = db.dbc.messageByName("ESP_VehicleSpeed")?.id;
  const transport = tapped(inner, (frame) => {
    if (opts.verbose) out(`TX ${toCandump(frame)}`);
  });
  const sim = new SimEcu({
    transport,
    db,
    logger,
    motion: opts.motion,
    speedKmh: opts.speed,
    loop: opts.loop,
    ...(opts.speedProfile ? { speedProfile: opts.speedProfile } : {}),
  });
  sim.onCommand((message, decoded) => {
    const m = db.dbc.messageByName(message);
    out(`RX ${message} (0x${m?.id.toString(16).toUpperCase()}) ${requests(decoded)}`);
  });
  let shownSpeed = -1;
  const speedTimer = setInterval(() => {
    const v = Math.round(sim.body.speedKmh);
    if (v !== shownSpeed) {
      shownSpeed = v;
      out(
        `speed ${v} km/h (0x${speedId?.toString(16).toUpperCase()} every ${db.cycleMs(db.dbc.messageByName("ESP_VehicleSpeed")!)} ms)`,
      );
    }
  }, 250);
  sim.start();
  out(
    `ECU simulator on ${opts.interface}: ${db.statuses.map((m) => m.name).join(", ")}; motion ${opts.motion}` +
      (opts.speedProfile
        ? `; speed profile ${opts.speedProfile.durationMs} ms${opts.loop ? " (loop)" : ""}`
        : `; speed ${opts.speed} km/h`),
  );

  const stop = async () => {
    clearInterval(speedTimer);
    await sim.stop();
    await transport.close();
    const s = sim.stats();
    out(
      `stopped: ${s.commandsApplied} commands applied, ${s.statusSent} status frames sent, ignored ${JSON.stringify(s.ignored)}`,
    );
    process.exit(0);
  };
  process.once("SIGINT", () => void stop());
  process.once("SIGTERM", () => void stop());
}

main(process.argv).catch((e) => {
  process.stderr.write(`ecu-sim: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
