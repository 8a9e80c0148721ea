// A local stand-in for the Resend API for the fault tests: `POST /emails` and `POST /emails/batch`
// with JSON bodies, `Authorization: Bearer`, and `Idempotency-Key` honoured like Resend does it —
// a repeated key with the same body replays the first answer and delivers nothing new, with a
// different body it is refused with 409. Faults are planned per call. Like Resend, the batch endpoint
// refuses attachments (422).
import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * - `fail500`: answers 500, delivers nothing.
 * - `reject422`: answers 422 (validation), delivers nothing.
 * - `dieMidRequest`: destroys the connection after the first chunk of the body, delivers nothing.
 * - `dieAfterDelivery`: delivers (and stores the key's answer), then destroys the connection
 *   before answering — the window in which a sender cannot know the outcome.
 */
export type StubFault = "fail500" | "reject422" | "dieMidRequest" | "dieAfterDelivery";

export interface StubCall {
  path: string;
  idempotencyKey: string | null;
  messages: number;
  result: "delivered" | "replayed" | "conflict" | StubFault | "unauthorized";
}

export interface StubDelivery {
  providerId: string;
  outboxId: string | null;
  to: string;
  subject: string;
  headers: Record<string, string>;
  hasHtml: boolean;
  hasText: boolean;
  html: string;
  text: string;
  /** As received: `content` is base64. */
  attachments: StubAttachment[];
}

export interface StubAttachment {
  filename: string;
  content: string;
  content_type?: string;
}

interface StubEmail {
  to: string | string[];
  subject: string;
  html?: string;
  text?: string;
  headers?: Record<string, string>;
  tags?: { name: string; value: string }[];
  attachments?: StubAttachment[];
}

export interface ResendStub {
  url: string;
  calls: StubCall[];
  deliveries: StubDelivery[];
  /** Decides the fault of each call (0-based index in order of arrival); null for a normal answer. */
  plan: (call: {
    index: number;
    path: string;
    emails: StubEmail[];
  }) => Exclude<StubFault, "dieMidRequest"> | null;
  /** Calls (by index) whose connection dies after the first chunk of their body. */
  dieMidRequestAt: Set<number>;
  /** Forgets calls, deliveries, stored keys and faults. */
  reset(): void;
  close(): Promise<void>;
}

function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { "Content-Type": "application/json" }).end(JSON.stringify(body));
}

export async function startResendStub(apiKey: string): Promise<ResendStub> {
  const answers = new Map<string, { bodyHash: string; status: number; body: unknown }>();
  let sequence = 0;
  let callIndex = 0;
  const stub: ResendStub = {
    url: "",
    calls: [],
    deliveries: [],
    plan: () => null,
    dieMidRequestAt: new Set(),
    reset: () => {
      stub.calls.length = 0;
      stub.deliveries.length = 0;
      stub.plan = () => null;
      stub.dieMidRequestAt.clear();
      answers.clear();
      callIndex = 0;
    },
    close: () => new Promise((done) => server.close(() => done())),
  };

  const deliver = (email: StubEmail): string => {
    const providerId = `stub_${++sequence}`;
    stub.deliveries.push({
      providerId,
      outboxId: email.tags?.find((tag) => tag.name === "outbox_id")?.value ?? null,
      to: Array.isArray(email.to) ? email.to.join(",") : email.to,
      subject: email.subject,
      headers: email.headers ?? {},
      hasHtml: Boolean(email.html),
      hasText: Boolean(email.text),
      html: email.html ?? "",
      text: email.text ?? "",
      attachments: email.attachments ?? [],
    });
    return providerId;
  };

  const handle = (
    request: IncomingMessage,
    response: ServerResponse,
    raw: string,
    fault: Exclude<StubFault, "dieMidRequest"> | null,
  ) => {
    const path = request.url ?? "";
    const key = (request.headers["idempotency-key"] as string | undefined) ?? null;
    const parsed = JSON.parse(raw) as StubEmail | StubEmail[];
    const emails = Array.isArray(parsed) ? parsed : [parsed];
    const call: StubCall = { path, idempotencyKey: key, messages: emails.length, result: "delivered" };
    stub.calls.push(call);
    if (request.headers.authorization !== `Bearer ${apiKey}`) {
      call.result = "unauthorized";
      return json(response, 401, {
        statusCode: 401,
        name: "validation_error",
        message: "API key is invalid",
      });
    }
    const bodyHash = createHash("sha256").update(`${path}\n${raw}`).digest("hex");
    const previous = key ? answers.get(key) : undefined;
    if (previous) {
      if (previous.bodyHash !== bodyHash) {
        call.result = "conflict";
        return json(response, 409, {
          statusCode: 409,
          name: "invalid_idempotent_request",
          message: "Same idempotency key used with a different request payload.",
        });
      }
      call.result = "replayed";
      return json(response, previous.status, previous.body);
    }
    if (fault === "fail500" || fault === "reject422") {
      call.result = fault;
      const status = fault === "fail500" ? 500 : 422;
      const name = fault === "fail500" ? "internal_server_error" : "validation_error";
      return json(response, status, { statusCode: status, name, message: `stub ${fault}` });
    }
    if (path !== "/emails" && path !== "/emails/batch") return json(response, 404, { statusCode: 404 });
    if (path === "/emails/batch" && emails.some((email) => email.attachments?.length)) {
      call.result = "reject422";
      return json(response, 422, {
        statusCode: 422,
        name: "validation_error",
        message: "Attachments are not supported with the batch endpoint",
      });
    }
    const ids = emails.map(deliver);
    const body = path === "/emails" ? { id: ids[0] } : { data: ids.map((id) => ({ id })) };
    if (key) answers.set(key, { bodyHash, status: 200, body });
    if (fault === "dieAfterDelivery") {
      call.result = fault;
      request.socket.destroy();
      return;
    }
    json(response, 200, body);
  };

  const server: Server = createServer((request, response) => {
    const index = callIndex++;
    const chunks: Buffer[] = [];
    let died = false;
    request.on("data", (chunk: Buffer) => {
      chunks.push(chunk);
      if (died || !stub.dieMidRequestAt.has(index)) return;
      died = true;
      const key = (request.headers["idempotency-key"] as string | undefined) ?? null;
      stub.calls.push({ path: request.url ?? "", idempotencyKey: key, messages: 0, result: "dieMidRequest" });
      request.socket.destroy();
    });
    request.on("end", () => {
      if (died) return;
      const raw = Buffer.concat(chunks).toString("utf8");
      const parsed = JSON.parse(raw) as StubEmail | StubEmail[];
      const emails = Array.isArray(parsed) ? parsed : [parsed];
      handle(request, response, raw, stub.plan({ index, path: request.url ?? "", emails }));
    });
  });

  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  stub.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return stub;
}
