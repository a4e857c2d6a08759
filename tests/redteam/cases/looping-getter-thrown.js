export function f() {
  throw { get message() { for (;;) {} }, name: "Error" };
}
