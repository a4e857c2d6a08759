// Maps a position in the emitted JavaScript back to the learner's TypeScript with the inline
// source map the compiler appends (Monaco's worker in the browser, typescript in tests), so errors
// and editor markers point at the line the learner wrote.
const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

function decodeVlq(segment: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = BASE64.indexOf(char);
    if (digit < 0) break;
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return values;
}

export interface LineMapper {
  /** 1-based generated line and column → 1-based source line and column, or null. */
  original(line: number, column: number): { line: number; column: number } | null;
}

export function inlineSourceMap(js: string): LineMapper | null {
  const match = /\/\/# sourceMappingURL=data:application\/json;base64,([A-Za-z0-9+/=]+)\s*$/.exec(js);
  if (!match?.[1]) return null;
  let mappings: string;
  try {
    const parsed: unknown = JSON.parse(atob(match[1]));
    if (parsed === null || typeof parsed !== "object" || !("mappings" in parsed) || typeof parsed.mappings !== "string") return null;
    mappings = parsed.mappings;
  } catch {
    return null;
  }
  // Per generated line: segments of [generated column, source line, source column] (0-based).
  const lines: [number, number, number][][] = [];
  let sourceLine = 0;
  let sourceColumn = 0;
  for (const lineText of mappings.split(";")) {
    let column = 0;
    const segments: [number, number, number][] = [];
    for (const segment of lineText.split(",")) {
      if (segment === "") continue;
      const [dc = 0, ds, dl, dcol] = decodeVlq(segment);
      column += dc;
      // One source file: the source index (ds) is always 0 and not needed.
      if (ds === undefined || dl === undefined || dcol === undefined) continue;
      sourceLine += dl;
      sourceColumn += dcol;
      segments.push([column, sourceLine, sourceColumn]);
    }
    lines.push(segments);
  }
  return {
    original(line, column) {
      const segments = lines[line - 1];
      if (!segments || segments.length === 0) return null;
      let best = segments[0];
      for (const s of segments) if (s[0] <= column - 1) best = s;
      return best ? { line: best[1] + 1, column: best[2] + 1 } : null;
    },
  };
}
