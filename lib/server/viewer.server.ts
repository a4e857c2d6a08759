// Who is looking at a page, for server components: the session user or null (anonymous).
import "server-only";
import { headers } from "next/headers";
import { getViewer, type ViewerUser } from "@/lib/server/auth.server";

export async function currentUser(): Promise<ViewerUser | null> {
  const viewer = await getViewer(await headers());
  return viewer?.user ?? null;
}
