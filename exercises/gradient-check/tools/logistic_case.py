"""Generates the fixed logistic-regression case of the gradient-check exercise (exercise.json,
tests "logistic-regression-*"): theta = [w1, w2, b], the cost J(theta) written as the JavaScript
source the grader passes to the learner, its exact gradient and a gradient with a typical bug
(the 1/m forgotten). Run: python3 exercises/gradient-check/tools/logistic_case.py > exercises/gradient-check/tools/logistic_case.json
"""
import json

import numpy as np

X = np.array([[1.0, -2.0, 0.5, 3.0], [0.5, 1.0, -1.5, 2.0]])
Y = np.array([[1.0, 0.0, 0.0, 1.0]])
theta = np.array([[0.3], [-0.7], [0.1]])
m = X.shape[1]


def cost(t):
    z = t[0, 0] * X[0] + t[1, 0] * X[1] + t[2, 0]
    a = 1 / (1 + np.exp(-z))
    return float(-np.mean(Y * np.log(a) + (1 - Y) * np.log(1 - a)))


z = theta[0, 0] * X[0] + theta[1, 0] * X[1] + theta[2, 0]
a = 1 / (1 + np.exp(-z))
dz = a - Y[0]
grad = np.array([[np.dot(dz, X[0]) / m], [np.dot(dz, X[1]) / m], [np.sum(dz) / m]])

# The same cost as JavaScript with np in scope; X and Y are closed over as literals.
source = (
    "(theta) => { const X = np.array(" + json.dumps(X.tolist()) + "); const Y = np.array(" + json.dumps(Y.tolist()) + ");"
    " const z = np.dot(np.reshape(theta, [1, 3]), np.vstack([X, np.ones([1, 4])]));"
    " const a = np.divide(1, np.add(1, np.exp(np.negative(z))));"
    " return -np.mean(np.add(np.multiply(Y, np.log(a)), np.multiply(np.subtract(1, Y), np.log(np.subtract(1, a))))); }"
)

print(json.dumps({
    "source": source,
    "theta": theta.tolist(),
    "grad": grad.tolist(),
    "gradWithoutOneOverM": (grad * m).tolist(),
    "cost": cost(theta),
}, indent=2))
