// `npm start`: the production web server. It is `next start` plus one thing Next.js does not do:
// Next fills in X-Forwarded-For from the socket only when the client did not send one, so any
// client could choose the address that sign-in attempts are counted by. Here, before Next.js sees
// a request, X-Forwarded-For is set to the one address we can vouch for (lib/server/client-address.ts):
// the socket's peer, or, with BACKPROP_TRUSTED_PROXY_HOPS=N, the address the outermost of N proxies
// saw; without a trusted proxy the client's X-Forwarded-* headers are dropped. Usage like next start:
// `tsx bin/serve.ts [-p PORT] [-H HOSTNAME]` (PORT and HOSTNAME from the environment otherwise).
import { createServer } from "node:http";
import { parseArgs } from "node:util";
import { CLIENT_FORWARDED_HEADERS, clientAddress } from "../lib/server/client-address";
import { serverEnv } from "../lib/server/env.server";

// Like next start: a production server unless told otherwise.
Object.assign(process.env, { NODE_ENV: process.env.NODE_ENV ?? "production" });

const { values } = parseArgs({ options: { port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" } } });
const port = Number(values.port ?? process.env.PORT ?? "3000");
const hostname = values.hostname ?? process.env.HOSTNAME;
if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`not a port: ${values.port ?? process.env.PORT}`);
const trustedHops = serverEnv().BACKPROP_TRUSTED_PROXY_HOPS;

const { default: next } = await import("next");
const app = next({ dev: false, dir: process.cwd(), port, ...(hostname === undefined ? {} : { hostname }) });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((request, response) => {
  const forwardedFor = request.headers["x-forwarded-for"];
  const address = clientAddress(Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor, request.socket.remoteAddress, trustedHops);
  if (trustedHops === 0) for (const name of CLIENT_FORWARDED_HEADERS) delete request.headers[name];
  if (address === undefined) delete request.headers["x-forwarded-for"];
  else request.headers["x-forwarded-for"] = address;
  handle(request, response).catch((error: unknown) => {
    console.error("serve: unhandled error", error);
    if (!response.headersSent) response.writeHead(500);
    response.end();
  });
});
server.listen(port, hostname, () => {
  console.log(`Backprop Lab on http://${hostname ?? "localhost"}:${port} (client address: ${trustedHops === 0 ? "the socket's peer" : `${trustedHops} trusted proxy hop(s)`})`);
});

function shutdown(): void {
  server.close();
  void app.close().finally(() => process.exit(0));
}
process.once("SIGTERM", shutdown);
process.once("SIGINT", shutdown);
