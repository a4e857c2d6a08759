export function f() {
  const spin = () => Promise.resolve().then(spin);
  spin();
  return 1;
}
