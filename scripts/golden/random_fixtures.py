#!/usr/bin/env python3
"""Golden fixtures for grader/np/random: what numpy's legacy RandomState really draws.

Run from anywhere with `python3 scripts/golden/random_fixtures.py`; it rewrites
grader/np/random/fixtures/*.json. Re-run it when a scenario is added here, and commit
both this script and its output: the TypeScript tests never call Python.

Every fixture file holds scenarios: a seed and a list of steps, each step one call on
a RandomState with its arguments and numpy's output. Floats are written with repr(),
which round-trips exactly through JSON.parse, so the tests compare bit for bit.
"""

import json
import math
import pathlib
import re
import shutil
import struct
import subprocess

import numpy as np

SEEDS = [0, 1, 2, 3, 42, 1234, 2**32 - 1]
ARRAY_SEEDS = [[0], [1, 2, 3], [2**32 - 1, 0, 12345], list(range(700))]
OUT_DIR = pathlib.Path(__file__).resolve().parents[2] / "grader" / "np" / "random" / "fixtures"


def encode(value):
    """A scalar as a float, an array as {shape, data} of floats (int64 rounded like float64(x))."""
    if isinstance(value, np.ndarray):
        return {"shape": list(value.shape), "data": [float(v) for v in value.ravel()]}
    return float(value)


class Recorder:
    """Runs calls on one RandomState and records each as a fixture step."""

    def __init__(self, seed):
        self.rs = np.random.RandomState(seed)
        self.steps = []

    def call(self, op, args, out):
        self.steps.append({"op": op, "args": args, "out": encode(out)})

    def seed(self, s):
        self.rs.seed(s)
        self.steps.append({"op": "seed", "args": [s], "out": None})

    def rand(self, *dims):
        self.call("rand", list(dims), self.rs.rand(*dims))

    def randn(self, *dims):
        self.call("randn", list(dims), self.rs.randn(*dims))

    def random_sample(self, size=None):
        self.call("random_sample", [size], self.rs.random_sample(tuple_or(size)))

    def standard_normal(self, size=None):
        self.call("standard_normal", [size], self.rs.standard_normal(tuple_or(size)))

    def normal(self, loc, scale, size=None):
        self.call("normal", [loc, scale, size], self.rs.normal(loc, scale, tuple_or(size)))

    def uniform(self, low, high, size=None):
        self.call("uniform", [low, high, size], self.rs.uniform(low, high, tuple_or(size)))

    def randint(self, low, high=None, size=None):
        self.call("randint", [low, high, size], self.rs.randint(low, high, tuple_or(size)))

    def shuffle(self, shape):
        """Shuffles arange(prod(shape)).reshape(shape) in place; records the result."""
        x = np.arange(int(np.prod(shape)), dtype=np.float64).reshape(shape)
        self.rs.shuffle(x)
        self.call("shuffle", [list(shape)], x)

    def permutation(self, x):
        self.call("permutation", [x], self.rs.permutation(x))

    def choice(self, a, size=None, replace=True, p=None):
        out = self.rs.choice(a, tuple_or(size), replace, p)
        self.call("choice", [a, size, replace, p], np.asarray(out) if size is not None else out)

    def get_state(self):
        """numpy's legacy state flattened: the 624 key words, then pos, has_gauss, gauss."""
        _, key, pos, has_gauss, gauss = self.rs.get_state()
        self.call("get_state", [], np.concatenate([key.astype(np.float64), [pos, has_gauss, gauss]]))

    def words(self, n):
        """Raw tempered 32-bit outputs of the shared MT19937, consuming them."""
        self.call("uint32", [n], self.rs._bit_generator.random_raw(n).astype(np.float64))


def tuple_or(size):
    return tuple(size) if isinstance(size, list) else size


def scenario(name, seed, body):
    rec = Recorder(seed)
    body(rec)
    return {"name": name, "seed": seed, "steps": rec.steps}


def per_seed(name, body):
    return [scenario(f"{name} (seed {s})", s, body) for s in SEEDS]


def mt19937():
    scenarios = per_seed("raw words", lambda r: r.words(1500))
    scenarios += [scenario(f"raw words (array seed of {len(s)})", s, lambda r: r.words(700)) for s in ARRAY_SEEDS]
    return scenarios


def rand():
    def body(r):
        r.rand()
        r.rand(1000)
        r.rand(25, 40)
        r.random_sample()
        r.random_sample(7)
        r.random_sample([2, 3, 4])
        r.rand(0)

    return per_seed("rand", body) + [scenario("rand (array seed)", [1, 2, 3], lambda r: r.rand(500))]


def randn():
    def body(r):
        r.randn()
        r.randn(1001)  # odd: the last call leaves a cached value behind
        r.randn(3)
        r.randn(20, 50)
        r.randn(1)
        r.randn(0)
        r.randn()
        r.randn(2, 3, 4)
        r.standard_normal()
        r.standard_normal(7)
        r.standard_normal([3, 5])

    return per_seed("randn", body)


def normal():
    def body(r):
        r.normal(0.0, 1.0)
        r.normal(0.0, 1.0, 999)
        r.normal(3.0, 0.5, [10, 30])
        r.normal(-2.0, 0.0, 5)
        r.normal(1e6, 1e-3, 101)
        r.normal(0.0, 0.01, [2, 2])

    return per_seed("normal", body)


def uniform():
    def body(r):
        r.uniform(0.0, 1.0)
        r.uniform(0.0, 1.0, 1000)
        r.uniform(-1.0, 1.0, [20, 25])
        r.uniform(5.0, 2.0, 100)  # high < low is allowed by the legacy generator
        r.uniform(-1e-3, 1e300, 50)
        r.uniform(7.0, 7.0, 3)

    return per_seed("uniform", body)


def randint():
    def body(r):
        r.randint(10)
        r.randint(0, 10, 1000)
        r.randint(-5, 5, [20, 20])
        r.randint(-1000, -990, 100)
        r.randint(3, 4, 5)  # a one-value range draws nothing
        r.rand(2)
        r.randint(0, 2**31, 200)
        r.randint(0, 2**32 - 1, 100)
        r.randint(0, 2**32, 100)  # exactly 32 bits: no rejection at all
        r.randint(0, 2**32 + 1, 100)  # needs 64-bit draws
        r.randint(-(2**40), 2**40, 200)
        r.randint(-(2**63), 2**63, 50)  # the full int64 range
        r.randint(1.5, 10.7, 50)  # floats are truncated like int()
        r.randint(-3, 7)
        r.randint(1000003, size=300)

    return per_seed("randint", body)


def shuffle():
    def body(r):
        for n in [0, 1, 2, 3, 5, 10, 100, 1000]:
            r.shuffle([n])
        r.shuffle([4, 3])
        r.shuffle([5, 2, 2])
        for n in [0, 1, 7, 64, 500]:
            r.permutation(n)
        r.permutation([10.0, 20.0, 30.0, 40.0])
        r.permutation([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])

    return per_seed("shuffle", body)


def interleaved():
    def body(r):
        r.randn(3)
        r.rand(2)
        r.randn(1)
        r.randn(1)
        r.normal(0.0, 1.0, 3)
        r.uniform(0.0, 1.0, 2)
        r.randn(5)
        r.randint(0, 100, 3)
        r.normal(5.0, 2.0)
        r.randn()
        r.randn(1)
        r.randn(1)
        r.seed(7)  # re-seeding throws the cached gaussian away
        r.randn(1)
        r.seed(7)
        r.randn(2)
        r.shuffle([6])
        r.randn(1)
        r.random_sample(3)
        r.get_state()
        r.randn(3)
        r.get_state()

    return per_seed("interleaved", body)


def broadcast():
    """Array parameters: they broadcast, and the output is drawn in row-major order."""

    def body(r):
        r.normal([0.0, 10.0, 100.0], 1.0)
        r.normal([0.0, 10.0, 100.0], 1.0, [2, 3])
        r.normal(0.0, [[1.0], [2.0]], [2, 3])
        r.normal([1.0, 2.0], [[0.5], [1.5], [2.5]])
        r.randn(1)
        r.uniform([0.0, 5.0], 10.0, [2, 2])
        r.uniform(-1.0, [[1.0, 2.0, 3.0]])
        r.uniform([[0.0], [1.0]], [2.0, 3.0, 4.0])
        r.randint([0, 10], [5, 20])
        r.randint([1, 10, 100, 1000], size=[3, 4])
        r.randint([[-5], [0]], [5, 2**33, 7])  # 32-bit and 64-bit draws mixed
        r.randint([3, 3], [4, 5], 2)  # a one-value range between two draws

    return per_seed("broadcast", body)


def choice():
    def body(r):
        r.choice(5)
        r.choice(5, 100)
        r.choice(1000, [10, 10])
        r.choice([1.5, 2.5, 3.5], 10)
        r.choice(10, 3, False)
        r.choice(10, 10, False)
        r.choice([4.0, 8.0, 15.0, 16.0, 23.0, 42.0], [2, 2], False)
        r.choice(4, 200, True, [0.1, 0.2, 0.3, 0.4])
        r.choice(4, None, True, [0.5, 0.0, 0.25, 0.25])
        r.choice(6, 4, False, [0.1, 0.1, 0.1, 0.2, 0.2, 0.3])
        r.choice(5, 5, False, [0.2, 0.2, 0.2, 0.2, 0.2])
        r.choice(3, 0)

    return per_seed("choice", body)


def glibc_log():
    """Inputs and this machine's C library log(): the log numpy's legacy gaussians call."""
    rng = np.random.default_rng(20240402)
    u = rng.random((12000, 2)) * 2.0 - 1.0
    polar = (u * u).sum(axis=1)  # the r2 of the polar method, mostly in (0, 1)
    near_one = rng.uniform(1.0 - 2.0**-4, 1.0 + 2.0**-4, 4000)  # glibc's separate near-1 path
    wide = 10.0 ** rng.uniform(-300.0, 300.0, 2000)
    subnormal = rng.uniform(0.0, 1.0, 50) * 2.0**-1022
    special = [1.0, 0.5, 2.0, 1.0 - 2.0**-53, 1.0 + 2.0**-52, 5e-324, 2.0**-1022, 1.7976931348623157e308, 1e-300]
    inputs = [float(x) for x in np.concatenate([polar, near_one, wide, subnormal])] + special
    inputs = [x for x in inputs if x > 0.0]
    return {
        "generator": "scripts/golden/random_fixtures.py",
        "numpy": np.__version__,
        "inputs": inputs,
        "log": [math.log(x) for x in inputs],
    }


LIBM = "/lib/x86_64-linux-gnu/libm.so.6"
LOG_TABLE = OUT_DIR.parent / "glibc-log-data.ts"


def write_glibc_log_table():
    """Copies glibc's __log_data (the coefficients and the 128-entry table) out of libm.

    Needs gdb and libm's debug symbols (Debian: libc6-dbg). Without them the committed
    table stays as it is.
    """
    if shutil.which("gdb") is None:
        print(f"gdb not found: keeping {LOG_TABLE.name}")
        return
    count = 2 + 5 + 11 + 2 * 128  # ln2hi, ln2lo, poly, poly1, tab[128] {invc, logc}
    dump = subprocess.run(
        ["gdb", "-batch", "-ex", f"x/{count}gx &__log_data", LIBM], capture_output=True, text=True, check=False
    ).stdout
    words = re.findall(r"0x[0-9a-f]{16}", dump.split("<__log_data>", 1)[-1])
    if len(words) != count:
        print(f"no __log_data symbol in {LIBM} (install libc6-dbg): keeping {LOG_TABLE.name}")
        return
    values = [struct.unpack("<d", struct.pack("<Q", int(w, 16)))[0] for w in words]
    ln2hi, ln2lo, poly, poly1, tab = values[0], values[1], values[2:7], values[7:18], values[18:]

    def listing(xs):
        return "\n".join(f"  {x!r}," for x in xs)

    LOG_TABLE.write_text(
        f"""// Generated by scripts/golden/random_fixtures.py from {LIBM} (glibc's __log_data); do not edit.
// The constants of glibc's log() (ARM optimized-routines, MIT), which numpy's legacy
// gaussians call; glibc-log.ts replays that log instruction for instruction.

export const LN2_HI = {ln2hi!r};
export const LN2_LO = {ln2lo!r};

/** Coefficients of log1p(r) - r on the main path (A in glibc). */
export const POLY = [
{listing(poly)}
] as const;

/** Coefficients of log(1 + r) for x near 1 (B in glibc). */
export const POLY_NEAR_ONE = [
{listing(poly1)}
] as const;

/** 1/c for the 128 subintervals of [0x1.6p-1, 0x1.6p0). */
export const INV_C = Float64Array.of(
{listing(tab[0::2])}
);

/** log(c) for the same subintervals. */
export const LOG_C = Float64Array.of(
{listing(tab[1::2])}
);
"""
    )
    print(f"{LOG_TABLE.relative_to(OUT_DIR.parents[3])}: {LOG_TABLE.stat().st_size} bytes")


def main():
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    write_glibc_log_table()
    files = {
        "mt19937": mt19937,
        "rand": rand,
        "randn": randn,
        "normal": normal,
        "uniform": uniform,
        "randint": randint,
        "shuffle": shuffle,
        "interleaved": interleaved,
        "choice": choice,
        "broadcast": broadcast,
    }
    (OUT_DIR / "glibc-log.json").write_text(json.dumps(glibc_log(), separators=(",", ":")) + "\n")
    for name, build in files.items():
        doc = {
            "generator": "scripts/golden/random_fixtures.py",
            "numpy": np.__version__,
            "scenarios": build(),
        }
        path = OUT_DIR / f"{name}.json"
        path.write_text(json.dumps(doc, separators=(",", ":")) + "\n")
        print(f"{path.relative_to(OUT_DIR.parents[3])}: {path.stat().st_size} bytes")


if __name__ == "__main__":
    main()
