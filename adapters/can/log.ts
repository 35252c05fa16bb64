/**
 * The CAN adapters' default logger: pino on stderr (stdout belongs to the CLI's JSON output).
 * The daemon passes its own logger; this default keeps "interface missing" visible when a
 * caller forgot to.
 */
import { type Logger, pino } from "pino";

export type { Logger };

export function defaultCanLogger(): Logger {
  return pino({ name: "can", level: process.env["LOG_LEVEL"] ?? "info" }, pino.destination({ fd: 2, sync: true }));
}
