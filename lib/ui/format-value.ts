// Shows example inputs, expected and actual outputs the way numpy prints them, so the page reads
// like the lecture notes: array([[0.26894142, 0.5, 0.88079708]]) with shape (1, 3).
import type { ShownPreview } from "@/grader/index";
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


export function isShownPreview(value: unknown): value is ShownPreview {
  return value !== null && typeof value === "object" && (value as { truncated?: unknown }).truncated === true && "preview" in value;
}

/** How much of a truncated value is shown, for "the first 100 of 1,000,000". */
export function truncationOf(value: unknown): { shown: number; total: number } | null {
  if (!isShownPreview(value)) return null;
  const shown = typeof value.preview === "string" || Array.isArray(value.preview) ? value.preview.length : 0;
  return { shown, total: value.size ?? value.length ?? shown };
}

function formatPreview(value: ShownPreview): string {
  const { preview } = value;
  if (typeof preview === "string") return `${JSON.stringify(preview).slice(0, -1)}…"`;
  const items = Array.isArray(preview) ? preview : [];
  const shown = value.shape ? items.map(formatNumber) : items.map(formatShown);
  const body = `[${[...shown, "…"].join(", ")}]`;
  return value.shape ? `array(${body})` : body;
}

export function formatShown(value: unknown): string {
  if (isShownPreview(value)) return formatPreview(value);
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
  const shape = isShownArray(value) ? value.shape : isShownPreview(value) ? value.shape : undefined;
  return shape ? `(${shape.join(", ")}${shape.length === 1 ? "," : ""})` : null;
}
