import { createMicrositeLink, enqueueEmail, linkPlaceholder, resolveLink } from "@purposeful/db";
import { createPerson, createStaffUser } from "@purposeful/db/seed";
import { createTestDatabase, type TestDatabase } from "@purposeful/db/testing";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { linkSecret } from "../../../env";
import { createCallerFactory, router } from "../../trpc";
import { outboxRouter } from "./router";

const createCaller = createCallerFactory(router({ outbox: outboxRouter }));
const at = new Date("2026-11-30T12:00:00Z");
let t: TestDatabase;
let staffId: string;

function caller() {
  return createCaller({
    db: t.db,
    user: { id: staffId, name: "Dana", email: "dana@test.example", role: "dpo", locale: "en" },
    now: () => at,
  }).outbox;
}

beforeAll(async () => {
  t = await createTestDatabase();
  staffId = await createStaffUser(t.db, {
    email: "dana@test.example",
    name: "Dana",
    role: "dpo",
    passwordHash: "x",
  });
  // Two share one creation time, so the keyset must break the tie by id.
  for (const [i, minutes] of [0, 1, 1, 2, 3].entries())
    await enqueueEmail(t.db, {
      idempotencyKey: `outbox-test:${i}`,
      personId: null,
      to: `p${i}@example.test`,
      template: "consent_request",
      language: "en",
      props: {},
      subject: `Mail ${i}`,
      html: "<p>Hi</p>",
      text: "Hi",
      headers: { "List-Unsubscribe": "<https://example.test/u>" },
      at: new Date(at.getTime() + minutes * 60_000),
    });
}, 60_000);
afterAll(async () => t?.close());

describe("outbox router", () => {
  it("pages newest first by keyset without gaps or repeats, and filters by status", async () => {
    const seen: string[] = [];
    let afterId: string | null = null;
    do {
      const page: Awaited<ReturnType<ReturnType<typeof caller>["list"]>> = await caller().list({
        afterId,
        limit: 2,
      });
      seen.push(...page.rows.map((row) => row.subject ?? ""));
      afterId = page.nextAfterId;
    } while (afterId);
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
    expect(seen[0]).toBe("Mail 4");
    expect(seen[4]).toBe("Mail 0");
    expect((await caller().list({ status: "dead" })).rows).toHaveLength(0);
  });

  it("shows one message with its bodies and headers; retries only dead ones, audited", async () => {
    const [row] = (await caller().list({ limit: 1 })).rows;
    const id = row?.id as string;
    const message = await caller().get({ id });
    expect(message).toMatchObject({
      html: "<p>Hi</p>",
      text: "Hi",
      headers: { "List-Unsubscribe": expect.any(String) },
    });
    await expect(caller().retry({ id })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    await t.db
      .updateTable("outboxMessage")
      .set({ status: "dead", attempts: 8, lastError: "500 internal_server_error: x" })
      .where("id", "=", id)
      .execute();
    expect(await caller().retry({ id })).toEqual({ id, status: "pending" });
    const after = await caller().get({ id });
    expect(after).toMatchObject({ status: "pending", attempts: 0 });
    const audit = await t.db
      .selectFrom("auditEvent")
      .select(["action", "entityType", "changes"])
      .where("entityId", "=", id)
      .execute();
    expect(audit).toEqual([
      {
        action: "outbox.retried",
        entityType: "outbox_message",
        changes: { from: "dead", to: "pending", attempts: 8 },
      },
    ]);
    await expect(caller().get({ id: "00000000-0000-4000-8000-000000000000" })).rejects.toBeInstanceOf(
      TRPCError,
    );
  });

  it("#10 shows working personal links only in captured mode (no provider configured), labelled", async () => {
    const personId = await createPerson(t.db);
    const link = await createMicrositeLink(t.db, { personId, kind: "settings", at, secret: linkSecret() });
    const url = `https://microsite.example/de/p/${linkPlaceholder(link.id)}`;
    const id = await enqueueEmail(t.db, {
      idempotencyKey: "outbox-test:link",
      personId,
      to: "p@example.test",
      template: "consent-request",
      language: "de",
      props: { linkId: link.id },
      subject: "Link",
      html: `<a href="${url}">x</a>`,
      text: url,
      headers: { "List-Unsubscribe": `<${url}>` },
      at,
    });
    const message = await caller().get({ id: id ?? "" });
    // The tests run without RESEND_API_KEY: captured mode.
    expect(message.linkMode).toBe("captured");
    const token = /\/de\/p\/([A-Za-z0-9_-]{43})$/.exec(message.text ?? "")?.[1] ?? "";
    expect((await resolveLink(t.db, token, at))?.id).toBe(link.id);
    expect(message.html).toContain(token);
    expect(message.headers["List-Unsubscribe"]).toContain(token);
  });
});
