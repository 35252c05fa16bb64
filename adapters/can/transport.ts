/**
 * One interface for every way frames leave and enter the process: SocketCAN (vcan0, can0)
 * and the in-process virtual bus of the embedded demo. The actuator, the status receiver and
 * the ECU simulator only see this.
 *
 * Sending never blocks and never queues blindly: when the bus is unavailable `send` says so
 * at once (the caller rejects the call with `bus_unavailable`), and the transmit queue that
 * rides out short bursts is bounded in length and in age.
 */

export interface CanFrame {
  readonly id: number;
  readonly data: Uint8Array;
  /** 29-bit identifier. */
  readonly ext?: boolean;
  /** Remote transmission request. */
  readonly rtr?: boolean;
  /** Error frame reported by the controller. */
  readonly err?: boolean;
}

export type SendFailure = "bus_unavailable" | "tx_queue_full" | "closed";

export type SendResult =
  | { readonly ok: true }
  | { readonly ok: false; readonly code: SendFailure; readonly reason: string };

export interface TransportStats {
  readonly sent: number;
  readonly received: number;
  /** Frames refused by `send` (unavailable, queue full, closed). */
  readonly refused: number;
  /** Queued frames dropped because they got too old or the bus went down. */
  readonly dropped: number;
  /** How many times the transport became unavailable. */
  readonly outages: number;
}

export type FrameListener = (frame: CanFrame, receivedAt: number) => void;
export type AvailabilityListener = (available: boolean, reason: string) => void;

export interface CanTransport {
  /** Interface name for logs: "vcan0", "can0", "virtual". */
  readonly name: string;
  /** Whether a frame handed to `send` now will go out. */
  available(): boolean;
  /** Why the bus is unavailable (or "up"). */
  status(): string;
  send(frame: CanFrame): SendResult;
  /** Frames from other nodes; `receivedAt` is on the transport's clock (monotonic ms). */
  onFrame(listener: FrameListener): () => void;
  onAvailability(listener: AvailabilityListener): () => void;
  stats(): TransportStats;
  /** Stops everything; safe to call more than once. */
  close(): Promise<void>;
}

/** A monotonic millisecond clock (wall-clock steps must not make stale data look fresh). */
export type Clock = () => number;

export const monotonicMs: Clock = () => performance.now();
