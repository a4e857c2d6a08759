// Shows example inputs, expected and actual outputs the way numpy prints them, so the page reads
// like the lecture notes: array([[0.26894142, 0.5, 0.88079708]]) with shape (1, 3).
import { isShownArray } from "@/lib/run/shown";

function formatNumber(value: unknown): string {
  if (typeof value === "string") return value === "Infinity" ? "inf" : value === "-Infinity" ? "-inf" : value === "NaN" ? "nan" : value;
  if (value === null) return "nan";
  if (typeof value !== "number") return JSON.stringify(value) ?? "undefined";
  if (Number.isNaN(value)) return "nan";
  if (!Number.isFinite(value)) return value > 0 ? "inf" : "-inf";
  if (Number.isInteger(value) && Math.abs(value) < 1e16) return `${value}.`;
  const abs = Math.abs(value);
  if (abs !== 0 && (abs < 1e-4 || abs >= 1e16)) return value.toExponential(8).replace(/\.?0+e/, "e");
  return String(Number(value.toPrecision(8)));
}

function formatNested(values: unknown, depth: number): string {
  if (!Array.isArray(values)) return formatNumber(values);
  const inner = values.map((v) => formatNested(v, depth + 1));
  const separator = Array.isArray(values[0]) ? `,\n${" ".repeat(depth + 7)}` : ", ";
  return `[${inner.join(separator)}]`;
}

export function formatShown(value: unknown): string {
  if (isShownArray(value)) {
    if (value.shape.length === 0) return `array(${formatNumber(value.values)})`;
    return `array(${formatNested(value.values, 0)})`;
  }
  if (Array.isArray(value)) return `[${value.map(formatShown).join(", ")}]`;
  if (value !== null && typeof value === "object") {
    return `{\n${Object.entries(value)
      .map(([k, v]) => `  ${k}: ${formatShown(v).replace(/\n/g, "\n  ")}`)
      .join(",\n")}\n}`;
  }
  if (typeof value === "number") return formatNumber(value);
  return JSON.stringify(value) ?? "undefined";
}

export function shapeOf(value: unknown): string | null {
  return isShownArray(value) ? `(${value.shape.join(", ")}${value.shape.length === 1 ? "," : ""})` : null;
}
