// Everything a Node escape would need, probed by name.
export function f() {
  const names = ["process", "fetch", "setTimeout", "setInterval", "queueMicrotask", "WebAssembly", "SharedArrayBuffer", "Atomics", "Buffer", "global", "module", "exports", "__dirname", "XMLHttpRequest", "WebSocket", "Deno", "Bun", "ivm", "_ivm", "__learnerModule", "__sandboxRuntime"];
  return names.filter((name) => typeof globalThis[name] !== "undefined");
}
