export async function f() {
  for (;;) await null;
}
