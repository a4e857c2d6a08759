// Korean and English are both first-class: every message exists in both, with the same
// placeholders, so switching language never shows a key or a raw "{count}".
import { describe, expect, it } from "vitest";
import en from "../../messages/en.json";
import ko from "../../messages/ko.json";

function leaves(value: unknown, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === "string") out.set(prefix, value);
  else if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) for (const [p, s] of leaves(v, prefix ? `${prefix}.${k}` : k)) out.set(p, s);
  }
  return out;
}
const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? "").sort();

describe("messages", () => {
  const koLeaves = leaves(ko);
  const enLeaves = leaves(en);

  it("have the same keys in Korean and English", () => {
    expect([...koLeaves.keys()].sort()).toEqual([...enLeaves.keys()].sort());
  });

  it("use the same placeholders in both languages", () => {
    for (const [key, text] of koLeaves) expect(placeholders(text), key).toEqual(placeholders(enLeaves.get(key) ?? ""));
  });
});
