"""A small GGUF v3 writer and reader (F32, F16 and Q8_0 tensors), following ggml's gguf.c layout.

File: magic "GGUF", u32 version 3, u64 tensor count, u64 metadata count, the metadata key/values,
the tensor infos (name, n_dims, dims with ne0 first = torch's LAST dim, ggml type, offset into the
data section), padding to `general.alignment` (32), then each tensor's data, aligned.

Q8_0 (ggml type 8): blocks of 32 values along ne0, each an fp16 scale d = max|x|/127 followed by 32
int8 values round(x/d) (rounding half away from zero, as ggml's quantize_row_q8_0_ref).
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

import numpy as np

GGUF_MAGIC = b"GGUF"
GGUF_VERSION = 3
ALIGNMENT = 32

# metadata value types
T_UINT8, T_INT8, T_UINT16, T_INT16, T_UINT32, T_INT32, T_FLOAT32, T_BOOL, T_STRING, T_ARRAY = range(10)
T_UINT64, T_INT64, T_FLOAT64 = 10, 11, 12

# ggml tensor types
GGML_F32, GGML_F16, GGML_Q8_0 = 0, 1, 8
QK8_0 = 32

_SCALAR_FMT = {
    T_UINT8: "<B",
    T_INT8: "<b",
    T_UINT16: "<H",
    T_INT16: "<h",
    T_UINT32: "<I",
    T_INT32: "<i",
    T_FLOAT32: "<f",
    T_BOOL: "<?",
    T_UINT64: "<Q",
    T_INT64: "<q",
    T_FLOAT64: "<d",
}


@dataclass(frozen=True)
class Typed:
    """A metadata value with an explicit GGUF type (arrays: `elem_type` + list value)."""

    type: int
    value: object
    elem_type: int | None = None


def u32(v: int) -> Typed:
    return Typed(T_UINT32, int(v))


def i32(v: int) -> Typed:
    return Typed(T_INT32, int(v))


def f32(v: float) -> Typed:
    return Typed(T_FLOAT32, float(v))


def array(elem_type: int, values) -> Typed:
    return Typed(T_ARRAY, list(values), elem_type)


def _infer(value) -> Typed:
    if isinstance(value, Typed):
        return value
    if isinstance(value, bool):
        return Typed(T_BOOL, value)
    if isinstance(value, int):
        return Typed(T_UINT32 if value >= 0 else T_INT32, value)
    if isinstance(value, float):
        return Typed(T_FLOAT32, value)
    if isinstance(value, str):
        return Typed(T_STRING, value)
    raise TypeError(f"give an explicit GGUF type for {value!r}")


def _pack_string(s: str) -> bytes:
    b = s.encode("utf-8")
    return struct.pack("<Q", len(b)) + b


def _pack_value(vtype: int, value, elem_type: int | None = None) -> bytes:
    if vtype == T_STRING:
        return _pack_string(value)
    if vtype == T_ARRAY:
        assert elem_type is not None
        head = struct.pack("<IQ", elem_type, len(value))
        if elem_type == T_STRING:
            return head + b"".join(_pack_string(v) for v in value)
        if elem_type in (T_FLOAT32, T_INT32, T_UINT32):
            dt = {T_FLOAT32: "<f4", T_INT32: "<i4", T_UINT32: "<u4"}[elem_type]
            return head + np.asarray(value, dtype=dt).tobytes()
        return head + b"".join(struct.pack(_SCALAR_FMT[elem_type], v) for v in value)
    return struct.pack(_SCALAR_FMT[vtype], value)


def _round_half_away(x: np.ndarray) -> np.ndarray:
    return np.sign(x) * np.floor(np.abs(x) + 0.5)


def quantize_q8_0(a: np.ndarray) -> bytes:
    """Q8_0 bytes of a float array whose last dimension (ne0) is a multiple of 32."""
    x = np.ascontiguousarray(a, dtype=np.float32).reshape(-1, QK8_0)
    amax = np.abs(x).max(axis=1)
    d = amax / 127.0
    inv = np.where(d > 0, 1.0 / np.where(d > 0, d, 1.0), 0.0).astype(np.float32)
    q = _round_half_away(x * inv[:, None]).astype(np.int8)
    out = np.empty(x.shape[0], dtype=[("d", "<f2"), ("qs", "i1", (QK8_0,))])
    out["d"] = d.astype(np.float16)
    out["qs"] = q
    return out.tobytes()


def dequantize_q8_0(data: bytes, shape: tuple[int, ...]) -> np.ndarray:
    blocks = np.frombuffer(data, dtype=[("d", "<f2"), ("qs", "i1", (QK8_0,))])
    x = blocks["qs"].astype(np.float32) * blocks["d"].astype(np.float32)[:, None]
    return x.reshape(shape)


def q8_0_roundtrip(a: np.ndarray) -> np.ndarray:
    """What the runtime will see for a Q8_0 tensor (used to simulate the quantized model)."""
    return dequantize_q8_0(quantize_q8_0(a), a.shape)


class GGUFWriter:
    def __init__(self) -> None:
        self.kv: list[tuple[str, Typed]] = []
        self.tensors: list[tuple[str, tuple[int, ...], int, bytes]] = []

    def add(self, key: str, value) -> None:
        if any(k == key for k, _ in self.kv):
            raise ValueError(f"duplicate metadata key {key}")
        self.kv.append((key, _infer(value)))

    def add_tensor(self, name: str, array_: np.ndarray, ggml_type: int = GGML_F32) -> None:
        a = np.ascontiguousarray(array_, dtype=np.float32)
        if ggml_type == GGML_F32:
            data = a.tobytes()
        elif ggml_type == GGML_F16:
            data = a.astype(np.float16).tobytes()
        elif ggml_type == GGML_Q8_0:
            if a.shape[-1] % QK8_0:
                raise ValueError(f"{name}: ne0={a.shape[-1]} is not a multiple of {QK8_0}")
            data = quantize_q8_0(a)
        else:
            raise ValueError(f"unsupported ggml type {ggml_type}")
        self.tensors.append((name, tuple(a.shape), ggml_type, data))

    def to_bytes(self) -> bytes:
        out = bytearray()
        out += GGUF_MAGIC + struct.pack("<IQQ", GGUF_VERSION, len(self.tensors), len(self.kv))
        for key, tv in self.kv:
            out += _pack_string(key) + struct.pack("<I", tv.type) + _pack_value(tv.type, tv.value, tv.elem_type)
        offset = 0
        offsets = []
        for _, _, _, data in self.tensors:
            offsets.append(offset)
            offset += (len(data) + ALIGNMENT - 1) // ALIGNMENT * ALIGNMENT
        for (name, shape, gtype, _), off in zip(self.tensors, offsets):
            dims = tuple(reversed(shape))  # ggml ne0 is the fastest-moving (torch's last) dim
            out += _pack_string(name) + struct.pack("<I", len(dims))
            out += b"".join(struct.pack("<Q", d) for d in dims)
            out += struct.pack("<IQ", gtype, off)
        out += b"\0" * (-len(out) % ALIGNMENT)
        for _, _, _, data in self.tensors:
            out += data
            out += b"\0" * (-len(data) % ALIGNMENT)
        return bytes(out)

    def write(self, path: str) -> int:
        data = self.to_bytes()
        with open(path, "wb") as f:
            f.write(data)
        return len(data)


# ---- reader (tests, export checks) ------------------------------------------------------


@dataclass
class TensorInfo:
    name: str
    shape: tuple[int, ...]  # torch order (reversed ggml dims)
    type: int
    offset: int
    data: bytes

    def to_numpy(self) -> np.ndarray:
        if self.type == GGML_F32:
            return np.frombuffer(self.data, dtype="<f4").reshape(self.shape)
        if self.type == GGML_F16:
            return np.frombuffer(self.data, dtype="<f2").astype(np.float32).reshape(self.shape)
        if self.type == GGML_Q8_0:
            return dequantize_q8_0(self.data, self.shape)
        raise ValueError(f"unsupported type {self.type}")


def _nbytes(gtype: int, n: int) -> int:
    if gtype == GGML_F32:
        return 4 * n
    if gtype == GGML_F16:
        return 2 * n
    if gtype == GGML_Q8_0:
        return n // QK8_0 * (2 + QK8_0)
    raise ValueError(f"unsupported type {gtype}")


class _Cursor:
    def __init__(self, buf: bytes):
        self.buf = buf
        self.pos = 0

    def take(self, fmt: str):
        (v,) = struct.unpack_from(fmt, self.buf, self.pos)
        self.pos += struct.calcsize(fmt)
        return v

    def string(self) -> str:
        n = self.take("<Q")
        s = self.buf[self.pos : self.pos + n].decode("utf-8")
        self.pos += n
        return s

    def value(self, vtype: int):
        if vtype == T_STRING:
            return self.string()
        if vtype == T_ARRAY:
            et = self.take("<I")
            n = self.take("<Q")
            return [self.value(et) for _ in range(n)]
        return self.take(_SCALAR_FMT[vtype])


def read_gguf(path_or_bytes) -> tuple[dict, dict[str, TensorInfo]]:
    """Returns (metadata, tensors by name)."""
    if isinstance(path_or_bytes, (bytes, bytearray)):
        buf = bytes(path_or_bytes)
    else:
        with open(path_or_bytes, "rb") as f:
            buf = f.read()
    if buf[:4] != GGUF_MAGIC:
        raise ValueError("not a GGUF file")
    c = _Cursor(buf)
    c.pos = 4
    version = c.take("<I")
    if version != GGUF_VERSION:
        raise ValueError(f"GGUF version {version}")
    n_tensors = c.take("<Q")
    n_kv = c.take("<Q")
    meta: dict = {}
    for _ in range(n_kv):
        key = c.string()
        meta[key] = c.value(c.take("<I"))
    infos = []
    for _ in range(n_tensors):
        name = c.string()
        nd = c.take("<I")
        dims = [c.take("<Q") for _ in range(nd)]
        gtype = c.take("<I")
        off = c.take("<Q")
        infos.append((name, tuple(reversed(dims)), gtype, off))
    align = int(meta.get("general.alignment", ALIGNMENT))
    base = c.pos + (-c.pos % align)
    tensors = {}
    for name, shape, gtype, off in infos:
        n = int(np.prod(shape))
        start = base + off
        tensors[name] = TensorInfo(name, shape, gtype, off, buf[start : start + _nbytes(gtype, n)])
    return meta, tensors
