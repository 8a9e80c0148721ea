import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../create-database.ts";
import { removeEmail, setPrimaryEmail } from "../repositories/persons-edit.ts";
import { createPerson, createPurpose, createRecord } from "../seed/factories.ts";
import { createTestDatabase, type TestDatabase } from "../testing/create-test-database.ts";
import { resolveLink, revokeLinks } from "./access.ts";
import { createMicrositeLink, type MicrositeLinkKind } from "./links.ts";
import { unsubscribe } from "./one-click.ts";

const now = new Date("2026-11-29T12:00:00Z");
const actor = { type: "staff" as const, id: "staff-1" };
const secret = "test-link-secret-test-link-secret";
let t: TestDatabase;
let newsletter: string;

beforeAll(async () => {
  t = await createTestDatabase();
  newsletter = await createPurpose(t.db, { key: "newsletter" });
});
afterAll(async () => t?.close());

const tx = <T>(work: (trx: Database) => Promise<T>) => t.db.transaction().execute(work);

async function personWithTwoAddresses() {
  const personId = await createPerson(t.db, { emails: ["old@example.org", "new@example.org"] });
  const emails = await t.db
    .selectFrom("personEmail")
    .select(["id", "address"])
    .where("personId", "=", personId)
    .execute();
  const id = (address: string) => emails.find((email) => email.address === address)?.id ?? "";
  return { personId, oldEmail: id("old@example.org"), newEmail: id("new@example.org") };
}

/** One link of each kind mailed to `personEmailId`. */
async function mailedLinks(personId: string, personEmailId: string) {
  const link = (kind: MicrositeLinkKind) =>
    createMicrositeLink(t.db, { personId, kind, purposeIds: [newsletter], at: now, secret, personEmailId });
  return {
    settings: await link("settings"),
    doubleOptIn: await link("double_opt_in"),
    unsubscribe: await link("unsubscribe"),
  };
}

const live = async (token: string) => (await resolveLink(t.db, token, now)) !== null;

describe("#12 link lifecycle", () => {
  it("#12 records the address a link was mailed to", async () => {
    const { personId, oldEmail } = await personWithTwoAddresses();
    const links = await mailedLinks(personId, oldEmail);
    const stored = await t.db
      .selectFrom("micrositeLink")
      .select("personEmailId")
      .where("id", "=", links.settings.id)
      .executeTakeFirstOrThrow();
    expect(stored.personEmailId).toBe(oldEmail);
  });

  it("#12 removing an address revokes its settings and double-opt-in links in the same transaction", async () => {
    const { personId, oldEmail, newEmail } = await personWithTwoAddresses();
    const toOld = await mailedLinks(personId, oldEmail);
    const toNew = await mailedLinks(personId, newEmail);

    // Rolled back with the removal: nothing is revoked on its own.
    await expect(
      tx(async (trx) => {
        await removeEmail(trx, personId, oldEmail, actor, now);
        throw new Error("rollback");
      }),
    ).rejects.toThrow("rollback");
    expect(await live(toOld.settings.token)).toBe(true);

    await tx((trx) => removeEmail(trx, personId, oldEmail, actor, now));
    expect(await live(toOld.settings.token)).toBe(false);
    expect(await live(toOld.doubleOptIn.token)).toBe(false);
    // Unsubscribing keeps working (Art. 21(2)); links to the other address are untouched.
    expect(await live(toOld.unsubscribe.token)).toBe(true);
    expect(await live(toNew.settings.token)).toBe(true);
    expect(await live(toNew.doubleOptIn.token)).toBe(true);
  });

  it("#12 replacing the primary address revokes the replaced address's settings and double-opt-in links", async () => {
    const { personId, oldEmail, newEmail } = await personWithTwoAddresses();
    const toOld = await mailedLinks(personId, oldEmail);
    const toNew = await mailedLinks(personId, newEmail);

    await tx((trx) => setPrimaryEmail(trx, personId, newEmail, actor, now));
    expect(await live(toOld.settings.token)).toBe(false);
    expect(await live(toOld.doubleOptIn.token)).toBe(false);
    expect(await live(toOld.unsubscribe.token)).toBe(true);
    expect(await live(toNew.settings.token)).toBe(true);
  });

  it("#12 'revoke all links' never breaks the one-click unsubscribe links of earlier mails", async () => {
    const { personId, oldEmail } = await personWithTwoAddresses();
    await createRecord(t.db, { personId, purposeId: newsletter, state: "confirmed" });
    const links = await mailedLinks(personId, oldEmail);

    expect(await tx((trx) => revokeLinks(trx, personId, now))).toBe(2);
    expect(await live(links.settings.token)).toBe(false);
    expect(await live(links.doubleOptIn.token)).toBe(false);

    const result = await tx((trx) => unsubscribe(trx, links.unsubscribe.token, now));
    expect(result?.purposeIds).toEqual([newsletter]);
    const record = await t.db
      .selectFrom("processingRecord")
      .select("state")
      .where("personId", "=", personId)
      .where("purposeId", "=", newsletter)
      .executeTakeFirstOrThrow();
    expect(record.state).toBe("withdrawn");
  });
});
