// A thrown Proxy whose every trap throws another such Proxy.
const evil = () => new Proxy({}, { get() { throw evil(); }, getPrototypeOf() { throw evil(); }, has() { throw evil(); } });
export function f() {
  throw evil();
}
