// GET /api/v1/submissions/:id/events: server-sent events, one per status change
// (`event: queued|running|done|error`, `data:` the submission as JSON), ending after done/error.
import { PathId } from "@/lib/server/api/contract";
import { handle, parseWith, notFound, requireViewer } from "@/lib/server/api/http";
import { canSeeSubmission, presentSubmission } from "@/lib/server/api/presenters";
import { selectSubmissionById } from "@/lib/server/data/submissions";
import { watchSubmission } from "@/lib/server/grading-queue.server";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const HEARTBEAT_MS = 15_000;

export function GET(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => {
    const viewer = await requireViewer(request, { scope: "submissions:read" });
    const id = parseWith(PathId, (await context.params).id);
    const row = await selectSubmissionById(id);
    if (row === null || !canSeeSubmission(viewer, row)) notFound("submission");
    const encoder = new TextEncoder();
    const stop = new AbortController();
    request.signal.addEventListener("abort", () => stop.abort());
    const stream = new ReadableStream<Uint8Array>({
      async start(controller) {
        // Comments keep proxies from closing a quiet connection while a long grading runs.
        const heartbeat = setInterval(() => controller.enqueue(encoder.encode(": keep-alive\n\n")), HEARTBEAT_MS);
        try {
          for await (const state of watchSubmission(id, { signal: stop.signal })) {
            const data = JSON.stringify(presentSubmission(state, viewer, { withCode: false }));
            controller.enqueue(encoder.encode(`event: ${state.status}\ndata: ${data}\n\n`));
          }
        } finally {
          clearInterval(heartbeat);
          controller.close();
        }
      },
      cancel() {
        stop.abort();
      },
    });
    return new Response(stream, {
      headers: { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-store", connection: "keep-alive" },
    });
  });
}
