/** Start-up inputs shared by the CLI commands: the vehicle profile and the vehicle state. */
import { defaultProfile, loadProfile, type VehicleProfile } from "../safety/profile.js";
import { parkedVehicleState, parseStateText, type VehicleState } from "../safety/state.js";
import { CliError, ExitCode } from "./exit-codes.js";

export function profileFrom(path: string | undefined): VehicleProfile {
  if (!path) return defaultProfile;
  const loaded = loadProfile(path);
  if (!loaded.ok) throw new CliError(loaded.error.message, ExitCode.badConfig);
  return loaded.value;
}

/**
 * `--state JSON` is the whole known state: a field it omits is unknown (so `speedKmh`
 * omitted = unknown speed, and the gate fails safe). Without `--state`, the simulated
 * parked vehicle is used.
 */
export function stateFrom(json: string | undefined, profile: VehicleProfile): VehicleState {
  if (json === undefined) return parkedVehicleState(profile);
  const parsed = parseStateText(json);
  if (!parsed.ok) throw new CliError(parsed.error.message, ExitCode.badConfig);
  return parsed.value;
}
