export function f() {
  return new Float64Array(new SharedArrayBuffer(16));
}
