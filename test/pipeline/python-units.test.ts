/**
 * The model pipeline's own unit tests (Python, Debian's python3-torch): the GGUF writer, the
 * tokenizer (user text can never form a functional token), the model (KV-cache decoding,
 * dropout only in training) and the data encoding. They need no trained model and run in
 * under a second; here they run with the rest of the suite so CI sees them.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
// Debian's interpreter: torch is installed for it, not for another python3 on PATH.
const PYTHON = "/usr/bin/python3";

describe("model pipeline (Python unittest)", () => {
  it("passes every test under models/vehicle-v1/pipeline/tests", () => {
    expect(existsSync(PYTHON), `${PYTHON} missing: run bash .ci/install.sh`).toBe(true);
    const r = spawnSync(PYTHON, ["-m", "unittest", "discover", "-s", "models/vehicle-v1/pipeline/tests"], {
      cwd: root,
      encoding: "utf8",
      timeout: 120_000,
      env: { ...process.env, OPENBLAS_NUM_THREADS: "1" },
    });
    const report = `${r.stdout}\n${r.stderr}`;
    expect(r.status, report).toBe(0);
    // unittest prints "Ran N tests"; an empty discovery would also exit 0.
    const ran = Number(/Ran (\d+) tests?/.exec(report)?.[1] ?? 0);
    expect(ran, report).toBeGreaterThanOrEqual(25);
  });
});
