import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { openPglite } from "./create-database.ts";

export interface EmbeddedServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * Serves an embedded PGlite over the PostgreSQL wire protocol on 127.0.0.1, so that both apps
 * (separate processes) share one embedded database through node-postgres, exactly as they would
 * share a real server. PGlite has one session; the socket server queues statements and keeps a
 * client's open transaction exclusive.
 */
export async function startEmbeddedServer(options: {
  dataDir?: string;
  port: number;
  maxConnections?: number;
}): Promise<EmbeddedServer> {
  const pglite = await openPglite(options.dataDir);
  const server = new PGLiteSocketServer({
    db: pglite,
    host: "127.0.0.1",
    port: options.port,
    maxConnections: options.maxConnections ?? 64,
  });
  await server.start();
  return {
    url: `postgres://postgres@127.0.0.1:${options.port}/postgres?sslmode=disable`,
    stop: async () => {
      await server.stop();
      await pglite.close();
    },
  };
}
