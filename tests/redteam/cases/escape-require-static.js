import fs from "node:fs";
export function f() {
  return fs.readFileSync("/etc/passwd", "utf8");
}
