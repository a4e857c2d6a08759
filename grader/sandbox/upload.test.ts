// validateUpload: empty, too large and non-UTF-8 files are refused with a clear message.
import { describe, expect, it } from "vitest";
import { DEFAULT_MAX_UPLOAD_BYTES, validateUpload } from "./upload";

describe("validateUpload", () => {
  it("accepts UTF-8 text, Korean included", () => {
    const text = "// 시그모이드\nexport const f = 1;\n";
    expect(validateUpload(new TextEncoder().encode(text))).toEqual({ ok: true, text });
  });

  it("refuses an empty file", () => {
    expect(validateUpload(new Uint8Array(0))).toMatchObject({ ok: false, reason: "empty" });
  });

  it("refuses a file over the limit and names the limit", () => {
    const check = validateUpload(new Uint8Array(DEFAULT_MAX_UPLOAD_BYTES + 1).fill(32));
    expect(check).toMatchObject({ ok: false, reason: "too-large" });
    if (!check.ok) expect(check.message).toContain("256 KB");
    expect(validateUpload(new Uint8Array(DEFAULT_MAX_UPLOAD_BYTES).fill(32)).ok).toBe(true);
  });

  it("takes a configured limit", () => {
    expect(validateUpload(new Uint8Array(11).fill(32), { maxBytes: 10 })).toMatchObject({ ok: false, reason: "too-large" });
  });

  it("refuses bytes that are not UTF-8", () => {
    expect(validateUpload(new Uint8Array([0x65, 0xff, 0xfe, 0x41]))).toMatchObject({ ok: false, reason: "not-utf8" });
    // A lone surrogate encoded as UTF-8 (CESU) is not valid UTF-8 either.
    expect(validateUpload(new Uint8Array([0xed, 0xa0, 0x80]))).toMatchObject({ ok: false, reason: "not-utf8" });
  });
});
