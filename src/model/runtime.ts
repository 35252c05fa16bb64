/**
 * The model runtime: loads the shipped GGUF with node-llama-cpp on CPU and turns one
 * normalized transcript into the model's raw response text (up to and including
 * `<nexa_end>`).
 *
 * Start-up does the expensive work once: checksum and metadata checks, loading the
 * weights, creating one context sequence and evaluating the fixed prompt prefix. Each
 * request then only erases what came after the prefix, evaluates the query tokens and
 * decodes greedily until `<nexa_end>`, a token bound or a time bound.
 *
 * Requests are serialized (one sequence, one KV cache); callers may fire them
 * concurrently.
 */
import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import os from "node:os";
import {
  GgmlType,
  type GgufTensorInfo,
  getLlama,
  type Llama,
  type LlamaContext,
  type LlamaContextSequence,
  LlamaLogLevel,
  type LlamaModel,
  readGgufFileInfo,
  type Token,
  TokenBias,
} from "node-llama-cpp";
import { registry as defaultRegistry, type Registry } from "../registry/index.js";
import { numbersIn } from "../safety/grounding.js";
import { FN_BASE, ResponseConstraint } from "./constraint.js";
import { type ModelError, modelError } from "./errors.js";
import { DIGITS, digitRule } from "./number-guard.js";

/** KV context of the one sequence: the prompt (prefix + transcript) plus the generated response. */
const CONTEXT_TOKENS = 512;
export const FUNCTION_SET_HASH_KEY = "octopus.function_set_hash";

export interface ModelRuntimeOptions {
  readonly modelPath: string;
  /** Decoding threads; default max(1, cores - 1) (on 2 cores more threads were ~10x slower). */
  readonly threads?: number;
  /** Upper bound of generated tokens per request (a response is ~10-40 tokens). */
  readonly maxTokens?: number;
  /** Upper bound of wall time per request. */
  readonly timeoutMs?: number;
  /** Check the file against `<modelPath>.sha256` when that file exists (default true). */
  readonly verifyChecksum?: boolean;
  /**
   * Constrain decoding to the registry's canonical response language (constraint.ts):
   * only registered functional tokens, exact enum values, in-range integers, and the end
   * token only after a complete call.
   */
  readonly constrained?: boolean;
  /**
   * Limit the digits of numeric arguments to numbers the transcript says and the §3
   * defaults (number-guard.ts): the gate's grounding rule applied while decoding. Off by
   * default, by measurement: with the shipped model it changes nothing on the natural dev
   * sets, and on the held-out split it fixed 1 answer and turned 17 calls the gate refused
   * (ungrounded) into grounded wrong ones ("aerate my seat to 1": seat down 10 mm, refused,
   * became seat down 1 mm, accepted). An ungrounded number is the gate's sign of a confused
   * model; the guard hides it. Ignored with `constrained`, whose bias takes the token.
   */
  readonly groundNumbers?: boolean;
  readonly registry?: Registry;
}

export interface Completion {
  /** Raw model text up to and including `<nexa_end>`. */
  readonly response: string;
  readonly promptTokens: number;
  readonly generatedTokens: number;
  readonly latencyMs: number;
}

export type Result<T, E> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

export interface ModelInfo {
  readonly path: string;
  readonly sizeBytes: number;
  readonly functionSetHash: string;
  readonly parameters?: number;
  readonly loadMs: number;
  readonly threads: number;
  readonly prefixTokens: number;
}

export class ModelRuntime {
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;

  private constructor(
    private readonly llama: Llama,
    private readonly model: LlamaModel,
    private readonly context: LlamaContext,
    private readonly sequence: LlamaContextSequence,
    private readonly endToken: Token,
    private readonly guide: DecodingGuide | undefined,
    private readonly numberGuard: NumberGuard | undefined,
    private readonly options: Required<Pick<ModelRuntimeOptions, "maxTokens" | "timeoutMs">>,
    private readonly reg: Registry,
    readonly info: ModelInfo,
  ) {}

  /** Loads and checks a model. Never throws: every failure is a ModelError. */
  static async load(options: ModelRuntimeOptions): Promise<Result<ModelRuntime, ModelError>> {
    const started = performance.now();
    const reg = options.registry ?? defaultRegistry;
    const path = options.modelPath;
    const checked = await checkModelFile(path, reg, options.verifyChecksum ?? true);
    if (!checked.ok) return checked;

    let llama: Llama;
    try {
      llama = await getLlama({ gpu: false, build: "never", logLevel: LlamaLogLevel.error, progressLogs: false });
    } catch (e) {
      return fail("runtime_unavailable", `node-llama-cpp CPU runtime could not be loaded: ${errorText(e)}`, { path });
    }
    const threads = options.threads ?? Math.max(1, os.availableParallelism() - 1);
    let model: LlamaModel | undefined;
    try {
      model = await llama.loadModel({ modelPath: path, gpuLayers: 0, useMmap: true });
      const context = await model.createContext({
        contextSize: CONTEXT_TOKENS,
        sequences: 1,
        threads,
        batchSize: CONTEXT_TOKENS,
      });
      const sequence = context.getSequence();
      const endToken = model.tokenize(reg.endToken, true)[0];
      if (endToken === undefined || model.tokens.eos !== endToken)
        throw new Error(`${reg.endToken} is not the model's end-of-sequence token`);
      const prefixTokens = promptPrefixTokens(model, reg);
      await sequence.evaluateWithoutGeneratingNewTokens([...prefixTokens]);
      const guide = options.constrained ? decodingGuide(model, reg, endToken) : undefined;
      let numberGuard: NumberGuard | undefined;
      if (options.groundNumbers === true && !guide) {
        try {
          numberGuard = new NumberGuard(model, reg);
        } catch (e) {
          await model.dispose().catch(() => undefined);
          return fail("model_corrupt", `model ${path} cannot be number-guarded: ${errorText(e)}`, { path });
        }
      }
      const info: ModelInfo = {
        path,
        sizeBytes: checked.value.sizeBytes,
        functionSetHash: checked.value.hash,
        loadMs: performance.now() - started,
        threads,
        prefixTokens: prefixTokens.length,
      };
      return {
        ok: true,
        value: new ModelRuntime(
          llama,
          model,
          context,
          sequence,
          endToken,
          guide,
          numberGuard,
          { maxTokens: options.maxTokens ?? 64, timeoutMs: options.timeoutMs ?? 2000 },
          reg,
          info,
        ),
      };
    } catch (e) {
      await model?.dispose().catch(() => undefined);
      return fail("model_corrupt", `llama.cpp could not load ${path}: ${errorText(e)}`, { path });
    }
  }

  /**
   * Model text for one normalized transcript. Serialized; never throws. `spokenNumbers`
   * are the numbers the number guard grounds on (default: the numbers in `input`).
   */
  complete(input: string, spokenNumbers?: ReadonlySet<number>): Promise<Result<Completion, ModelError>> {
    const run = this.queue.then(() => this.completeNow(input, spokenNumbers ?? numbersIn(input)));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async completeNow(input: string, spoken: ReadonlySet<number>): Promise<Result<Completion, ModelError>> {
    if (this.closed) return fail("closed", "the model runtime is closed");
    const started = performance.now();
    const promptTokens = promptTokensFor(this.model, this.reg, input);
    // A 300-character transcript of non-Latin letters is up to ~1,200 byte-fallback tokens:
    // refuse it here, with the numbers, rather than let llama.cpp fail on a full context.
    if (promptTokens.length + this.options.maxTokens > CONTEXT_TOKENS) {
      return fail(
        "input_rejected",
        `the prompt is ${promptTokens.length} tokens; at most ${CONTEXT_TOKENS - this.options.maxTokens} fit the ${CONTEXT_TOKENS}-token context with room for ${this.options.maxTokens} generated tokens`,
      );
    }
    const out: Token[] = [];
    try {
      // Keep what the KV cache already holds of this prompt (at least the fixed prefix) and
      // evaluate only the rest; the last prompt token is always evaluated so the model has
      // logits to decode from.
      const { firstDifferentIndex } = this.sequence.compareContextTokens(promptTokens);
      const keep = Math.min(firstDifferentIndex, promptTokens.length - 1);
      const next = this.sequence.nextTokenIndex;
      if (next > keep) await this.sequence.eraseContextTokenRanges([{ start: keep, end: next }]);
      const queryTokens = promptTokens.slice(keep);
      let guided = "";
      let written = "";
      const deadline = started + this.options.timeoutMs;
      const guide = this.guide;
      const numberGuard = this.numberGuard;
      const tokenBias = guide
        ? () => guide.bias(guided)
        : numberGuard
          ? () => numberGuard.bias(written, spoken)
          : undefined;
      const iterator = this.sequence.evaluate(queryTokens, {
        temperature: 0,
        // The end token is part of the response text the contract defines.
        yieldEogToken: true,
        ...(tokenBias ? { tokenBias } : {}),
      });
      for await (const token of iterator) {
        out.push(token);
        if (guide) guided += guide.pieces[token] ?? "";
        if (numberGuard) written += numberGuard.pieces[token] ?? "";
        if (token === this.endToken) break;
        if (this.model.isEogToken(token)) {
          return fail("generation_failed", `the model ended with token ${token} instead of ${this.reg.endToken}`, {
            partialOutput: this.detokenize(out),
          });
        }
        if (out.length >= this.options.maxTokens) {
          return fail("generation_overflow", `no ${this.reg.endToken} within ${this.options.maxTokens} tokens`, {
            partialOutput: this.detokenize(out),
          });
        }
        if (performance.now() > deadline) {
          return fail("generation_timeout", `no ${this.reg.endToken} within ${this.options.timeoutMs} ms`, {
            partialOutput: this.detokenize(out),
          });
        }
      }
      if (out[out.length - 1] !== this.endToken) {
        return fail("generation_failed", `generation stopped before ${this.reg.endToken}`, {
          partialOutput: this.detokenize(out),
        });
      }
    } catch (e) {
      return fail("generation_failed", `llama.cpp failed while generating: ${errorText(e)}`, {
        partialOutput: this.detokenize(out),
      });
    }
    return {
      ok: true,
      value: {
        response: this.detokenize(out),
        promptTokens: promptTokens.length,
        generatedTokens: out.length,
        latencyMs: performance.now() - started,
      },
    };
  }

  private detokenize(tokens: readonly Token[]): string {
    return this.model.detokenize(tokens, true);
  }

  /** Idempotent: frees the context, the weights and the runtime. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.queue.catch(() => undefined);
    await this.context.dispose().catch(() => undefined);
    await this.model.dispose().catch(() => undefined);
    await this.llama.dispose().catch(() => undefined);
  }
}

/**
 * The prompt as the trainer tokenizes it (models/vehicle-v1/pipeline/data.py): prefix +
 * input + suffix as ONE text, with BOS only if the model asks for it. User text is
 * tokenized WITHOUT special-token parsing, so the characters `<nexa_3>` in a transcript
 * stay text and can never become a function token.
 */
export function promptTokensFor(model: LlamaModel, reg: Registry, input: string): Token[] {
  return [...bosTokens(model), ...model.tokenize(reg.prompt(input), false)];
}

/** The tokens of the fixed prefix, evaluated once at start-up (their KV state is reused). */
export function promptPrefixTokens(model: LlamaModel, reg: Registry): Token[] {
  // Tokenize a prompt and keep the part that every prompt shares: tokens up to the end of
  // the prefix text, so a boundary-spanning piece is never cached as if it were fixed.
  const a = promptTokensFor(model, reg, "a");
  const b = promptTokensFor(model, reg, "z");
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return a.slice(0, n);
}

function bosTokens(model: LlamaModel): Token[] {
  return model.tokens.shouldPrependBosToken && model.tokens.bos !== null ? [model.tokens.bos] : [];
}

/** Per-token texts for the response constraint, and the per-step bias it implies. */
interface DecodingGuide {
  /** Constraint text of each token; null = never allowed (control tokens, EOS handled apart). */
  readonly pieces: readonly (string | null)[];
  bias(generated: string): TokenBias;
}

/** One entry per vocabulary id: the token's text as it reads inside a response, and whether it is a control token. */
interface VocabularyPiece {
  readonly text: string;
  readonly special: boolean;
}

/**
 * The whole vocabulary as response text: control tokens as their own text (`<nexa_3>`),
 * ordinary pieces detokenized after an anchor so a leading "▁" reads as the space it is.
 */
function vocabularyPieces(model: LlamaModel): VocabularyPiece[] {
  const metadata = model.fileInfo.metadata as unknown as { tokenizer?: { ggml?: { tokens?: unknown[] } } };
  const vocabSize = metadata.tokenizer?.ggml?.tokens?.length ?? 0;
  if (vocabSize === 0) throw new Error("the model's vocabulary is not readable from its metadata");
  const anchor = model.tokenize("a", false);
  const out: VocabularyPiece[] = [];
  for (let id = 0; id < vocabSize; id++) {
    const token = id as Token;
    const special = model.isSpecialToken(token);
    out.push({ text: special ? model.detokenize([token], true) : model.detokenize([token], false, anchor), special });
  }
  return out;
}

function decodingGuide(model: LlamaModel, reg: Registry, endToken: Token): DecodingGuide {
  const constraint = new ResponseConstraint(reg);
  const pieces = vocabularyPieces(model).map(({ text, special }, id): string | null => {
    if (id === endToken) return null;
    if (!special) return text;
    const fn = reg.byToken(text);
    return fn ? String.fromCharCode(FN_BASE + fn.token) : null;
  });
  // Tokens grouped by their first character: a step tests each possible next character
  // once and only the tokens whose first character can follow are checked in full.
  const byFirstChar = new Map<string, number[]>();
  pieces.forEach((piece, id) => {
    if (!piece) return;
    const first = piece.charAt(0);
    const group = byFirstChar.get(first);
    if (group) group.push(id);
    else byFirstChar.set(first, [id]);
  });
  // The allowed set depends only on the text generated so far, and the same prefixes recur
  // across requests ("<nexa_1>('driver', "), so biases are cached (bounded, oldest dropped).
  const cache = new Map<string, TokenBias>();
  const CACHE_LIMIT = 4096;
  return {
    pieces,
    bias(generated: string): TokenBias {
      const cached = cache.get(generated);
      if (cached) return cached;
      const allowed = new Set<number>();
      if (constraint.status(generated) === "complete") allowed.add(endToken);
      for (const [first, ids] of byFirstChar) {
        if (constraint.status(generated + first) === "invalid") continue;
        for (const id of ids) if (constraint.status(generated + (pieces[id] ?? "")) !== "invalid") allowed.add(id);
      }
      const bias = new TokenBias(model.tokenizer);
      for (let id = 0; id < pieces.length; id++) if (!allowed.has(id)) bias.set(id as Token, "never");
      if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
      cache.set(generated, bias);
      return bias;
    },
  };
}

/**
 * Token-level side of number-guard.ts: the response text written so far (functional tokens
 * as `<nexa_N>`) and, at each step, a bias that bans the digits the rule excludes and,
 * where the rule wants a digit, every token that is not one (the end token, which
 * node-llama-cpp will not ban, is outweighed by the digits instead).
 * Biases depend only on the rule, so the few distinct ones are built once and reused.
 */
class NumberGuard {
  readonly pieces: readonly string[];
  /** Tokens per digit: the piece "7" and, in a byte-fallback vocabulary, the byte <0x37>. */
  private readonly digitTokens = new Map<string, Token[]>();
  private readonly nonDigitTokens: Token[] = [];
  private readonly biases = new Map<string, TokenBias>();
  private readonly none: TokenBias;

  constructor(
    private readonly model: LlamaModel,
    private readonly reg: Registry,
  ) {
    const vocabulary = vocabularyPieces(model);
    vocabulary.forEach(({ text, special }, id) => {
      const token = id as Token;
      if (text.length === 1 && DIGITS.includes(text))
        this.digitTokens.set(text, [...(this.digitTokens.get(text) ?? []), token]);
      else {
        // The guard reasons digit by digit: a vocabulary that merges digits with other
        // characters (not this project's tokenizer) cannot be guarded.
        if (!special && /\d/.test(text))
          throw new Error(`token ${id} (${JSON.stringify(text)}) mixes digits with other characters`);
        this.nonDigitTokens.push(token);
      }
    });
    this.pieces = vocabulary.map((v) => v.text);
    this.none = new TokenBias(model.tokenizer);
  }

  bias(written: string, spoken: ReadonlySet<number>): TokenBias {
    const rule = digitRule(this.reg, written, spoken);
    if (!rule) return this.none;
    const key = `${rule.digits}|${rule.mustContinue}`;
    let bias = this.biases.get(key);
    if (!bias) {
      bias = new TokenBias(this.model.tokenizer);
      for (const [digit, tokens] of this.digitTokens) {
        if (!rule.digits.includes(digit)) bias.set(tokens, "never");
        // node-llama-cpp cannot ban the end token, so the digits to come must outweigh it.
        else if (rule.mustContinue) bias.set(tokens, { logit: 100 });
      }
      if (rule.mustContinue) bias.set(this.nonDigitTokens, "never");
      this.biases.set(key, bias);
    }
    return bias;
  }
}

async function checkModelFile(
  path: string,
  reg: Registry,
  verifyChecksum: boolean,
): Promise<Result<{ sizeBytes: number; hash: string }, ModelError>> {
  let sizeBytes: number;
  try {
    const s = await stat(path);
    if (!s.isFile()) return fail("model_missing", `model path ${path} is not a file`, { path });
    sizeBytes = s.size;
  } catch {
    return fail("model_missing", `model file ${path} does not exist`, { path });
  }
  if (verifyChecksum) {
    const expected = await readFile(`${path}.sha256`, "utf8").then(
      (t) => t.trim().split(/\s+/)[0] ?? "",
      () => undefined,
    );
    if (expected !== undefined) {
      const actual = createHash("sha256")
        .update(await readFile(path))
        .digest("hex");
      if (actual !== expected)
        return fail("model_corrupt", `model file ${path} is corrupt: sha256 ${actual} != expected ${expected}`, {
          path,
        });
    }
  }
  let hash: unknown;
  try {
    const info = await readGgufFileInfo(path, { readTensorInfo: true, logWarnings: false, sourceType: "filesystem" });
    const truncated = truncation(info.tensorInfo ?? [], sizeBytes);
    if (truncated) return fail("model_corrupt", `model file ${path} is corrupt: ${truncated}`, { path });
    hash = (info.metadata as unknown as Record<string, unknown>)[FUNCTION_SET_HASH_KEY];
    if (hash === undefined) {
      const octopus = (info.metadata as unknown as Record<string, Record<string, unknown> | undefined>)["octopus"];
      hash = octopus?.["function_set_hash"];
    }
  } catch (e) {
    return fail("model_corrupt", `model file ${path} is not a readable GGUF file: ${errorText(e)}`, { path });
  }
  if (typeof hash !== "string")
    return fail("function_set_mismatch", `model ${path} declares no ${FUNCTION_SET_HASH_KEY}`, { path });
  if (hash !== reg.hash)
    return fail(
      "function_set_mismatch",
      `model ${path} was built for function set ${hash.slice(0, 12)}…, this agent runs ${reg.version} (${reg.hash.slice(0, 12)}…)`,
      { path },
    );
  return { ok: true, value: { sizeBytes, hash } };
}

/** Bytes per element block for the tensor types this project writes (F32, F16, Q8_0). */
const BLOCK: Readonly<Record<number, { readonly elements: number; readonly bytes: number }>> = {
  [GgmlType.F32]: { elements: 1, bytes: 4 },
  [GgmlType.F16]: { elements: 1, bytes: 2 },
  [GgmlType.Q8_0]: { elements: 32, bytes: 34 },
};

/** Why the tensor data does not fit in the file (a cut-off download or copy), if it does not. */
function truncation(tensors: readonly GgufTensorInfo[], fileSize: number): string | undefined {
  if (tensors.length === 0) return "it lists no tensors";
  for (const t of tensors) {
    const start = Number(t.fileOffset);
    const block = BLOCK[t.ggmlType];
    const elements = t.dimensions.reduce<number>((a, d) => a * Number(d), 1);
    const end = block ? start + (elements / block.elements) * block.bytes : start + 1;
    if (end > fileSize) return `tensor ${t.name} ends at byte ${end}, the file has ${fileSize}`;
  }
  return undefined;
}

function fail(code: ModelError["code"], message: string, extra: Partial<ModelError> = {}) {
  return { ok: false as const, error: modelError(code, message, extra) };
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
