export function f() {
  return new Proxy([], { get(_target, key) { return key === "length" ? 1e12 : 1; } });
}
