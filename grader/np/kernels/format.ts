// numpy's print(a) for float64 arrays (arrayprint.py, default options):
// "maxprec" float mode with precision 8, scientific notation when the values
// span too many magnitudes, 75-column line wrapping, and "..." summaries for
// arrays above 1000 elements (3 edge items).
import { shapeSize, stridesOf, type Tensor } from "./shape";

const PRECISION = 8;
const LINE_WIDTH = 75;
const THRESHOLD = 1000;
const EDGE_ITEMS = 3;

interface FloatFormat {
  exp: boolean;
  padLeft: number;
  padRight: number;
  /** Scientific only: mantissa fraction digits and minimum exponent digits. */
  precision: number;
  expDigits: number;
}

/** Shortest round-trip positional digits, cut to PRECISION fraction digits: "1.", "0.5", "0.33333333". */
function positional(x: number): string {
  let s = String(Math.abs(x));
  if (s.includes("e") || (s.split(".")[1]?.length ?? 0) > PRECISION) {
    s = Math.abs(x).toFixed(PRECISION).replace(/0+$/, "");
  }
  if (!s.includes(".")) s += ".";
  return (x < 0 || Object.is(x, -0) ? "-" : "") + s;
}

/** Shortest round-trip scientific mantissa/exponent, cut to PRECISION fraction digits. */
function scientific(x: number): { mantissa: string; exponent: number } {
  let s = Math.abs(x).toExponential();
  let [m = "", e = "0"] = s.split("e");
  if ((m.split(".")[1]?.length ?? 0) > PRECISION) {
    s = Math.abs(x).toExponential(PRECISION);
    [m = "", e = "0"] = s.split("e");
    m = m.replace(/0+$/, "");
  }
  if (!m.includes(".")) m += ".";
  return { mantissa: (x < 0 || Object.is(x, -0) ? "-" : "") + m, exponent: Number(e) };
}

function formatScientific(x: number, f: FloatFormat): string {
  const { mantissa, exponent } = scientific(x);
  const [int = "", frac = ""] = mantissa.split(".");
  const digits = String(Math.abs(exponent)).padStart(f.expDigits, "0");
  return `${int.padStart(f.padLeft)}.${frac.padEnd(f.precision, "0")}e${exponent < 0 ? "-" : "+"}${digits}`;
}

function formatPositional(x: number, f: FloatFormat): string {
  const [int = "", frac = ""] = positional(x).split(".");
  return `${int.padStart(f.padLeft)}.${frac.padEnd(f.padRight)}`;
}

/** FloatingFormat.fillFormat: one format shared by every printed element. */
function chooseFormat(values: readonly number[]): FloatFormat {
  const finite = values.filter(Number.isFinite);
  const nonZero = finite.filter((v) => v !== 0).map(Math.abs);
  let exp = false;
  if (nonZero.length > 0) {
    const max = Math.max(...nonZero);
    const min = Math.min(...nonZero);
    exp = max >= 1e8 || min < 0.0001 || max / min > 1000;
  }
  const f: FloatFormat = { exp, padLeft: 0, padRight: 0, precision: 0, expDigits: 0 };
  if (finite.length > 0) {
    if (exp) {
      const parts = finite.map(scientific);
      f.precision = Math.max(...parts.map((p) => p.mantissa.split(".")[1]?.length ?? 0));
      f.padLeft = Math.max(...parts.map((p) => p.mantissa.split(".")[0]?.length ?? 0));
      f.expDigits = Math.max(2, ...parts.map((p) => String(Math.abs(p.exponent)).length));
      f.padRight = f.expDigits + 2 + f.precision;
    } else {
      const parts = finite.map((v) => positional(v).split("."));
      f.padLeft = Math.max(...parts.map((p) => p[0]?.length ?? 0));
      f.padRight = Math.max(...parts.map((p) => p[1]?.length ?? 0));
    }
  }
  if (finite.length !== values.length) {
    const negInf = values.some((v) => v === -Infinity);
    const offset = f.padRight + 1;
    f.padLeft = Math.max(f.padLeft, 3 - offset, 3 + (negInf ? 1 : 0) - offset);
  }
  return f;
}

function formatValue(x: number, f: FloatFormat): string {
  if (!Number.isFinite(x)) {
    const s = x !== x ? "nan" : x < 0 ? "-inf" : "inf";
    return s.padStart(f.padLeft + f.padRight + 1);
  }
  return f.exp ? formatScientific(x, f) : formatPositional(x, f);
}

/** The flat indices numpy prints (all of them, or the edge items of every axis when summarising). */
function shownValues(t: Tensor, summarise: boolean): number[] {
  if (!summarise) return Array.from(t.data);
  const out: number[] = [];
  const strides = stridesOf(t.shape);
  const walk = (dim: number, offset: number): void => {
    if (dim === t.shape.length) {
      out.push(t.data[offset]!);
      return;
    }
    const len = t.shape[dim]!;
    for (const i of edgeIndices(len, true)) if (i >= 0) walk(dim + 1, offset + i * strides[dim]!);
  };
  walk(0, 0);
  return out;
}

function edgeIndices(len: number, summarise: boolean): number[] {
  if (!summarise || len <= 2 * EDGE_ITEMS) return Array.from({ length: len }, (_, i) => i);
  const lead = Array.from({ length: EDGE_ITEMS }, (_, i) => i);
  const trail = Array.from({ length: EDGE_ITEMS }, (_, i) => len - EDGE_ITEMS + i);
  return [...lead, -1, ...trail];
}

/** _extendLine: wrap before `word` if it would overflow, unless wrapping cannot help. */
function extendLine(acc: { s: string; line: string }, word: string, width: number, indent: string): void {
  if (acc.line.length + word.length > width && acc.line.length > indent.length) {
    acc.s += acc.line.trimEnd() + "\n";
    acc.line = indent;
  }
  acc.line += word;
}

/** repr() of a Python float, which is how numpy prints a 0-d array: 1.0, 0.1, 1e-05, 1e+16. */
export function pythonFloatRepr(x: number): string {
  if (x !== x) return "nan";
  if (x === Infinity) return "inf";
  if (x === -Infinity) return "-inf";
  const sign = x < 0 || Object.is(x, -0) ? "-" : "";
  const [mantissa = "", exp = "0"] = Math.abs(x).toExponential().split("e");
  const e = Number(exp);
  if (e >= -4 && e < 16) {
    const s = String(Math.abs(x));
    return sign + (s.includes(".") ? s : `${s}.0`);
  }
  return `${sign}${mantissa}e${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(2, "0")}`;
}

export function formatTensor(t: Tensor): string {
  const summarise = shapeSize(t.shape) > THRESHOLD;
  const format = chooseFormat(shownValues(t, summarise));
  if (t.shape.length === 0) return pythonFloatRepr(t.data[0]!);
  const strides = stridesOf(t.shape);
  const ndim = t.shape.length;

  const recurse = (dim: number, offset: number, indent: string, width: number): string => {
    const len = t.shape[dim]!;
    const nextIndent = indent + " ";
    const nextWidth = width - 1;
    const indices = edgeIndices(len, summarise);
    let s = "";
    if (dim === ndim - 1) {
      const acc = { s: "", line: indent };
      indices.forEach((i, k) => {
        const last = k === indices.length - 1;
        const word = i < 0 ? "..." : formatValue(t.data[offset + i * strides[dim]!]!, format);
        extendLine(acc, word, last ? width - 1 : width - 1, indent);
        if (!last) acc.line += " ";
      });
      s = acc.s + acc.line;
    } else {
      const sep = "\n".repeat(ndim - dim - 1);
      const parts = indices.map((i) => (i < 0 ? indent + "..." : indent + recurse(dim + 1, offset + i * strides[dim]!, nextIndent, nextWidth)));
      s = parts.join(sep);
    }
    return "[" + s.slice(indent.length) + "]";
  };
  return recurse(0, 0, " ", LINE_WIDTH);
}
