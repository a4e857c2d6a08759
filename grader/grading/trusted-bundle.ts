// Bundles an exercise's trusted code (the reference solution and every known mistake) into one
// module with a dispatcher, so one sandbox job computes the reference outputs and all mistake
// outputs for a submission's inputs, side by side with (never inside) the learner's job. Each
// sandbox job pays for a fresh isolate; one trusted job instead of 1 + k keeps grading fast.
// Edit when trusted sources other than the solution and mistakes must run per submission.
import { build, type Plugin } from "esbuild";
import type { LoadedExercise } from "../exercise/load";

export const TRUSTED_BUNDLE_FILENAME = "trusted-bundle.js";
export const DISPATCH_EXPORT = "__dispatchTrusted";

/** Index 0 is the solution; 1..k are the mistakes in exercise.json order. */
export function trustedEntries(exercise: LoadedExercise): { label: string; source: string }[] {
  return [
    { label: "solution.ts", source: exercise.solution },
    ...exercise.spec.mistakes.map((m) => ({ label: m.file, source: exercise.mistakes.get(m.id) ?? "" })),
  ];
}

/**
 * The dispatcher is called as (index, exportName, ...args): exportName is the exercise's entry, or
 * a test's own `entry` (another function the solution and mistakes export).
 */
export async function buildTrustedBundle(exercise: LoadedExercise): Promise<string> {
  const entries = trustedEntries(exercise);
  const lines = entries.map((e, i) => `import * as __module${i} from "trusted:${i}";`);
  lines.push(`const __modules = [${entries.map((_, i) => `__module${i}`).join(", ")}];`);
  lines.push(`export function ${DISPATCH_EXPORT}(index, exportName, ...args) { return __modules[index][exportName](...args); }`);
  // Sources come from the loaded exercise (the version that was hashed), never from disk again.
  const fromMemory: Plugin = {
    name: "trusted-sources",
    setup(plugin) {
      plugin.onResolve({ filter: /^np$/ }, () => ({ path: "np", external: true }));
      plugin.onResolve({ filter: /^trusted:\d+$/ }, (args) => ({ path: args.path, namespace: "trusted" }));
      plugin.onResolve({ filter: /.*/ }, (args) => ({ errors: [{ text: `trusted code may import only "np", not "${args.path}"` }] }));
      plugin.onLoad({ filter: /.*/, namespace: "trusted" }, (args) => {
        const index = Number(args.path.slice("trusted:".length));
        return { contents: entries[index]?.source ?? "", loader: "ts" };
      });
    },
  };
  const result = await build({
    stdin: { contents: lines.join("\n"), loader: "js", sourcefile: TRUSTED_BUNDLE_FILENAME },
    bundle: true,
    write: false,
    format: "esm",
    platform: "neutral",
    target: "es2022",
    tsconfigRaw: "{}",
    plugins: [fromMemory],
    logLevel: "silent",
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error("esbuild produced no trusted bundle");
  return file.text;
}
