import { listAuditEvents, suppressionHash } from "@purposeful/db";
import { createPerson } from "@purposeful/db/seed";
import { createTestDatabase, type TestDatabase } from "@purposeful/db/testing";
import type { Language, StaffRole } from "@purposeful/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { suppressionSecret } from "../../../env";
import { failure } from "../../../test-support/trpc-failure";
import { createCaller } from "../../root";
import type { Context } from "../../trpc";

// Issue 9 #4: the suppression list on every way in of the portal, with the messages in both languages.
let t: TestDatabase;
const now = new Date("2026-11-29T12:00:00Z");

beforeAll(async () => {
  t = await createTestDatabase();
  await t.db
    .insertInto("suppressionEntry")
    .values(
      ["erased@example.com", "visitor@example.com"].map((email) => ({
        emailHash: suppressionHash(suppressionSecret(), email),
        reason: "erasure",
        createdAt: new Date("2026-04-01T08:00:00Z"),
      })),
    )
    .execute();
});
afterAll(async () => t?.close());

const caller = (role: StaffRole, locale: Language = "en", kiosk = false) =>
  createCaller({
    db: t.db,
    user: { id: `user-${role}`, name: role, email: `${role}@test.example`, role, locale },
    session: { id: `session-${role}`, kiosk },
    now: () => now,
  } satisfies Context);

const person = {
  firstName: "Eva",
  lastName: "Erneut",
  preferredLanguage: "de" as const,
  confirmDuplicate: false,
};
const personsNamed = (lastName: string) =>
  t.db.selectFrom("person").select("id").where("lastName", "=", lastName).execute();

describe("#4 the duplicate check warns about an erased contact's address", () => {
  it("#4 with the day only, for the create form and the e-mail field alike", async () => {
    const hit = { persons: [], suppressed: [{ email: "erased@example.com", since: "2026-04-01" }] };
    expect(
      await caller("staff").persons.checkDuplicates({
        firstName: "Eva",
        lastName: "E",
        email: "Erased@Example.com",
      }),
    ).toEqual(hit);
    expect(await caller("staff").persons.checkDuplicates({ email: "erased@example.com" })).toEqual(hit);
    expect(await caller("staff").persons.checkDuplicates({ email: "new@example.com" })).toEqual({
      persons: [],
      suppressed: [],
    });
  });
});

describe("#4 creating a person with a suppressed address", () => {
  it("#4 is refused in the user's language without the override, and for staff with it", async () => {
    const input = { ...person, email: "erased@example.com" };
    expect(await failure(caller("staff", "en").persons.create(input), "en")).toBe(
      "CONFLICT: An erased contact used this e-mail address.",
    );
    expect(await failure(caller("admin", "de").persons.create(input), "de")).toBe(
      "CONFLICT: Ein gelöschter Kontakt hat diese E-Mail-Adresse verwendet.",
    );
    const override = { ...input, overrideSuppression: true };
    expect(await failure(caller("marketing", "en").persons.create(override), "en")).toBe(
      "FORBIDDEN: Only a data protection officer may use a suppressed address anyway.",
    );
    expect(await failure(caller("staff", "de").persons.create(override), "de")).toBe(
      "FORBIDDEN: Nur Datenschutzbeauftragte dürfen eine gesperrte Adresse trotzdem verwenden.",
    );
    expect(await personsNamed("Erneut")).toEqual([]);
  });

  it("#4 is created with a dpo's override, audited without the address", async () => {
    const { id } = await caller("dpo").persons.create({
      ...person,
      lastName: "Zurück",
      email: "erased@example.com",
      overrideSuppression: true,
    });
    const [override] = (await listAuditEvents(t.db, { personId: id, limit: 5 })).rows;
    expect(override).toMatchObject({
      action: "person.suppression_overridden",
      actorId: "user-dpo",
      changes: { via: "person.created", addresses: 1 },
    });
    expect(JSON.stringify(override)).not.toContain("erased@");
  });
});

describe("#4 adding a suppressed address to a person", () => {
  it("#4 is refused without the override, and with it for a non-dpo; a dpo's override is audited", async () => {
    const personId = await createPerson(t.db, { emails: ["first@example.com"] });
    const input = { personId, address: "erased@example.com" };
    expect(await failure(caller("staff", "en").persons.addEmail(input), "en")).toBe(
      "CONFLICT: An erased contact used this e-mail address.",
    );
    expect(
      await failure(caller("staff", "en").persons.addEmail({ ...input, overrideSuppression: true }), "en"),
    ).toBe("FORBIDDEN: Only a data protection officer may use a suppressed address anyway.");
    await caller("dpo").persons.addEmail({ ...input, overrideSuppression: true });
    const [override] = (await listAuditEvents(t.db, { personId, limit: 5 })).rows;
    expect(override?.changes).toEqual({ via: "communication.added", addresses: 1 });
  });
});

describe("#4 the signature tablet", () => {
  it("#4 refuses a suppressed address without saying why, in the user's language, and creates nobody", async () => {
    const visitor = {
      firstName: "Kai",
      lastName: "Kiosk",
      preferredLanguage: "de" as const,
      email: "visitor@example.com",
    };
    expect(await failure(caller("admin", "en", true).kiosk.createPerson(visitor), "en")).toBe(
      "CONFLICT: This e-mail address cannot be used here. Please ask a member of our staff.",
    );
    expect(await failure(caller("dpo", "de", true).kiosk.createPerson(visitor), "de")).toBe(
      "CONFLICT: Diese E-Mail-Adresse kann hier nicht verwendet werden. Bitte wenden Sie sich an unsere Mitarbeiterinnen und Mitarbeiter.",
    );
    expect(await personsNamed("Kiosk")).toEqual([]);
    // Another address is fine.
    await caller("staff", "de", true).kiosk.createPerson({ ...visitor, email: "kai@example.com" });
    expect(await personsNamed("Kiosk")).toHaveLength(1);
  });
});
