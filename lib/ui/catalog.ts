// The catalog as the learner sees it: sections in teaching order, each exercise and quiz with
// this learner's status, progress per section and overall, and the suggested next step.
// Pure (no I/O) so the rules are unit-tested; lib/server/catalog.server.ts feeds it.
export type ItemStatus = "not-started" | "attempted" | "solved";

export interface CatalogSectionInput {
  readonly id: string;
  readonly title: string;
  /** Server-rendered, sanitized HTML (lib/markdown). */
  readonly intro: string;
  readonly exercises: readonly { readonly id: string; readonly title: string }[];
  readonly quiz: { readonly id: string; readonly title: string; readonly itemCount: number } | null;
}

export interface LearnerProgress {
  /** Exercise id → best known state (from /api/v1/progress semantics: passed | attempted). */
  readonly exercises: ReadonlyMap<string, "passed" | "attempted">;
  /** Quiz id → item ids answered correctly at least once, and whether anything was answered. */
  readonly quizzes: ReadonlyMap<string, { readonly correctItems: ReadonlySet<string>; readonly answered: boolean }>;
}

export interface CatalogItem {
  readonly kind: "exercise" | "quiz";
  readonly id: string;
  readonly title: string;
  readonly status: ItemStatus;
  readonly href: string;
  /** A quiz's items answered correctly so far, out of all of them (issue 11: "Attempted" alone said little). */
  readonly quizScore?: { readonly correct: number; readonly total: number };
}

export interface CatalogSection {
  readonly id: string;
  readonly title: string;
  readonly intro: string;
  readonly items: readonly CatalogItem[];
  readonly solved: number;
  readonly total: number;
}

export interface Catalog {
  readonly sections: readonly CatalogSection[];
  readonly solved: number;
  readonly total: number;
  /** The first attempted-but-unsolved item, else the first not started one; null when all solved. */
  readonly next: CatalogItem | null;
}

export const EMPTY_PROGRESS: LearnerProgress = { exercises: new Map(), quizzes: new Map() };

function exerciseStatus(progress: LearnerProgress, id: string): ItemStatus {
  const state = progress.exercises.get(id);
  return state === "passed" ? "solved" : state === "attempted" ? "attempted" : "not-started";
}

function quizStatus(progress: LearnerProgress, id: string, itemCount: number): ItemStatus {
  const state = progress.quizzes.get(id);
  if (state === undefined || !state.answered) return "not-started";
  return state.correctItems.size >= itemCount ? "solved" : "attempted";
}

export function buildCatalog(sections: readonly CatalogSectionInput[], progress: LearnerProgress): Catalog {
  const built = sections.map((section): CatalogSection => {
    const items: CatalogItem[] = section.exercises.map((exercise) => ({
      kind: "exercise",
      id: exercise.id,
      title: exercise.title,
      status: exerciseStatus(progress, exercise.id),
      href: `/exercises/${exercise.id}`,
    }));
    if (section.quiz) {
      items.push({
        kind: "quiz",
        id: section.quiz.id,
        title: section.quiz.title,
        status: quizStatus(progress, section.quiz.id, section.quiz.itemCount),
        href: `/quizzes/${section.quiz.id}`,
        quizScore: { correct: progress.quizzes.get(section.quiz.id)?.correctItems.size ?? 0, total: section.quiz.itemCount },
      });
    }
    const solved = items.filter((item) => item.status === "solved").length;
    return { id: section.id, title: section.title, intro: section.intro, items, solved, total: items.length };
  });
  const all = built.flatMap((section) => section.items);
  // An unfinished attempt is the most useful thing to return to; otherwise follow the course order.
  const next = all.find((item) => item.status === "attempted") ?? all.find((item) => item.status === "not-started") ?? null;
  return {
    sections: built,
    solved: built.reduce((sum, section) => sum + section.solved, 0),
    total: built.reduce((sum, section) => sum + section.total, 0),
    next,
  };
}

/** Whole percent for a progress bar; 0 for an empty section. */
export function percent(solved: number, total: number): number {
  return total === 0 ? 0 : Math.round((100 * solved) / total);
}
