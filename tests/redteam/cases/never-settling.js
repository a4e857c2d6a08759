export function f() {
  return new Promise(() => {});
}
