import type { StaffRole } from "@purposeful/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAuditEvents } from "../audit/read-audit.ts";
import type { Database } from "../create-database.ts";
import { suppressionHash } from "../lists/suppression.ts";
import { createPerson } from "../seed/factories.ts";
import { createTestDatabase, type TestDatabase } from "../testing/create-test-database.ts";
import { reasonOf } from "../testing/domain-reason.ts";
import { addEmail } from "./persons-edit.ts";
import { createPersonRecord, findDuplicatePersons } from "./persons-write.ts";
import { findSuppressedAddresses } from "./suppression-check.ts";

const secret = "test-suppression-secret-test-suppression";
const at = new Date("2026-11-29T12:00:00Z");
const actor = { type: "staff" as const, id: "staff-1" };
let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
  // Erased on 1 April 2026 in Berlin (late on 31 March in UTC).
  await t.db
    .insertInto("suppressionEntry")
    .values([
      {
        emailHash: suppressionHash(secret, "erased@example.com"),
        reason: "erasure",
        createdAt: new Date("2026-03-31T22:30:00Z"),
      },
      {
        emailHash: suppressionHash(secret, "gone@example.com"),
        reason: "erasure",
        createdAt: new Date("2026-06-15T10:00:00Z"),
      },
    ])
    .execute();
});
afterAll(async () => t?.close());

const tx = <T>(work: (trx: Database) => Promise<T>) => t.db.transaction().execute(work);
const guard = (role: StaffRole | null, override = false) => ({ secret, role, override });
const countPersons = async () =>
  Number(
    (
      await t.db
        .selectFrom("person")
        .select((eb) => eb.fn.countAll<string>().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe("findSuppressedAddresses", () => {
  it("matches the keyed hash of the normalized address and gives the day of the erasure in Berlin", async () => {
    expect(
      await findSuppressedAddresses(t.db, secret, [
        " Erased@EXAMPLE.com ",
        "known@example.com",
        "gone@example.com",
      ]),
    ).toEqual([
      { email: "erased@example.com", since: "2026-04-01" },
      { email: "gone@example.com", since: "2026-06-15" },
    ]);
    expect(await findSuppressedAddresses(t.db, secret, [])).toEqual([]);
    // Another secret makes other hashes: nothing matches (the list is useless without it).
    expect(
      await findSuppressedAddresses(t.db, "another-secret-another-secret-another", ["erased@example.com"]),
    ).toEqual([]);
  });
});

describe("the duplicate check reads the suppression list", () => {
  it("reports the hit with its day only, next to persons with the same address", async () => {
    const check = await findDuplicatePersons(
      t.db,
      { firstName: "", lastName: "", email: "ERASED@example.com" },
      secret,
    );
    expect(check).toEqual({
      persons: [],
      suppressed: [{ email: "erased@example.com", since: "2026-04-01" }],
    });
    const same = await createPerson(t.db, { emails: ["same@example.com"] });
    const clear = await findDuplicatePersons(
      t.db,
      { firstName: "X", lastName: "Y", email: "same@example.com" },
      secret,
    );
    expect(clear.suppressed).toEqual([]);
    expect(clear.persons.map((p) => [p.id, p.reason])).toEqual([[same, "same_email"]]);
  });
});

describe("creating a person with a suppressed address", () => {
  const input = {
    firstName: "Eva",
    lastName: "Erneut",
    preferredLanguage: "de" as const,
    email: "erased@example.com",
  };

  it("is refused for everyone without the override, and for staff and marketing with it; nothing is written", async () => {
    const before = await countPersons();
    for (const role of ["staff", "marketing", "dpo", "admin", null] as const)
      expect(await reasonOf(tx((trx) => createPersonRecord(trx, input, actor, at, guard(role))))).toBe(
        "suppressed_address",
      );
    for (const role of ["staff", "marketing", null] as const)
      expect(await reasonOf(tx((trx) => createPersonRecord(trx, input, actor, at, guard(role, true))))).toBe(
        "suppression_override_dpo_only",
      );
    expect(await countPersons()).toBe(before);
  });

  it("is created with a dpo's override, audited without the address", async () => {
    const id = await tx((trx) => createPersonRecord(trx, input, actor, at, guard("dpo", true)));
    const events = (await listAuditEvents(t.db, { personId: id, limit: 10 })).rows;
    expect(events.map((e) => e.action)).toEqual(["person.suppression_overridden", "person.created"]);
    const override = events[0]!;
    expect(override.changes).toEqual({ via: "person.created", addresses: 1 });
    expect(override.personal).toBeNull();
    const text = JSON.stringify(override);
    expect(text).not.toContain("erased@");
    expect(text).not.toContain(suppressionHash(secret, "erased@example.com"));
  });

  it("needs no override for an address that is not suppressed, and audits none", async () => {
    const id = await tx((trx) =>
      createPersonRecord(trx, { ...input, email: "fresh@example.com" }, actor, at, guard("staff", true)),
    );
    const events = (await listAuditEvents(t.db, { personId: id, limit: 10 })).rows;
    expect(events.map((e) => e.action)).toEqual(["person.created"]);
  });
});

describe("adding a suppressed address to a person", () => {
  it("is refused unless a dpo or admin overrides it, which is audited", async () => {
    const id = await createPerson(t.db, { emails: ["first@example.com"] });
    const add = (role: StaffRole, override = false) =>
      tx((trx) => addEmail(trx, id, { address: " Gone@Example.com" }, actor, at, guard(role, override)));
    expect(await reasonOf(add("admin"))).toBe("suppressed_address");
    expect(await reasonOf(add("marketing", true))).toBe("suppression_override_dpo_only");
    const emails = () =>
      t.db.selectFrom("personEmail").select("address").where("personId", "=", id).execute();
    expect(await emails()).toHaveLength(1);
    await add("admin", true);
    expect((await emails()).map((e) => e.address).sort()).toEqual(["Gone@Example.com", "first@example.com"]);
    const [override] = (await listAuditEvents(t.db, { personId: id, limit: 10 })).rows;
    expect(override?.action).toBe("person.suppression_overridden");
    expect(override?.changes).toEqual({ via: "communication.added", addresses: 1 });
  });
});
