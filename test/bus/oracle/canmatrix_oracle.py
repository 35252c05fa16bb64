#!/usr/bin/python3
"""Reference oracle for the TypeScript DBC codec: Debian's python3-canmatrix.

stdin: {"dbc": path, "cases": [{"message": name, "raw": {signal: int}, "data": hex}],
        "protected": [{"message": name, "data": hex}]}
stdout: {"cases": [{"encoded": hex, "decoded": {signal: {"raw": int, "phys": str}}}],
         "protected": [{"crc_ok": bool, "counter": int, "expected_crc": int}]}

For each case canmatrix encodes the raw values itself (its own bit placement) and decodes
the bytes the TypeScript encoder produced (its own scaling). For protected frames the E2E
profile 1 CRC is recomputed here, independently: CRC-8 poly 0x1D, start 0x00, no final XOR,
over data ID low byte, data ID high byte and every byte except the CRC byte (byte 0).
"""
import json
import sys
import warnings

warnings.filterwarnings("ignore")

import canmatrix.formats  # noqa: E402


def crc8_p01(data_id, payload, crc_byte):
    crc = 0x00
    for b in [data_id & 0xFF, (data_id >> 8) & 0xFF] + [x for i, x in enumerate(payload) if i != crc_byte]:
        crc ^= b
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1D) & 0xFF if crc & 0x80 else (crc << 1) & 0xFF
    return crc


def main():
    request = json.load(sys.stdin)
    db = canmatrix.formats.loadp_flat(request["dbc"])
    out = {"cases": [], "protected": []}
    for case in request["cases"]:
        frame = db.frame_by_name(case["message"])
        encoded = frame.encode({k: int(v) for k, v in case["raw"].items()})
        decoded = frame.decode(bytearray.fromhex(case["data"]))
        out["cases"].append(
            {
                "encoded": bytes(encoded).hex(),
                "decoded": {name: {"raw": int(s.raw_value), "phys": str(s.phys_value)} for name, s in decoded.items()},
            }
        )
    for p in request["protected"]:
        frame = db.frame_by_name(p["message"])
        data = bytearray.fromhex(p["data"])
        data_id = int(frame.attributes["E2E_DataID"])
        expected = crc8_p01(data_id, data, 0)
        out["protected"].append({"crc_ok": data[0] == expected, "counter": data[1] & 0x0F, "expected_crc": expected})
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
