/** Process exit codes of the CLI (one place). */
export const ExitCode = {
  ok: 0,
  /** An unexpected internal failure (a bug). */
  internal: 1,
  /** The model response does not parse (decide) — the contract's "rejected, nothing actuated". */
  unparsable: 2,
  /** Bad configuration or input: vehicle profile, --state, options. */
  badConfig: 3,
  /** The model could not be loaded or run. */
  model: 4,
} as const;

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}
