/** The closed set of model-runtime failures. Each carries its evidence (path, raw output). */
export type ModelErrorCode =
  | "model_missing" // file not there
  | "model_corrupt" // unreadable GGUF header, checksum mismatch, llama.cpp refused it
  | "function_set_mismatch" // the GGUF was built for another function set
  | "runtime_unavailable" // node-llama-cpp's CPU binary could not be loaded
  | "input_rejected" // empty or over-long text after normalization
  | "generation_timeout" // the time bound was hit before <nexa_end>
  | "generation_overflow" // the token bound was hit before <nexa_end>
  | "generation_failed" // llama.cpp threw while evaluating
  | "closed"; // used after close()

export interface ModelError {
  readonly kind: "model";
  readonly code: ModelErrorCode;
  readonly message: string;
  readonly path?: string;
  /** What the model produced before the failure, if anything. */
  readonly partialOutput?: string;
}

export function modelError(code: ModelErrorCode, message: string, extra: Partial<ModelError> = {}): ModelError {
  return { kind: "model", code, message, ...extra };
}
