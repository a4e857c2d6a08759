// Custom check: the cross-entropy cost of the returned parameters on the training data is finite
// and well below log 2 ≈ 0.693, the cost of the tiny random weights training starts from (every
// output ≈ 0.5). Runs in the sandbox with np in scope; args are the named arguments { X, Y, ... }.
import * as np from "np";
import type { NDArray } from "np";

const START_COST = Math.log(2);
const MAX_COST = 0.5;

export function check(
  args: { X: NDArray; Y: NDArray },
  actual: { W1: NDArray; b1: NDArray; W2: NDArray; b2: NDArray },
): { pass: boolean; message?: { ko: string; en: string } } {
  const { X, Y } = args;
  const A1 = np.tanh(np.add(np.dot(actual.W1, X), actual.b1));
  const Z2 = np.add(np.dot(actual.W2, A1), actual.b2);
  // log σ(z) = −log(1 + e^{−z}) computed without overflow for any z.
  const logSigmoid = (z: NDArray): NDArray => np.negative(np.add(np.maximum(np.negative(z), 0), np.log1p(np.exp(np.negative(np.abs(z))))));
  const losses = np.add(np.multiply(Y, logSigmoid(Z2)), np.multiply(np.subtract(1, Y), logSigmoid(np.negative(Z2))));
  const cost = -np.mean(losses);
  if (Number.isFinite(cost) && cost <= MAX_COST) return { pass: true };
  const shown = Number.isFinite(cost) ? cost.toFixed(4) : String(cost);
  return {
    pass: false,
    message: {
      ko: `학습한 파라미터의 비용이 ${shown} 입니다. 작은 랜덤 가중치에서 시작한 비용 ${START_COST.toFixed(3)} (log 2) 에서 ${MAX_COST} 아래로 내려가야 합니다. 업데이트의 부호, 1/m, 활성화 함수의 도함수를 확인하세요.`,
      en: `The trained parameters have cost ${shown}. Starting from log 2 ≈ ${START_COST.toFixed(3)} (tiny random weights), it should fall below ${MAX_COST}. Check the sign of the update, the 1/m and the activation's derivative.`,
    },
  };
}
