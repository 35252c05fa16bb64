/**
 * SocketCAN through the npm `socketcan` package (4.0.7 on Node 20): one raw channel on a
 * configured interface (vcan0, can0).
 *
 * Life cycle: the transport checks the interface in sysfs (exists, IFF_UP), opens a raw
 * channel and is `available`. When the interface goes down or disappears (the kernel wakes the
 * channel with POLLERR, and a 1 s sysfs check backs that up), the transport logs it, drops
 * its queued frames (a late actuation is worse than none), reports unavailable and retries
 * with exponential backoff until the interface is back. The daemon never exits over a bus.
 *
 * Sending uses MSG_DONTWAIT: a bus without a listening node (no ACK) fills the kernel queue
 * and a blocking send would freeze the event loop. Frames the kernel refuses wait in a small
 * queue, bounded in length (`tx_queue_full`) and in age (dropped and counted).
 *
 * Native callbacks never throw back into the addon: socketcan turns a listener's exception
 * into a fatal process error.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { defaultCanLogger, type Logger } from "./log.js";
import {
  type AvailabilityListener,
  type CanFrame,
  type CanTransport,
  type Clock,
  type FrameListener,
  monotonicMs,
  type SendResult,
  type TransportStats,
} from "./transport.js";

/** The part of socketcan's RawChannel this transport uses. */
export interface RawChannelLike {
  addListener(event: "onMessage" | "onStopped", callback: (...args: never[]) => void): void;
  start(): void;
  stop(): void;
  send(message: { id: number; ext?: boolean; rtr?: boolean; data: Buffer }): number;
}

export interface SocketcanModuleLike {
  createRawChannelWithOptions(
    iface: string,
    options: { timestamps?: boolean; non_block_send?: boolean; protocol?: number },
  ): RawChannelLike;
}

interface NativeMessage {
  id: number;
  ext?: boolean;
  rtr?: boolean;
  err?: boolean;
  data: Buffer;
}

export interface SocketCanOptions {
  /** Interface name, e.g. "vcan0" or "can0". */
  readonly interface: string;
  readonly logger?: Logger;
  readonly clock?: Clock;
  /** Frames waiting for the kernel at most (default 32). */
  readonly txQueueLimit?: number;
  /** A queued frame older than this is dropped, not sent late (default 250 ms). */
  readonly txMaxAgeMs?: number;
  /** Reconnect backoff: first delay, doubled per failure up to the maximum (default 200..5000 ms). */
  readonly backoffInitialMs?: number;
  readonly backoffMaxMs?: number;
  /** How often sysfs is checked while up (default 1000 ms). */
  readonly healthCheckMs?: number;
  /** Where interfaces are listed (default /sys/class/net). */
  readonly sysfsNetDir?: string;
  /** The socketcan module (default: require("socketcan")); tests may pass another. */
  readonly socketcan?: () => SocketcanModuleLike;
}

type LinkState = { readonly up: true } | { readonly up: false; readonly reason: string };

const IFF_UP = 0x1;

function loadSocketcan(): SocketcanModuleLike {
  const require = createRequire(import.meta.url);
  return require("socketcan") as SocketcanModuleLike;
}

export class SocketCanTransport implements CanTransport {
  readonly name: string;
  private readonly log: Logger;
  private readonly clock: Clock;
  private readonly txQueueLimit: number;
  private readonly txMaxAgeMs: number;
  private readonly backoffInitialMs: number;
  private readonly backoffMaxMs: number;
  private readonly healthCheckMs: number;
  private readonly sysfsNetDir: string;
  private readonly socketcan: () => SocketcanModuleLike;

  private channel: RawChannelLike | undefined;
  private up = false;
  private closed = false;
  private reason = "not connected yet";
  private failures = 0;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private healthTimer: NodeJS.Timeout | undefined;
  private flushTimer: NodeJS.Timeout | undefined;
  private queue: { frame: CanFrame; at: number }[] = [];
  private readonly frameListeners = new Set<FrameListener>();
  private readonly availabilityListeners = new Set<AvailabilityListener>();
  private counts = { sent: 0, received: 0, refused: 0, dropped: 0, outages: 0 };

  constructor(options: SocketCanOptions) {
    this.name = options.interface;
    this.log = (options.logger ?? defaultCanLogger()).child({ interface: options.interface });
    this.clock = options.clock ?? monotonicMs;
    this.txQueueLimit = options.txQueueLimit ?? 32;
    this.txMaxAgeMs = options.txMaxAgeMs ?? 250;
    this.backoffInitialMs = options.backoffInitialMs ?? 200;
    this.backoffMaxMs = options.backoffMaxMs ?? 5000;
    this.healthCheckMs = options.healthCheckMs ?? 1000;
    this.sysfsNetDir = options.sysfsNetDir ?? "/sys/class/net";
    this.socketcan = options.socketcan ?? loadSocketcan;
    if (!/^[A-Za-z0-9_.:-]{1,15}$/.test(this.name)) {
      // An interface name longer than IFNAMSIZ-1 or with a slash can never exist.
      this.reason = `"${this.name}" is not a valid interface name`;
      this.log.error({ reason: this.reason }, "CAN interface name invalid; bus stays unavailable");
      return;
    }
    this.connect();
  }

  available(): boolean {
    return this.up && !this.closed && this.channel !== undefined;
  }

  status(): string {
    if (this.closed) return "closed";
    return this.up ? "up" : this.reason;
  }

  stats(): TransportStats {
    return { ...this.counts };
  }

  onFrame(listener: FrameListener): () => void {
    this.frameListeners.add(listener);
    return () => this.frameListeners.delete(listener);
  }

  onAvailability(listener: AvailabilityListener): () => void {
    this.availabilityListeners.add(listener);
    return () => this.availabilityListeners.delete(listener);
  }

  send(frame: CanFrame): SendResult {
    if (this.closed) return this.refuse("closed", `${this.name}: transport is closed`);
    if (!this.up) return this.refuse("bus_unavailable", `${this.name}: ${this.reason}`);
    if (this.queue.length >= this.txQueueLimit) {
      return this.refuse("tx_queue_full", `${this.name}: ${this.txQueueLimit} frames are waiting for the kernel`);
    }
    this.queue.push({ frame, at: this.clock() });
    this.flush();
    return { ok: true };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.up = false;
    this.reason = "closed";
    for (const t of [this.reconnectTimer, this.healthTimer, this.flushTimer]) if (t) clearTimeout(t);
    this.reconnectTimer = this.healthTimer = this.flushTimer = undefined;
    this.queue = [];
    this.stopChannel();
    this.frameListeners.clear();
    this.availabilityListeners.clear();
  }

  // ---------------------------------------------------------------- connection

  /** The interface's state from sysfs: missing, down or up. */
  linkState(): LinkState {
    let flagsText: string;
    try {
      flagsText = readFileSync(`${this.sysfsNetDir}/${this.name}/flags`, "utf8");
    } catch {
      return { up: false, reason: `interface ${this.name} does not exist` };
    }
    const flags = Number.parseInt(flagsText.trim(), 16);
    if (!Number.isFinite(flags) || (flags & IFF_UP) === 0)
      return { up: false, reason: `interface ${this.name} is down` };
    return { up: true };
  }

  private connect(): void {
    this.reconnectTimer = undefined;
    if (this.closed) return;
    const link = this.linkState();
    if (!link.up) {
      this.failed(link.reason);
      return;
    }
    let addon: SocketcanModuleLike;
    try {
      addon = this.socketcan();
    } catch (e) {
      // No native build (npm ran without install scripts, or no compiler): retried like an
      // absent interface, so fixing the install and restarting is all it takes.
      this.failed(
        `the socketcan native addon cannot be loaded: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}`,
      );
      return;
    }
    let channel: RawChannelLike;
    try {
      channel = addon.createRawChannelWithOptions(this.name, { timestamps: false, non_block_send: true });
      channel.addListener("onMessage", ((msg: NativeMessage) => this.receive(channel, msg)) as (
        ...args: never[]
      ) => void);
      channel.addListener("onStopped", (() => this.stopped(channel)) as (...args: never[]) => void);
      channel.start();
    } catch (e) {
      this.failed(`cannot open a raw CAN socket on ${this.name}: ${e instanceof Error ? e.message : String(e)}`);
      return;
    }
    this.channel = channel;
    this.up = true;
    this.failures = 0;
    this.reason = "up";
    this.log.info("CAN bus available");
    this.healthTimer = setInterval(() => this.checkHealth(), this.healthCheckMs);
    this.healthTimer.unref();
    this.notify(true, "up");
  }

  private failed(reason: string): void {
    const changed = reason !== this.reason;
    this.reason = reason;
    const delay = Math.min(this.backoffMaxMs, this.backoffInitialMs * 2 ** Math.min(this.failures, 20));
    this.failures++;
    // One warning per distinct reason; the retries themselves are debug noise.
    if (changed) this.log.warn({ reason, retryInMs: delay }, "CAN bus unavailable; retrying");
    else this.log.debug({ reason, retryInMs: delay }, "CAN bus still unavailable");
    this.reconnectTimer = setTimeout(() => this.connect(), delay);
  }

  private wentDown(reason: string): void {
    if (!this.up || this.closed) return;
    this.up = false;
    this.counts.outages++;
    if (this.healthTimer) clearInterval(this.healthTimer);
    this.healthTimer = undefined;
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    if (this.queue.length > 0) {
      this.counts.dropped += this.queue.length;
      this.log.warn({ dropped: this.queue.length }, "dropping queued CAN frames: the bus went down");
      this.queue = [];
    }
    this.stopChannel();
    this.failures = 0;
    this.notify(false, reason);
    this.failed(reason);
  }

  private stopChannel(): void {
    const channel = this.channel;
    this.channel = undefined;
    if (!channel) return;
    try {
      channel.stop();
    } catch {
      // Already stopped by the addon itself (POLLERR on a downed interface).
    }
  }

  private stopped(channel: RawChannelLike): void {
    // Runs inside the addon's own stop handling: calling channel.stop() from here re-enters it
    // and unrefs the channel twice (a native assertion kills the process). The addon has
    // already stopped this channel, so forget it and handle the outage on the next turn.
    if (channel !== this.channel || this.closed) return;
    this.channel = undefined;
    setImmediate(() => {
      try {
        const link = this.linkState();
        this.wentDown(link.up ? `raw channel on ${this.name} stopped` : link.reason);
      } catch (e) {
        this.log.error({ err: e }, "error handling a stopped CAN channel");
      }
    });
  }

  private checkHealth(): void {
    const link = this.linkState();
    if (!link.up) this.wentDown(link.reason);
  }

  private notify(available: boolean, reason: string): void {
    for (const l of this.availabilityListeners) {
      try {
        l(available, reason);
      } catch (e) {
        this.log.error({ err: e }, "CAN availability listener failed");
      }
    }
  }

  // ---------------------------------------------------------------- frames

  private receive(channel: RawChannelLike, msg: NativeMessage): void {
    try {
      if (channel !== this.channel || this.closed) return;
      const at = this.clock();
      this.counts.received++;
      const frame: CanFrame = {
        id: msg.id,
        data: new Uint8Array(msg.data.buffer, msg.data.byteOffset, msg.data.byteLength),
        ...(msg.ext ? { ext: true } : {}),
        ...(msg.rtr ? { rtr: true } : {}),
        ...(msg.err ? { err: true } : {}),
      };
      for (const l of this.frameListeners) {
        try {
          l(frame, at);
        } catch (e) {
          this.log.error({ err: e }, "CAN frame listener failed");
        }
      }
    } catch (e) {
      this.log.error({ err: e }, "error receiving a CAN frame");
    }
  }

  private flush(): void {
    this.flushTimer = undefined;
    const channel = this.channel;
    if (!channel || !this.up) return;
    const now = this.clock();
    while (this.queue.length > 0) {
      const head = this.queue[0]!;
      if (now - head.at > this.txMaxAgeMs) {
        this.queue.shift();
        this.counts.dropped++;
        this.log.warn(
          { id: head.frame.id, ageMs: Math.round(now - head.at) },
          "dropping a CAN frame the kernel did not take in time",
        );
        continue;
      }
      let written: number;
      try {
        written = channel.send({
          id: head.frame.id,
          data: Buffer.from(head.frame.data),
          ...(head.frame.ext ? { ext: true } : {}),
          ...(head.frame.rtr ? { rtr: true } : {}),
        });
      } catch (e) {
        this.wentDown(`send on ${this.name} failed: ${e instanceof Error ? e.message : String(e)}`);
        return;
      }
      if (written < 0) {
        // Kernel queue full (ENOBUFS/EAGAIN) or the link is going down: retry shortly.
        this.flushTimer = setTimeout(() => this.flush(), 5);
        return;
      }
      this.queue.shift();
      this.counts.sent++;
    }
  }

  private refuse(code: "bus_unavailable" | "tx_queue_full" | "closed", reason: string): SendResult {
    this.counts.refused++;
    return { ok: false, code, reason };
  }
}
