// What the exercise page's server component hands to its client island. Never the solution,
// hidden tests or known mistakes.
import type { ExampleTolerance } from "@/lib/run/compare-examples";
import type { RunExample } from "@/lib/run/execute";
import type { PlotSpec } from "@/lib/ui/plots/plot-config";

export interface WorkspaceExample extends RunExample {
  readonly title?: string;
}

export interface WorkspaceExercise {
  readonly id: string;
  readonly title: string;
  readonly entry: string;
  readonly params: readonly string[];
  readonly starter: string;
  readonly hints: readonly string[];
  readonly examples: readonly WorkspaceExample[];
  readonly tolerance: ExampleTolerance;
  readonly visibleSolutionAfterAttempts: number | null;
  readonly plot: PlotSpec | null;
}

export interface WorkspaceLearner {
  readonly signedIn: boolean;
  /** The draft saved on the account, read by the page on the server (no request, no 404 when none). */
  readonly serverDraft: { readonly code: string; readonly updatedAt: string } | null;
  readonly solved: boolean;
  readonly attempts: number;
}
