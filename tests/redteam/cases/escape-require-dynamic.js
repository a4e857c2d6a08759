// A computed name esbuild cannot see: refused at run time by the isolate's require.
export function f() {
  const name = ["child", "process"].join("_");
  return require(name).execSync("id").toString();
}
