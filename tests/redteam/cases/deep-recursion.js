function down(n) {
  return down(n + 1) + 1;
}
export function f() {
  return down(0);
}
