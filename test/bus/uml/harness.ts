/**
 * Runs a TypeScript test program inside a User-Mode-Linux guest with vcan0 up: the host
 * kernel has no CAN, Debian's `linux.uml` (package user-mode-linux) has CAN, CAN_RAW and
 * vcan as modules. The guest boots with the host's / as its root (hostfs), so the program
 * runs with the host's node and the repository as they are.
 *
 * The program is bundled on the host first (esbuild, one .mjs next to node_modules): loading
 * dozens of TypeScript files through tsx over hostfs costs the slow guest tens of seconds.
 * It gets a scratch directory as argv[2] and the repository as argv[3], writes `results.json`
 * in the scratch directory; the guest's init writes the program's exit code to `exit-code`
 * and powers off. The harness always
 * returns (timeout -> kill the whole UML process group) and removes its scratch directory
 * unless asked to keep it.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statfsSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

export const UML_KERNEL = "/usr/bin/linux.uml";
const INIT = fileURLToPath(new URL("./init.sh", import.meta.url));
const REPO = fileURLToPath(new URL("../../../", import.meta.url));

export interface UmlRun {
  /** Exit code of the program inside (undefined: it never finished). */
  readonly exitCode: number | undefined;
  /** The program's results.json, if it wrote one. */
  readonly results: unknown;
  readonly timedOut: boolean;
  /** Wall time from starting the kernel to its exit, ms. */
  readonly durationMs: number;
  /** Guest init log, program stdout/stderr and kernel console (tail), for failure messages. */
  readonly logs: { readonly init: string; readonly out: string; readonly err: string; readonly console: string };
}

export interface UmlOptions {
  /** Absolute path of the TypeScript program to run inside. */
  readonly program: string;
  readonly timeoutMs?: number;
  /** Guest memory (default 1536M). */
  readonly mem?: string;
  readonly keepDir?: boolean;
}

export function umlMissing(): string | undefined {
  if (!existsSync(UML_KERNEL)) return `${UML_KERNEL} not found (install user-mode-linux, see .ci/install-can.sh)`;
  return undefined;
}

/** UML backs guest memory with a file in TMPDIR: /dev/shm when it is large enough, else disk. */
function memoryDir(): string {
  try {
    const s = statfsSync("/dev/shm");
    if (s.bavail * s.bsize > 2 * 1024 ** 3) return "/dev/shm";
  } catch {
    // no /dev/shm
  }
  return tmpdir();
}

function read(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return "";
  }
}

function killGroup(child: ChildProcess): void {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  try {
    process.kill(-child.pid, "SIGKILL");
  } catch {
    // already gone
  }
}

/**
 * Bundles the program with its npm dependencies (every file read costs the guest dearly)
 * except native addons (socketcan; node-llama-cpp for a future model-in-the-loop scenario),
 * which load at run time from node_modules; the bundle lives under node_modules so they resolve.
 */
async function bundle(program: string): Promise<string> {
  const outDir = join(REPO, "node_modules", ".cache", "octopus-uml");
  mkdirSync(outDir, { recursive: true });
  const outfile = join(outDir, `${basename(program, ".ts")}-${process.pid}-${Date.now()}.mjs`);
  await build({
    entryPoints: [program],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    // Native addons find their binaries relative to their own files: keep them in node_modules.
    external: ["socketcan", "node-llama-cpp", "@node-llama-cpp/*"],
    // CommonJS dependencies (pino) call require(); an ESM bundle needs one.
    banner: {
      js: 'import { createRequire as __octoRequire } from "node:module"; const require = __octoRequire(import.meta.url);',
    },
    sourcemap: "inline",
    logLevel: "error",
  });
  return outfile;
}

export async function runInUml(options: UmlOptions): Promise<UmlRun> {
  const dir = mkdtempSync(join(tmpdir(), "octopus-uml-"));
  const init = join(dir, "init.sh");
  copyFileSync(INIT, init);
  chmodSync(init, 0o755);
  const program = await bundle(options.program);
  const args = [
    `mem=${options.mem ?? "1536M"}`,
    "rootfstype=hostfs",
    "rootflags=/",
    "rw",
    `init=${init}`,
    "con=null",
    "con0=null,fd:1",
    "ssl=null",
    "quiet",
    `OCTO_DIR=${dir}`,
    `OCTO_NODE=${process.execPath}`,
    `OCTO_REPO=${REPO}`,
    `OCTO_PROGRAM=${program}`,
  ];
  const started = performance.now();
  // Own process group: UML forks helper processes, and a timeout must take all of them down.
  const child = spawn(UML_KERNEL, args, {
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, TMPDIR: memoryDir() },
  });
  let kernelLog = "";
  const keep = (chunk: Buffer) => {
    kernelLog = (kernelLog + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    killGroup(child);
  }, options.timeoutMs ?? 180_000);
  const onExit = () => killGroup(child);
  process.once("exit", onExit);
  try {
    await new Promise<void>((resolve) => {
      child.once("exit", () => resolve());
      child.once("error", (e) => {
        keep(Buffer.from(`spawn failed: ${e.message}\n`));
        resolve();
      });
    });
  } finally {
    clearTimeout(timer);
    killGroup(child);
    process.removeListener("exit", onExit);
  }
  const durationMs = performance.now() - started;
  const code = read(join(dir, "exit-code")).trim();
  let results: unknown;
  try {
    results = JSON.parse(read(join(dir, "results.json")));
  } catch {
    results = undefined;
  }
  const run: UmlRun = {
    exitCode: code === "" ? undefined : Number(code),
    results,
    timedOut,
    durationMs,
    logs: {
      init: read(join(dir, "init.log")),
      out: read(join(dir, "program.out")).slice(-20_000),
      err: read(join(dir, "program.err")).slice(-20_000),
      console: kernelLog,
    },
  };
  rmSync(program, { force: true });
  if (!options.keepDir) rmSync(dir, { recursive: true, force: true });
  return run;
}
