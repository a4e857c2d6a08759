export function f() {
  return { get loss() { for (;;) {} } };
}
