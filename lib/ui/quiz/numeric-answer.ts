// Reads what a learner typed as a numeric quiz answer. Korean and European keyboards give a
// decimal comma ("-0,03"), and phones may give a typographic minus ("−0.03"): both are accepted.
// Anything else that is not a plain decimal number is refused with a reason the form shows, so
// the Answer button is never disabled without saying why (issue 11). Edit when the accepted
// notation changes (and the `quiz.invalidNumber.*` messages with it).

export type NumericAnswerParse =
  | { readonly kind: "empty" }
  | { readonly kind: "number"; readonly value: number }
  | { readonly kind: "invalid"; readonly reason: "two-separators" | "not-a-number" };

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

export function parseNumericAnswer(text: string): NumericAnswerParse {
  const trimmed = text.trim().replace(/[\u2212\u2012\u2013]/g, "-").replace(/\s+/g, "");
  if (trimmed === "") return { kind: "empty" };
  const commas = (trimmed.match(/,/g) ?? []).length;
  // "1,5" is one and a half; "1,234.5" or "1,2,3" could be a thousands separator: say so rather than guess.
  if (commas > 1 || (commas === 1 && trimmed.includes("."))) return { kind: "invalid", reason: "two-separators" };
  const normalized = trimmed.replace(",", ".");
  if (!DECIMAL.test(normalized)) return { kind: "invalid", reason: "not-a-number" };
  const value = Number(normalized);
  return Number.isFinite(value) ? { kind: "number", value } : { kind: "invalid", reason: "not-a-number" };
}
