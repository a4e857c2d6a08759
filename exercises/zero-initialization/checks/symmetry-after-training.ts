// Custom check: trains the returned parameters for 200 steps of gradient descent (tanh hidden layer,
// sigmoid output) on a small fixed data set and passes when the hidden units are still identical:
// every row of W1 and b1 equal, every entry of W2 equal. Zero initialization passes; a random one
// does not. Runs in the sandbox with np in scope.
import * as np from "np";
import type { NDArray } from "np";

interface Parameters {
  W1: NDArray;
  b1: NDArray;
  W2: NDArray;
  b2: NDArray;
}

function rowsEqual(a: NDArray): number | null {
  const [rows = 0, cols = 1] = a.shape.length === 1 ? [a.shape[0] ?? 0, 1] : a.shape;
  for (let r = 1; r < rows; r++) {
    for (let c = 0; c < cols; c++) if (a.data[r * cols + c] !== a.data[c]) return r;
  }
  return null;
}

export function check(_args: unknown, actual: Parameters): { pass: boolean; message?: { ko: string; en: string } } {
  let { W1, b1, W2, b2 } = actual;
  const nX = W1.shape[1] ?? 0;
  // Columns are examples: a fixed, non-separable set of nX-dimensional points.
  const X = np.reshape(np.sin(np.arange(nX * 12)), [nX, 12]).mul(3);
  const Y = np.array([[1, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 1]]);
  const m = 12;
  for (let i = 0; i < 200; i++) {
    const A1 = np.tanh(np.dot(W1, X).add(b1));
    const A2 = np.divide(1, np.add(1, np.exp(np.negative(np.dot(W2, A1).add(b2)))));
    const dZ2 = A2.sub(Y);
    const dW2 = np.dot(dZ2, A1.T).div(m);
    const db2 = np.sum(dZ2, { axis: 1, keepdims: true }).div(m);
    const dZ1 = np.dot(W2.T, dZ2).mul(np.subtract(1, np.square(A1)));
    const dW1 = np.dot(dZ1, X.T).div(m);
    const db1 = np.sum(dZ1, { axis: 1, keepdims: true }).div(m);
    W1 = W1.sub(dW1.mul(1.2));
    b1 = b1.sub(db1.mul(1.2));
    W2 = W2.sub(dW2.mul(1.2));
    b2 = b2.sub(db2.mul(1.2));
  }
  const differentRow = rowsEqual(W1) ?? rowsEqual(b1) ?? rowsEqual(W2.T);
  if (differentRow === null) return { pass: true };
  return {
    pass: false,
    message: {
      ko: `200 번 학습한 뒤 은닉 유닛 0 과 ${differentRow} 이 서로 다릅니다. 대칭이 깨졌다는 뜻이니 0 으로 초기화한 것이 아닙니다.`,
      en: `After 200 training steps, hidden units 0 and ${differentRow} differ: the symmetry was broken, so this is not a zero initialization.`,
    },
  };
}
