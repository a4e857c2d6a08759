// Error.prepareStackTrace is the sandbox's and cannot be replaced.
try {
  Error.prepareStackTrace = () => { for (;;) {} };
} catch {
  Object.defineProperty(Error, "stackTraceLimit", { get() { for (;;) {} } });
}
export function f() {
  throw new Error("boom");
}
