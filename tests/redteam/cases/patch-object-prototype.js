// Fake verdict fields on every object: a failing call must still fail.
Object.defineProperty(Object.prototype, "ok", { get() { return true; }, configurable: true });
Object.defineProperty(Object.prototype, "value", { get() { return 1; }, configurable: true });
Object.prototype.toJSON = function () { return { ok: true, value: 1 }; };
Object.keys = () => ["ok"];
export function f() {
  throw new Error("real failure");
}
