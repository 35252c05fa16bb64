#!/usr/bin/python3
"""The independent peer on vcan0 inside User-Mode-Linux: python-can (Debian python3-can).

It plays the ESP (speed frames, encoded here by hand from vehicle.dbc: VehicleSpeed is a
Motorola 16-bit signal in bytes 2-3, factor 0.01; E2E profile 1 CRC in byte 0 over data ID
0x0A01 and bytes 1..7, alive counter 0..14 in the low nibble of byte 1) and records every
frame other nodes put on the bus.

Protocol: one JSON request per stdin line, one JSON answer per stdout line.
  {"op": "speed", "kmh": 80, "skip": 0}     send a speed frame (skip > 0 skips counters)
  {"op": "seat", "fore_aft": 125, "height": 40, "recline": 20}   SCM_SeatDrvStatus
  {"op": "replay"}                          send the last speed frame again, byte for byte
  {"op": "send", "id": 416, "data": "0102"} send any classic frame
  {"op": "mark"}                            -> {"mark": n}, the count of frames seen so far
  {"op": "since", "mark": n, "wait_ms": 300}   frames seen after mark, after waiting
  {"op": "expect", "mark": n, "id": 672, "timeout_ms": 2000}  first frame with id after mark
  {"op": "reopen"}                          reopen the socket (after vcan0 was re-created)
  {"op": "quit"}
"""
import json
import struct
import sys
import threading
import time

import can

IFACE = sys.argv[1] if len(sys.argv) > 1 else "vcan0"
SPEED_ID = 0x1A0
SPEED_DATA_ID = 0x0A01
SEAT_DRV_ID = 0x3B0
SEAT_DRV_DATA_ID = 0x0C01


def motorola(data, start_bit, length, raw):
    """Places raw at a DBC Motorola signal: in the frame read as one big-endian integer, such a
    signal is a contiguous run of bits whose most significant bit is the DBC start bit."""
    value = int.from_bytes(data, "big")
    msb = (7 - start_bit // 8) * 8 + start_bit % 8
    lsb = msb - length + 1
    value &= ~(((1 << length) - 1) << lsb)
    value |= (raw & ((1 << length) - 1)) << lsb
    data[:] = value.to_bytes(8, "big")


def crc8_p01(data_id, data):
    crc = 0x00
    for b in [data_id & 0xFF, (data_id >> 8) & 0xFF] + list(data[1:]):
        crc ^= b
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1D) & 0xFF if crc & 0x80 else (crc << 1) & 0xFF
    return crc


class Peer:
    def __init__(self):
        self.frames = []
        self.lock = threading.Lock()
        self.counter = 0
        self.seat_counter = 0
        self.last_speed = None
        self.bus = None
        self.open()

    def open(self, timeout_s=10.0):
        deadline = time.monotonic() + timeout_s
        while True:
            try:
                self.bus = can.Bus(interface="socketcan", channel=IFACE)
                break
            except (OSError, can.CanError):
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
        threading.Thread(target=self.reader, args=(self.bus,), daemon=True).start()

    def reader(self, bus):
        while bus is self.bus:
            try:
                msg = bus.recv(0.1)
            except (OSError, can.CanError, ValueError):
                return
            if msg is None or msg.is_error_frame:
                continue
            with self.lock:
                self.frames.append({"t": time.monotonic(), "id": msg.arbitration_id, "data": bytes(msg.data).hex()})

    def send(self, can_id, data):
        self.bus.send(can.Message(arbitration_id=can_id, data=data, is_extended_id=False))

    def speed(self, kmh, skip=0):
        self.counter = (self.counter + skip) % 15
        data = bytearray(8)
        data[1] = self.counter & 0x0F
        data[2:4] = struct.pack(">H", int(round(kmh * 100)))
        data[0] = crc8_p01(SPEED_DATA_ID, data)
        self.send(SPEED_ID, bytes(data))
        self.last_speed = bytes(data)
        sent = {"data": data.hex(), "counter": self.counter}
        self.counter = (self.counter + 1) % 15
        return sent

    def seat(self, fore_aft, height, recline):
        # SCM_SeatDrvStatus: fore/aft 23|10, height 29|8, recline 37|8, all Motorola, factor 0.5
        data = bytearray(8)
        motorola(data, 23, 10, int(round(fore_aft * 2)))
        motorola(data, 29, 8, int(round(height * 2)))
        motorola(data, 37, 8, int(round(recline * 2)))
        data[1] = self.seat_counter & 0x0F
        data[0] = crc8_p01(SEAT_DRV_DATA_ID, data)
        self.send(SEAT_DRV_ID, bytes(data))
        self.seat_counter = (self.seat_counter + 1) % 15
        return {"data": data.hex()}

    def handle(self, req):
        op = req["op"]
        if op == "seat":
            return self.seat(req["fore_aft"], req["height"], req["recline"])
        if op == "speed":
            return self.speed(req["kmh"], req.get("skip", 0))
        if op == "replay":
            self.send(SPEED_ID, self.last_speed)
            return {"data": self.last_speed.hex()}
        if op == "send":
            self.send(req["id"], bytes.fromhex(req["data"]))
            return {}
        if op == "mark":
            with self.lock:
                return {"mark": len(self.frames)}
        if op == "since":
            time.sleep(req.get("wait_ms", 0) / 1000)
            with self.lock:
                return {"frames": self.frames[req["mark"]:]}
        if op == "expect":
            deadline = time.monotonic() + req.get("timeout_ms", 2000) / 1000
            while time.monotonic() < deadline:
                with self.lock:
                    for f in self.frames[req["mark"]:]:
                        if f["id"] == req["id"]:
                            return {"frame": f}
                time.sleep(0.01)
            return {"frame": None}
        if op == "reopen":
            old, self.bus = self.bus, None
            try:
                old.shutdown()
            except Exception:
                pass
            self.open()
            return {}
        raise ValueError(f"unknown op {op}")


def main():
    peer = Peer()
    print(json.dumps({"ready": True}), flush=True)
    for line in sys.stdin:
        req = json.loads(line)
        if req["op"] == "quit":
            break
        try:
            out = {"ok": True, **peer.handle(req)}
        except Exception as e:  # the test reads the error instead of hanging
            out = {"ok": False, "error": f"{type(e).__name__}: {e}"}
        print(json.dumps(out), flush=True)


if __name__ == "__main__":
    main()
