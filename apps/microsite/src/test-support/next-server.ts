import { type ChildProcess, spawn } from "node:child_process";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { fileURLToPath, pathToFileURL } from "node:url";
import { generateAuditKek } from "@purposeful/db";

// Runs against `next build` output (turbo.json makes `test` depend on `build`).
const appDir = fileURLToPath(new URL("../..", import.meta.url));
const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
// As the launcher does: the socket's address in a header only the server can set.
const peerAddress = pathToFileURL(createRequire(import.meta.url).resolve("@purposeful/db/peer-address")).href;

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject()));
    });
  });
}

async function waitUntilAnswering(url: string, child: ChildProcess, output: () => string): Promise<void> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited (${child.exitCode}):\n${output()}`);
    try {
      await fetch(url, { redirect: "manual" });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

export interface NextServer {
  baseUrl: string;
  output(): string;
  stop(): Promise<void>;
}

type ExtraEnv = Record<string, string> | ((baseUrl: string) => Record<string, string>);

/** `next start` of the built microsite on a free port, with extra environment variables. */
export async function startNextServer(extraEnv: ExtraEnv = {}): Promise<NextServer> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env = typeof extraEnv === "function" ? extraEnv(baseUrl) : extraEnv;
  let output = "";
  const server = spawn(
    process.execPath,
    ["--import", peerAddress, nextBin, "start", "-p", String(port), "-H", "127.0.0.1"],
    {
      cwd: appDir,
      // A production server refuses to start without AUDIT_KEK; tests that share a database pass theirs.
      env: {
        ...process.env,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        AUDIT_KEK: generateAuditKek(),
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  server.stdout?.on("data", (chunk) => {
    output += chunk;
  });
  server.stderr?.on("data", (chunk) => {
    output += chunk;
  });
  await waitUntilAnswering(`${baseUrl}/de`, server, () => output);
  return {
    baseUrl,
    output: () => output,
    stop: async () => {
      if (server.exitCode !== null) return;
      const exited = new Promise((resolve) => server.once("exit", resolve));
      server.kill("SIGTERM");
      await exited;
    },
  };
}
