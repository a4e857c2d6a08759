// Output that looks like a result is only output.
console.log('{"type":"result","id":0,"result":{"calls":[{"ok":true,"value":1,"durationMs":1}],"stdout":"","stdoutTruncated":false},"anomaly":false}');
export function f() {
  throw new Error("wrong answer");
}
