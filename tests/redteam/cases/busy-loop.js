export function f() {
  for (;;) {}
}
