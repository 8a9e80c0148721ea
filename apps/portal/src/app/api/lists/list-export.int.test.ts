import { createListFromPersons } from "@purposeful/db";
import { createPerson, createPurpose, createRecord } from "@purposeful/db/seed";
import { createTestDatabase, type TestDatabase } from "@purposeful/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStaffUser, signIn, useTestDatabase } from "../../../testing/signed-in";
import { GET } from "./[listId]/export/route";

let t: TestDatabase;
let listId: string;
let newsletter: string;
let marketing: { id: string; cookie: string };
let staffCookie: string;
let germanCookie: string;

beforeAll(async () => {
  t = await createTestDatabase();
  useTestDatabase(t.db);
  const user = await createStaffUser(t.db, "marketing");
  marketing = { id: user.id, cookie: await signIn(user.email) };
  staffCookie = await signIn((await createStaffUser(t.db, "staff")).email);
  germanCookie = await signIn((await createStaffUser(t.db, "marketing", { locale: "de" })).email);
  newsletter = await createPurpose(t.db, { key: "newsletter", directMarketing: true, channels: ["email"] });
  const at = new Date(Date.now() - 86_400_000);
  const people = [
    { lastName: "Arndt", firstName: "Anna", email: "anna@export.example", documented: true },
    {
      lastName: '=HYPERLINK("http://evil.example")',
      firstName: "+Eve",
      email: "eve@export.example",
      documented: true,
    },
    { lastName: "Brandt", firstName: "Bert", email: "bert@export.example", documented: false },
  ];
  const ids: string[] = [];
  for (const person of people) {
    const id = await createPerson(t.db, { ...person, emails: [person.email] });
    ids.push(id);
    const record = await createRecord(t.db, {
      personId: id,
      purposeId: newsletter,
      state: "confirmed",
      source: "email",
      at,
    });
    if (person.documented)
      await t.db.insertInto("consentEvidence").values({ processingRecordId: record, kind: "note" }).execute();
  }
  listId = (
    await createListFromPersons(
      t.db,
      { name: "Export", personIds: ids },
      { type: "staff", id: marketing.id },
      at,
    )
  ).id;
}, 60_000);
afterAll(async () => t?.close());

function download(cookie: string, query: string, id = listId): Promise<Response> {
  return GET(
    new Request(`http://localhost:3000/api/lists/${id}/export?${query}`, { headers: { Cookie: cookie } }),
    { params: Promise.resolve({ listId: id }) },
  );
}

describe("GET /api/lists/[listId]/export", () => {
  it("#4 exports only admissible members, neutralizes formulas, audits", async () => {
    const response = await download(marketing.cookie, `purposeIds=${newsletter}&channel=email`);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toMatch(
      /^attachment; filename="newsletter-email-\d{4}-\d{2}-\d{2}T\d{4}\.csv"$/,
    );
    const body = new TextDecoder("utf-8", { ignoreBOM: true }).decode(
      new Uint8Array(await response.arrayBuffer()),
    );
    expect(body.startsWith("\uFEFF")).toBe(true);
    const lines = body.slice(1).split("\r\n");
    expect(lines).toEqual([
      "Last name,First name,E-mail",
      '"\'=HYPERLINK(""http://evil.example"")","\'+Eve",eve@export.example',
      "Arndt,Anna,anna@export.example",
    ]);
    expect(body).not.toContain("bert@");
    const events = await t.db
      .selectFrom("auditEvent")
      .select(["actorId", "entityId", "changes"])
      .where("action", "=", "campaign.exported")
      .execute();
    expect(events).toEqual([
      {
        actorId: marketing.id,
        entityId: listId,
        changes: { purposeIds: [newsletter], channel: "email", count: 2 },
      },
    ]);
  });

  it("#4 refuses plain staff, bad settings in the user's language and an unknown list, exporting nothing", async () => {
    expect((await download(staffCookie, `purposeIds=${newsletter}&channel=email`)).status).toBe(403);
    const bad = await download(germanCookie, `purposeIds=${newsletter}&channel=fax`);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ code: "BAD_REQUEST", error: "Die Eingabe ist ungültig." });
    const unknown = "00000000-0000-4000-8000-000000000000";
    const missing = await download(marketing.cookie, `purposeIds=${newsletter}&channel=email`, unknown);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({
      code: "NOT_FOUND",
      error: "This list does not exist (any more).",
    });
    const exported = await t.db
      .selectFrom("auditEvent")
      .select("id")
      .where("action", "=", "campaign.exported")
      .execute();
    expect(exported).toHaveLength(1);
  });
});
