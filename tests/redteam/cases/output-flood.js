export function f() {
  for (;;) console.log("spam ".repeat(1000));
}
