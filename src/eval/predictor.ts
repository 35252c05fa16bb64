/**
 * What the evaluation needs from a system under test: text in, response text out.
 * The shipped model (through ModelRuntime), the NLP.js baseline and any later system
 * implement this, so all of them are run and scored the same way.
 */

export interface Prediction {
  /** Raw response text in the contract grammar (up to and including `<nexa_end>`); absent on failure. */
  readonly response?: string;
  /** Why there is no (complete) response; the item is scored as wrong. */
  readonly error?: string;
  /** Text -> response time in milliseconds. */
  readonly latencyMs: number;
  /** The model's own answer, when the system changed it (a check of the agent): evidence for the report. */
  readonly modelResponse?: string;
  /** What changed it, e.g. `clause check` or `statement check: a report ("my wife turned the heat")`. */
  readonly changedBy?: string;
}

export interface Predictor {
  /** Name shown in the report, e.g. "octopus vehicle-v1 (Q8_0)" or "NLP.js baseline". */
  readonly name: string;
  /**
   * Answers one normalized transcript. `raw` is the transcript before normalization, for a
   * system that reads its punctuation (the clause cross-check). Must not throw: failures
   * come back as `error`.
   */
  predict(input: string, raw?: string): Promise<Prediction>;
  /** Frees what the predictor holds (model weights); optional. */
  close?(): Promise<void>;
  /** Facts for the report (training rows, parameters, ...), one line each. */
  readonly notes?: readonly string[];
}
