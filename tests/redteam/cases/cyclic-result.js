export function f() {
  const a = { b: 1 };
  a.self = a;
  return a;
}
