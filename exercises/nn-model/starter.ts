import * as np from "np";
import type { NDArray } from "np";

interface Parameters {
  W1: NDArray;
  b1: NDArray;
  W2: NDArray;
  b2: NDArray;
}

interface Cache {
  Z1: NDArray;
  A1: NDArray;
  Z2: NDArray;
  A2: NDArray;
}

/**
 * Forward propagation (tanh hidden layer, sigmoid output): A2 and the cache { Z1, A1, Z2, A2 }.
 *
 * 순전파 (은닉층 tanh, 출력층 시그모이드): A2 와 cache { Z1, A1, Z2, A2 }.
 */
export function forwardPropagation(X: NDArray, parameters: Parameters): { A2: NDArray; cache: Cache } {
  // TODO: Z1 = W1·X + b1, A1 = tanh(Z1), Z2 = W2·A1 + b2, A2 = σ(Z2).
  // 할 일: Z1 = W1·X + b1, A1 = tanh(Z1), Z2 = W2·A1 + b2, A2 = σ(Z2).
  const m = X.shape[1] ?? 0;
  const Z1 = np.zeros([parameters.W1.shape[0] ?? 0, m]);
  const Z2 = np.zeros([parameters.W2.shape[0] ?? 0, m]);
  return { A2: Z2, cache: { Z1, A1: Z1, Z2, A2: Z2 } };
}

/**
 * The cross-entropy cost J, averaged over the m examples.
 *
 * m 개 예제에 대해 평균한 교차 엔트로피 비용 J.
 */
export function computeCost(A2: NDArray, Y: NDArray): number {
  // TODO: J = −(1/m) Σ (Y·log A2 + (1 − Y)·log(1 − A2)).
  // 할 일: J = −(1/m) Σ (Y·log A2 + (1 − Y)·log(1 − A2)).
  void A2;
  void Y;
  return 0;
}

/**
 * The gradients { dW1, db1, dW2, db2 } of J, from the cache of forwardPropagation.
 *
 * forwardPropagation 의 cache 로 구한 J 의 기울기 { dW1, db1, dW2, db2 }.
 */
export function backwardPropagation(parameters: Parameters, cache: Cache, X: NDArray, Y: NDArray) {
  // TODO: dZ2 = A2 − Y, dW2, db2, then dZ1 = W2ᵀ·dZ2 ⊙ (1 − A1²), dW1, db1 (each with 1/m).
  // 할 일: dZ2 = A2 − Y, dW2, db2, 그다음 dZ1 = W2ᵀ·dZ2 ⊙ (1 − A1²), dW1, db1 (모두 1/m).
  void cache;
  void X;
  void Y;
  const { W1, b1, W2, b2 } = parameters;
  return { dW1: np.zeros(W1.shape), db1: np.zeros(b1.shape), dW2: np.zeros(W2.shape), db2: np.zeros(b2.shape) };
}

/**
 * Trains the one-hidden-layer network (tanh hidden layer with nH units, sigmoid output) on X (nX, m)
 * and Y (1, m) by gradient descent with learning rate 1.2, and returns the trained parameters.
 * Write every helper you need in this file: sigmoid, initialization, forward and backward
 * propagation, the parameter update.
 *
 * 은닉층 하나짜리 신경망 (nH 개 유닛의 tanh 은닉층, 시그모이드 출력층) 을 X (nX, m), Y (1, m) 로
 * 학습률 1.2 의 경사 하강법으로 학습하고, 학습된 매개변수를 돌려줍니다.
 * 필요한 함수는 모두 이 파일에 쓰세요: 시그모이드, 초기화, 순전파와 역전파, 매개변수 업데이트.
 */
export function nnModel(X: NDArray, Y: NDArray, nH: number, numIterations = 10000): Parameters {
  const nX = X.shape[0] ?? 0;
  const nY = Y.shape[0] ?? 0;
  // TODO: initialize the parameters (randn * 0.01 weights, zero biases), then repeat numIterations times:
  //       forward propagation → backward propagation → update with learning rate 1.2.
  // 할 일: 매개변수를 초기화하고 (randn * 0.01 가중치, 0 편향), numIterations 번 되풀이하세요:
  //        순전파 → 역전파 → 학습률 1.2 로 업데이트.
  void numIterations;
  return { W1: np.zeros([nH, nX]), b1: np.zeros([nH, 1]), W2: np.zeros([nY, nH]), b2: np.zeros([nY, 1]) };
}
