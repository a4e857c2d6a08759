// Checks an uploaded source file before it goes anywhere near the grader: not empty, valid
// UTF-8, not too large. Each refusal carries a message a learner can act on.
// Edit when the upload rules change.
export const DEFAULT_MAX_UPLOAD_BYTES = 256 * 1024;

export type UploadCheck = { ok: true; text: string } | { ok: false; reason: "empty" | "too-large" | "not-utf8"; message: string };

export function validateUpload(bytes: Uint8Array, options: { maxBytes?: number } = {}): UploadCheck {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_UPLOAD_BYTES;
  if (bytes.byteLength === 0) return { ok: false, reason: "empty", message: "the file is empty" };
  if (bytes.byteLength > maxBytes) {
    return { ok: false, reason: "too-large", message: `the file is ${bytes.byteLength} bytes; the limit is ${maxBytes} bytes (${Math.floor(maxBytes / 1024)} KB)` };
  }
  try {
    // ignoreBOM: false strips a leading byte order mark, which editors on Windows add.
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return { ok: true, text };
  } catch {
    return { ok: false, reason: "not-utf8", message: "the file is not valid UTF-8 text; save it as UTF-8" };
  }
}
