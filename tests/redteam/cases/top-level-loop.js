// The module itself never finishes loading.
while (true) {}
export function f() {
  return 1;
}
