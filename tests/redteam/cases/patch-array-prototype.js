// Array built-ins the sandbox might use to build or read results, all sabotaged.
Array.prototype.push = function () { throw new Error("push patched"); };
Array.prototype.map = function () { return ["fake"]; };
Array.prototype.join = function () { return "fake"; };
Array.prototype[Symbol.iterator] = function* () { yield "fake"; };
Array.isArray = () => false;
Object.defineProperty(Array.prototype, "0", { get() { return "fake"; }, set() { throw new Error("setter patched"); }, configurable: true });
export function f(x) {
  return [x, 2, 3];
}
