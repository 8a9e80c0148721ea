import { describe, expect, it } from "vitest";
import { saveMicrositeChoices, saveMicrositeObjection, withdrawEverything } from "../microsite/choices.ts";
import { createMicrositeLink } from "../microsite/links.ts";
import { unsubscribe } from "../microsite/one-click.ts";
import { createPerson } from "../seed/factories.ts";
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
import { changeDirectMarketingObjection } from "./direct-marketing-objection.ts";
import { recordSignedConsents } from "./signature.ts";

setUpConsentRules();

describe("objection to direct marketing (#3)", () => {
  it("can be recorded in advance, without any record, and closes direct-marketing purposes only", async () => {
    const personId = await createPerson(t.db);
    await tx((trx) =>
      changeDirectMarketingObjection(trx, {
        personId,
        add: ["email", "phone", "post", "sms", "profiling"],
        source: "phone",
        actor: staff,
        at,
      }),
    );
    expect(await actions(personId)).toEqual([
      {
        action: "person.dm_objection",
        changes: expect.objectContaining({
          source: "phone",
          added: ["email", "phone", "post", "sms", "profiling"],
        }),
      },
    ]);
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
        purposeId: contract,
        event: "activate",
        source: "letter",
        actor: staff,
        at,
      }),
    );
    // catalogue (legitimate interests, direct marketing) is closed; the contract stays: yellow.
    expect(await light(personId)).toBe("yellow");
  });

  it("an objection by e-mail leaves a purpose open that also uses post", async () => {
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
      changeDirectMarketingObjection(trx, { personId, add: ["email"], source: "email", actor: staff, at }),
    );
    expect(await light(personId)).toBe("green");
    await tx((trx) =>
      changeDirectMarketingObjection(trx, { personId, add: ["post"], source: "letter", actor: staff, at }),
    );
    expect(await light(personId)).toBe("red");
  });
});

describe("unsubscribe and withdraw everything (#4)", () => {
  it("one-click unsubscribe withdraws the mail's consents and records the objection by e-mail", async () => {
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
    const link = await tx((trx) => createMicrositeLink(trx, { personId, kind: "unsubscribe", at }));
    await tx((trx) => unsubscribe(trx, link.token, at, { userAgent: "Mail", ip: "198.51.100.7" }));
    const person = await t.db
      .selectFrom("person")
      .select(["dmObjectionChannels", "dmObjectedAt"])
      .where("id", "=", personId)
      .executeTakeFirstOrThrow();
    expect(person).toEqual({ dmObjectionChannels: ["email"], dmObjectedAt: at });
    expect((await actions(personId)).at(-1)).toEqual({
      action: "person.dm_objection",
      changes: expect.objectContaining({ source: "email", added: ["email"] }),
    });
  });

  it("withdraw everything withdraws every consent and objects on every channel; the contract stays", async () => {
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
        purposeId: service,
        event: "grant",
        source: "letter",
        actor: staff,
        at,
      }),
    );
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
    await tx((trx) => withdrawEverything(trx, { personId, language: "de", now: at }));
    expect((await record(personId, service)).state).toBe("withdrawn");
    expect((await record(personId, contract)).state).toBe("active");
    const person = await t.db
      .selectFrom("person")
      .select("dmObjectionChannels")
      .where("id", "=", personId)
      .executeTakeFirstOrThrow();
    expect(person.dmObjectionChannels).toEqual(["email", "phone", "post", "sms", "profiling"]);
    expect(await light(personId)).toBe("yellow"); // contract green, catalogue closed, service withdrawn
  });

  it("the microsite lifts the objection only by the person's own choice, audited", async () => {
    const personId = await createPerson(t.db);
    await tx((trx) => saveMicrositeObjection(trx, { personId, channels: ["email", "post"], now: at }));
    await tx((trx) =>
      saveMicrositeChoices(trx, {
        personId,
        language: "de",
        granted: [newsletter],
        shown: [{ purposeId: newsletter, version: 1 }],
        now: at,
      }),
    );
    const person = await t.db
      .selectFrom("person")
      .select("dmObjectionChannels")
      .where("id", "=", personId)
      .executeTakeFirstOrThrow();
    expect(person.dmObjectionChannels).toEqual(["post"]);
    expect((await actions(personId)).map((a) => a.action)).toContain("person.dm_objection_lifted");
  });
});

describe("signing at the kiosk (#3)", () => {
  it("signing for a direct-marketing purpose lifts the objection on its channels, audited", async () => {
    const personId = await createPerson(t.db);
    await tx((trx) =>
      changeDirectMarketingObjection(trx, {
        personId,
        add: ["email", "post"],
        source: "letter",
        actor: staff,
        at,
      }),
    );
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    const result = await tx((trx) =>
      recordSignedConsents(trx, {
        personId,
        purposes: [{ purposeId: newsletter, version: 1 }],
        language: "de",
        content: png,
        staffUserId: "staff-1",
        at,
      }),
    );
    expect(result.ok).toBe(true);
    const person = await t.db
      .selectFrom("person")
      .select("dmObjectionChannels")
      .where("id", "=", personId)
      .executeTakeFirstOrThrow();
    expect(person.dmObjectionChannels).toEqual(["post"]);
    expect((await actions(personId)).map((a) => a.action)).toContain("person.dm_objection_lifted");
  });
});
