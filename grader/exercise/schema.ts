// The exercise format: the zod schema of `exercises/<id>/exercise.json`.
// This is the authoring contract between instructors and the grading engine; docs/authoring.md
// explains every field with examples and exercises/exercise.schema.json is generated from it
// (`npx tsx scripts/generate-exercise-schema.ts`). Edit this file to add an input generator,
// a check kind or a spec field, then regenerate the JSON Schema and update docs/authoring.md.
import { z } from "zod";

export const LocalizedText = z
  .object({
    ko: z.string().min(1).describe("Korean text"),
    en: z.string().min(1).describe("English text"),
  })
  .strict()
  .describe("A text in both course languages");
export type LocalizedText = z.infer<typeof LocalizedText>;

const kebabCase = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const identifier = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

const Shape = z
  .array(z.number().int().min(0))
  .max(4)
  .describe("An array shape, numpy order, e.g. [3, 5] for 3 rows and 5 columns; [] is a 0-d scalar array");

/** A reference to a `let` binding: "$name", optionally followed by a property path "$name.W1". */
export const BindingRef = z
  .string()
  .regex(/^\$[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*$/)
  .describe('A reference to a binding declared in `let`, e.g. "$X" or a property of it, "$cache.A1"');

const NumberOrRef = z.union([z.number(), BindingRef]).describe("A number or a reference to a numeric binding");

// Input generators. Every generator that draws random numbers draws them from a stream seeded by
// (submission seed, test name, repetition), so a hard-coded answer fails on the next submission
// while the same submission + seed always sees the same inputs.
const RandnGen = z
  .object({
    gen: z.literal("randn").describe("Standard normal values"),
    shape: Shape,
    scale: z.number().default(1).describe("Multiply every value by this (standard deviation)"),
    mean: z.number().default(0).describe("Add this to every value"),
  })
  .strict()
  .describe("An array of normally distributed values: mean + scale * N(0, 1)");

const UniformGen = z
  .object({
    gen: z.literal("uniform").describe("Uniformly distributed values"),
    shape: Shape,
    low: z.number().default(0).describe("Inclusive lower bound"),
    high: z.number().default(1).describe("Exclusive upper bound"),
  })
  .strict()
  .describe("An array of values drawn uniformly from [low, high)");

const IntegersGen = z
  .object({
    gen: z.literal("integers").describe("Uniformly distributed integers"),
    shape: Shape,
    low: z.number().int().describe("Inclusive lower bound"),
    high: z.number().int().describe("Exclusive upper bound"),
  })
  .strict()
  .describe("An array of integers drawn uniformly from [low, high) (stored as float64, like numpy arithmetic)");

const LabelsGen = z
  .object({
    gen: z.literal("labels").describe("Binary labels"),
    shape: Shape,
    p: z.number().min(0).max(1).default(0.5).describe("Probability of a 1"),
  })
  .strict()
  .describe("An array of 0/1 labels, e.g. Y of shape [1, m]");

const ArrayGen = z
  .object({
    gen: z.literal("array").describe("A fixed array"),
    value: z
      .array(z.union([z.number(), z.array(z.number()), z.array(z.array(z.number()))]))
      .describe("Nested lists of numbers, like np.array([[1, 2], [3, 4]]); a flat list gives a 1-d array"),
  })
  .strict()
  .describe("A fixed array written out in full (not randomised)");

const EdgeGen = z
  .object({
    gen: z.literal("edge").describe("An array made of edge values"),
    shape: Shape,
    values: z
      .array(z.number())
      .min(1)
      .describe("Values to place, cycled in order through the array, e.g. [0, 1000, -1000, 1e-8]"),
    shuffle: z.boolean().default(false).describe("Shuffle the positions with the test's seeded stream"),
  })
  .strict()
  .describe("An array of edge values (zeros, huge magnitudes, mixtures) that expose unstable formulas");

const PlanarGen = z
  .object({
    gen: z.literal("planar").describe("The planar 'flower' data set of the course"),
    m: z.number().int().min(2).default(400).describe("Number of examples (even)"),
    seed: z
      .number()
      .int()
      .min(0)
      .optional()
      .describe("Fixed data seed; omit to draw it from the submission's stream"),
  })
  .strict()
  .describe("The planar data set: an object { X: (2, m), Y: (1, m) }; use \"$data.X\" and \"$data.Y\"");

const ParametersGen = z
  .object({
    gen: z.literal("parameters").describe("Network parameters"),
    nx: z.number().int().min(1).describe("Input size n[0]"),
    nh: z.number().int().min(1).describe("Hidden layer size n[1]"),
    ny: z.number().int().min(1).default(1).describe("Output size n[2]"),
    scale: z.number().default(0.01).describe("Weights are randn * scale"),
    biases: z
      .enum(["zeros", "randn"])
      .default("randn")
      .describe("zeros (as after initialisation) or randn * scale (to catch a forgotten bias)"),
  })
  .strict()
  .describe("An object { W1: (nh, nx), b1: (nh, 1), W2: (ny, nh), b2: (ny, 1) }");

const ReferenceGen = z
  .object({
    gen: z.literal("reference").describe("Call a reference-network function on other bindings"),
    fn: z
      .enum([
        "sigmoid",
        "forwardPropagation",
        "computeCost",
        "backwardPropagation",
        "updateParameters",
        "predict",
      ])
      .describe("Function of the reference network in grader/nn"),
    args: z.array(z.lazy(() => Input)).describe("Its arguments, usually binding references"),
    pick: z
      .union([z.string(), z.number().int().min(0)])
      .optional()
      .describe("Take one element (index) or property (name) of the result, e.g. 1 for the cache of [A2, cache]"),
  })
  .strict()
  .describe("The output of a reference-network function, e.g. a cache consistent with X and parameters");

const FnGen = z
  .object({
    gen: z.literal("fn").describe("A trusted author function"),
    source: z
      .string()
      .min(1)
      .describe("A JavaScript/TypeScript function expression, e.g. \"(x) => np.sum(x ** 2)\"; `np` is in scope"),
  })
  .strict()
  .describe("A function passed to the learner's code (e.g. the cost J for a gradient check); materialised inside the sandbox");

const ObjectGen = z
  .object({
    gen: z.literal("object").describe("An object built from other inputs"),
    fields: z.record(z.string(), z.lazy(() => Input)).describe("Property name → input"),
  })
  .strict()
  .describe("An object whose properties are inputs, e.g. a cache { Z1: \"$Z1\", A1: \"$A1\" }");

const ListGen = z
  .object({
    gen: z.literal("list").describe("A list built from other inputs"),
    items: z.array(z.lazy(() => Input)).describe("The items"),
  })
  .strict()
  .describe("A JavaScript array (not an np array) of inputs, e.g. [3, 4] for a layer-size tuple");

export type Input =
  | number
  | boolean
  | string
  | null
  | z.infer<typeof RandnGen>
  | z.infer<typeof UniformGen>
  | z.infer<typeof IntegersGen>
  | z.infer<typeof LabelsGen>
  | z.infer<typeof ArrayGen>
  | z.infer<typeof EdgeGen>
  | z.infer<typeof PlanarGen>
  | z.infer<typeof ParametersGen>
  | { gen: "reference"; fn: ReferenceFn; args: Input[]; pick?: string | number | undefined }
  | z.infer<typeof FnGen>
  | { gen: "object"; fields: Record<string, Input> }
  | { gen: "list"; items: Input[] };
export type ReferenceFn = z.infer<typeof ReferenceGen>["fn"];

export const Input: z.ZodType<Input> = z
  .union([
    z.number().describe("A number argument"),
    z.boolean().describe("A boolean argument"),
    z.null().describe("null"),
    z.string().describe('A string argument; a string starting with "$" is a binding reference'),
    z.discriminatedUnion("gen", [
      RandnGen,
      UniformGen,
      IntegersGen,
      LabelsGen,
      ArrayGen,
      EdgeGen,
      PlanarGen,
      ParametersGen,
      ReferenceGen,
      FnGen,
      ObjectGen,
      ListGen,
    ]),
  ])
  .describe("An input: a literal, a binding reference \"$name\", or a generator { gen: ... }");

// Checks. A test's output is compared with the reference solution's output on the same inputs.
const Path = z
  .string()
  .describe('Where in the output to look: "" for the whole output, "dW1" for a property, "1.Z1" into a tuple');

const Tolerance = {
  rtol: z.number().min(0).default(1e-5).describe("Relative tolerance (numpy.allclose default 1e-5)"),
  atol: z.number().min(0).default(1e-8).describe("Absolute tolerance (numpy.allclose default 1e-8)"),
};

const AcceptRule = z
  .object({
    whereArg: z.string().describe("Name of the argument (from `params`) whose value selects the entries"),
    equals: z.number().describe("Entries where that argument equals this value"),
    values: z
      .array(NumberOrRef)
      .min(1)
      .describe('Any of these values is accepted there, e.g. [0, 1] or [1, "$alpha"]'),
  })
  .strict()
  .describe("Where the argument equals a value, accept any of several outputs (e.g. ReLU'(0) may be 0 or 1)");

const AllcloseCheck = z
  .object({
    check: z.literal("allclose").describe("Layered numeric comparison with the reference output"),
    path: Path.default(""),
    ...Tolerance,
    accept: z.array(AcceptRule).default([]).describe("Entries where several values are correct"),
  })
  .strict()
  .describe(
    "Structure (keys, arrays), finite values, exact shape (naming keepdims/transpose), then allclose; names the wrong tensor and its worst entry",
  );

const StructureCheck = z
  .object({
    check: z.literal("structure").describe("Same structure as the reference output"),
    path: Path.default(""),
  })
  .strict()
  .describe("Objects have the required keys, arrays are arrays, numbers are numbers; values are not compared");

const ShapeCheck = z
  .object({
    check: z.literal("shape").describe("Every array has exactly the reference shape"),
    path: Path.default(""),
  })
  .strict()
  .describe("Shapes equal the reference's; (n,) vs (n, 1) is reported as a missing keepdims, (a, b) vs (b, a) as a transpose");

const FiniteCheck = z
  .object({
    check: z.literal("finite").describe("No NaN or ±Infinity anywhere"),
    path: Path.default(""),
  })
  .strict()
  .describe("Every number in the output is finite (overflow shows up here, e.g. exp(1000))");

const RandomInitCheck = z
  .object({
    check: z.literal("randomInit").describe("Properties of a random initialisation"),
    weights: z.array(z.string()).min(1).describe('Output keys holding weight matrices, e.g. ["W1", "W2"]'),
    biases: z.array(z.string()).default([]).describe('Output keys that must be all zeros, e.g. ["b1", "b2"]'),
    scale: z.number().positive().default(0.01).describe("Weights must be np.random.randn(...) * scale"),
    seedArg: z
      .string()
      .optional()
      .describe("Argument that carries the np.random seed; omit when the test sets npSeed"),
  })
  .strict()
  .describe(
    "Shapes as the reference, zero biases, weights ≈ scale, rows distinct (symmetry broken), and weights/scale are the first k randn draws after the seed, in any order",
  );

const GradientCheck = z
  .object({
    check: z.literal("gradient").describe("Numerical gradient check of returned gradients"),
    parameters: z.string().describe('Argument holding the parameters { W1, b1, W2, b2 }, e.g. "parameters"'),
    X: z.string().describe("Argument holding X"),
    Y: z.string().describe("Argument holding Y"),
    gradients: z
      .record(z.string(), z.string())
      .describe('Parameter name → output key of its gradient, e.g. { "W1": "dW1", "b1": "db1" }'),
    epsilon: z.number().positive().default(1e-7).describe("Finite-difference step"),
    threshold: z.number().positive().default(2e-7).describe("Largest accepted relative difference ‖g − ĝ‖ / (‖g‖ + ‖ĝ‖); the course uses 2e-7"),
    forward: z
      .enum(["reference", "learner"])
      .default("reference")
      .describe(
        "Whose cost J is differentiated: \"reference\" (grader/nn, in the host) or \"learner\" (the learner's own forwardExport and costExport, run in the sandbox: a consistency check of their backward pass against their own forward pass, which cannot tell whether that forward pass is right)",
      ),
    forwardExport: z
      .string()
      .regex(identifier)
      .default("forwardPropagation")
      .describe("Learner mode: the exported forward pass, called as (X, parameters) and returning { A2, cache } (or an object with A2)"),
    costExport: z
      .string()
      .regex(identifier)
      .default("computeCost")
      .describe("Learner mode: the exported cost, called as (A2, Y) and returning a number"),
  })
  .strict()
  .describe("Compares the learner's gradients with centred differences of a cost J: the reference network's (grader/nn) or the learner's own forward pass and cost");

const TrainingCheck = z
  .object({
    check: z.literal("training").describe("End-to-end training result"),
    X: z.string().describe("Argument holding the training X"),
    Y: z.string().describe("Argument holding the training Y"),
    parametersPath: Path.default("").describe("Where the trained parameters are in the output"),
    minAccuracy: z.number().min(0).max(1).describe("Smallest accepted training accuracy, e.g. 0.85"),
    costsPath: z
      .string()
      .optional()
      .describe("Where a list of recorded costs is in the output; when given, the last must be below the first"),
  })
  .strict()
  .describe("Predicts with the returned parameters (reference predict) and checks accuracy; optionally that the cost went down");

const CustomCheck = z
  .object({
    check: z.literal("custom").describe("An author-written check, run in the sandbox"),
    file: z
      .string()
      .regex(/^checks\/[A-Za-z0-9_-]+\.ts$/)
      .describe('Path of a module in the exercise folder, e.g. "checks/rows-distinct.ts"'),
    export: z.string().regex(identifier).default("check").describe("Exported function name"),
    message: LocalizedText.describe("Shown when the check fails and returns no message of its own"),
  })
  .strict()
  .describe(
    "check(args, actual, expected) → true | false | { pass, message? }; runs in a fresh isolate, never in the host",
  );

export const Check = z
  .discriminatedUnion("check", [
    AllcloseCheck,
    StructureCheck,
    ShapeCheck,
    FiniteCheck,
    RandomInitCheck,
    GradientCheck,
    TrainingCheck,
    CustomCheck,
  ])
  .describe("A built-in check with its parameters");
export type Check = z.infer<typeof Check>;

const Bindings = z
  .record(z.string().regex(identifier), Input)
  .default({})
  .describe("Named inputs evaluated in order; later ones may reference earlier ones as \"$name\"");

export const TestCase = z
  .object({
    name: z.string().min(1).regex(kebabCase).describe("Stable kebab-case test name, unique in the exercise"),
    title: LocalizedText.optional().describe("What the test checks, shown in the verdict"),
    weight: z.number().positive().default(1).describe("Share of the score (weights are normalised)"),
    repeat: z
      .number()
      .int()
      .min(1)
      .max(20)
      .default(1)
      .describe("Draw the random inputs this many times; every draw must pass"),
    let: Bindings,
    args: z
      .record(z.string(), Input)
      .describe("Argument name (from `params`) → input; omit trailing arguments to test their defaults"),
    npSeed: z
      .union([z.number().int().min(0), z.literal("random")])
      .optional()
      .describe("Seed np.random before the call: a fixed seed or \"random\" (drawn per submission)"),
    entry: z
      .string()
      .regex(identifier)
      .optional()
      .describe(
        "Call this export instead of the exercise's `entry` (the learner's file and solution.ts must both export it, e.g. a helper of a capstone); give its `params` too",
      ),
    params: z
      .array(z.string().regex(identifier))
      .optional()
      .describe("With `entry`: that function's parameter names in order (replaces the exercise's `params` for this test)"),
    checks: z.array(Check).optional().describe("Checks for this test; defaults to the exercise's `checks`"),
  })
  .strict()
  .describe("A hidden test: inputs from generators, compared with the reference solution by checks");
export type TestCase = z.infer<typeof TestCase>;

export const Example = z
  .object({
    name: z.string().min(1).regex(kebabCase).describe("Stable kebab-case example name"),
    title: LocalizedText.optional().describe("Caption shown with the example"),
    let: Bindings,
    args: z
      .record(z.string(), Input)
      .describe("Argument name → input; random generators here use a fixed seed so the example never changes"),
    npSeed: z.number().int().min(0).optional().describe("Seed np.random before the call"),
    checks: z.array(Check).optional().describe("Checks for this example; defaults to the exercise's `checks`"),
  })
  .strict()
  .describe("A visible example: shown to the learner with its expected output, and graded as a visible test");
export type Example = z.infer<typeof Example>;

export const Mistake = z
  .object({
    id: z.string().regex(kebabCase).describe("Misconception id, e.g. \"missing-keepdims\""),
    file: z
      .string()
      .regex(/^mistakes\/[A-Za-z0-9_-]+\.ts$/)
      .describe('The wrong solution, e.g. "mistakes/missing-keepdims.ts"'),
    message: LocalizedText.describe("What the learner probably did and how to fix it"),
  })
  .strict()
  .describe("A known wrong solution; a failing submission whose outputs match it is told this message");
export type Mistake = z.infer<typeof Mistake>;

export const DiagnosisStep = z
  .object({
    key: Path.describe('Output path compared at this step, e.g. "db2"'),
    step: z.string().min(1).describe('The computation this key reveals, e.g. "dZ2" (shown to the learner)'),
    right: LocalizedText.describe("What it implies when this key is right"),
    wrong: LocalizedText.describe("What it implies when this is the first wrong key"),
  })
  .strict()
  .describe("One step of a multi-step function, in computation order");
export type DiagnosisStep = z.infer<typeof DiagnosisStep>;

export const Limits = z
  .object({
    timeoutMs: z.number().int().min(10).max(30_000).default(2_000).describe("Wall-clock limit per call"),
    memoryMb: z.number().int().min(8).max(512).default(64).describe("Isolate heap limit"),
    codeBytes: z.number().int().min(100).max(200_000).default(50_000).describe("Largest accepted submission"),
    stdoutBytes: z.number().int().min(0).max(1_000_000).default(8_000).describe("Console output kept"),
  })
  .strict()
  .describe("Resource limits for the learner's code");
export type Limits = z.infer<typeof Limits>;

export const ExerciseSpec = z
  .object({
    $schema: z.string().optional().describe("Path of the JSON Schema, for editors"),
    id: z.string().regex(kebabCase).describe("Kebab-case id, equal to the folder name"),
    section: z.string().regex(kebabCase).describe("Section id from exercises/course.json"),
    order: z.number().int().min(0).describe("Position inside the section"),
    title: LocalizedText.describe("Exercise title"),
    entry: z.string().regex(identifier).describe("Name of the function the learner exports"),
    params: z
      .array(z.string().regex(identifier))
      .min(0)
      .describe("Parameter names of the entry function in order; tests bind their arguments by these names"),
    signature: z.string().min(1).describe("TypeScript signature shown to the learner"),
    limits: Limits.default(Limits.parse({})),
    hints: z.array(LocalizedText).default([]).describe("Progressive hints, first to last"),
    examples: z.array(Example).default([]).describe("Visible examples (precomputed expected output is shipped)"),
    tests: z.array(TestCase).min(1).describe("Hidden tests"),
    checks: z
      .array(Check)
      .min(1)
      .default([{ check: "allclose", path: "", rtol: 1e-5, atol: 1e-8, accept: [] }])
      .describe("Default checks for every test and example"),
    mistakes: z.array(Mistake).default([]).describe("Known wrong solutions and their explanations"),
    diagnosis: z
      .array(DiagnosisStep)
      .default([])
      .describe("For multi-step functions: output keys in computation order, to locate the first wrong step"),
    visibleSolutionAfterAttempts: z
      .number()
      .int()
      .min(0)
      .nullable()
      .default(null)
      .describe("Show the reference solution after this many failed attempts; null never"),
    mutation: z
      .object({
        ignore: z
          .array(z.string())
          .default([])
          .describe("Mutant descriptions that are equivalent to the solution (reported but not a problem)"),
      })
      .strict()
      .default({ ignore: [] })
      .describe("Settings for `lab check` mutation testing"),
  })
  .strict()
  .describe("An exercise: exercises/<id>/exercise.json")
  .superRefine((spec, ctx) => {
    const names = new Set<string>();
    for (const t of [...spec.examples, ...spec.tests]) {
      if (names.has(t.name)) ctx.addIssue({ code: "custom", message: `duplicate test name "${t.name}"` });
      names.add(t.name);
      const own = "entry" in t ? { entry: t.entry, params: t.params } : {};
      if ((own.entry === undefined) !== (own.params === undefined)) {
        ctx.addIssue({ code: "custom", message: `test "${t.name}": give \`entry\` and \`params\` together` });
      }
      const params = own.params ?? spec.params;
      for (const arg of Object.keys(t.args)) {
        if (!params.includes(arg)) {
          ctx.addIssue({ code: "custom", message: `test "${t.name}": argument "${arg}" is not in params` });
        }
      }
    }
    const mistakeIds = new Set<string>();
    for (const m of spec.mistakes) {
      if (mistakeIds.has(m.id)) ctx.addIssue({ code: "custom", message: `duplicate mistake id "${m.id}"` });
      mistakeIds.add(m.id);
    }
  });
export type ExerciseSpec = z.infer<typeof ExerciseSpec>;
export type ExerciseSpecInput = z.input<typeof ExerciseSpec>;
