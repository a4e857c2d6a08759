// GET /api/v1/exercises: the public list of exercises (no statement, solution or tests).
import { handle, json } from "@/lib/server/api/http";
import { courseSource } from "@/lib/server/course.server";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export function GET(): Promise<Response> {
  return handle(() => {
    const exercises = courseSource
      .listExercises()
      .map(({ id, version, section, order, title }) => ({ id, version, section, order, title: { ko: title.ko, en: title.en } }));
    return Promise.resolve(json({ exercises }));
  });
}
