export function f() {
  for (let i = 0; i < 10_000; i++) console.log("line", i, "x".repeat(100));
  return 7;
}
