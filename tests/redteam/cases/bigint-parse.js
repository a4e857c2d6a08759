// Parsing a huge BigInt is not interruptible in V8: only the process-level wall clock stops it.
export function f() {
  return BigInt("9".repeat(20_000_000)).toString().length;
}
