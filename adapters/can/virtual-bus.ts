/**
 * A CAN bus inside the process, for the embedded demo and unit tests: every port attached to
 * it receives the frames the other ports send (like CAN without receive-own-messages), one
 * event-loop turn later, in send order. `tap` sees every frame, like candump.
 *
 * The bus can be taken down and up (`setUp`) so the "bus unavailable" paths are exercised
 * without a kernel; it never stands in for the SocketCAN tests (test/bus/vcan-uml.test.ts).
 */
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

interface Pending {
  readonly from: VirtualPort;
  readonly frame: CanFrame;
}

export interface VirtualBusOptions {
  readonly clock?: Clock;
  /** Frames in flight at most (a runaway sender gets `tx_queue_full`). */
  readonly maxPending?: number;
  /** Called when a listener throws (the bus keeps going). */
  readonly onListenerError?: (error: unknown) => void;
}

export class VirtualBus {
  private readonly ports = new Set<VirtualPort>();
  private readonly taps = new Set<(frame: CanFrame, from: string, at: number) => void>();
  private pending: Pending[] = [];
  private scheduled = false;
  private up = true;
  private downReason = "";
  readonly clock: Clock;
  readonly maxPending: number;
  private readonly onListenerError: (error: unknown) => void;

  constructor(options: VirtualBusOptions = {}) {
    this.clock = options.clock ?? monotonicMs;
    this.maxPending = options.maxPending ?? 1024;
    this.onListenerError = options.onListenerError ?? (() => {});
  }

  /** A new node on the bus. */
  attach(name = "virtual"): VirtualPort {
    const port = new VirtualPort(this, name);
    this.ports.add(port);
    return port;
  }

  /** Sees every frame with the sending port's name (for printing candump lines). */
  tap(listener: (frame: CanFrame, from: string, at: number) => void): () => void {
    this.taps.add(listener);
    return () => this.taps.delete(listener);
  }

  isUp(): boolean {
    return this.up;
  }

  downStatus(): string {
    return this.downReason;
  }

  /** Takes the bus down (frames in flight are lost, as on a real bus-off) or brings it up. */
  setUp(up: boolean, reason = up ? "up" : "virtual bus down"): void {
    if (up === this.up) return;
    this.up = up;
    this.downReason = up ? "" : reason;
    if (!up) {
      for (const p of this.pending) p.from.countDropped();
      this.pending = [];
    }
    for (const port of this.ports) port.notifyAvailability(up, reason);
  }

  /** Resolves once every frame sent so far (and frames sent in reaction to them) is delivered. */
  async idle(): Promise<void> {
    while (this.pending.length > 0 || this.scheduled) {
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }

  /** @internal */
  enqueue(from: VirtualPort, frame: CanFrame): SendResult {
    if (this.pending.length >= this.maxPending) {
      return { ok: false, code: "tx_queue_full", reason: `virtual bus: ${this.maxPending} frames already in flight` };
    }
    const copy: CanFrame = { ...frame, data: Uint8Array.from(frame.data) };
    this.pending.push({ from, frame: copy });
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.drain());
    }
    return { ok: true };
  }

  /** @internal */
  detach(port: VirtualPort): void {
    this.ports.delete(port);
  }

  private drain(): void {
    this.scheduled = false;
    const batch = this.pending;
    this.pending = [];
    for (const { from, frame } of batch) {
      const at = this.clock();
      for (const tap of this.taps) this.safely(() => tap(frame, from.name, at));
      for (const port of this.ports) if (port !== from) port.deliver(frame, at, (e) => this.onListenerError(e));
    }
  }

  private safely(fn: () => void): void {
    try {
      fn();
    } catch (e) {
      this.onListenerError(e);
    }
  }
}

export class VirtualPort implements CanTransport {
  private readonly frameListeners = new Set<FrameListener>();
  private readonly availabilityListeners = new Set<AvailabilityListener>();
  private closed = false;
  private counts = { sent: 0, received: 0, refused: 0, dropped: 0, outages: 0 };

  constructor(
    private readonly bus: VirtualBus,
    readonly name: string,
  ) {}

  available(): boolean {
    return !this.closed && this.bus.isUp();
  }

  status(): string {
    if (this.closed) return "closed";
    return this.bus.isUp() ? "up" : this.bus.downStatus();
  }

  send(frame: CanFrame): SendResult {
    let result: SendResult;
    if (this.closed) result = { ok: false, code: "closed", reason: `${this.name}: transport is closed` };
    else if (!this.bus.isUp())
      result = { ok: false, code: "bus_unavailable", reason: `${this.name}: ${this.bus.downStatus()}` };
    else result = this.bus.enqueue(this, frame);
    if (result.ok) this.counts.sent++;
    else this.counts.refused++;
    return result;
  }

  onFrame(listener: FrameListener): () => void {
    this.frameListeners.add(listener);
    return () => this.frameListeners.delete(listener);
  }

  onAvailability(listener: AvailabilityListener): () => void {
    this.availabilityListeners.add(listener);
    return () => this.availabilityListeners.delete(listener);
  }

  stats(): TransportStats {
    return { ...this.counts };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.bus.detach(this);
    this.frameListeners.clear();
    this.availabilityListeners.clear();
  }

  /** @internal */
  deliver(frame: CanFrame, at: number, onError: (e: unknown) => void): void {
    if (this.closed) return;
    this.counts.received++;
    for (const l of this.frameListeners) {
      try {
        l(frame, at);
      } catch (e) {
        onError(e);
      }
    }
  }

  /** @internal */
  notifyAvailability(up: boolean, reason: string): void {
    if (!up) this.counts.outages++;
    for (const l of this.availabilityListeners) {
      try {
        l(up, reason);
      } catch {
        // An availability listener's bug must not stop the others.
      }
    }
  }

  /** @internal */
  countDropped(): void {
    this.counts.dropped++;
  }
}
