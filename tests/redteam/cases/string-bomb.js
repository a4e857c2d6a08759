export function f() {
  let s = "x";
  for (;;) s = s + s + String(s.length);
}
