/** Where the CLI writes (injectable so tests can capture it in-process). */
export interface Output {
  stdout(text: string): void;
  stderr(text: string): void;
}

export const processOutput: Output = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

export function printJson(out: Output, value: unknown): void {
  out.stdout(`${JSON.stringify(value)}\n`);
}
