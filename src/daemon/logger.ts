/** The daemon's pino logger: JSON lines on stderr, so stdout stays for what is actuated. */
import { type Logger, pino } from "pino";

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export function createLogger(level: LogLevel = "info"): Logger {
  return pino({ name: "octopus-agent", level, base: { pid: process.pid } }, pino.destination({ fd: 2, sync: true }));
}
