// The TypeScript compiler options of the exercise editor (Monaco's TypeScript worker), apart from
// Monaco itself so a Node test can type-check every starter and solution with exactly these options
// (lib/ui/editor/compiler-options.test.ts). Edit here when the editor must accept other code.

/** The enums Monaco re-exports from TypeScript (the `typescript` package has the same values). */
export interface TypeScriptEnums {
  readonly ScriptTarget: { readonly ES2020: number };
  readonly ModuleKind: { readonly CommonJS: number };
  readonly ModuleResolutionKind: { readonly NodeJs: number };
}

export function editorCompilerOptions(ts: TypeScriptEnums) {
  return {
    target: ts.ScriptTarget.ES2020,
    // CommonJS output is what the Run worker evaluates (require("np") is np).
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.NodeJs,
    strict: true,
    noEmitOnError: false,
    esModuleInterop: false,
    // Run maps runtime errors back to the learner's line through it (lib/run/source-map.ts).
    inlineSourceMap: true,
    // Monaco hands these options to the language service as they are, so `lib` takes file names, not
    // tsconfig's short names: "es2022" loaded no standard library at all, and correct code was
    // underlined (`X.shape[1]` indexing `{}`, "Cannot find name 'ReturnType'").
    lib: ["lib.es2022.d.ts"],
  };
}
