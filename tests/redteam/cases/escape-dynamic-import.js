export async function f() {
  const name = "node:" + "fs";
  const fs = await import(name);
  return fs.readFileSync("/etc/passwd", "utf8");
}
