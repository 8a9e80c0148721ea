import { describe, expect, it } from "vitest";
import { createMicrositeLink } from "../microsite/links.ts";
import { confirmDoubleOptIn } from "../microsite/one-click.ts";
import { createPerson, createPurpose } from "../seed/factories.ts";
import { applyRecordEvent } from "./apply-record-event.ts";
import {
  actions,
  at,
  catalogue,
  contract,
  light,
  newsletter,
  record,
  service,
  setUpConsentRules,
  staff,
  t,
  tx,
} from "./consent-rules-fixture.ts";

setUpConsentRules();

describe("double opt-in (#1)", () => {
  it("refuses a confirmation by staff, by the system or by an API client", async () => {
    const personId = await createPerson(t.db);
    await tx((trx) =>
      applyRecordEvent(trx, {
        personId,
        purposeId: newsletter,
        event: "grant",
        source: "phone",
        actor: staff,
        at,
      }),
    );
    for (const actor of [staff, { type: "system" as const, id: "job" }, { type: "api" as const, id: "key" }])
      await expect(
        tx((trx) =>
          applyRecordEvent(trx, {
            personId,
            purposeId: newsletter,
            event: "confirm",
            source: "email",
            actor,
            at,
          }),
        ),
      ).rejects.toMatchObject({ code: "forbidden", message: "confirm_only_by_data_subject" });
    expect((await record(personId, newsletter)).state).toBe("granted");
  });

  it("keeps whether double opt-in was required at the grant, and confirms the granted version", async () => {
    const personId = await createPerson(t.db);
    await tx((trx) =>
      applyRecordEvent(trx, {
        personId,
        purposeId: newsletter,
        event: "grant",
        source: "phone",
        actor: staff,
        at,
      }),
    );
    // The purpose's text and flag change after the grant.
    await t.db
      .updateTable("purpose")
      .set({ currentVersion: 2, doubleOptIn: false })
      .where("id", "=", newsletter)
      .execute();
    try {
      expect(await record(personId, newsletter)).toMatchObject({
        doubleOptInRequired: true,
        purposeVersion: 1,
      });
      expect(await light(personId)).toBe("red"); // still unconfirmed, whatever the flag says today
      const link = await tx((trx) =>
        createMicrositeLink(trx, { personId, kind: "double_opt_in", purposeIds: [newsletter], at }),
      );
      await tx((trx) => confirmDoubleOptIn(trx, link.token, at));
      expect(await record(personId, newsletter)).toMatchObject({ state: "confirmed", purposeVersion: 1 });
    } finally {
      await t.db
        .updateTable("purpose")
        .set({ currentVersion: 1, doubleOptIn: true })
        .where("id", "=", newsletter)
        .execute();
    }
  });

  it("a purpose switched to double opt-in later does not invalidate earlier grants", async () => {
    const plain = await createPurpose(t.db, { key: "plain_offers" });
    const personId = await createPerson(t.db);
    await tx((trx) =>
      applyRecordEvent(trx, {
        personId,
        purposeId: plain,
        event: "grant",
        source: "letter",
        actor: staff,
        at,
      }),
    );
    await t.db.updateTable("purpose").set({ doubleOptIn: true }).where("id", "=", plain).execute();
    await tx((trx) =>
      applyRecordEvent(trx, {
        personId,
        purposeId: contract,
        event: "activate",
        source: "letter",
        actor: staff,
        at,
      }),
    );
    expect(await light(personId)).toBe("green");
  });
});

describe("offline consents (#2)", () => {
  it("records when the consent was given and the version agreed to", async () => {
    const personId = await createPerson(t.db);
    const givenAt = new Date("2026-11-20T09:00:00Z");
    await tx((trx) =>
      applyRecordEvent(trx, {
        personId,
        purposeId: service,
        event: "grant",
        source: "letter",
        purposeVersion: 1,
        givenAt,
        actor: staff,
        at,
      }),
    );
    expect(await record(personId, service)).toMatchObject({ grantedAt: givenAt, purposeVersion: 1 });
    const [event] = await actions(personId);
    expect(event?.changes).toMatchObject({
      givenAt: givenAt.toISOString(),
      purposeVersion: 1,
      source: "letter",
    });
  });

  it("refuses a date in the future or an unknown version and writes nothing", async () => {
    const personId = await createPerson(t.db);
    await expect(
      tx((trx) =>
        applyRecordEvent(trx, {
          personId,
          purposeId: service,
          event: "grant",
          source: "phone",
          givenAt: new Date(at.getTime() + 86_400_000),
          actor: staff,
          at,
        }),
      ),
    ).rejects.toMatchObject({ message: "given_in_future" });
    await expect(
      tx((trx) =>
        applyRecordEvent(trx, {
          personId,
          purposeId: service,
          event: "grant",
          source: "phone",
          purposeVersion: 7,
          actor: staff,
          at,
        }),
      ),
    ).rejects.toMatchObject({ message: "version_unknown" });
    expect(await actions(personId)).toEqual([]);
  });
});

describe("people may change their minds (#5)", () => {
  it("a consent after an objection to legitimate interests restarts the record; history keeps every state", async () => {
    const personId = await createPerson(t.db);
    await tx((trx) =>
      applyRecordEvent(trx, {
        personId,
        purposeId: catalogue,
        event: "activate",
        source: "letter",
        actor: staff,
        at,
      }),
    );
    await tx((trx) =>
      applyRecordEvent(trx, {
        personId,
        purposeId: catalogue,
        event: "object",
        source: "letter",
        actor: staff,
        at,
      }),
    );
    await tx((trx) =>
      applyRecordEvent(trx, {
        personId,
        purposeId: catalogue,
        event: "grant",
        source: "phone",
        actor: staff,
        at,
      }),
    );
    expect(await record(personId, catalogue)).toMatchObject({ legalBasis: "consent", state: "granted" });
    expect(
      (await actions(personId)).map((a) => [a.action, a.changes.from, a.changes.to, a.changes.legalBasis]),
    ).toEqual([
      ["record.activate", null, "active", "legitimate_interests"],
      ["record.object", "active", "objected", "legitimate_interests"],
      ["record.grant", "objected", "granted", "consent"],
    ]);
  });

  it("a contract after a withdrawn consent, where the purpose allows it", async () => {
    const personId = await createPerson(t.db);
    await tx((trx) =>
      applyRecordEvent(trx, {
        personId,
        purposeId: service,
        event: "grant",
        source: "phone",
        actor: staff,
        at,
      }),
    );
    await tx((trx) =>
      applyRecordEvent(trx, {
        personId,
        purposeId: service,
        event: "withdraw",
        source: "phone",
        actor: staff,
        at,
      }),
    );
    await tx((trx) =>
      applyRecordEvent(trx, {
        personId,
        purposeId: service,
        event: "activate",
        legalBasis: "contract",
        source: "letter",
        actor: staff,
        at,
      }),
    );
    expect(await record(personId, service)).toMatchObject({ legalBasis: "contract", state: "active" });
  });

  it("refuses a basis the purpose does not allow and writes nothing", async () => {
    const personId = await createPerson(t.db);
    await expect(
      tx((trx) =>
        applyRecordEvent(trx, {
          personId,
          purposeId: newsletter,
          event: "activate",
          legalBasis: "legitimate_interests",
          source: "letter",
          actor: staff,
          at,
        }),
      ),
    ).rejects.toMatchObject({ code: "validation", message: "basis_not_allowed" });
    expect(await actions(personId)).toEqual([]);
  });
});
