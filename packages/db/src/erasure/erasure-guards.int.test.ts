import { DomainError, type DomainErrorReason } from "@purposeful/domain";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../testing/create-test-database.ts";
import {
  type Catalogue,
  createErasureCatalogue,
  createFullPerson,
  dpo,
  now,
  secret,
} from "./erasure-fixture.ts";
import { type ErasureActor, erasePerson, previewErasure } from "./index.ts";

let t: TestDatabase;
let c: Catalogue;
beforeAll(async () => {
  t = await createTestDatabase();
  c = await createErasureCatalogue(t.db);
});
afterAll(async () => t?.close());

/** The whole database's content: every row of every table, in a stable order. */
async function fingerprint(): Promise<Record<string, string>> {
  const tables = await sql<{ name: string }>`
    SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1`.execute(t.db);
  const result: Record<string, string> = {};
  for (const { name } of tables.rows) {
    const { rows } = await sql<{ digest: string | null }>`
      SELECT md5(string_agg(x::text, '|' ORDER BY x::text)) AS digest FROM ${sql.table(name)} x`.execute(
      t.db,
    );
    result[name] = rows[0]?.digest ?? "";
  }
  return result;
}

async function rejects(run: () => Promise<unknown>, reason: DomainErrorReason) {
  const error = await run().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).reason).toBe(reason);
}

const input = (personId: string, overrides: Partial<Parameters<typeof erasePerson>[1]> = {}) => ({
  personId,
  level: 3,
  reason: "request",
  actor: dpo as ErasureActor,
  now,
  suppressionSecret: secret,
  ...overrides,
});

describe("bad input changes nothing", () => {
  it("an unknown level, a missing or unknown reason, a role too low, an unknown person", async () => {
    const { personId } = await createFullPerson(t.db, c);
    const before = await fingerprint();
    await rejects(() => erasePerson(t.db, input(personId, { level: 4 })), "erasure_level_invalid");
    await rejects(() => erasePerson(t.db, input(personId, { level: 0 })), "erasure_level_invalid");
    await rejects(() => erasePerson(t.db, input(personId, { reason: "" })), "erasure_reason_required");
    await rejects(() => erasePerson(t.db, input(personId, { reason: "boredom" })), "erasure_reason_required");
    const marketing: ErasureActor = { type: "staff", id: "m", role: "marketing" };
    await rejects(() => erasePerson(t.db, input(personId, { actor: marketing })), "erasure_role_too_low");
    const staff: ErasureActor = { type: "staff", id: "s", role: "staff" };
    await rejects(
      () => erasePerson(t.db, input(personId, { level: 2, actor: staff })),
      "erasure_role_too_low",
    );
    await rejects(() => erasePerson(t.db, input("00000000-0000-4000-8000-000000000000")), "person_not_found");
    await rejects(() => erasePerson(t.db, input("not-a-uuid")), "person_not_found");
    await rejects(() => previewErasure(t.db, { personId, level: 5, now }), "erasure_level_invalid");
    await rejects(() => previewErasure(t.db, { personId: "nope", level: 1, now }), "person_not_found");
    expect(await fingerprint()).toEqual(before);
  });

  it("a person already erased at that level or higher is refused as already erased", async () => {
    const { personId } = await createFullPerson(t.db, c);
    await erasePerson(t.db, input(personId, { level: 2 }));
    const before = await fingerprint();
    await rejects(() => erasePerson(t.db, input(personId, { level: 2 })), "already_erased");
    await rejects(() => erasePerson(t.db, input(personId, { level: 1 })), "already_erased");
    expect(await fingerprint()).toEqual(before);
    expect(await previewErasure(t.db, { personId, level: 1, now })).toMatchObject({
      alreadyDone: true,
      steps: [],
      erasedLevel: 2,
    });
    // a higher level still runs
    const { plan } = await erasePerson(t.db, input(personId, { level: 3 }));
    expect(plan.level).toBe(3);
  });
});

describe("a failure half way through one person", () => {
  it("rolls the whole erasure back", async () => {
    const { personId } = await createFullPerson(t.db, c);
    // Activities are anonymized half way through level 3: records changed, contact data deleted.
    await sql`CREATE FUNCTION fail_on_anonymize() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'forced failure'; END $$`.execute(t.db);
    await sql`CREATE TRIGGER fail_on_anonymize BEFORE UPDATE ON activity
      FOR EACH ROW EXECUTE FUNCTION fail_on_anonymize()`.execute(t.db);
    const before = await fingerprint();
    try {
      await expect(erasePerson(t.db, input(personId))).rejects.toThrow(/forced failure/);
      expect(await fingerprint()).toEqual(before);
    } finally {
      await sql`DROP TRIGGER fail_on_anonymize ON activity`.execute(t.db);
      await sql`DROP FUNCTION fail_on_anonymize()`.execute(t.db);
    }
  });

  it("rolls back when the suppression secret is missing, after the records were already changed", async () => {
    const { personId } = await createFullPerson(t.db, c);
    const before = await fingerprint();
    await expect(erasePerson(t.db, input(personId, { suppressionSecret: "" }))).rejects.toThrow(/secret/);
    expect(await fingerprint()).toEqual(before);
  });
});
