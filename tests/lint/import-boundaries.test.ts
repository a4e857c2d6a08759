// The import boundaries of docs/architecture.md are lint rules (eslint.config.js): each one is
// shown here to fail a deliberate violation, and the doors it leaves open to stay open. Snippets
// are linted as if they were the named file (which exists, for the type-aware parser).
import { ESLint } from "eslint";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const eslint = new ESLint({ cwd: fileURLToPath(new URL("../..", import.meta.url)) });
const BOUNDARY_RULES = new Set(["@typescript-eslint/no-restricted-imports", "boundaries/no-server-in-client"]);

/** The boundary rules that report on `code` linted as `filePath`. */
async function boundaryErrors(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).flatMap((m) => (m.ruleId && BOUNDARY_RULES.has(m.ruleId) ? [m.ruleId] : []));
}

describe("import boundaries (npm run lint)", { timeout: 120_000 }, () => {
  it("app/ never imports grader/, not even its public door", async () => {
    const internal = `import { gradeQuizAnswer } from "@/grader/grading/quiz";\nexport const grade = gradeQuizAnswer;\n`;
    const door = `import { createGrader } from "@/grader/index";\nexport const grader = createGrader;\n`;
    expect(await boundaryErrors(internal, "app/page.tsx")).toEqual(["@typescript-eslint/no-restricted-imports"]);
    expect(await boundaryErrors(door, "app/page.tsx")).toEqual(["@typescript-eslint/no-restricted-imports"]);
    const throughLib = `import { createGrader } from "@/lib/server/grader";\nexport const grader = createGrader;\n`;
    expect(await boundaryErrors(throughLib, "app/page.tsx")).toEqual([]);
  });

  it("lib/ reaches grader/ through grader/index.ts and grader/browser.ts only", async () => {
    const internal = `import { loadCourse } from "@/grader/exercise/course";\nexport const load = loadCourse;\n`;
    const relative = `import { loadCourse } from "../../grader/exercise/course";\nexport const load = loadCourse;\n`;
    const door = `import { loadCourse } from "@/grader/index";\nexport const load = loadCourse;\n`;
    expect(await boundaryErrors(internal, "lib/server/course.server.ts")).toEqual(["@typescript-eslint/no-restricted-imports"]);
    expect(await boundaryErrors(relative, "lib/server/course.server.ts")).toEqual(["@typescript-eslint/no-restricted-imports"]);
    expect(await boundaryErrors(door, "lib/server/course.server.ts")).toEqual([]);
  });

  it("browser-side lib imports grader/index.ts for types only, and never lib/server/", async () => {
    const value = `import { createGrader } from "@/grader/index";\nexport const grader = createGrader;\n`;
    const server = `import { currentUser } from "@/lib/server/viewer.server";\nexport const viewer = currentUser;\n`;
    const allowed = `import type { ShownPreview } from "@/grader/index";\nimport { np } from "@/grader/browser";\nexport const zeros = np.zeros;\nexport type Preview = ShownPreview;\n`;
    expect(await boundaryErrors(value, "lib/ui/format-value.ts")).toEqual(["@typescript-eslint/no-restricted-imports"]);
    expect(await boundaryErrors(server, "lib/run/execute.ts")).toEqual(["@typescript-eslint/no-restricted-imports"]);
    expect(await boundaryErrors(allowed, "lib/ui/format-value.ts")).toEqual([]);
  });

  it('"use client" modules never import lib/server/', async () => {
    const client = `"use client";\nimport type { ViewerUser } from "@/lib/server/auth.server";\nexport type User = ViewerUser;\n`;
    const serverComponent = `import type { ViewerUser } from "@/lib/server/auth.server";\nexport type User = ViewerUser;\n`;
    expect(await boundaryErrors(client, "app/page.tsx")).toEqual(["boundaries/no-server-in-client"]);
    expect(await boundaryErrors(serverComponent, "app/page.tsx")).toEqual([]);
  });

  it("grader/ never imports lib/ or app/", async () => {
    const code = `import { courseSource } from "../lib/server/course.server";\nexport const source = courseSource;\n`;
    expect(await boundaryErrors(code, "grader/index.ts")).toEqual(["@typescript-eslint/no-restricted-imports"]);
  });
});
