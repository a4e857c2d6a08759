// An exercise: the statement (Markdown + KaTeX, rendered and sanitized on the server), the visible
// examples with expected output, and the client island with the editor, Run, Submit and results.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { createGrader, type PublicExercise } from "@/lib/server/grader";
import { SiteLocale } from "@/lib/i18n/locale";
import { renderMarkdown } from "@/lib/markdown/render";
import { exampleTolerance, functionArgsOf } from "@/lib/run/tolerance";
import { selectDraft } from "@/lib/server/data/drafts";
import { selectProgressByUser } from "@/lib/server/data/progress";
import { ExerciseWorkspace } from "@/lib/ui/exercise/exercise-workspace";
import { ValueView } from "@/lib/ui/exercise/value-view";
import { readNpTypings } from "@/lib/server/np-typings.server";
import { plotFor } from "@/lib/ui/plots/plot-config";
import { currentUser } from "@/lib/server/viewer.server";
import { revealSolution } from "./actions";

export const dynamic = "force-dynamic";

const grader = createGrader();
const ExerciseId = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

async function loadPublic(id: string, locale: SiteLocale): Promise<PublicExercise | null> {
  if (!ExerciseId.test(id) || !grader.listExercises().some((e) => e.id === id)) return null;
  return grader.getPublicExercise(id, locale);
}

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { id } = await params;
  const title = grader.listExercises().find((e) => e.id === id)?.title;
  const locale = SiteLocale.parse(await getLocale());
  return { title: title ? title[locale] : id };
}

export default async function ExercisePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const locale = SiteLocale.parse(await getLocale());
  const exercise = await loadPublic(id, locale);
  if (exercise === null) notFound();
  const t = await getTranslations("exercise");
  const user = await currentUser();
  const progress = user ? (await selectProgressByUser(user.id)).find((row) => row.exerciseId === id) : undefined;
  // The account's draft goes with the page: the client makes no request that would 404 when there is none.
  const draft = user ? await selectDraft(user.id, id) : null;
  // The page shows the title as its h1; a statement that opens with its own "# title" would repeat it.
  const statementHtml = await renderMarkdown(exercise.statement.replace(/^\s*# [^\n]*\n/, ""));
  const spec = grader.loadExercise(id).spec;
  return (
    <div className="exercise-layout">
      <article className="stack">
        <h1 style={{ marginBottom: 0 }}>{exercise.title}</h1>
        <section aria-label={t("statement")} className="statement" dangerouslySetInnerHTML={{ __html: statementHtml }} />
        <section aria-labelledby="signature-heading">
          <h2 id="signature-heading">{t("signature")}</h2>
          <pre>
            <code>{exercise.signature}</code>
          </pre>
        </section>
        <section aria-labelledby="examples-heading" className="stack">
          <h2 id="examples-heading">{t("examples")}</h2>
          {exercise.examples.map((example) => (
            <div key={example.name} className="card">
              <h3 style={{ marginTop: 0, fontSize: "1rem" }}>{example.title ?? t("example", { name: example.name })}</h3>
              {Object.entries(example.args).map(([name, value]) => (
                <ValueView key={name} label={`${t("input")} ${name}`} value={value} />
              ))}
              <ValueView label={t("expectedOutput")} value={example.expected} />
            </div>
          ))}
        </section>
      </article>
      <ExerciseWorkspace
        exercise={{
          id: exercise.id,
          title: exercise.title,
          entry: exercise.entry,
          params: exercise.params,
          starter: exercise.starter,
          hints: exercise.hints,
          examples: exercise.examples.map((e, i) => {
            // Seeds, per-example checks and author functions come from exercise.json (public content).
            const specExample = spec.examples[i];
            return {
              name: e.name,
              ...(e.title ? { title: e.title } : {}),
              args: e.args,
              expected: e.expected,
              ...(typeof specExample?.npSeed === "number" ? { npSeed: specExample.npSeed } : {}),
              ...(specExample?.checks ? { tolerance: exampleTolerance(specExample.checks) } : {}),
              functionArgs: functionArgsOf(specExample?.args ?? {}),
            };
          }),
          tolerance: exampleTolerance(spec.checks),
          visibleSolutionAfterAttempts: exercise.visibleSolutionAfterAttempts,
          plot: plotFor(exercise.id),
        }}
        learner={{
          signedIn: user !== null,
          solved: progress?.status === "passed",
          attempts: progress?.attempts ?? 0,
          serverDraft: draft ? { code: draft.code, updatedAt: draft.updatedAt.toISOString() } : null,
        }}
        npTypings={readNpTypings()}
        revealSolution={revealSolution}
      />
    </div>
  );
}
