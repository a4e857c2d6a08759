export function f() {
  return Math.max;
}
