// Step 1 of grading: the instances, every call a submission is graded on (each example and each
// repetition of each test), generated in the host, deterministically from the seed. Edit to change
// how a test's inputs are drawn.
import { createHash } from "node:crypto";
import type { ExerciseSpec, TestCase } from "../exercise/schema";
import type { SandboxCall } from "../sandbox/index";
import { generateCall, type ReferenceNetwork } from "./generators";
import type { Localized } from "./messages";
import { InputStream } from "./rng";
import { type HostValue, toPlain } from "./values";

/** Examples draw their random inputs from this fixed seed: their shipped outputs never change. */
export const EXAMPLE_SEED = 0;

/** One draw of one example or test: the inputs and how to judge the output. */
export interface CaseInstance {
  readonly name: string;
  /** The export this draw calls: the exercise's entry, or the test's own `entry`. */
  readonly entry: string;
  readonly title?: Localized;
  readonly visible: boolean;
  readonly weight: number;
  readonly repetition: number;
  readonly repeat: number;
  readonly args: HostValue[];
  readonly named: ReadonlyMap<string, HostValue>;
  readonly npSeed?: number;
  readonly checks: ExerciseSpec["checks"];
}

type GradedCase = Omit<TestCase, "npSeed"> & { visible: boolean; npSeed?: number | "random" | undefined };

function casesOf(spec: ExerciseSpec, which: "all" | "examples"): GradedCase[] {
  const examples: GradedCase[] = spec.examples.map((e) => ({ ...e, weight: 1, repeat: 1, visible: true }));
  if (which === "examples") return examples;
  return [...examples, ...spec.tests.map((t) => ({ ...t, visible: false }))];
}

/** Generates every call of a submission, deterministically from the seed. */
export function buildInstances(
  spec: ExerciseSpec,
  seed: number,
  reference: ReferenceNetwork,
  which: "all" | "examples" = "all",
): CaseInstance[] {
  const instances: CaseInstance[] = [];
  for (const c of casesOf(spec, which)) {
    for (let repetition = 0; repetition < c.repeat; repetition++) {
      const stream = InputStream.forTest(c.visible ? EXAMPLE_SEED : seed, c.name, repetition);
      const { args, named } = generateCall(c, c.params ?? spec.params, { stream, bindings: new Map(), reference });
      const npSeed = c.npSeed === "random" ? stream.seed() : c.npSeed;
      instances.push({
        name: c.name,
        entry: c.entry ?? spec.entry,
        ...(c.title ? { title: c.title } : {}),
        visible: c.visible,
        weight: c.weight,
        repetition,
        repeat: c.repeat,
        args,
        named,
        ...(npSeed === undefined ? {} : { npSeed }),
        checks: c.checks ?? spec.checks,
      });
    }
  }
  return instances;
}

/** The sandbox calls of these instances, in order. */
export function callsOf(instances: readonly CaseInstance[]): SandboxCall[] {
  return instances.map((i) => ({ args: i.args.map(toPlain), ...(i.npSeed === undefined ? {} : { npSeed: i.npSeed }) }));
}

/** A short content hash of a job's calls (its arguments and np seeds), for the output caches. */
export function contentKey(calls: readonly SandboxCall[]): string {
  return createHash("sha256").update(JSON.stringify(calls)).digest("base64url");
}
