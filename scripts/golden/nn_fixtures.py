#!/usr/bin/env python3
"""Golden fixtures for grader/nn: the reference network computed by numpy.

Run from anywhere with `python3 scripts/golden/nn_fixtures.py`; it rewrites
grader/nn/fixtures/*.json. Re-run it when the reference network changes, and commit
both this script and its output: the TypeScript tests never call Python.

The functions below mirror grader/nn/network.ts and grader/nn/activations.ts operation
for operation (same formulas, same order, `(1/m) * x` rather than `x / m`), so any
difference the tests see comes from numpy's kernels (BLAS summation order and FMA,
libm's exp/tanh/sin/cos) and not from the algebra. Floats are written with repr(),
which round-trips exactly through JSON.parse.

Files:
  planar.json    the course's load_planar_dataset(): X (2, 400), Y (1, 400), and its
                 angles t and radii r (2, 200), one row per class
  init.json      initialize_parameters after np.random.seed(s), for a few seeds and sizes
  forward.json   forward cache, cost and gradients on the planar data, per hidden activation
  training.json  nn_model (tanh, n_h = 4, seed 3, learning rate 1.2): parameters after
                 1, 10 and 1000 iterations, the cost every 1000 iterations, and the final
                 parameters, cost and accuracy after 10,000 iterations
"""

import json
import pathlib

import numpy as np

OUT_DIR = pathlib.Path(__file__).resolve().parents[2] / "grader" / "nn" / "fixtures"
LEAKY_ALPHA = 0.01


def encode(a):
    a = np.asarray(a, dtype=np.float64)
    return {"shape": list(a.shape), "data": [float(v) for v in a.ravel()]}


def encode_params(params):
    return {k: encode(v) for k, v in params.items()}


def load_planar_dataset():
    """The course's data set, verbatim (utilities.py of the planar classification notebook)."""
    np.random.seed(1)
    m = 400
    N = int(m / 2)
    D = 2
    X = np.zeros((m, D))
    Y = np.zeros((m, 1), dtype="uint8")
    a = 4
    for j in range(2):
        ix = range(N * j, N * (j + 1))
        t = np.linspace(j * 3.12, (j + 1) * 3.12, N) + np.random.randn(N) * 0.2
        r = a * np.sin(4 * t) + np.random.randn(N) * 0.2
        X[ix] = np.c_[r * np.sin(t), r * np.cos(t)]
        Y[ix] = j
    return X.T, Y.T.astype(np.float64)


def planar_angles_and_radii():
    """The t and r of load_planar_dataset per class (rows), drawn the same way: every random
    number the data set uses is in t and r, and only sin/cos stand between them and X."""
    np.random.seed(1)
    ts, rs = [], []
    for j in range(2):
        t = np.linspace(j * 3.12, (j + 1) * 3.12, 200) + np.random.randn(200) * 0.2
        r = 4 * np.sin(4 * t) + np.random.randn(200) * 0.2
        ts.append(t)
        rs.append(r)
    return np.array(ts), np.array(rs)


# --- activations (mirror grader/nn/activations.ts) -------------------------------------


def sigmoid(z):
    # exp(-|z|) never overflows, so sigmoid(-1000) is 0 and sigmoid(1000) is 1 with no inf.
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))


def hidden_forward(z, hidden, alpha):
    if hidden == "tanh":
        return np.tanh(z)
    if hidden == "relu":
        return np.maximum(z, 0)
    return np.where(z > 0, z, alpha * z)


def hidden_derivative(z, a, hidden, alpha):
    if hidden == "tanh":
        return 1 - a * a
    if hidden == "relu":
        return np.where(z > 0, 1.0, 0.0)
    return np.where(z > 0, 1.0, alpha)


# --- the network (mirror grader/nn/network.ts) -----------------------------------------


def initialize_parameters(n_x, n_h, n_y):
    W1 = np.random.randn(n_h, n_x) * 0.01
    b1 = np.zeros((n_h, 1))
    W2 = np.random.randn(n_y, n_h) * 0.01
    b2 = np.zeros((n_y, 1))
    return {"W1": W1, "b1": b1, "W2": W2, "b2": b2}


def forward_propagation(X, p, hidden="tanh", alpha=LEAKY_ALPHA):
    Z1 = np.dot(p["W1"], X) + p["b1"]
    A1 = hidden_forward(Z1, hidden, alpha)
    Z2 = np.dot(p["W2"], A1) + p["b2"]
    A2 = sigmoid(Z2)
    return A2, {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}


def compute_cost(A2, Y):
    m = Y.shape[1]
    logprobs = np.log(A2) * Y + np.log(1 - A2) * (1 - Y)
    return float(-np.sum(logprobs) / m)


def backward_propagation(p, cache, X, Y, hidden="tanh", alpha=LEAKY_ALPHA):
    m = X.shape[1]
    A1, A2 = cache["A1"], cache["A2"]
    dZ2 = A2 - Y
    dW2 = (1 / m) * np.dot(dZ2, A1.T)
    db2 = (1 / m) * np.sum(dZ2, axis=1, keepdims=True)
    dZ1 = np.dot(p["W2"].T, dZ2) * hidden_derivative(cache["Z1"], A1, hidden, alpha)
    dW1 = (1 / m) * np.dot(dZ1, X.T)
    db1 = (1 / m) * np.sum(dZ1, axis=1, keepdims=True)
    return {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}


def update_parameters(p, g, learning_rate=1.2):
    return {k: p[k] - learning_rate * g["d" + k] for k in ("W1", "b1", "W2", "b2")}


def predict(p, X, hidden="tanh"):
    A2, _ = forward_propagation(X, p, hidden)
    return np.where(A2 > 0.5, 1.0, 0.0)


def accuracy(predictions, Y):
    return float(np.mean(predictions == Y) * 100)


# --- fixtures ---------------------------------------------------------------------------


def write(name, payload):
    payload = {"generator": "scripts/golden/nn_fixtures.py", "numpy": np.__version__, **payload}
    path = OUT_DIR / name
    path.write_text(json.dumps(payload, separators=(",", ":")) + "\n")
    print(f"wrote {path.relative_to(OUT_DIR.parents[2])}")


def main():
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    X, Y = load_planar_dataset()
    t, r = planar_angles_and_radii()
    write("planar.json", {"X": encode(X), "Y": encode(Y), "t": encode(t), "r": encode(r)})

    init_cases = []
    for seed, sizes in [(1, (2, 4, 1)), (2, (2, 4, 1)), (3, (2, 4, 1)), (42, (3, 5, 2))]:
        np.random.seed(seed)
        init_cases.append({"seed": seed, "nX": sizes[0], "nH": sizes[1], "nY": sizes[2],
                           "params": encode_params(initialize_parameters(*sizes))})
    write("init.json", {"cases": init_cases})

    # Unit-scale parameters: with the 0.01 initialisation every A2 is about 0.5 and the
    # forward pass would barely exercise the activations.
    rs = np.random.RandomState(7)
    check_params = {"W1": rs.randn(4, 2), "b1": rs.randn(4, 1), "W2": rs.randn(1, 4), "b2": rs.randn(1, 1)}
    forward_cases = []
    for hidden in ("tanh", "relu", "leaky-relu"):
        A2, cache = forward_propagation(X, check_params, hidden)
        grads = backward_propagation(check_params, cache, X, Y, hidden)
        forward_cases.append({"hidden": hidden, "alpha": LEAKY_ALPHA,
                              "cache": encode_params(cache), "cost": compute_cost(A2, Y),
                              "grads": encode_params(grads)})
    write("forward.json", {"params": encode_params(check_params), "cases": forward_cases})

    np.random.seed(3)
    params = initialize_parameters(X.shape[0], 4, Y.shape[0])
    initial = params
    snapshots = {}
    costs_every_1000 = []
    for i in range(10000):
        A2, cache = forward_propagation(X, params)
        cost = compute_cost(A2, Y)
        if i % 1000 == 0:
            costs_every_1000.append(cost)
        grads = backward_propagation(params, cache, X, Y)
        params = update_parameters(params, grads, 1.2)
        if i + 1 in (1, 10, 1000):
            snapshots[str(i + 1)] = encode_params(params)
    predictions = predict(params, X)
    write("training.json", {
        "hidden": "tanh", "nH": 4, "seed": 3, "learningRate": 1.2, "numIterations": 10000,
        "initial": encode_params(initial),
        "after": snapshots,
        "costsEvery1000": costs_every_1000,
        "lastCost": cost,
        "final": encode_params(params),
        "accuracy": accuracy(predictions, Y),
        "predictions": encode(predictions),
    })


if __name__ == "__main__":
    main()
