// The Function constructor reached from a plain object: code runs, but only inside the isolate.
export function f() {
  return ({}).constructor.constructor("return process")().env;
}
