// The built-in checks of exercise.json (allclose, structure, shape, finite, randomInit,
// gradient, training, custom), applied in the host to one call's output. Custom checks are
// author code and the learner-mode gradient check evaluates the learner's own forward pass and
// cost; both run in the sandbox through runners the engine passes in, and are judged here.
// Edit to add a check kind (and add it to grader/exercise/schema.ts and docs/authoring.md).
import type { Check } from "../exercise/schema";
import { type AcceptMask, type Mismatch, compareOutputs } from "./compare";
import type { CaseInstance } from "./instances";
import type { ReferenceNetwork } from "./generators";
import { type Localized, describeValue, formatNumber, messages } from "./messages";
import type { CallResult, LearnerErrorKind, SandboxCall } from "../sandbox/index";
import { HostArray, type HostValue, atPath, fromPlain, isRecord, toPlain } from "./values";

export interface CheckOutcome {
  readonly pass: boolean;
  readonly message?: Localized;
  readonly mismatch?: Mismatch;
  readonly gradient?: { difference: number; perParameter: Record<string, number> };
}

export type CustomCheckRunner = (file: string, exportName: string, calls: SandboxCall[]) => Promise<CallResult[]>;

/**
 * Runs another export of the learner's file on a batch of calls in one sandbox job (the engine
 * binds the learner's code and the exercise's limits). On failure: the first failing call's kind,
 * and the engine's wording of it.
 */
export type LearnerExportRunner = (
  exportName: string,
  calls: SandboxCall[],
) => Promise<{ ok: true; values: HostValue[] } | { ok: false; kind: LearnerErrorKind | "compile"; message: Localized }>;

export interface CheckContext {
  readonly reference: ReferenceNetwork;
  readonly runCustom: CustomCheckRunner;
  readonly runLearner: LearnerExportRunner;
}

const failed = (message: Localized, mismatch?: Mismatch): CheckOutcome => ({ pass: false, message, ...(mismatch ? { mismatch } : {}) });

function resolveNumber(value: number | string, named: ReadonlyMap<string, HostValue>): number | null {
  if (typeof value === "number") return value;
  const bound = named.get(value.slice(1));
  if (typeof bound === "number") return bound;
  if (bound instanceof HostArray && bound.size === 1) return bound.data[0] ?? null;
  return null;
}

function arrayArg(named: ReadonlyMap<string, HostValue>, name: string): HostArray | null {
  const v = named.get(name);
  return v instanceof HostArray ? v : null;
}

function arraysOf(value: HostValue): Record<string, HostArray> | null {
  if (!isRecord(value)) return null;
  const out: Record<string, HostArray> = {};
  for (const [k, v] of Object.entries(value)) if (v instanceof HostArray) out[k] = v;
  return out;
}

function randomInit(check: Extract<Check, { check: "randomInit" }>, instance: CaseInstance, actual: HostValue, expected: HostValue, reference: ReferenceNetwork): CheckOutcome {
  const shapes = compareOutputs(actual, expected, { rtol: 0, atol: 0, upTo: "shape" });
  if (shapes) return failed(shapes.message, shapes);
  for (const key of check.biases) {
    const b = atPath(actual, key);
    if (b instanceof HostArray && b.data.some((x) => x !== 0)) return failed(messages.biasNotZero(key));
  }
  const drawn: number[] = [];
  for (const key of check.weights) {
    const w = atPath(actual, key);
    if (!(w instanceof HostArray)) continue;
    if (w.data.every((x) => x === 0)) return failed(messages.weightsAllZero(key));
    const rows = w.shape[0] ?? 1;
    const cols = w.size / Math.max(rows, 1);
    for (let r = 0; r < rows; r++) {
      for (let q = r + 1; q < rows; q++) {
        let same = true;
        for (let c = 0; c < cols && same; c++) same = w.data[r * cols + c] === w.data[q * cols + c];
        if (same) return failed(messages.weightsRowsEqual(key, r, q));
      }
    }
    const meanAbs = w.data.reduce((s, x) => s + Math.abs(x), 0) / w.size;
    // E|N(0,1)| = √(2/π) ≈ 0.8; a factor 10 either way is a wrong scale, not bad luck.
    if (meanAbs > check.scale * 8 || meanAbs < check.scale * 0.08) return failed(messages.weightsScale(key, check.scale, meanAbs));
    for (const x of w.data) drawn.push(x / check.scale);
  }
  const seed = check.seedArg === undefined ? instance.npSeed : resolveNumber(`$${check.seedArg}`, instance.named);
  if (seed !== undefined && seed !== null) {
    // The learner may draw W1 and W2 in either order, or in one call: compare as multisets.
    const expectedDraws = Array.from(reference.randnAfterSeed(seed, drawn.length)).sort((a, b) => a - b);
    const sortedDrawn = [...drawn].sort((a, b) => a - b);
    const same = sortedDrawn.every((x, i) => Math.abs(x - (expectedDraws[i] ?? Number.NaN)) <= 1e-9 * Math.max(1, Math.abs(x)));
    if (!same) return failed(messages.weightsNotDrawn(check.scale));
  }
  return { pass: true };
}

type GradientSummary = { difference: number; perParameter: Record<string, number> };

async function gradient(check: Extract<Check, { check: "gradient" }>, instance: CaseInstance, actual: HostValue, ctx: CheckContext): Promise<CheckOutcome> {
  const parameters = arraysOf(instance.named.get(check.parameters));
  const X = arrayArg(instance.named, check.X);
  const Y = arrayArg(instance.named, check.Y);
  if (!parameters || !X || !Y) throw new Error(`gradient check: arguments ${check.parameters}, ${check.X}, ${check.Y} are not arrays`);
  const gradients: Record<string, HostArray> = {};
  for (const [param, key] of Object.entries(check.gradients)) {
    const g = atPath(actual, key);
    const p = parameters[param];
    if (!(g instanceof HostArray) || !p || g.size !== p.size) {
      return failed(messages.gradientFailed(key, Number.POSITIVE_INFINITY, check.threshold));
    }
    // Compare values only: a shape slip is reported by the shape check; here it is the numbers.
    gradients[param] = new HostArray(p.shape, g.data);
  }
  for (const [param, g] of Object.entries(gradients)) {
    const bad = g.data.findIndex((x) => !Number.isFinite(x));
    if (bad >= 0) {
      const key = check.gradients[param] ?? param;
      return failed(messages.notFinite(key, g.data[bad] ?? Number.NaN, g.indexOf(bad), g.data.filter((x) => !Number.isFinite(x)).length));
    }
  }
  let result: GradientSummary;
  if (check.forward === "reference") result = ctx.reference.gradientDifferences(parameters, X, Y, gradients, check.epsilon);
  else {
    const own = await learnerGradientDifferences(check, parameters, X, Y, gradients, ctx);
    if ("pass" in own) return own;
    result = own;
  }
  const perParameter: Record<string, number> = {};
  let worst = "";
  let worstValue = -1;
  for (const [param, key] of Object.entries(check.gradients)) {
    const d = result.perParameter[param] ?? Number.NaN;
    perParameter[key] = d;
    if (!(d <= worstValue)) {
      worstValue = d;
      worst = key;
    }
  }
  const summary = { difference: result.difference, perParameter };
  const own = check.forward === "learner";
  if (!(result.difference <= check.threshold) || !(worstValue <= check.threshold)) {
    const breakdown = Object.entries(perParameter).map(([key, d]) => `${key} ${formatNumber(d)}`).join(", ");
    const message = own
      ? messages.gradientOwnFailed(worst, worstValue, check.threshold, breakdown)
      : messages.gradientFailed(worst, worstValue, check.threshold);
    return { ...failed(message), gradient: summary };
  }
  return { pass: true, message: own ? messages.gradientOwnPassed(result.difference) : messages.gradientPassed(result.difference), gradient: summary };
}

/**
 * Centred differences of the learner's own J(θ) = cost(forward(X, θ).A2, Y): every perturbed θ
 * goes to the learner's forward export in one sandbox job, every returned A2 to the cost export
 * in a second; the inputs are made and the costs turned into differences here, in the host.
 */
async function learnerGradientDifferences(
  check: Extract<Check, { check: "gradient" }>,
  parameters: Record<string, HostArray>,
  X: HostArray,
  Y: HostArray,
  gradients: Record<string, HostArray>,
  ctx: CheckContext,
): Promise<GradientSummary | CheckOutcome> {
  const plan = ctx.reference.gradientDifferencesPlan(parameters, gradients, check.epsilon);
  const exportFailed = (name: string, out: { kind: LearnerErrorKind | "compile"; message: Localized }): CheckOutcome =>
    failed(
      out.kind === "missing-export"
        ? messages.gradientExportMissing(name)
        : out.kind === "not-a-function"
          ? messages.gradientExportNotAFunction(name)
          : messages.gradientExportFailed(name, out.message),
    );

  const plainX = toPlain(X);
  const forward = await ctx.runLearner(
    check.forwardExport,
    plan.perturbations.map((p) => ({ args: [plainX, toPlain(p)] })),
  );
  if (!forward.ok) return exportFailed(check.forwardExport, forward);
  const outputs: HostArray[] = [];
  for (const value of forward.values) {
    // { A2, cache } is the course's contract; a tuple [A2, cache] (the Python original) is fine too.
    const A2 = isRecord(value) ? value["A2"] : Array.isArray(value) ? value[0] : undefined;
    if (!(A2 instanceof HostArray)) return failed(messages.gradientForwardNoA2(check.forwardExport, describeValue(isRecord(value) ? A2 : value)));
    outputs.push(A2);
  }

  const plainY = toPlain(Y);
  const cost = await ctx.runLearner(
    check.costExport,
    outputs.map((A2) => ({ args: [toPlain(A2), plainY] })),
  );
  if (!cost.ok) return exportFailed(check.costExport, cost);
  const costs: number[] = [];
  for (const value of cost.values) {
    const c = typeof value === "number" ? value : value instanceof HostArray && value.size === 1 ? value.data[0] : undefined;
    if (c === undefined) return failed(messages.gradientCostNotNumber(check.costExport, describeValue(value)));
    if (!Number.isFinite(c)) return failed(messages.gradientCostNotFinite(check.costExport, c));
    costs.push(c);
  }
  // A J that no perturbation moves (a stub, or a forward pass that ignores its parameters) has a
  // zero numerical gradient, which all-zero gradients would "match": that is no evidence.
  if (costs.every((c) => c === costs[0])) return failed(messages.gradientOwnConstant(check.forwardExport, check.costExport));
  return plan.differences(costs);
}

function training(check: Extract<Check, { check: "training" }>, instance: CaseInstance, actual: HostValue, reference: ReferenceNetwork): CheckOutcome {
  const X = arrayArg(instance.named, check.X);
  const Y = arrayArg(instance.named, check.Y);
  if (!X || !Y) throw new Error(`training check: arguments ${check.X}, ${check.Y} are not arrays`);
  const parameters = atPath(actual, check.parametersPath);
  const arrays = arraysOf(parameters);
  if (!arrays) return failed(messages.notAnObject(check.parametersPath, ["W1", "b1", "W2", "b2"], describeValue(parameters)));
  for (const [key, array] of Object.entries(arrays)) {
    const bad = array.data.findIndex((x) => !Number.isFinite(x));
    if (bad >= 0) {
      const count = array.data.filter((x) => !Number.isFinite(x)).length;
      return failed(messages.notFinite(key, array.data[bad] ?? Number.NaN, array.indexOf(bad), count));
    }
  }
  const predictions = reference.functions.predict(parameters, X);
  if (!(predictions instanceof HostArray)) throw new Error("training check: predict returned no array");
  let correct = 0;
  for (let i = 0; i < Y.size; i++) if ((predictions.data[i] ?? -1) === (Y.data[i] ?? -2)) correct += 1;
  const accuracy = correct / Math.max(Y.size, 1);
  if (accuracy < check.minAccuracy) return failed(messages.accuracyLow(accuracy, check.minAccuracy));
  if (check.costsPath !== undefined) {
    const costs = atPath(actual, check.costsPath);
    const list = costs instanceof HostArray ? Array.from(costs.data) : Array.isArray(costs) ? costs.filter((c): c is number => typeof c === "number") : [];
    const first = list[0];
    const last = list[list.length - 1];
    if (first === undefined || last === undefined || !(last < first)) return failed(messages.costNotDecreasing(first ?? Number.NaN, last ?? Number.NaN));
  }
  return { pass: true };
}

async function custom(check: Extract<Check, { check: "custom" }>, instance: CaseInstance, actual: HostValue, expected: HostValue, ctx: CheckContext): Promise<CheckOutcome> {
  const args: Record<string, HostValue> = Object.fromEntries(instance.named);
  const [outcome] = await ctx.runCustom(check.file, check.export, [{ args: [toPlain(args), toPlain(actual), toPlain(expected)] }]);
  if (!outcome?.ok) throw new Error(`custom check ${check.file} failed: ${outcome ? outcome.error.message : "no result"}`);
  const value = fromPlain(outcome.value);
  if (value === true) return { pass: true };
  if (value === false) return failed(check.message);
  if (isRecord(value) && typeof value["pass"] === "boolean") {
    if (value["pass"]) return { pass: true };
    const m = value["message"];
    if (typeof m === "string") return failed({ ko: m, en: m });
    if (isRecord(m) && typeof m["ko"] === "string" && typeof m["en"] === "string") return failed({ ko: m["ko"], en: m["en"] });
    return failed(check.message);
  }
  throw new Error(`custom check ${check.file} returned neither a boolean nor { pass }`);
}

/** Runs a test's checks in order; the first failure is the test's message. */
export async function runChecks(instance: CaseInstance, actual: HostValue, expected: HostValue, ctx: CheckContext): Promise<CheckOutcome> {
  let gradientSummary: CheckOutcome["gradient"];
  let firstFailure: CheckOutcome | null = null;
  let passMessage: Localized | undefined;
  for (const check of instance.checks) {
    let outcome: CheckOutcome;
    switch (check.check) {
      case "allclose": {
        const masks: AcceptMask[] = [];
        for (const rule of check.accept) {
          const where = arrayArg(instance.named, rule.whereArg);
          const values = rule.values.map((v) => resolveNumber(v, instance.named)).filter((v): v is number => v !== null);
          if (where) masks.push({ where, equals: rule.equals, values });
        }
        const m = compareOutputs(atPath(actual, check.path), atPath(expected, check.path), {
          rtol: check.rtol,
          atol: check.atol,
          masks,
          path: check.path,
        });
        outcome = m ? failed(m.message, m) : { pass: true };
        break;
      }
      case "structure":
      case "shape":
      case "finite": {
        const m = compareOutputs(atPath(actual, check.path), atPath(expected, check.path), {
          rtol: 0,
          atol: 0,
          upTo: check.check,
          path: check.path,
        });
        outcome = m ? failed(m.message, m) : { pass: true };
        break;
      }
      case "randomInit":
        outcome = randomInit(check, instance, actual, expected, ctx.reference);
        break;
      case "gradient":
        outcome = await gradient(check, instance, actual, ctx);
        break;
      case "training":
        outcome = training(check, instance, actual, ctx.reference);
        break;
      case "custom":
        outcome = await custom(check, instance, actual, expected, ctx);
        break;
    }
    gradientSummary ??= outcome.gradient;
    if (outcome.pass && check.check === "gradient") passMessage ??= outcome.message;
    if (!outcome.pass && !firstFailure) firstFailure = outcome;
    // Later checks still run only for the gradient summary the verdict shows.
    if (firstFailure && check.check !== "gradient" && instance.checks.some((c) => c.check === "gradient") === false) break;
  }
  // A passing gradient check says what it compared against (the reference's J or the learner's own).
  const result = firstFailure ?? { pass: true, ...(passMessage ? { message: passMessage } : {}) };
  return gradientSummary ? { ...result, gradient: gradientSummary } : result;
}
