export function f() {
  const memory = new WebAssembly.Memory({ initial: 1, maximum: 65536 });
  memory.grow(60000);
  return memory.buffer.byteLength;
}
