// Array buffers live outside the V8 heap: isolated-vm's allocator must count them.
export function f() {
  const hoard = [];
  for (;;) hoard.push(new Float64Array(1 << 24));
}
