import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPerson } from "../seed/factories.ts";
import { createTestDatabase, type TestDatabase } from "../testing/create-test-database.ts";
import { applyListImport, previewListImport } from "./list-import.ts";
import { createList } from "./marketing-lists.ts";
import { suppressionHash } from "./suppression.ts";

const now = new Date("2026-12-01T12:00:00Z");
const actor = { type: "staff", id: "marketing-user" } as const;
const secret = "test-suppression-secret-test-suppression-secret";
let t: TestDatabase;
let anna: string;
let ben: string;

beforeAll(async () => {
  t = await createTestDatabase();
  anna = await createPerson(t.db, {
    firstName: "Anna",
    lastName: "Adler",
    emails: ["Anna.Adler@Example.com"],
  });
  ben = await createPerson(t.db, { firstName: "Ben", lastName: "Berg", emails: ["ben@example.com"] });
  await createPerson(t.db, { firstName: "Gesperrt", lastName: "Person", emails: ["blocked@example.com"] });
  await t.db
    .insertInto("suppressionEntry")
    .values({ emailHash: suppressionHash(secret, "blocked@example.com"), reason: "erasure" })
    .execute();
});
afterAll(async () => t?.close());

const members = async (listId: string) =>
  (
    await t.db.selectFrom("marketingListMember").select("personId").where("listId", "=", listId).execute()
  ).map((row) => row.personId);

const importEvents = async (listId: string) =>
  t.db
    .selectFrom("auditEvent")
    .select("changes")
    .where("entityId", "=", listId)
    .where("action", "=", "marketing_list.imported")
    .execute();

describe("list import", () => {
  it("#1 reports matched, unmatched, invalid and refused rows, then adds only the matched persons", async () => {
    const { id } = await createList(t.db, { name: "Import" }, actor, now);
    const csv = [
      "Vorname;Nachname;E-Mail",
      "Anna;Adler;  ANNA.adler@example.com ",
      "Ben;Berg;ben@example.com",
      "Ben;Berg;Ben@Example.com",
      "Carla;Unbekannt;carla@example.com",
      "Dora;Kaputt;not-an-address",
      "Emil;Leer;",
      "Fritz;Kurz",
      "",
      "Gesperrt;Person;Blocked@example.com",
    ].join("\r\n");
    const mapping = { email: 2, firstName: 0, lastName: 1 };
    const report = await previewListImport(t.db, { listId: id, csv, mapping }, secret);
    expect(report).toMatchObject({
      rows: 8,
      matchedRows: 3,
      matchedPersons: 2,
      alreadyMembers: 0,
      unmatchedCount: 1,
      unmatched: [{ row: 5, email: "carla@example.com", firstName: "Carla", lastName: "Unbekannt" }],
      invalidCount: 3,
      invalid: [
        { row: 6, reason: "bad_email", value: "not-an-address" },
        { row: 7, reason: "missing_email", value: "" },
        { row: 8, reason: "column_count", value: "" },
      ],
      refusedCount: 1,
      refused: [{ row: 10 }],
    });
    expect(report.matched.map((row) => row.personId).sort()).toEqual([anna, ben].sort());
    // nothing about the suppressed person leaves the database
    expect(JSON.stringify(report)).not.toMatch(/Gesperrt|blocked/i);
    expect(await members(id)).toEqual([]);

    const applied = await applyListImport(t.db, { listId: id, csv, mapping }, secret, actor, now);
    expect(applied.added).toBe(2);
    expect((await members(id)).sort()).toEqual([anna, ben].sort());
    const [event] = await importEvents(id);
    expect(event?.changes).toMatchObject({ rows: 8, added: 2, unmatched: 1, invalid: 3, refused: 1 });
    expect(JSON.stringify(event?.changes)).not.toMatch(/@/);
    // nobody was created for the unmatched row
    const carla = await t.db
      .selectFrom("personEmail")
      .select("id")
      .where("address", "ilike", "carla%")
      .execute();
    expect(carla).toEqual([]);
    const again = await previewListImport(t.db, { listId: id, csv, mapping }, secret);
    expect(again.alreadyMembers).toBe(2);
  });

  it.each([
    ["empty", "", { email: 0 }, "csv_empty"],
    ["only a header", "email\n\n", { email: 0 }, "csv_empty"],
    ["wrong delimiter", "first\tlast\temail\nA\tB\ta@example.com\n", { email: 0 }, "csv_wrong_delimiter"],
    ["missing e-mail column", "first,last\nA,B\n", { email: 2 }, "csv_no_email_column"],
    ["too large", `email\n${"x".repeat(5 * 1024 * 1024)}`, { email: 0 }, "csv_too_large"],
  ])("#1 refuses a bad file (%s) with a reason and writes nothing", async (_name, csv, mapping, reason) => {
    const { id } = await createList(t.db, { name: "Bad" }, actor, now);
    await expect(previewListImport(t.db, { listId: id, csv, mapping }, secret)).rejects.toMatchObject({
      reason,
    });
    await expect(
      applyListImport(t.db, { listId: id, csv, mapping }, secret, actor, now),
    ).rejects.toMatchObject({
      reason,
    });
    expect(await members(id)).toEqual([]);
    expect(await importEvents(id)).toEqual([]);
  });

  it("#1 reports a 50,000-row file in one pass and adds its matches, and a bad one of that size writes nothing", async () => {
    await sql`
      WITH p AS (
        INSERT INTO person (first_name, last_name, preferred_language)
        SELECT 'Bulk', 'P' || lpad(g::text, 5, '0'), 'de' FROM generate_series(1, 5000) g
        RETURNING id, last_name)
      INSERT INTO person_email (person_id, address, is_primary)
      SELECT id, lower(last_name) || '@bulk.example', true FROM p`.execute(t.db);
    const lines = ["email,first,last"];
    for (let i = 1; i <= 50_000; i++) lines.push(`p${String(i).padStart(5, "0")}@bulk.example,F,L`);
    const csv = lines.join("\n");
    const { id } = await createList(t.db, { name: "Bulk" }, actor, now);

    const bad = csv.replaceAll(",", "|");
    await expect(
      applyListImport(t.db, { listId: id, csv: bad, mapping: { email: 0 } }, secret, actor, now),
    ).rejects.toMatchObject({ reason: "csv_wrong_delimiter" });
    await expect(
      applyListImport(t.db, { listId: id, csv, mapping: { email: 3 } }, secret, actor, now),
    ).rejects.toMatchObject({ reason: "csv_no_email_column" });
    expect(await members(id)).toHaveLength(0);

    const started = performance.now();
    const { report, added } = await applyListImport(
      t.db,
      { listId: id, csv, mapping: { email: 0, firstName: 1, lastName: 2 } },
      secret,
      actor,
      now,
    );
    const seconds = (performance.now() - started) / 1000;
    expect(report).toMatchObject({
      rows: 50_000,
      matchedPersons: 5000,
      unmatchedCount: 45_000,
      invalidCount: 0,
    });
    expect(report.unmatched).toHaveLength(500);
    expect(added).toBe(5000);
    expect(await members(id)).toHaveLength(5000);
    console.info(`import of 50,000 rows: ${seconds.toFixed(2)} s`);
  }, 120_000);
});
