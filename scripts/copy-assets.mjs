// Copies non-TypeScript assets that the compiled program reads at run time into dist/.
// (JSON imported with `with { type: "json" }` is emitted by tsc itself.)
import { cpSync, existsSync } from "node:fs";

const assets = [
  ["proto", "dist/proto"],
  ["adapters/can/vehicle.dbc", "dist/adapters/can/vehicle.dbc"],
];
for (const [from, to] of assets) {
  if (existsSync(from)) cpSync(from, to, { recursive: true });
}
