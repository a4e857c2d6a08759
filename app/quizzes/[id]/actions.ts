// The quiz page's one server action: the rendered explanation and feedback of an item the viewer
// has just answered (found by ids; see lib/ui/quiz/feedback.server.ts). It takes no Markdown.
"use server";
import { z } from "zod";
import { renderQuizFeedbackFor, type RenderedQuizFeedback } from "@/lib/ui/quiz/feedback.server";
import { currentUser } from "@/lib/server/viewer.server";

const Ids = z.object({
  quizId: z.string().max(100),
  itemId: z.string().max(100),
  locale: z.enum(["ko", "en"]),
});

export async function renderQuizFeedback(quizId: string, itemId: string, locale: string): Promise<RenderedQuizFeedback | null> {
  const ids = Ids.parse({ quizId, itemId, locale });
  const user = await currentUser();
  if (user === null) return null;
  return renderQuizFeedbackFor(user.id, ids.quizId, ids.itemId, ids.locale);
}
