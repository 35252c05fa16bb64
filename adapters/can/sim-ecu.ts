/**
 * A simulated body network for the bench and the embedded demo: one object standing in for
 * the ESP (speed), HVAC, seat module, body controller and amplifier of vehicle.dbc.
 *
 * It checks every command frame as an ECU would (length, E2E CRC and counter), applies the
 * requests that are not "no request" within its own travel limits, moves positions instantly
 * or at realistic speeds, and sends the status messages with their own E2E counters: the
 * speed every 100 ms, the others every 500 ms and at once when they change (cycle times from
 * the DBC). The speed follows a profile or `setSpeed`.
 *
 * On purpose this is written against the DBC signal names directly, not through the agent's
 * mapping tables, so the actuator + simulator loop tests the agent's tables against an
 * independent reading of the database.
 */
import { type DecodedSignal, decodeMessage, encodeMessage, type SignalInput } from "./dbc/codec.js";
import type { DbcMessage } from "./dbc/types.js";
import { CounterSequence, E2eReceiver, type E2eRejection, protect } from "./e2e.js";
import { defaultCanLogger, type Logger } from "./log.js";
import { type SpeedProfile, speedAt } from "./speed-profile.js";
import { type CanFrame, type CanTransport, type Clock, monotonicMs } from "./transport.js";
import { loadVehicleDb, type VehicleDb } from "./vehicle-db.js";

export type SimMotion = "instant" | "realistic";

type Zone = "driver" | "passenger" | "rear";
type Unit = "celsius" | "fahrenheit";
type FrontSeat = "driver" | "passenger";
type Window = "front left" | "front right" | "rear left" | "rear right";

/** A position that moves toward its target. */
interface Axis {
  current: number;
  target: number;
  readonly min: number;
  readonly max: number;
  /** Units per second in realistic motion. */
  readonly rate: number;
}

export interface SimBody {
  speedKmh: number;
  accelMs2: number;
  zones: Record<Zone, { temperature: number; unit: Unit }>;
  fan: number;
  ac: boolean;
  recirculation: boolean;
  defrostFront: boolean;
  defrostRear: boolean;
  autoMode: boolean;
  airflow: "face" | "feet" | "face and feet" | "windshield";
  seats: Record<FrontSeat, { foreAft: Axis; height: Axis; recline: Axis }>;
  heating: Record<"driver" | "passenger" | "rear left" | "rear right", number>;
  ventilation: Record<FrontSeat, number>;
  steeringWheelHeating: boolean;
  windows: Record<Window, Axis>;
  childLock: boolean;
  sunroof: Axis;
  sunroofMode: "closed" | "open" | "tilt";
  sunshade: Axis;
  volume: number;
  mute: boolean;
  /** Outside air temperature, °C. */
  ambientC: number;
}

export interface SimEcuOptions {
  readonly transport: CanTransport;
  readonly db?: VehicleDb;
  readonly clock?: Clock;
  readonly logger?: Logger;
  /** "instant" (default): positions jump to their targets; "realistic": they move at motor speeds. */
  readonly motion?: SimMotion;
  readonly speedProfile?: SpeedProfile;
  readonly loop?: boolean;
  /** Start speed when there is no profile (default 0). */
  readonly speedKmh?: number;
  readonly resyncAfterMs?: number;
}

export interface SimStats {
  readonly commandsApplied: number;
  readonly statusSent: number;
  readonly statusRefused: number;
  readonly ignored: Readonly<Record<E2eRejection | "short" | "not_command", number>>;
}

const axis = (value: number, min: number, max: number, rate: number): Axis => ({
  current: value,
  target: value,
  min,
  max,
  rate,
});

/** The parked default of the contract's profile: seats mid-travel, everything closed, 72 °F. */
export function parkedBody(): SimBody {
  const seat = () => ({ foreAft: axis(125, 0, 250, 20), height: axis(40, 0, 80, 10), recline: axis(20, 0, 45, 3) });
  const zone = () => ({ temperature: 72, unit: "fahrenheit" as Unit });
  const win = () => axis(0, 0, 500, 100);
  return {
    speedKmh: 0,
    accelMs2: 0,
    zones: { driver: zone(), passenger: zone(), rear: zone() },
    fan: 2,
    ac: false,
    recirculation: false,
    defrostFront: false,
    defrostRear: false,
    autoMode: false,
    airflow: "face",
    seats: { driver: seat(), passenger: seat() },
    heating: { driver: 0, passenger: 0, "rear left": 0, "rear right": 0 },
    ventilation: { driver: 0, passenger: 0 },
    steeringWheelHeating: false,
    windows: { "front left": win(), "front right": win(), "rear left": win(), "rear right": win() },
    childLock: true,
    sunroof: axis(0, 0, 100, 20),
    sunroofMode: "closed",
    sunshade: axis(0, 0, 100, 25),
    volume: 10,
    mute: false,
    ambientC: 20,
  };
}

const clamp = (v: number, min: number, max: number) => Math.min(max, Math.max(min, v));
const half = (v: number) => Math.round(v * 2) / 2;

/** A request value, or undefined for "no request" / "invalid". */
function req(d: DecodedSignal | undefined): DecodedSignal | undefined {
  if (!d || d.label === "no request" || d.label === "invalid") return undefined;
  return d;
}

function setTarget(a: Axis, value: number, instant: boolean): void {
  a.target = clamp(value, a.min, a.max);
  if (instant) a.current = a.target;
}

function onOff(d: DecodedSignal | undefined): boolean | undefined {
  const r = req(d);
  return r?.label === "on" ? true : r?.label === "off" ? false : undefined;
}

export class SimEcu {
  readonly db: VehicleDb;
  readonly body: SimBody = parkedBody();
  private readonly transport: CanTransport;
  private readonly clock: Clock;
  private readonly log: Logger;
  private readonly instant: boolean;
  private profile: SpeedProfile | undefined;
  private readonly loop: boolean;
  private profileStart = 0;
  private readonly counters = new CounterSequence();
  private readonly receiver: E2eReceiver;
  private readonly commandsById = new Map<number, DbcMessage>();
  private readonly lastSent = new Map<string, { at: number; payload: string }>();
  private readonly commandListeners = new Set<(message: string, decoded: Record<string, DecodedSignal>) => void>();
  private timer: NodeJS.Timeout | undefined;
  private unsubscribe: (() => void) | undefined;
  private lastStep: number | undefined;
  private stats_ = {
    commandsApplied: 0,
    statusSent: 0,
    statusRefused: 0,
    ignored: { bad_crc: 0, invalid_counter: 0, repeated_counter: 0, skipped_counter: 0, short: 0, not_command: 0 },
  };

  constructor(options: SimEcuOptions) {
    this.transport = options.transport;
    this.db = options.db ?? loadVehicleDb();
    this.clock = options.clock ?? monotonicMs;
    this.log = (options.logger ?? defaultCanLogger()).child({ component: "sim-ecu", bus: this.transport.name });
    this.instant = (options.motion ?? "instant") === "instant";
    this.profile = options.speedProfile;
    this.loop = options.loop ?? false;
    this.body.speedKmh = options.speedKmh ?? 0;
    this.receiver = new E2eReceiver(options.resyncAfterMs ?? 2000);
    for (const m of this.db.commands) this.commandsById.set(m.id, m);
    this.unsubscribe = this.transport.onFrame((frame, at) => this.receive(frame, at));
  }

  /** Runs the simulation on a timer (every `tickMs`, default 25 ms). */
  start(tickMs = 25): void {
    if (this.timer) return;
    this.profileStart = this.clock();
    this.step(this.clock());
    this.timer = setInterval(() => this.step(this.clock()), tickMs);
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  /** Fixes the speed (and ends any profile). */
  setSpeed(kmh: number): void {
    this.profile = undefined;
    this.body.speedKmh = clamp(kmh, 0, 655.33);
  }

  /** Plays a speed profile from now. */
  playProfile(profile: SpeedProfile): void {
    this.profile = profile;
    this.profileStart = this.clock();
  }

  onCommand(listener: (message: string, decoded: Record<string, DecodedSignal>) => void): () => void {
    this.commandListeners.add(listener);
    return () => this.commandListeners.delete(listener);
  }

  stats(): SimStats {
    return { ...this.stats_, ignored: { ...this.stats_.ignored } };
  }

  /** One simulation step at time `now`: speed, motion, then due status frames. */
  step(now: number): void {
    const dt = this.lastStep === undefined ? 0 : Math.max(0, now - this.lastStep);
    this.lastStep = now;
    if (this.profile) {
      const previous = this.body.speedKmh;
      this.body.speedKmh = speedAt(this.profile, now - this.profileStart, this.loop);
      this.body.accelMs2 = dt > 0 ? (this.body.speedKmh - previous) / 3.6 / (dt / 1000) : 0;
    } else {
      this.body.accelMs2 = 0;
    }
    for (const a of this.axes()) {
      if (a.current === a.target) continue;
      const stepBy = (a.rate * dt) / 1000;
      a.current =
        a.current < a.target ? Math.min(a.target, a.current + stepBy) : Math.max(a.target, a.current - stepBy);
    }
    if (this.body.sunroofMode === "open" && this.body.sunroof.current === 0 && this.body.sunroof.target === 0) {
      this.body.sunroofMode = "closed";
    }
    this.sendStatuses(now, false);
  }

  private axes(): Axis[] {
    const b = this.body;
    return [
      ...Object.values(b.seats).flatMap((s) => [s.foreAft, s.height, s.recline]),
      ...Object.values(b.windows),
      b.sunroof,
      b.sunshade,
    ];
  }

  // ---------------------------------------------------------------- commands

  private receive(frame: CanFrame, at: number): void {
    if (frame.err || frame.rtr || frame.ext) return;
    const m = this.commandsById.get(frame.id);
    if (!m) {
      this.stats_.ignored.not_command++;
      return;
    }
    if (frame.data.length < m.length) {
      this.stats_.ignored.short++;
      return;
    }
    const verdict = this.receiver.check(m.name, this.db.layout(m), frame.data, at);
    if (!verdict.ok) {
      this.stats_.ignored[verdict.reason]++;
      this.log.debug({ message: m.name, reason: verdict.reason }, "command frame ignored");
      return;
    }
    const d = decodeMessage(m, frame.data);
    this.apply(m.name, d);
    this.stats_.commandsApplied++;
    for (const l of this.commandListeners) {
      try {
        l(m.name, d);
      } catch (e) {
        this.log.error({ err: e }, "command listener failed");
      }
    }
    // Feedback goes out at once, not at the next cycle.
    this.sendStatuses(at, true);
  }

  private apply(message: string, d: Record<string, DecodedSignal>): void {
    const b = this.body;
    const i = this.instant;
    switch (message) {
      case "HU_ClimateTempCmd": {
        const unitLabel = req(d["ClimTempUnit_Req"])?.label;
        const unit = unitLabel === "celsius" || unitLabel === "fahrenheit" ? unitLabel : undefined;
        const zones: [Zone, string][] = [
          ["driver", "ClimTempDrv_Req"],
          ["passenger", "ClimTempPas_Req"],
          ["rear", "ClimTempRear_Req"],
        ];
        for (const [zone, signal] of zones) {
          const r = req(d[signal]);
          if (!r) continue;
          const u = unit ?? b.zones[zone].unit;
          const [lo, hi] = u === "celsius" ? [16, 32] : [60, 90];
          b.zones[zone] = { temperature: clamp(r.physical, lo, hi), unit: u };
        }
        return;
      }
      case "HU_ClimateCtrlCmd": {
        const fan = req(d["FanSpeed_Req"]);
        if (fan) b.fan = clamp(fan.physical, 0, 7);
        b.ac = onOff(d["AC_Req"]) ?? b.ac;
        b.recirculation = onOff(d["Recirc_Req"]) ?? b.recirculation;
        b.defrostFront = onOff(d["DefrostFront_Req"]) ?? b.defrostFront;
        b.defrostRear = onOff(d["DefrostRear_Req"]) ?? b.defrostRear;
        b.autoMode = onOff(d["AutoMode_Req"]) ?? b.autoMode;
        const mode = req(d["AirflowMode_Req"])?.label;
        if (mode === "face" || mode === "feet" || mode === "face and feet" || mode === "windshield") b.airflow = mode;
        return;
      }
      case "HU_SeatDrvCmd":
      case "HU_SeatPasCmd": {
        const [seat, p]: [FrontSeat, string] =
          message === "HU_SeatDrvCmd" ? ["driver", "SeatDrv"] : ["passenger", "SeatPas"];
        const s = b.seats[seat];
        const foreAft = req(d[`${p}ForeAft_Req`]);
        if (foreAft) setTarget(s.foreAft, foreAft.physical, i);
        const height = req(d[`${p}Height_Req`]);
        if (height) setTarget(s.height, height.physical, i);
        const recline = req(d[`${p}Recline_Req`]);
        if (recline) setTarget(s.recline, recline.physical, i);
        return;
      }
      case "HU_ComfortHeatCmd": {
        const levels: [keyof SimBody["heating"], string][] = [
          ["driver", "SeatHeatDrv_Req"],
          ["passenger", "SeatHeatPas_Req"],
          ["rear left", "SeatHeatRL_Req"],
          ["rear right", "SeatHeatRR_Req"],
        ];
        for (const [seat, signal] of levels) {
          const r = req(d[signal]);
          if (r) b.heating[seat] = clamp(r.physical, 0, 3);
        }
        const vent = req(d["SeatVentDrv_Req"]);
        if (vent) b.ventilation.driver = clamp(vent.physical, 0, 3);
        const ventPas = req(d["SeatVentPas_Req"]);
        if (ventPas) b.ventilation.passenger = clamp(ventPas.physical, 0, 3);
        b.steeringWheelHeating = onOff(d["SteerWhlHeat_Req"]) ?? b.steeringWheelHeating;
        return;
      }
      case "HU_WindowCmd": {
        const windows: [Window, string][] = [
          ["front left", "WinPosFL_Req"],
          ["front right", "WinPosFR_Req"],
          ["rear left", "WinPosRL_Req"],
          ["rear right", "WinPosRR_Req"],
        ];
        for (const [w, signal] of windows) {
          const r = req(d[signal]);
          if (r) setTarget(b.windows[w], r.physical, i);
        }
        const lock = req(d["ChildLock_Req"])?.label;
        if (lock === "engage") b.childLock = true;
        if (lock === "disengage") b.childLock = false;
        return;
      }
      case "HU_RoofCmd": {
        const action = req(d["SunroofAction_Req"])?.label;
        const amount = req(d["SunroofPos_Req"])?.physical;
        if (action === "open") {
          setTarget(b.sunroof, amount ?? 100, i);
          b.sunroofMode = b.sunroof.target > 0 ? "open" : "closed";
        } else if (action === "close") {
          setTarget(b.sunroof, 0, i);
          b.sunroofMode = "closed";
        } else if (action === "tilt") {
          // Tilting closes the sliding panel first; the opening reads 0 while tilted.
          setTarget(b.sunroof, 0, i);
          b.sunroofMode = "tilt";
        }
        const shade = req(d["Sunshade_Req"])?.label;
        if (shade === "open") setTarget(b.sunshade, 100, i);
        if (shade === "close") setTarget(b.sunshade, 0, i);
        return;
      }
      case "HU_AudioCmd": {
        const volume = req(d["Volume_Req"]);
        if (volume) b.volume = clamp(volume.physical, 0, 50);
        const mute = req(d["Mute_Req"])?.label;
        if (mute === "mute") b.mute = true;
        if (mute === "unmute") b.mute = false;
        return;
      }
    }
  }

  // ---------------------------------------------------------------- status

  private statusValues(name: string): Record<string, SignalInput> | undefined {
    const b = this.body;
    const onOffSt = (v: boolean) => (v ? "on" : "off");
    switch (name) {
      case "ESP_VehicleSpeed":
        return {
          VehicleSpeed: Math.round(b.speedKmh * 100) / 100,
          VehicleLongAccel: Math.round(clamp(b.accelMs2, -20.48, 20.47) * 100) / 100,
        };
      case "HVAC_Status":
        return {
          ClimTempDrv_St: half(b.zones.driver.temperature),
          ClimTempPas_St: half(b.zones.passenger.temperature),
          ClimTempRear_St: half(b.zones.rear.temperature),
          ClimUnitDrv_St: b.zones.driver.unit,
          ClimUnitPas_St: b.zones.passenger.unit,
          ClimUnitRear_St: b.zones.rear.unit,
          FanSpeed_St: b.fan,
          AC_St: onOffSt(b.ac),
          Recirc_St: onOffSt(b.recirculation),
          DefrostFront_St: onOffSt(b.defrostFront),
          DefrostRear_St: onOffSt(b.defrostRear),
          AutoMode_St: onOffSt(b.autoMode),
          AirflowMode_St: b.airflow,
          AmbientTemp_St: half(b.ambientC),
        };
      case "SCM_SeatDrvStatus":
      case "SCM_SeatPasStatus": {
        const [s, p] = name === "SCM_SeatDrvStatus" ? [b.seats.driver, "SeatDrv"] : [b.seats.passenger, "SeatPas"];
        return {
          [`${p}ForeAft_St`]: half(s.foreAft.current),
          [`${p}Height_St`]: half(s.height.current),
          [`${p}Recline_St`]: half(s.recline.current),
        };
      }
      case "BCM_WindowStatus":
        return {
          WinPosFL_St: Math.round(b.windows["front left"].current),
          WinPosFR_St: Math.round(b.windows["front right"].current),
          WinPosRL_St: Math.round(b.windows["rear left"].current),
          WinPosRR_St: Math.round(b.windows["rear right"].current),
          ChildLock_St: b.childLock ? "engaged" : "disengaged",
        };
      case "BCM_RoofStatus": {
        const moving = b.sunroof.current !== b.sunroof.target;
        return {
          SunroofPos_St: Math.round(b.sunroof.current),
          SunroofMode_St: moving ? "moving" : b.sunroofMode,
          SunshadePos_St: Math.round(b.sunshade.current),
        };
      }
      case "AMP_AudioStatus":
        return { Volume_St: b.volume, Mute_St: b.mute ? "muted" : "unmuted" };
      default:
        return undefined;
    }
  }

  /** Sends each status message that is due by its cycle or (with `changedOnly` or always) changed. */
  private sendStatuses(now: number, changedOnly: boolean): void {
    for (const m of this.db.statuses) {
      const values = this.statusValues(m.name);
      if (!values) continue;
      const encoded = encodeMessage(m, values);
      if (!encoded.ok) {
        this.log.error({ message: m.name, error: encoded.error.message }, "cannot encode status");
        continue;
      }
      const payload = Buffer.from(encoded.value).toString("hex");
      const last = this.lastSent.get(m.name);
      const cycle = this.db.cycleMs(m);
      const changed = !last || last.payload !== payload;
      const due = !changedOnly && (!last || (cycle > 0 && now - last.at >= cycle));
      if (!changed && !due) continue;
      // Keep the cycle's average cadence when the timer runs late by less than a cycle.
      const at = last && due && !changed && now - last.at < 2 * cycle ? last.at + cycle : now;
      const data = encoded.value;
      protect(this.db.layout(m), data, this.counters.peek(m.name));
      const r = this.transport.send({ id: m.id, data });
      if (r.ok) {
        this.counters.take(m.name);
        this.stats_.statusSent++;
        this.lastSent.set(m.name, { at, payload });
      } else {
        this.stats_.statusRefused++;
      }
    }
  }
}
