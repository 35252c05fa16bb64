import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll } from "vitest";

/**
 * Temporary directories for one test file, removed when the file's tests end.
 *
 * Why: the model tests copy the 6 MB model file to corrupt it, and every run used to leave
 * those copies behind in the system's temp directory (~20 directories per run). Call at the
 * top level of a test file: it registers the file's `afterAll` cleanup, and each call of the
 * returned function makes a fresh directory under `prefix`.
 */
export function scratchDirs(prefix: string): () => string {
  const made: string[] = [];
  afterAll(() => {
    for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    made.push(dir);
    return dir;
  };
}
