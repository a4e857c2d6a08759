// GET /api/v1/openapi.json: the API described from the same zod schemas that validate it.
import { buildOpenApiDocument } from "@/lib/server/api/contract";
import { json } from "@/lib/server/api/http";

export const dynamic = "force-static";

export function GET(): Response {
  return json(buildOpenApiDocument(), 200, { "cache-control": "public, max-age=300" });
}
