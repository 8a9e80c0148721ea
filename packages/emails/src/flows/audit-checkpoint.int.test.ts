import { recordAudit, verifyAuditChain } from "@purposeful/db";
import { createTestDatabase, type TestDatabase } from "@purposeful/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAuditCheckpoint } from "./audit-checkpoint.ts";

const at = new Date("2026-11-29T02:00:00Z");
const portalUrl = "http://localhost:3000";
let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
  await t.db
    .transaction()
    .execute((trx) =>
      recordAudit(trx, { actor: { type: "system", id: "test" }, action: "ping", entityType: "test", at }),
    );
});
afterAll(async () => t?.close());

async function setDpo(dpoEmail: string) {
  await t.db
    .insertInto("setting")
    .values({
      key: "company",
      value: JSON.stringify({ name: "Muster GmbH", dpoName: "Dana Datenschutz", dpoEmail }),
    })
    .onConflict((oc) => oc.column("key").doUpdateSet({ value: (eb) => eb.ref("excluded.value") }))
    .execute();
}

describe("#16 daily audit checkpoint", () => {
  it("#16 stores the signed head and skips the mail when no DPO address is set", async () => {
    await setDpo("");
    const summary = await createAuditCheckpoint(t.db, { now: at, portalUrl });
    expect(summary).toMatchObject({ eventCount: 1, mailedTo: null });
    const row = await t.db
      .selectFrom("auditCheckpoint")
      .selectAll()
      .where("id", "=", summary.checkpointId)
      .executeTakeFirstOrThrow();
    expect(row.mailedAt).toBeNull();
    expect(await t.db.selectFrom("outboxMessage").select("id").execute()).toHaveLength(0);
  });

  it("#16 mails the signed head to the DPO through the outbox in the same transaction", async () => {
    await setDpo("dpo@muster.example");
    const summary = await createAuditCheckpoint(t.db, { now: at, portalUrl });
    const row = await t.db
      .selectFrom("auditCheckpoint")
      .selectAll()
      .where("id", "=", summary.checkpointId)
      .executeTakeFirstOrThrow();
    expect(row.mailedAt).toEqual(at);
    const mail = await t.db.selectFrom("outboxMessage").selectAll().executeTakeFirstOrThrow();
    expect(mail).toMatchObject({
      toAddress: "dpo@muster.example",
      template: "audit-checkpoint",
      idempotencyKey: `audit-checkpoint:${row.id}`,
      personId: null,
      status: "pending",
    });
    expect(mail.subject).toBe(`Prüfpunkt ${row.id} des Prüfprotokolls`);
    for (const value of [
      row.lastHash,
      row.signature,
      `#${row.lastEventId}`,
      "Dana Datenschutz",
      `${portalUrl}/audit`,
    ])
      expect(mail.text).toContain(value);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true, checkpoints: 2 });
  });
});
