// The message catalogue: every string a verdict can contain, in Korean and English.
// Engine code builds Localized values from here and renders them once, in the requested locale.
// Edit to reword a message or add one; keep both languages saying the same thing.
import { COMPILE_MEMORY_MB, COMPILE_TIMEOUT_MS, MAX_DIM, MAX_ELEMENTS, MAX_NDIM, MAX_NESTING, MAX_VALUE_CHARS } from "../sandbox/constants";
import type { Locale } from "./verdict";

export interface Localized {
  readonly ko: string;
  readonly en: string;
}

export function render(message: Localized, locale: Locale): string {
  return message[locale];
}

export function joinLocalized(parts: readonly Localized[], separator = " "): Localized {
  return { ko: parts.map((p) => p.ko).join(separator), en: parts.map((p) => p.en).join(separator) };
}

export function formatShape(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(", ")})`;
}

export function formatIndex(index: readonly number[]): string {
  return `[${index.join(", ")}]`;
}

/** Numbers as a learner reads them: short, but never rounding a wrong value to look right. */
export function formatNumber(x: number): string {
  if (Number.isNaN(x)) return "nan";
  if (!Number.isFinite(x)) return x > 0 ? "inf" : "-inf";
  if (x === 0) return "0";
  const abs = Math.abs(x);
  if (abs >= 1e-4 && abs < 1e6) return String(Number(x.toPrecision(8)));
  return x.toExponential(6).replace(/\.?0+e/, "e");
}

/** Significant digits of an expected value in a hidden test's message (ADR 007). */
export const HIDDEN_EXPECTED_DIGITS = 4;

/** An expected value a learner may not see exactly (a hidden test's): rounded, enough to compare. */
export function formatRounded(x: number): string {
  if (!Number.isFinite(x) || x === 0) return formatNumber(x);
  const abs = Math.abs(x);
  if (abs >= 1e-4 && abs < 1e6) return String(Number(x.toPrecision(HIDDEN_EXPECTED_DIGITS)));
  return x.toExponential(HIDDEN_EXPECTED_DIGITS - 1).replace(/\.?0+e/, "e");
}

const where = (path: string): Localized =>
  path === "" ? { ko: "출력", en: "the output" } : { ko: `\`${path}\``, en: `\`${path}\`` };

export const messages = {
  // Upload and execution errors.
  uploadTooLarge: (bytes: number, limit: number): Localized => ({
    ko: `제출한 코드가 너무 큽니다: ${bytes} 바이트 (최대 ${limit} 바이트).`,
    en: `The submission is too large: ${bytes} bytes (at most ${limit}).`,
  }),
  uploadNotText: (): Localized => ({
    ko: "제출한 코드에 텍스트가 아닌 문자(NUL)가 있습니다.",
    en: "The submission contains a non-text character (NUL).",
  }),
  compileError: (detail: string): Localized => ({
    ko: `코드를 컴파일할 수 없습니다: ${detail}`,
    en: `The code does not compile: ${detail}`,
  }),
  tooLarge: (detail: string): Localized => ({
    ko: `반환한 값이 채점기의 크기 예산을 넘습니다 (배열은 원소 ${MAX_ELEMENTS}개, 차원 ${MAX_NDIM}개, 차원 하나의 길이 ${MAX_DIM} 까지이며 길이가 0 인 차원도 1 로 셉니다. 값 하나는 JSON ${MAX_VALUE_CHARS}자까지입니다): ${detail}`,
    en: `The returned value is over the grader's size budget (arrays: at most ${MAX_ELEMENTS} elements, ${MAX_NDIM} dimensions and ${MAX_DIM} per dimension, a zero dimension counting as 1; one value: at most ${MAX_VALUE_CHARS} characters of JSON): ${detail}`,
  }),
  compileBudget: (kind: "brackets" | "labels" | "time" | "memory", limit: number): Localized => {
    const what: Localized =
      kind === "brackets"
        ? { ko: `괄호가 ${limit}단계보다 깊게 중첩되어 있습니다`, en: `brackets are nested deeper than ${limit} levels` }
        : kind === "labels"
          ? { ko: `레이블이 ${limit}개보다 많이 이어져 있습니다`, en: `more than ${limit} labels are chained` }
          : kind === "time"
            ? { ko: `컴파일이 ${limit} ms 보다 오래 걸렸습니다`, en: `compiling took longer than ${limit} ms` }
            : { ko: `컴파일에 ${limit} MB 보다 많은 메모리가 필요했습니다`, en: `compiling needed more than ${limit} MB of memory` };
    return {
      ko: `코드를 컴파일할 수 없습니다: ${what.ko}. 컴파일러의 예산(중첩 ${MAX_NESTING}단계, ${COMPILE_TIMEOUT_MS} ms, ${COMPILE_MEMORY_MB} MB)을 넘었습니다. 코드를 단순하게 만드세요.`,
      en: `The code does not compile: ${what.en}, over the compiler's budget (nesting ${MAX_NESTING} levels, ${COMPILE_TIMEOUT_MS} ms, ${COMPILE_MEMORY_MB} MB). Simplify the code.`,
    };
  },
  threw: (detail: string): Localized => ({
    ko: `코드 실행 중 예외가 발생했습니다: ${detail}`,
    en: `The code threw an exception: ${detail}`,
  }),
  timeout: (limitMs: number): Localized => ({
    ko: `시간 제한 ${limitMs} ms 를 넘었습니다. 무한 루프가 있거나 너무 느립니다.`,
    en: `The time limit of ${limitMs} ms was exceeded: an infinite loop, or far too slow.`,
  }),
  memory: (limitMb: number): Localized => ({
    ko: `메모리 제한 ${limitMb} MB 를 넘었습니다.`,
    en: `The memory limit of ${limitMb} MB was exceeded.`,
  }),
  cpu: (limitMs: number): Localized => ({
    ko: `CPU 시간 제한 ${limitMs} ms 를 넘었습니다.`,
    en: `The CPU time limit of ${limitMs} ms was exceeded.`,
  }),
  missingExport: (entry: string): Localized => ({
    ko: `\`${entry}\` 함수를 export 하지 않았습니다. \`export function ${entry}(...)\` 로 선언하세요.`,
    en: `The function \`${entry}\` is not exported. Declare it as \`export function ${entry}(...)\`.`,
  }),
  notAFunction: (entry: string): Localized => ({
    ko: `\`${entry}\` 를 export 했지만 함수가 아닙니다. \`export function ${entry}(...)\` 로 선언하세요.`,
    en: `\`${entry}\` is exported but is not a function. Declare it as \`export function ${entry}(...)\`.`,
  }),
  graderFailed: (detail: string): Localized => ({
    ko: `채점기 내부 오류입니다 (제출 횟수에 포함되지 않습니다): ${detail}`,
    en: `The grader itself failed (this does not count as an attempt): ${detail}`,
  }),

  // Layered comparison.
  pass: (): Localized => ({ ko: "통과", en: "Passed" }),
  missingValue: (path: string): Localized => ({
    ko: `${where(path).ko} 이(가) 없습니다 (undefined). 값을 return 했는지 확인하세요.`,
    en: `${where(path).en} is missing (undefined). Did you return it?`,
  }),
  notAnArray: (path: string, got: Localized, shape: readonly number[]): Localized => ({
    ko: `${where(path).ko} 은(는) 모양 ${formatShape(shape)} 의 np 배열이어야 하는데 ${got.ko} 입니다.`,
    en: `${where(path).en} should be an np array of shape ${formatShape(shape)}, but it is ${got.en}.`,
  }),
  plainList: (path: string): Localized => ({
    ko: `${where(path).ko} 이(가) np 배열이 아니라 JavaScript 배열입니다. np.array(...) 로 감싸거나 np 연산 결과를 그대로 돌려주세요.`,
    en: `${where(path).en} is a plain JavaScript array, not an np array. Wrap it in np.array(...) or return the np result directly.`,
  }),
  notANumber: (path: string, got: Localized): Localized => ({
    ko: `${where(path).ko} 은(는) 숫자여야 하는데 ${got.ko} 입니다.`,
    en: `${where(path).en} should be a number, but it is ${got.en}.`,
  }),
  arrayInsteadOfNumber: (path: string, shape: readonly number[]): Localized => ({
    ko: `${where(path).ko} 은(는) 숫자 하나여야 하는데 모양 ${formatShape(shape)} 의 배열입니다. np.squeeze(...) 나 .item() 을 쓰세요.`,
    en: `${where(path).en} should be a single number, but it is an array of shape ${formatShape(shape)}. Use np.squeeze(...) or .item().`,
  }),
  notAnObject: (path: string, keys: readonly string[], got: Localized): Localized => ({
    ko: `${where(path).ko} 은(는) { ${keys.join(", ")} } 객체여야 하는데 ${got.ko} 입니다.`,
    en: `${where(path).en} should be an object { ${keys.join(", ")} }, but it is ${got.en}.`,
  }),
  missingKey: (path: string, key: string): Localized => ({
    ko: `${where(path).ko} 에 \`${key}\` 키가 없습니다.`,
    en: `${where(path).en} has no key \`${key}\`.`,
  }),
  notAList: (path: string, length: number, got: Localized): Localized => ({
    ko: `${where(path).ko} 은(는) 길이 ${length} 의 배열(튜플)이어야 하는데 ${got.ko} 입니다.`,
    en: `${where(path).en} should be a list (tuple) of length ${length}, but it is ${got.en}.`,
  }),
  wrongLength: (path: string, expected: number, actual: number): Localized => ({
    ko: `${where(path).ko} 의 길이가 ${expected} 이어야 하는데 ${actual} 입니다.`,
    en: `${where(path).en} should have length ${expected}, but it has ${actual}.`,
  }),
  wrongValue: (path: string, expected: string, actual: string): Localized => ({
    ko: `${where(path).ko} 은(는) ${expected} 이어야 하는데 ${actual} 입니다.`,
    en: `${where(path).en} should be ${expected}, but it is ${actual}.`,
  }),
  notFinite: (path: string, value: number, index: readonly number[] | null, count: number): Localized => ({
    ko: `${where(path).ko} 에 ${formatNumber(value)} 값이 ${count}개 있습니다${index ? ` (처음: ${formatIndex(index)})` : ""}. exp 가 넘치거나(overflow) 0 으로 나누었을 수 있습니다.`,
    en: `${where(path).en} contains ${count} ${formatNumber(value)} value${count === 1 ? "" : "s"}${index ? ` (first at ${formatIndex(index)})` : ""}: an exp overflow or a division by zero?`,
  }),
  shapeMismatch: (path: string, expected: readonly number[], actual: readonly number[], hint: Localized | null): Localized => ({
    ko: `${where(path).ko} 의 모양이 ${formatShape(actual)} 인데 ${formatShape(expected)} 이어야 합니다.${hint ? ` ${hint.ko}` : ""}`,
    en: `${where(path).en} has shape ${formatShape(actual)} but should have shape ${formatShape(expected)}.${hint ? ` ${hint.en}` : ""}`,
  }),
  hintKeepdims: (): Localized => ({
    ko: "합이나 평균에서 keepdims: true 를 빠뜨렸나요? (n,) 과 (n, 1) 은 다릅니다.",
    en: "Did you forget keepdims: true in a sum or mean? (n,) and (n, 1) are different.",
  }),
  hintExtraDims: (): Localized => ({
    ko: "1차원 배열이어야 합니다. keepdims 나 reshape 가 필요 없는 곳에 쓰였나요?",
    en: "It should be 1-d. Is there a keepdims or reshape where none is needed?",
  }),
  hintTransposed: (): Localized => ({
    ko: "전치되어 있습니다: .T 를 빠뜨렸거나 더 썼거나, 곱셈 순서가 바뀌었을 수 있습니다.",
    en: "It is transposed: a missing or extra .T, or the factors of a product swapped?",
  }),
  hintBroadcast: (): Localized => ({
    ko: "브로드캐스팅으로 모양이 바뀌었을 수 있습니다. 각 항의 모양을 확인하세요.",
    en: "Broadcasting may have changed the shape: check the shape of every term.",
  }),
  valuesDiffer: (
    path: string,
    index: readonly number[],
    expected: number,
    actual: number,
    rtol: number,
    atol: number,
    count: number,
    size: number,
    formatExpected: (x: number) => string = formatNumber,
  ): Localized => ({
    ko: `${where(path).ko} 의 값이 틀렸습니다: ${size}개 중 ${count}개가 허용 오차(rtol ${formatNumber(rtol)}, atol ${formatNumber(atol)}) 밖입니다. 가장 큰 차이는 ${formatIndex(index)} 에서 기댓값 ${formatExpected(expected)}, 실제값 ${formatNumber(actual)} 입니다.`,
    en: `${where(path).en} has wrong values: ${count} of ${size} are outside the tolerance (rtol ${formatNumber(rtol)}, atol ${formatNumber(atol)}). The worst is at ${formatIndex(index)}: expected ${formatExpected(expected)}, got ${formatNumber(actual)}.`,
  }),
  numberDiffers: (path: string, expected: number, actual: number, rtol: number, atol: number, formatExpected: (x: number) => string = formatNumber): Localized => ({
    ko: `${where(path).ko} 이(가) 틀렸습니다: 기댓값 ${formatExpected(expected)}, 실제값 ${formatNumber(actual)} (rtol ${formatNumber(rtol)}, atol ${formatNumber(atol)}).`,
    en: `${where(path).en} is wrong: expected ${formatExpected(expected)}, got ${formatNumber(actual)} (rtol ${formatNumber(rtol)}, atol ${formatNumber(atol)}).`,
  }),
  ratioHint: (ratio: number): Localized => ({
    ko: `실제값이 기댓값의 약 ${formatNumber(ratio)} 배입니다 (상수 인수를 빠뜨렸나요?).`,
    en: `The values are about ${formatNumber(ratio)} times the expected ones (a constant factor missing?).`,
  }),

  // Random initialisation.
  biasNotZero: (key: string): Localized => ({
    ko: `\`${key}\` 는 0 으로 초기화해야 합니다 (np.zeros).`,
    en: `\`${key}\` should be initialised to zeros (np.zeros).`,
  }),
  weightsAllZero: (key: string): Localized => ({
    ko: `\`${key}\` 가 모두 0 입니다. 가중치를 0 으로 초기화하면 은닉 유닛이 모두 같아집니다 (대칭). np.random.randn 을 쓰세요.`,
    en: `\`${key}\` is all zeros. Zero weights make every hidden unit identical (symmetry). Use np.random.randn.`,
  }),
  weightsRowsEqual: (key: string, a: number, b: number): Localized => ({
    ko: `\`${key}\` 의 ${a}행과 ${b}행이 같습니다: 대칭이 깨지지 않아 두 유닛이 같은 것을 배웁니다.`,
    en: `Rows ${a} and ${b} of \`${key}\` are equal: symmetry is not broken, both units learn the same thing.`,
  }),
  weightsScale: (key: string, scale: number, typical: number): Localized => ({
    ko: `\`${key}\` 의 값 크기(평균 |w| ≈ ${formatNumber(typical)})가 맞지 않습니다. np.random.randn(...) * ${scale} 처럼 작은 값으로 초기화하세요.`,
    en: `The magnitude of \`${key}\` (mean |w| ≈ ${formatNumber(typical)}) is off. Initialise with small values: np.random.randn(...) * ${scale}.`,
  }),
  weightsNotDrawn: (scale: number): Localized => ({
    ko: `가중치 / ${scale} 가 시드 직후의 np.random.randn 값들과 일치하지 않습니다. np.random.randn 을 (다른 난수 함수 호출 없이) 쓰고 ${scale} 를 곱하세요.`,
    en: `The weights / ${scale} are not the np.random.randn draws that follow the seed. Use np.random.randn (with no other random calls in between) and multiply by ${scale}.`,
  }),

  // Gradient check and training.
  gradientFailed: (worst: string, difference: number, threshold: number): Localized => ({
    ko: `수치 기울기 검사 실패: \`${worst}\` 의 상대 차이 ${formatNumber(difference)} 가 기준 ${formatNumber(threshold)} 보다 큽니다.`,
    en: `Gradient check failed: the relative difference for \`${worst}\` is ${formatNumber(difference)}, above ${formatNumber(threshold)}.`,
  }),
  gradientPassed: (difference: number): Localized => ({
    ko: `수치 기울기 검사 통과 (상대 차이 ${formatNumber(difference)}).`,
    en: `Gradient check passed (relative difference ${formatNumber(difference)}).`,
  }),
  // Gradient check against the learner's own forward pass and cost (forward: "learner").
  gradientOwnFailed: (worst: string, difference: number, threshold: number, breakdown: string): Localized => ({
    ko: `여러분의 순전파와 비용 함수로 계산한 수치 기울기와 역전파가 맞지 않습니다: \`${worst}\` 의 상대 차이 ${formatNumber(difference)} 가 기준 ${formatNumber(threshold)} 보다 큽니다 (${breakdown}). 차이가 큰 기울기의 역전파 식을 확인하세요.`,
    en: `Gradient check against your own forward pass and cost failed: the relative difference for \`${worst}\` is ${formatNumber(difference)}, above ${formatNumber(threshold)} (${breakdown}). Check the backward formulas of the gradients with large differences.`,
  }),
  gradientOwnPassed: (difference: number): Localized => ({
    ko: `여러분의 순전파와 비용 함수로 계산한 수치 기울기와 역전파가 일치합니다 (상대 차이 ${formatNumber(difference)}). 이 검사는 둘이 서로 맞는지만 봅니다. 순전파 자체가 맞는지는 다른 테스트가 확인합니다.`,
    en: `Gradient check against your own forward pass and cost passed (relative difference ${formatNumber(difference)}). It checks that the two agree; other tests check the forward pass itself.`,
  }),
  gradientOwnConstant: (forward: string, cost: string): Localized => ({
    ko: `파라미터를 ±ε 만큼 움직여도 \`${cost}(${forward}(X, parameters).A2, Y)\` 의 값이 전혀 변하지 않아 기울기 검사를 할 수 없습니다. 순전파가 parameters 를 쓰는지, 비용 함수가 A2 와 Y 로 계산하는지 확인하세요.`,
    en: `Moving the parameters by ±ε does not change \`${cost}(${forward}(X, parameters).A2, Y)\` at all, so there is nothing to check the gradients against. Check that the forward pass uses the parameters and the cost is computed from A2 and Y.`,
  }),
  gradientExportMissing: (name: string): Localized => ({
    ko: `기울기 검사는 여러분이 작성한 \`${name}\` 함수를 호출하는데, 파일에서 export 하지 않았습니다. \`export function ${name}(...)\` 로 선언하세요.`,
    en: `The gradient check calls your own \`${name}\`, but the file does not export it. Declare it as \`export function ${name}(...)\`.`,
  }),
  gradientExportNotAFunction: (name: string): Localized => ({
    ko: `기울기 검사는 여러분이 작성한 \`${name}\` 함수를 호출하는데, export 한 \`${name}\` 이(가) 함수가 아닙니다. \`export function ${name}(...)\` 로 선언하세요.`,
    en: `The gradient check calls your own \`${name}\`, but the exported \`${name}\` is not a function. Declare it as \`export function ${name}(...)\`.`,
  }),
  gradientExportFailed: (name: string, detail: Localized): Localized => ({
    ko: `기울기 검사에서 여러분의 \`${name}\` 을(를) 호출했는데 실패했습니다. ${detail.ko}`,
    en: `The gradient check called your own \`${name}\` and it failed. ${detail.en}`,
  }),
  gradientForwardNoA2: (name: string, got: Localized): Localized => ({
    ko: `\`${name}(X, parameters)\` 는 { A2, cache } 를 돌려줘야 하는데 ${got.ko} 을(를) 돌려주었습니다.`,
    en: `\`${name}(X, parameters)\` should return { A2, cache }, but it returned ${got.en}.`,
  }),
  gradientCostNotNumber: (name: string, got: Localized): Localized => ({
    ko: `\`${name}(A2, Y)\` 는 숫자 하나를 돌려줘야 하는데 ${got.ko} 을(를) 돌려주었습니다.`,
    en: `\`${name}(A2, Y)\` should return a single number, but it returned ${got.en}.`,
  }),
  gradientCostNotFinite: (name: string, value: number): Localized => ({
    ko: `파라미터를 ±ε 만큼 움직였을 때 \`${name}\` 이(가) 유한하지 않은 비용 ${formatNumber(value)} 을(를) 돌려주었습니다. log(0) 이 생기지 않는지 확인하세요.`,
    en: `With a parameter moved by ±ε, \`${name}\` returned the non-finite cost ${formatNumber(value)}. Check for log(0).`,
  }),
  accuracyLow: (accuracy: number, minimum: number): Localized => ({
    ko: `학습 후 정확도가 ${formatNumber(accuracy * 100)}% 로 기준 ${formatNumber(minimum * 100)}% 보다 낮습니다.`,
    en: `Accuracy after training is ${formatNumber(accuracy * 100)}%, below ${formatNumber(minimum * 100)}%.`,
  }),
  costNotDecreasing: (first: number, last: number): Localized => ({
    ko: `비용이 줄지 않았습니다: 처음 ${formatNumber(first)}, 마지막 ${formatNumber(last)}.`,
    en: `The cost did not go down: first ${formatNumber(first)}, last ${formatNumber(last)}.`,
  }),

  // Diagnosis.
  diagnosisFirstWrong: (step: string, wrong: Localized, detail: Localized): Localized => ({
    ko: `처음으로 어긋나는 단계: ${step}. ${wrong.ko} ${detail.ko}`,
    en: `First step that diverges: ${step}. ${wrong.en} ${detail.en}`,
  }),
  repetition: (repetition: number, total: number, detail: Localized): Localized => ({
    ko: `(무작위 입력 ${total}개 중 ${repetition}번째) ${detail.ko}`,
    en: `(random draw ${repetition} of ${total}) ${detail.en}`,
  }),
} as const;

export function describeValue(value: unknown): Localized {
  if (value === undefined) return { ko: "undefined", en: "undefined" };
  if (value === null) return { ko: "null", en: "null" };
  if (Array.isArray(value)) return { ko: `길이 ${value.length} 의 JavaScript 배열`, en: `a JavaScript array of length ${value.length}` };
  if (typeof value === "number") return { ko: `숫자 ${formatNumber(value)}`, en: `the number ${formatNumber(value)}` };
  if (typeof value === "string") return { ko: `문자열 "${value.slice(0, 40)}"`, en: `the string "${value.slice(0, 40)}"` };
  if (typeof value === "boolean") return { ko: String(value), en: String(value) };
  if (typeof value === "object" && "shape" in value && Array.isArray(value.shape)) {
    const shape = formatShape(value.shape as number[]);
    return { ko: `모양 ${shape} 의 np 배열`, en: `an np array of shape ${shape}` };
  }
  if (typeof value === "object" && "$fn" in value) return { ko: "함수", en: "a function" };
  return { ko: "객체", en: "an object" };
}
