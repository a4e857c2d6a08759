// Mutating the inputs changes nothing for the next call: each call gets fresh arguments.
export function f(x) {
  const seen = x.data[0];
  x.data[0] = 999;
  return seen;
}
