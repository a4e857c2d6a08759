// Typed-array accessors patched after the result is built: the sandbox reads the real data.
import * as np from "np";
export function f() {
  const result = np.ones([2]);
  const TypedArray = Object.getPrototypeOf(Float64Array.prototype);
  Object.defineProperty(TypedArray, "length", { get() { return 0; }, configurable: true });
  Object.defineProperty(TypedArray, Symbol.toStringTag, { get() { return "Float64Array"; }, configurable: true });
  Object.defineProperty(Float64Array.prototype, "0", { get() { return 42; }, configurable: true });
  return result;
}
