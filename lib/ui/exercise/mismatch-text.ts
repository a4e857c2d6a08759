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
    case "random-init": {
      const ko_ = {
        "bias-not-zero": "편향은 0으로 초기화해야 합니다.",
        "weights-all-zero": "가중치가 모두 0입니다. 은닉 유닛들이 똑같이 학습됩니다(대칭).",
        "rows-equal": "가중치 행 두 개가 같습니다. 은닉 유닛들의 대칭이 깨지지 않습니다.",
        scale: "가중치의 크기가 맞지 않습니다. np.random.randn(...) * 0.01 을 쓰세요.",
        "not-drawn": "가중치가 np.random.randn 으로 뽑은 값과 다릅니다.",
      };
      const en_ = {
        "bias-not-zero": "Biases should start at zero.",
        "weights-all-zero": "The weights are all zero: every hidden unit learns the same thing (symmetry).",
        "rows-equal": "Two rows of the weights are equal: the hidden units' symmetry is not broken.",
        scale: "The weights have the wrong scale: use np.random.randn(...) * 0.01.",
        "not-drawn": "The weights are not the values drawn with np.random.randn.",
      };
      return `${where}${(ko ? ko_ : en_)[mismatch.problem]}`;
    }
    case "value":
      return ko
        ? `${where}값이 다릅니다. 가장 큰 오차 ${mismatch.maxAbsError.toPrecision(3)} (위치 [${mismatch.worstIndex.join(", ")}])`
        : `${where}values differ; largest error ${mismatch.maxAbsError.toPrecision(3)} at [${mismatch.worstIndex.join(", ")}].`;
  }
}
