"""Golden fixtures for the np runtime (grader/np), computed by real numpy.

Run from the repository root:  python3 scripts/golden/np_fixtures.py
(needs numpy, and mpmath for the correctly rounded tanh values in tanh-truth.json)
Writes grader/np/fixtures/<group>.json; the vitest suites replay every case
against grader/np and never call Python. Re-run and commit the JSON whenever a
case is added here.

Encoding (JSON has no NaN/Infinity and no arrays-with-shape):
  {"$nd": {"shape": [...], "data": [...]}}  a float64 array (row-major)
  {"$float": "nan" | "inf" | "-inf"}          a non-finite number
  {"$error": {"type": ..., "message": ...}}   the call raised
  {"$input": "i3"}                            the array stored under "inputs" (large
                                              inputs are stored once per file)
Each case is {"name", "fn", "args", "kwargs", "expected"}: the test calls
np[fn](...args, kwargs) (kwargs omitted when empty).
"""
import json
import math
import os
import sys

import numpy as np

OUT = os.path.join(os.path.dirname(__file__), "..", "..", "grader", "np", "fixtures")
rng = np.random.default_rng(20240402)
# Overflow to inf and nan from invalid operations are part of what we record.
np.seterr(all="ignore")


INPUTS = {}
SHARED_MIN_SIZE = 50


def arg(x):
    """Encodes a call argument; large arrays go to the file's shared input table."""
    if isinstance(x, np.ndarray) and x.size >= SHARED_MIN_SIZE:
        for key, (stored, _) in INPUTS.items():
            if stored is x:
                return {"$input": key}
        key = f"i{len(INPUTS)}"
        INPUTS[key] = (x, enc(x))
        return {"$input": key}
    return enc(x)


def enc(x):
    if x is None:
        return None
    if isinstance(x, np.ndarray):
        return {"$nd": {"shape": list(x.shape), "data": [enc(float(v)) for v in x.ravel()]}}
    if isinstance(x, (bool, np.bool_)):
        return bool(x)
    if isinstance(x, (int, np.integer)):
        return int(x)
    if isinstance(x, (float, np.floating)):
        x = float(x)
        if math.isnan(x):
            return {"$float": "nan"}
        if math.isinf(x):
            return {"$float": "inf" if x > 0 else "-inf"}
        return x
    if isinstance(x, (list, tuple)):
        return [enc(v) for v in x]
    if isinstance(x, str):
        return x
    raise TypeError(type(x))


def result(x):
    # numpy bools/ints from comparisons, argmax and friends are floats in np.
    if isinstance(x, np.ndarray):
        return enc(x.astype(np.float64))
    if isinstance(x, (np.bool_, bool)):
        return bool(x)
    if isinstance(x, np.generic):
        return enc(float(x))
    return enc(x)


def case(cases, name, fn, args, kwargs, compute):
    try:
        expected = result(compute())
    except Exception as e:  # noqa: BLE001 - the error itself is the golden value
        expected = {"$error": {"type": type(e).__name__, "message": str(e)}}
    cases.append({"name": name, "fn": fn, "args": [arg(a) for a in args], "kwargs": {k: enc(v) for k, v in kwargs.items()}, "expected": expected})


def arr(*shape, scale=1.0):
    return rng.standard_normal(shape) * scale


def write(group, cases):
    # One case (and one shared input) per line: compact, yet diffs stay readable.
    inputs = {key: encoded for key, (_, encoded) in INPUTS.items()}
    dump = lambda v: json.dumps(v, separators=(",", ":"))
    lines = [f' "generator": {dump("scripts/golden/np_fixtures.py")},', f' "numpy": {dump(np.__version__)},', ' "inputs": {']
    lines.append(",\n".join(f"  {dump(k)}: {dump(v)}" for k, v in inputs.items()))
    lines.append(" },")
    lines.append(' "cases": [')
    lines.append(",\n".join(f"  {dump(c)}" for c in cases))
    lines.append(" ]")
    with open(os.path.join(OUT, f"{group}.json"), "w") as f:
        f.write("{\n" + "\n".join(lines) + "\n}\n")
    INPUTS.clear()


def broadcasting():
    cases = []
    pairs = [((3,), (3,)), ((4, 1), (1, 5)), ((2, 3), (3,)), ((2, 1, 3), (4, 1)), ((1,), (2, 2)), ((), (2, 3)),
             ((5, 1), (5, 4)), ((1, 4), (3, 4)), ((3, 4), (3, 1)), ((2, 3, 4), (3, 1)), ((0, 3), (1, 3)),
             ((4, 1), (3, 400)), ((2, 3), (2,)), ((3,), (4,))]
    ops = {"add": np.add, "subtract": np.subtract, "multiply": np.multiply, "divide": np.divide,
           "maximum": np.maximum, "minimum": np.minimum, "power": np.power}
    for sa, sb in pairs:
        for name, op in ops.items():
            a = arr(*sa)
            b = arr(*sb)
            if name == "power":
                a = np.abs(a) + 0.1
            case(cases, f"{name} {sa} {sb}", name, [a, b], {}, lambda: op(a, b))
    # numbers and nested lists mix with arrays
    a = arr(2, 3)
    case(cases, "add nested list row", "add", [a, [1.0, 2.0, 3.0]], {}, lambda: a + np.array([1.0, 2.0, 3.0]))
    case(cases, "multiply number", "multiply", [2.5, a], {}, lambda: 2.5 * a)
    case(cases, "subtract two numbers", "subtract", [1.5, 4.0], {}, lambda: 1.5 - 4.0)
    specials = np.array([0.0, -0.0, 1.0, -1.0, np.nan, np.inf, -np.inf])
    for name, op in ops.items():
        x = specials.reshape(7, 1)
        y = specials.reshape(1, 7)
        with np.errstate(all="ignore"):
            case(cases, f"{name} special values", name, [x, y], {}, lambda: op(x, y))
    for name, op in {"greater": np.greater, "greater_equal": np.greater_equal, "less": np.less,
                     "less_equal": np.less_equal, "equal": np.equal, "not_equal": np.not_equal}.items():
        x = specials.reshape(7, 1)
        y = specials.reshape(1, 7)
        case(cases, f"{name} special values", name, [x, y], {}, lambda: op(x, y))
    write("broadcasting", cases)


def reductions():
    cases = []
    shapes = [(5,), (3, 4), (2, 3, 4), (130,), (4, 400)]
    axes_for = {1: [None, 0, -1], 2: [None, 0, 1, -1, -2, (0, 1)], 3: [None, 0, 1, 2, -1, -3, (0, 2), (1, 2), (0, 1, 2)]}
    funcs = {"sum": np.sum, "mean": np.mean, "max": np.max, "min": np.min, "prod": np.prod, "std": np.std, "var": np.var}
    for shape in shapes:
        a = arr(*shape, scale=3.0)
        if len(shape) == 1 and shape[0] > 100:
            a = arr(*shape) * 10.0 ** rng.integers(-3, 4, shape)
        for name, f in funcs.items():
            for axis in axes_for[len(shape)]:
                for keepdims in (False, True):
                    if name == "prod" and a.size > 50 and axis is None:
                        continue
                    kw = {"keepdims": keepdims} if axis is None else {"axis": axis, "keepdims": keepdims}
                    if not keepdims:
                        kw.pop("keepdims")
                    case(cases, f"{name} {shape} axis={axis} keepdims={keepdims}", name, [a], kw, lambda: f(a, **kw))
        for name, f in {"argmax": np.argmax, "argmin": np.argmin}.items():
            for axis in [None] + list(range(-len(shape), len(shape))):
                kw = {} if axis is None else {"axis": axis}
                case(cases, f"{name} {shape} axis={axis}", name, [a], kw, lambda: f(a, **kw))
                if axis is not None:
                    kw2 = {"axis": axis, "keepdims": True}
                    case(cases, f"{name} {shape} axis={axis} keepdims", name, [a], kw2, lambda: f(a, **kw2))
    ties = np.array([[1.0, 3.0, 3.0], [2.0, 2.0, 0.0]])
    case(cases, "argmax ties take the first", "argmax", [ties], {"axis": 1}, lambda: np.argmax(ties, axis=1))
    withnan = np.array([[1.0, np.nan, 3.0], [2.0, 5.0, 0.0]])
    for name, f in {"max": np.max, "min": np.min, "sum": np.sum, "argmax": np.argmax, "argmin": np.argmin}.items():
        case(cases, f"{name} with nan axis=1", name, [withnan], {"axis": 1}, lambda: f(withnan, axis=1))
        case(cases, f"{name} with nan", name, [withnan], {}, lambda: f(withnan))
    b = arr(3, 4)
    for ddof in (0, 1):
        for axis in (None, 0, 1):
            kw = {"ddof": ddof} if axis is None else {"axis": axis, "ddof": ddof}
            case(cases, f"std {b.shape} axis={axis} ddof={ddof}", "std", [b], kw, lambda: np.std(b, **kw))
            case(cases, f"var {b.shape} axis={axis} ddof={ddof}", "var", [b], kw, lambda: np.var(b, **kw))
    empty = np.zeros((0, 3))
    for name, f in {"sum": np.sum, "prod": np.prod, "max": np.max}.items():
        case(cases, f"{name} of empty axis=0", name, [empty], {"axis": 0}, lambda: f(empty, axis=0))
    case(cases, "sum of nested list", "sum", [[[1.0, 2.0], [3.0, 4.0]]], {"axis": 0}, lambda: np.sum([[1.0, 2.0], [3.0, 4.0]], axis=0))
    write("reductions", cases)


def linalg():
    cases = []
    dots = [((3,), (3,)), ((2, 3), (3, 4)), ((2, 3), (3,)), ((3,), (3, 4)), ((2, 3, 4), (4, 5)), ((2, 3), (4, 3, 5)),
            ((4, 400), (400, 2)), ((1, 4), (4, 400)), ((4, 2), (2, 400)), ((), (2, 2)), ((2, 2), ()),
            ((2, 3), (2, 3)), ((3,), (4,)), ((2, 3), (4,)), ((3,), (4, 5)), ((0, 3), (3, 2)), ((2, 0), (0, 3))]
    for sa, sb in dots:
        a = arr(*sa)
        b = arr(*sb)
        case(cases, f"dot {sa} {sb}", "dot", [a, b], {}, lambda: np.dot(a, b))
    mats = [((2, 3), (3, 4)), ((3,), (3, 4)), ((2, 3), (3,)), ((3,), (3,)), ((5, 2, 3), (3, 4)), ((2, 1, 2, 3), (4, 3, 2)),
            ((2, 3), (2, 3)), ((), (2, 2)), ((2, 3), ()), ((3, 2, 3), (2, 3, 4))]
    for sa, sb in mats:
        a = arr(*sa)
        b = arr(*sb)
        case(cases, f"matmul {sa} {sb}", "matmul", [a, b], {}, lambda: np.matmul(a, b))
    a = arr(3)
    b = arr(4)
    case(cases, "outer (3,) (4,)", "outer", [a, b], {}, lambda: np.outer(a, b))
    m = arr(2, 3)
    case(cases, "outer flattens (2,3) (3,)", "outer", [m, a], {}, lambda: np.outer(m, a))
    v = arr(7)
    mat = arr(3, 4)
    t3 = arr(2, 3, 4)
    norms = [
        ("vector default", v, {}), ("vector ord=1", v, {"ord": 1}), ("vector ord=inf", v, {"ord": np.inf}),
        ("vector ord=-inf", v, {"ord": -np.inf}), ("vector ord=0", np.array([0.0, 2.0, 0.0, -1.0]), {"ord": 0}),
        ("vector ord=3", v, {"ord": 3}), ("vector ord=2", v, {"ord": 2}),
        ("matrix default", mat, {}), ("matrix fro", mat, {"ord": "fro"}), ("matrix ord=1", mat, {"ord": 1}),
        ("matrix ord=inf", mat, {"ord": np.inf}), ("matrix ord=-1", mat, {"ord": -1}), ("matrix ord=-inf", mat, {"ord": -np.inf}),
        ("matrix axis=0", mat, {"axis": 0}), ("matrix axis=1 keepdims", mat, {"axis": 1, "keepdims": True}),
        ("matrix axis=-1 ord=1", mat, {"axis": -1, "ord": 1}), ("matrix axis=0 ord=inf", mat, {"axis": 0, "ord": np.inf}),
        ("3-d default", t3, {}), ("3-d axis=(1,2)", t3, {"axis": (1, 2)}), ("matrix keepdims", mat, {"keepdims": True}),
        ("vector fro", v, {"ord": "fro"}),
    ]
    for name, x, kw in norms:
        case(cases, f"norm {name}", "linalg.norm", [x], kw, lambda: np.linalg.norm(x, **kw))
    write("linalg", cases)


def ufuncs():
    cases = []
    edge = np.array([0.0, -0.0, 1.0, -1.0, 0.5, -2.5, 3.7, 1000.0, -1000.0, 709.0, 710.0, -745.0, -746.0,
                     1e-300, 1e10, -1e-10, np.nan, np.inf, -np.inf])
    funcs = {"exp": np.exp, "expm1": np.expm1, "log": np.log, "log1p": np.log1p, "log2": np.log2, "log10": np.log10,
             "sqrt": np.sqrt, "abs": np.abs, "sign": np.sign, "tanh": np.tanh, "sin": np.sin, "cos": np.cos,
             "square": np.square, "negative": np.negative, "floor": np.floor, "ceil": np.ceil, "isfinite": np.isfinite,
             "isnan": np.isnan, "isinf": np.isinf}
    with np.errstate(all="ignore"):
        for name, f in funcs.items():
            case(cases, f"{name} edge values", name, [edge], {}, lambda: f(edge))
            case(cases, f"{name} on a number", name, [2.5], {}, lambda: f(2.5))
        x = arr(3, 4, scale=4.0)
        for name, f in funcs.items():
            case(cases, f"{name} (3,4)", name, [x], {}, lambda: f(x))
    a = arr(3, 4, scale=3.0)
    case(cases, "clip both", "clip", [a, -1.0, 1.5], {}, lambda: np.clip(a, -1.0, 1.5))
    case(cases, "clip lower only", "clip", [a, 0.0, None], {}, lambda: np.clip(a, 0.0, None))
    lo = arr(4)
    case(cases, "clip broadcast bounds", "clip", [a, lo, 2.0], {}, lambda: np.clip(a, lo, 2.0))
    cond = (arr(3, 1) > 0).astype(np.float64)
    y = arr(1, 4)
    case(cases, "where broadcasts all three", "where", [cond, a, y], {}, lambda: np.where(cond, a, y))
    case(cases, "where with number branches", "where", [a > 0, a, 0.0], {}, lambda: np.where(a > 0, a, 0.0))
    near = a + rng.standard_normal(a.shape) * 1e-6
    for kw in ({}, {"rtol": 1e-7}, {"atol": 1e-5}, {"rtol": 0.0, "atol": 1e-7}):
        case(cases, f"isclose {kw}", "isclose", [a, near], kw, lambda: np.isclose(a, near, **kw))
        case(cases, f"allclose {kw}", "allclose", [a, near], kw, lambda: np.allclose(a, near, **kw))
    sp = np.array([np.nan, np.inf, -np.inf, 1.0])
    sq = np.array([np.nan, np.inf, np.inf, 1.0 + 1e-9])
    case(cases, "isclose specials", "isclose", [sp, sq], {}, lambda: np.isclose(sp, sq))
    case(cases, "isclose equal_nan", "isclose", [sp, sq], {"equal_nan": True}, lambda: np.isclose(sp, sq, equal_nan=True))
    write("ufuncs", cases)


def creation():
    cases = []
    for args in [(5,), (0, 1, 0.1), (1, 2, 0.3), (-1.5, 2.5), (0.1, 1.0, 0.1), (10, 0, -3), (0, 5, 0.5), (3, 1), (0, 1e-3, 1e-4)]:
        case(cases, f"arange {args}", "arange", list(args), {}, lambda: np.arange(*args).astype(np.float64))
    for args, kw in [((0, 1, 5), {}), ((0, 1), {}), ((-1, 1, 7), {}), ((0, 1, 5), {"endpoint": False}), ((2, 3, 1), {}),
                     ((2, 3, 0), {}), ((0, 0, 4), {}), ((1, -1, 11), {}), ((0.1, 0.7, 13), {}), ((-5, 5, 400), {}), ((0, 1, 1), {"endpoint": False})]:
        case(cases, f"linspace {args} {kw}", "linspace", list(args), kw, lambda: np.linspace(*args, **kw))
    for args, kw in [((3,), {}), ((2, 4), {}), ((4, 3), {"k": 1}), ((3, 3), {"k": -2})]:
        case(cases, f"eye {args} {kw}", "eye", list(args), kw, lambda: np.eye(*args, **kw))
    case(cases, "zeros (2,3)", "zeros", [[2, 3]], {}, lambda: np.zeros((2, 3)))
    case(cases, "ones 4", "ones", [4], {}, lambda: np.ones(4))
    case(cases, "full (2,2) 7.5", "full", [[2, 2], 7.5], {}, lambda: np.full((2, 2), 7.5))
    case(cases, "array of nested lists", "array", [[[1, 2.5], [True, -3]]], {}, lambda: np.array([[1, 2.5], [True, -3]], dtype=np.float64))
    case(cases, "ragged nested lists", "array", [[[1, 2], [3]]], {}, lambda: np.array([[1, 2], [3]]))
    case(cases, "ragged deeper", "array", [[[[1, 2], [3, 4]], [[1, 2], [3]]]], {}, lambda: np.array([[[1, 2], [3, 4]], [[1, 2], [3]]]))
    a = arr(2, 3, 4)
    case(cases, "transpose default", "transpose", [a], {}, lambda: np.transpose(a))
    case(cases, "transpose (1,0,2)", "transpose", [a, [1, 0, 2]], {}, lambda: np.transpose(a, (1, 0, 2)))
    case(cases, "transpose (2,0,1)", "transpose", [a, [2, 0, -2]], {}, lambda: np.transpose(a, (2, 0, -2)))
    case(cases, "transpose repeated axis", "transpose", [a, [0, 0, 1]], {}, lambda: np.transpose(a, (0, 0, 1)))
    case(cases, "reshape -1", "reshape", [a, [4, -1]], {}, lambda: np.reshape(a, (4, -1)))
    case(cases, "reshape mismatch", "reshape", [np.arange(6.0), [4]], {}, lambda: np.reshape(np.arange(6.0), (4,)))
    case(cases, "reshape mismatch 2-d", "reshape", [np.arange(6.0), [4, 5]], {}, lambda: np.reshape(np.arange(6.0), (4, 5)))
    case(cases, "reshape two unknowns", "reshape", [np.arange(6.0), [-1, -1]], {}, lambda: np.reshape(np.arange(6.0), (-1, -1)))
    case(cases, "reshape unknown does not divide", "reshape", [np.arange(6.0), [4, -1]], {}, lambda: np.reshape(np.arange(6.0), (4, -1)))
    s = arr(1, 3, 1)
    case(cases, "squeeze all", "squeeze", [s], {}, lambda: np.squeeze(s))
    case(cases, "squeeze axis=-1", "squeeze", [s], {"axis": -1}, lambda: np.squeeze(s, axis=-1))
    case(cases, "squeeze wrong axis", "squeeze", [s], {"axis": 1}, lambda: np.squeeze(s, axis=1))
    v = arr(3)
    case(cases, "expand_dims 0", "expand_dims", [v, 0], {}, lambda: np.expand_dims(v, 0))
    case(cases, "expand_dims -1", "expand_dims", [v, -1], {}, lambda: np.expand_dims(v, -1))
    case(cases, "expand_dims (0,2)", "expand_dims", [v, [0, 2]], {}, lambda: np.expand_dims(v, (0, 2)))
    case(cases, "expand_dims out of bounds", "expand_dims", [v, 3], {}, lambda: np.expand_dims(v, 3))
    x = arr(2, 2)
    y = arr(2, 3)
    z = arr(1, 2)
    case(cases, "concatenate axis=1", "concatenate", [[x, y]], {"axis": 1}, lambda: np.concatenate([x, y], axis=1))
    case(cases, "concatenate axis=0", "concatenate", [[x, z, x]], {}, lambda: np.concatenate([x, z, x]))
    case(cases, "concatenate axis=None", "concatenate", [[x, y]], {"axis": None}, lambda: np.concatenate([x, y], axis=None))
    case(cases, "concatenate mismatch", "concatenate", [[x, y]], {}, lambda: np.concatenate([x, y]))
    case(cases, "concatenate ndim mismatch", "concatenate", [[x, v]], {}, lambda: np.concatenate([x, v]))
    case(cases, "concatenate axis out of bounds", "concatenate", [[x, x]], {"axis": 2}, lambda: np.concatenate([x, x], axis=2))
    case(cases, "vstack 1-d", "vstack", [[v, v]], {}, lambda: np.vstack([v, v]))
    case(cases, "vstack 2-d", "vstack", [[x, z]], {}, lambda: np.vstack([x, z]))
    case(cases, "hstack 1-d", "hstack", [[v, v]], {}, lambda: np.hstack([v, v]))
    case(cases, "hstack 2-d", "hstack", [[x, y]], {}, lambda: np.hstack([x, y]))
    case(cases, "broadcast_to", "broadcast_to", [v, [2, 3]], {}, lambda: np.broadcast_to(v, (2, 3)))
    case(cases, "broadcast_to mismatch", "broadcast_to", [v, [4]], {}, lambda: np.broadcast_to(v, (4,)))
    case(cases, "sum axis out of bounds", "sum", [x], {"axis": 2}, lambda: np.sum(x, axis=2))
    case(cases, "mean axis -3 out of bounds", "mean", [x], {"axis": -3}, lambda: np.mean(x, axis=-3))
    case(cases, "sum duplicate axis", "sum", [x], {"axis": [0, -2]}, lambda: np.sum(x, axis=(0, -2)))
    case(cases, "argmax axis out of bounds", "argmax", [x], {"axis": 2}, lambda: np.argmax(x, axis=2))
    case(cases, "max of empty", "max", [np.zeros(0)], {}, lambda: np.max(np.zeros(0)))
    case(cases, "argmax of empty", "argmax", [np.zeros(0)], {}, lambda: np.argmax(np.zeros(0)))
    write("creation", cases)


def rounding():
    cases = []
    vals = np.array([0.5, 1.5, 2.5, 3.5, -0.5, -1.5, -2.5, 0.49999999999999994, 2.675, 1.005, 0.125, 0.375,
                     12345.6789, -0.4, 1e300, np.nan, np.inf, 4503599627370497.0])
    for d in (0, 1, 2, 3, -1, -2):
        kw = {} if d == 0 else {"decimals": d}
        case(cases, f"round decimals={d}", "round", [vals], kw, lambda: np.round(vals, d))
    case(cases, "round a number", "round", [2.5], {}, lambda: np.round(2.5))
    case(cases, "rint", "rint", [vals], {}, lambda: np.rint(vals))
    write("rounding", cases)


def formatting():
    cases = []
    samples = {
        "integers 2-d": np.array([[1.0, 2.0], [3.0, 4.0]]),
        "mixed precision": np.array([1.5, 2.25, -3.0]),
        "thirds": np.array([1 / 3, 2 / 3, 1.0]),
        "negative zero": np.array([-0.0, 0.0]),
        "small values": np.array([1e-5, 1.5]),
        "large values": np.array([1e10, 1.0]),
        "wide range": np.array([0.001, 2.0]),
        "just below exp": np.array([0.0001, 0.1]),
        "nan and inf": np.array([np.nan, 1.5, -np.inf]),
        "only nan": np.array([np.nan, np.nan]),
        "inf in integers": np.array([np.inf, 1.0, 2.0]),
        "exp with nan": np.array([1e-8, np.nan, 3.0]),
        "exp big exponent": np.array([1e-300, 1.0]),
        "3-d": np.arange(24.0).reshape(2, 3, 4),
        "3-d fractions": np.arange(12.0).reshape(2, 3, 2) / 8,
        "column": np.array([[0.5], [-1.25], [3.0]]),
        "wrapped row": np.arange(30.0) * 1.5,
        "wrapped 2-d": (np.arange(40.0).reshape(2, 20) - 7) / 3,
        "summarised 1-d": np.arange(2000.0),
        "summarised 2-d": np.arange(2000.0).reshape(4, 500) / 7,
        "summarised rows": np.arange(3000.0).reshape(1000, 3),
        "empty": np.zeros(0),
        "empty 2-d": np.zeros((0, 3)),
        "random normal": rng.standard_normal((3, 4)),
        "sigmoid-like": 1 / (1 + np.exp(-np.linspace(-5, 5, 7))),
        "scalar": np.array(1.5),
        "scalar integer": np.array(2.0),
        "scalar negative zero": np.array(-0.0),
        "scalar large": np.array(1e16),
        "scalar small": np.array(1e-5),
        "scalar third": np.array(1 / 3),
        "scalar nan": np.array(np.nan),
    }
    for name, a in samples.items():
        case(cases, name, "toString", [a], {}, lambda: str(a))
    write("format", cases)


def logic():
    cases = []
    a = np.array([[0.0, 1.0, -2.0], [0.0, 0.0, np.nan]])
    b = np.array([1.0, 0.0, 3.0])
    for name, f in {"logical_and": np.logical_and, "logical_or": np.logical_or}.items():
        case(cases, f"{name} broadcast", name, [a, b], {}, lambda: f(a, b))
        case(cases, f"{name} numbers", name, [0.0, 2.0], {}, lambda: f(0.0, 2.0))
    case(cases, "logical_not", "logical_not", [a], {}, lambda: np.logical_not(a))
    for name, f in {"all": np.all, "any": np.any}.items():
        for kw in ({}, {"axis": 0}, {"axis": -1}, {"axis": 1, "keepdims": True}, {"keepdims": True}):
            case(cases, f"{name} {kw}", name, [a], kw, lambda: f(a, **kw))
        case(cases, f"{name} of empty", name, [np.zeros(0)], {}, lambda: f(np.zeros(0)))
        case(cases, f"{name} of empty axis=0", name, [np.zeros((0, 2))], {"axis": 0}, lambda: f(np.zeros((0, 2)), axis=0))
    c = arr(3, 4)
    for kw in ({}, {"axis": 0}, {"axis": 1}, {"axis": -1}):
        case(cases, f"cumsum {kw}", "cumsum", [c], kw, lambda: np.cumsum(c, **kw))
    t = arr(3, 4, 2)
    for idx, kw in (([0, 2], {"axis": 1}), ([-1], {"axis": 0}), (1, {"axis": 2}), ([5, 0, 5], {}), (-2, {}), ([3], {"axis": 0}), ([0, 0], {"axis": -1})):
        case(cases, f"take {idx} {kw}", "take", [t, idx], kw, lambda: np.take(t, idx, **kw))
    write("logic", cases)


def tanh_truth():
    """Correctly rounded tanh (mpmath, 40 digits) for kernels/tanh.ts, our arithmetic tanh."""
    import mpmath as mp

    mp.mp.dps = 40
    pick = np.random.default_rng(7)
    xs = list(pick.uniform(-1.1, 1.1, 3000)) + list(pick.uniform(-25, 25, 3000))
    xs += [0.55, -0.55, float(np.nextafter(0.55, 0)), 1e-8, -1e-8, 1e-300, 21.99, 22.0, 0.3, 2.0]
    points = [[float(x), float(mp.tanh(mp.mpf(float(x))))] for x in xs]
    with open(os.path.join(OUT, "tanh-truth.json"), "w") as f:
        json.dump({"generator": "scripts/golden/np_fixtures.py (mpmath)", "points": points}, f, separators=(",", ":"))
        f.write("\n")


def main():
    os.makedirs(OUT, exist_ok=True)
    broadcasting()
    reductions()
    linalg()
    ufuncs()
    creation()
    rounding()
    formatting()
    logic()
    tanh_truth()
    print(f"fixtures written to {os.path.normpath(OUT)} with numpy {np.__version__}", file=sys.stderr)


if __name__ == "__main__":
    main()
