import { createPerson, createPurpose, createRecord, createStaffUser } from "@purposeful/db/seed";
import { createTestDatabase, type TestDatabase } from "@purposeful/db/testing";
import type { Language, StaffRole } from "@purposeful/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { failure } from "../../../test-support/trpc-failure";
import { createCallerFactory, router } from "../../trpc";
import { listsRouter } from "./router";

const createCaller = createCallerFactory(router({ lists: listsRouter }));
const at = new Date("2026-12-01T12:00:00Z");
let t: TestDatabase;
let staffId: string;
let anna: string;
let bert: string;

function caller(role: StaffRole = "marketing", locale: Language = "en") {
  return createCaller({
    db: t.db,
    user: { id: staffId, name: "Mara", email: "mara@test.example", role, locale },
    now: () => at,
  }).lists;
}

beforeAll(async () => {
  t = await createTestDatabase();
  staffId = await createStaffUser(t.db, {
    email: "mara@test.example",
    name: "Mara",
    role: "marketing",
    passwordHash: "x",
  });
  anna = await createPerson(t.db, { firstName: "Anna", lastName: "Listig", emails: ["anna@list.example"] });
  bert = await createPerson(t.db, { firstName: "Bert", lastName: "Listig", emails: ["bert@list.example"] });
}, 60_000);
afterAll(async () => t?.close());

describe("lists router", () => {
  it("#1 builds a list from the persons filter, pages its members and lists it with its count", async () => {
    const { id, added } = await caller().createFromFilter({ name: "Listig", filter: { search: "listig" } });
    expect(added).toBe(2);
    const page = await caller().members({ listId: id, search: "anna", limit: 10 });
    expect(page.rows.map((row) => row.personId)).toEqual([anna]);
    const lists = await caller().list({ limit: 10 });
    expect(lists.rows.find((row) => row.id === id)?.memberCount).toBe(2);
    await caller().removeMembers({ listId: id, personIds: [anna] });
    expect((await caller().get({ listId: id })).memberCount).toBe(1);
  });

  it("#1 makes a list of the ticked persons and adds more of them to it", async () => {
    const { id, added } = await caller().createFromPersons({ name: "Ticked", personIds: [anna] });
    expect(added).toBe(1);
    expect(await caller().addMembers({ listId: id, personIds: [anna, bert] })).toEqual({ added: 1 });
    await caller().rename({ listId: id, name: "Ticked twice" });
    expect((await caller().get({ listId: id })).name).toBe("Ticked twice");
    await caller().delete({ listId: id });
    expect(await failure(caller().get({ listId: id }))).toBe(
      "NOT_FOUND: This list does not exist (any more).",
    );
  });

  it("#1 reads a file's columns, previews and applies an import", async () => {
    const { id } = await caller().create({ name: "Import" });
    const csv = "Name;E-Mail\nAnna;ANNA@list.example\nNiemand;nobody@list.example\nKaputt;kaputt\n";
    const columns = await caller().importColumns({ csv });
    expect(columns).toMatchObject({ delimiter: ";", headers: ["Name", "E-Mail"], rows: 3 });
    expect(columns.suggested.email).toBe(1);
    const mapping = { email: 1, lastName: 0 };
    const preview = await caller().importPreview({ listId: id, csv, mapping });
    expect(preview).toMatchObject({ matchedPersons: 1, unmatchedCount: 1, invalidCount: 1, refusedCount: 0 });
    expect((await caller().get({ listId: id })).memberCount).toBe(0);
    const applied = await caller().importApply({ listId: id, csv, mapping });
    expect(applied.added).toBe(1);
    expect((await caller().get({ listId: id })).memberCount).toBe(1);
  });

  it("#1 refuses a bad file in the user's language and writes nothing", async () => {
    const { id } = await caller().create({ name: "Bad file" });
    const csv = "name\temail\nA\ta@list.example\n";
    expect(await failure(caller("marketing", "de").importColumns({ csv }), "de")).toBe(
      "BAD_REQUEST: Die Spalten sind nicht durch Komma oder Semikolon getrennt. Bitte speichern Sie die Datei als CSV mit Komma oder Semikolon. Es wurde nichts übernommen.",
    );
    expect(await failure(caller().importApply({ listId: id, csv: "email\n", mapping: { email: 0 } }))).toBe(
      "BAD_REQUEST: The file is empty or has only a header row. Nothing was imported.",
    );
    expect((await caller().get({ listId: id })).memberCount).toBe(0);
  });

  it("#1 is for marketing and up: plain staff may not read or change lists", async () => {
    expect(await failure(caller("staff").list({ limit: 10 }))).toBe(
      "FORBIDDEN: You are not allowed to do this.",
    );
    expect(await failure(caller("staff").create({ name: "No" }))).toBe(
      "FORBIDDEN: You are not allowed to do this.",
    );
  });

  it("#3 checks a list for purposes on a channel: counts by reason, members with their verdict, history", async () => {
    const newsletter = await createPurpose(t.db, {
      key: "check_news",
      directMarketing: true,
      channels: ["email"],
    });
    const earlier = new Date(at.getTime() - 86_400_000);
    for (const [personId, documented] of [
      [anna, true],
      [bert, false],
    ] as const) {
      const record = await createRecord(t.db, {
        personId,
        purposeId: newsletter,
        state: "confirmed",
        source: "email",
        at: earlier,
      });
      if (documented)
        await t.db
          .insertInto("consentEvidence")
          .values({ processingRecordId: record, kind: "note" })
          .execute();
    }
    const { id } = await caller().createFromPersons({ name: "Check", personIds: [anna, bert] });
    const settings = { listId: id, purposeIds: [newsletter], channel: "email" as const };
    const { summary } = await caller().check(settings);
    expect(summary).toEqual({ total: 2, admissible: 1, byReason: { consent_unproven: 1 } });
    const all = await caller().checkMembers({ ...settings, limit: 1 });
    expect(all.rows.map((row) => [row.firstName, row.reason])).toEqual([["Anna", "admissible"]]);
    const next = await caller().checkMembers({ ...settings, limit: 1, cursor: all.nextCursor });
    expect(next.rows.map((row) => [row.firstName, row.reason])).toEqual([["Bert", "consent_unproven"]]);
    expect(next.nextCursor).toBeNull();
    const refused = await caller().checkMembers({ ...settings, reason: "consent_unproven", limit: 10 });
    expect(refused.rows.map((row) => row.personId)).toEqual([bert]);
    const history = await caller().checks({ listId: id });
    expect(history.map((row) => [row.actorName, row.channel, row.admissible, row.total])).toEqual([
      ["Mara", "email", 1, 2],
    ]);
  });

  it("#3 refuses a check with bad input in the user's language and records nothing", async () => {
    const { id } = await caller().create({ name: "Bad check" });
    const unknown = "00000000-0000-4000-8000-000000000000";
    expect(await failure(caller().check({ listId: id, purposeIds: [unknown], channel: "email" }))).toBe(
      "NOT_FOUND: This purpose does not exist.",
    );
    expect(
      await failure(
        caller("marketing", "de").check({ listId: unknown, purposeIds: [unknown], channel: "email" }),
        "de",
      ),
    ).toBe("NOT_FOUND: Diese Liste gibt es nicht (mehr).");
    expect(
      await failure(caller("marketing", "de").check({ listId: id, purposeIds: [], channel: "email" }), "de"),
    ).toBe("BAD_REQUEST: Bitte wählen Sie mindestens einen Zweck.");
    expect(await caller().checks({ listId: id })).toEqual([]);
  });

  it("#3 checking is for marketing and up: plain staff are refused", async () => {
    const unknown = "00000000-0000-4000-8000-000000000000";
    expect(
      await failure(caller("staff").check({ listId: unknown, purposeIds: [unknown], channel: "email" })),
    ).toBe("FORBIDDEN: You are not allowed to do this.");
    expect(await failure(caller("staff").checks({ listId: unknown }))).toBe(
      "FORBIDDEN: You are not allowed to do this.",
    );
  });
});
