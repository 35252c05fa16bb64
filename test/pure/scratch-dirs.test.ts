import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { scratchDirs } from "../scratch-dirs.js";

/** The tests' temporary directories are removed when their scope's tests end. */
const made: string[] = [];

describe("inside the scope", () => {
  const dir = scratchDirs("octopus-scratch-test-");
  it("makes a fresh directory per call", () => {
    const a = dir();
    const b = dir();
    expect(a).not.toBe(b);
    writeFileSync(join(a, "model.gguf"), "bytes");
    made.push(a, b);
    expect(made.every(existsSync)).toBe(true);
  });
});

describe("after the scope", () => {
  it("has removed every directory it made, with its files", () => {
    expect(made).toHaveLength(2);
    expect(made.filter(existsSync)).toEqual([]);
  });
});
