#!/usr/bin/env python3
"""The numpy half of bench/train.bench.ts: the reference network's training loop in numpy.

Spawned by the TypeScript benchmark; prints one JSON line on stdout:
{"numpy": version, "seconds": [wall time of each run], "finalCost": cost of the last iteration},
or with --ops {"numpy": version, "ops": {operation: seconds per call}}.
The loop is grader/nn/network.ts written in numpy, operation for operation (the same stable
sigmoid, `(1/m) * x`, `1 - A1 * A1`), on the course's planar data set, so both sides do the
same work. Edit it together with network.ts.
"""

import argparse
import json
import time

import numpy as np


def load_planar_dataset():
    np.random.seed(1)
    m, N, D, a = 400, 200, 2, 4
    X = np.zeros((m, D))
    Y = np.zeros((m, 1))
    for j in range(2):
        ix = range(N * j, N * (j + 1))
        t = np.linspace(j * 3.12, (j + 1) * 3.12, N) + np.random.randn(N) * 0.2
        r = a * np.sin(4 * t) + np.random.randn(N) * 0.2
        X[ix] = np.c_[r * np.sin(t), r * np.cos(t)]
        Y[ix] = j
    return X.T.copy(), Y.T.copy()


def sigmoid(z):
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))


def nn_model(X, Y, n_h, num_iterations, learning_rate, seed):
    np.random.seed(seed)
    n_x, n_y, m = X.shape[0], Y.shape[0], X.shape[1]
    W1 = np.random.randn(n_h, n_x) * 0.01
    b1 = np.zeros((n_h, 1))
    W2 = np.random.randn(n_y, n_h) * 0.01
    b2 = np.zeros((n_y, 1))
    cost = float("nan")
    for _ in range(num_iterations):
        Z1 = np.dot(W1, X) + b1
        A1 = np.tanh(Z1)
        Z2 = np.dot(W2, A1) + b2
        A2 = sigmoid(Z2)
        logprobs = np.log(A2) * Y + np.log(1 - A2) * (1 - Y)
        cost = float(-np.sum(logprobs) / m)
        dZ2 = A2 - Y
        dW2 = (1 / m) * np.dot(dZ2, A1.T)
        db2 = (1 / m) * np.sum(dZ2, axis=1, keepdims=True)
        dZ1 = np.dot(W2.T, dZ2) * (1 - A1 * A1)
        dW1 = (1 / m) * np.dot(dZ1, X.T)
        db1 = (1 / m) * np.sum(dZ1, axis=1, keepdims=True)
        W1 = W1 - learning_rate * dW1
        b1 = b1 - learning_rate * db1
        W2 = W2 - learning_rate * dW2
        b2 = b2 - learning_rate * db2
    return cost


def op_timings(X, Y):
    """Seconds per call of each operation of the loop, at the loop's shapes (names as in
    OPS of train.bench.ts). Operands come from one forward pass of unit-scale parameters."""
    rs = np.random.RandomState(0)
    W1, b1, W2, b2 = rs.randn(4, 2), rs.randn(4, 1), rs.randn(1, 4), rs.randn(1, 1)
    Z1 = np.dot(W1, X) + b1
    A1 = np.tanh(Z1)
    Z2 = np.dot(W2, A1) + b2
    A2 = sigmoid(Z2)
    dZ2 = A2 - Y
    dZ1 = np.dot(W2.T, dZ2) * (1 - A1 * A1)
    ops = {
        "dot(W1, X)": lambda: np.dot(W1, X),
        "dot(W2, A1)": lambda: np.dot(W2, A1),
        "dot(dZ2, A1.T)": lambda: np.dot(dZ2, A1.T),
        "dot(W2.T, dZ2)": lambda: np.dot(W2.T, dZ2),
        "dot(dZ1, X.T)": lambda: np.dot(dZ1, X.T),
        "tanh (4,400)": lambda: np.tanh(Z1),
        "exp (1,400)": lambda: np.exp(Z2),
        "log (1,400)": lambda: np.log(A2),
        "abs (1,400)": lambda: np.abs(Z2),
        "negative (1,400)": lambda: -Z2,
        "add (4,400)+(4,1)": lambda: Z1 + b1,
        "add (1,400)+(1,1)": lambda: Z2 + b2,
        "add (1,400)+(1,400)": lambda: A2 + Z2,
        "add scalar (1,400)": lambda: 1 + A2,
        "subtract scalar (1,400)": lambda: 1 - A2,
        "subtract scalar (4,400)": lambda: 1 - A1,
        "subtract (1,400)-(1,400)": lambda: A2 - Y,
        "multiply (1,400)*(1,400)": lambda: A2 * Y,
        "multiply (4,400)*(4,400)": lambda: A1 * A1,
        "multiply scalar (4,2)": lambda: 1.2 * W1,
        "subtract (4,2)-(4,2)": lambda: W1 - W1,
        "divide scalar/(1,400)": lambda: 1 / A2,
        "divide (1,400)/(1,400)": lambda: A2 / Z2,
        "greater_equal (1,400), 0": lambda: Z2 >= 0,
        "where (1,400)": lambda: np.where(Z2 >= 0, A2, Z2),
        "sum (1,400)": lambda: np.sum(A2),
        "sum (4,400) axis 1 keepdims": lambda: np.sum(dZ1, axis=1, keepdims=True),
    }
    # The fastest of 25 samples of 200 calls: on a shared machine a descheduled sample only
    # gets slower, so the minimum is the stable figure (train.bench.ts does the same).
    out = {}
    for name, op in ops.items():
        for _ in range(2000):
            op()
        best = float("inf")
        for _ in range(25):
            start = time.perf_counter()
            for _ in range(200):
                op()
            best = min(best, (time.perf_counter() - start) / 200)
        out[name] = best
    return out


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--iterations", type=int, default=10000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--ops", action="store_true", help="time each operation of the loop instead")
    args = parser.parse_args()
    if args.ops:
        X, Y = load_planar_dataset()
        print(json.dumps({"numpy": np.__version__, "ops": op_timings(X, Y)}))
        return
    X, Y = load_planar_dataset()
    seconds = []
    cost = float("nan")
    for _ in range(args.repeats):
        start = time.perf_counter()
        cost = nn_model(X, Y, 4, args.iterations, 1.2, 3)
        seconds.append(time.perf_counter() - start)
    print(json.dumps({"numpy": np.__version__, "seconds": seconds, "finalCost": cost}))


if __name__ == "__main__":
    main()
