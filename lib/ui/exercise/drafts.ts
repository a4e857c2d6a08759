// Drafts: every keystroke is kept in localStorage (works signed out and offline); signed-in
// learners also get a debounced PUT /api/v1/drafts/:id, so the draft follows them to another
// device. On return the newer of the two wins; the account's draft comes with the page (read on
// the server), so opening an exercise makes no draft request.
import { z } from "zod";

const LocalDraft = z.object({ code: z.string(), updatedAt: z.string() });
export type Draft = z.infer<typeof LocalDraft>;

const key = (exerciseId: string) => `backprop:draft:${exerciseId}`;

export function readLocalDraft(exerciseId: string): Draft | null {
  try {
    const raw = window.localStorage.getItem(key(exerciseId));
    if (raw === null) return null;
    const parsed = LocalDraft.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function writeLocalDraft(exerciseId: string, code: string): void {
  try {
    window.localStorage.setItem(key(exerciseId), JSON.stringify({ code, updatedAt: new Date().toISOString() }));
  } catch {
    // Storage full or disabled (private mode): the server copy, if any, still works.
  }
}

export function clearLocalDraft(exerciseId: string): void {
  try {
    window.localStorage.removeItem(key(exerciseId));
  } catch {
    // Nothing to clear.
  }
}

export async function saveServerDraft(exerciseId: string, code: string): Promise<boolean> {
  const response = await fetch(`/api/v1/drafts/${encodeURIComponent(exerciseId)}`, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ code }),
  });
  return response.ok;
}

export function newerDraft(a: Draft | null, b: Draft | null): Draft | null {
  if (a === null) return b;
  if (b === null) return a;
  return Date.parse(a.updatedAt) >= Date.parse(b.updatedAt) ? a : b;
}
