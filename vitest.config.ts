import { defineConfig } from "vitest/config";

// Tests are grouped by what they need: test/pure (nothing), test/model (the shipped GGUF),
// test/bus (CAN: virtual bus; real vcan inside User-Mode-Linux), test/broker (mosquitto),
// test/grpc (gRPC peers on 127.0.0.1), test/pipeline (Debian's python3-torch).
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
  },
});
