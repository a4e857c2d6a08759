// Puts a Run comparison mismatch into words, in the page's language.
import type { Mismatch } from "@/lib/run/compare-examples";

export function mismatchText(mismatch: Mismatch, locale: string): string {
  const ko = locale === "ko";
  const where = mismatch.path === "" ? "" : ko ? `${mismatch.path}: ` : `${mismatch.path}: `;
  const shape = (s: readonly number[]) => `(${s.join(", ")}${s.length === 1 ? "," : ""})`;
  switch (mismatch.kind) {
    case "missing":
      return ko ? `${mismatch.path} 값이 없습니다.` : `${mismatch.path} is missing.`;
    case "type":
      return ko
        ? `${where}${mismatch.expected} 이(가) 필요한데 ${mismatch.actual} 을(를) 돌려주었습니다.`
        : `${where}expected a ${mismatch.expected}, got a ${mismatch.actual}.`;
    case "shape":
      return ko
        ? `${where}모양이 ${shape(mismatch.expected)} 이어야 하는데 ${shape(mismatch.actual)} 입니다.`
        : `${where}expected shape ${shape(mismatch.expected)}, got ${shape(mismatch.actual)}.`;
    case "not-finite":
      return ko
        ? `${where}위치 [${mismatch.index.join(", ")}] 에 NaN 또는 무한대가 있습니다.`
        : `${where}NaN or infinity at [${mismatch.index.join(", ")}].`;
    case "value":
      return ko
        ? `${where}값이 다릅니다. 가장 큰 오차 ${mismatch.maxAbsError.toPrecision(3)} (위치 [${mismatch.worstIndex.join(", ")}])`
        : `${where}values differ; largest error ${mismatch.maxAbsError.toPrecision(3)} at [${mismatch.worstIndex.join(", ")}].`;
  }
}
