import { createMicrositeLink, listAuditEvents, openSession, resolveSession } from "@purposeful/db";
import { createPerson, createPurpose, createRecord } from "@purposeful/db/seed";
import { createTestDatabase, type TestDatabase } from "@purposeful/db/testing";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { myDataDownload } from "./my-data";

// "Download my data" (Art. 20): the person's own ZIP behind their session, nobody else's. The route
// itself only adds `currentSession()`, the settings page's own check (proven for that page over HTTP
// in microsite.int.test.ts).
const now = new Date("2026-12-02T12:00:00Z");
let t: TestDatabase;
const ids = { mona: "", nils: "", erased: "" };

beforeAll(async () => {
  t = await createTestDatabase();
  const surveys = await createPurpose(t.db, { key: "surveys" });
  ids.mona = await createPerson(t.db, {
    firstName: "Mona",
    lastName: "Mitnahme",
    emails: ["mona@example.com"],
  });
  ids.nils = await createPerson(t.db, {
    firstName: "Nils",
    lastName: "Nachbar",
    emails: ["nils@example.com"],
  });
  ids.erased = await createPerson(t.db, { firstName: "", lastName: "" });
  await t.db.updateTable("person").set({ erasedLevel: 3 }).where("id", "=", ids.erased).execute();
  for (const personId of [ids.mona, ids.nils, ids.erased])
    await createRecord(t.db, { personId, purposeId: surveys, state: "granted", source: "microsite" });
});
afterAll(async () => t?.close());

async function sessionOf(personId: string) {
  const link = await createMicrositeLink(t.db, { personId, kind: "settings", at: now });
  const { token } = await t.db.transaction().execute((trx) => openSession(trx, link.id, personId, now));
  return resolveSession(t.db, token, now);
}

const download = (session: Awaited<ReturnType<typeof sessionOf>>, headers: Record<string, string> = {}) =>
  myDataDownload(t.db, session, { locale: "en", now, headers: new Headers(headers) });

describe("download my data", () => {
  it("gives the person in the session their own ZIP, in the page's language, audited as theirs", async () => {
    const response = await download(await sessionOf(ids.mona), { "sec-fetch-site": "same-origin" });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/zip");
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="art20-export-/);
    const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
    expect(Object.keys(files)).toEqual(
      expect.arrayContaining(["export.json", "schema.json", "consents.csv"]),
    );
    const text = Object.values(files)
      .map((bytes) => strFromU8(bytes))
      .join("\n");
    expect(text).toContain("mona@example.com");
    expect(text).not.toContain("nils@example.com");
    expect(strFromU8(files["README.txt"]!)).toContain("right to data portability");

    const [event] = (await listAuditEvents(t.db, { action: "person.portability_exported", limit: 1 })).rows;
    expect(event).toMatchObject({
      actorType: "data_subject",
      actorId: ids.mona,
      personId: ids.mona,
      changes: { via: "microsite", language: "en" },
    });
  });

  it("sends a request without a session, or for an erased person, to the generic page", async () => {
    for (const session of [null, await sessionOf(ids.erased)]) {
      const response = await download(session);
      expect(response.status).toBe(303);
      expect(response.headers.get("location")).toBe("/en/link-invalid");
    }
  });

  it("does not export when the download was started from another site", async () => {
    const before = (await listAuditEvents(t.db, { action: "person.portability_exported" })).rows.length;
    const response = await download(await sessionOf(ids.nils), { "sec-fetch-site": "cross-site" });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/en/settings");
    expect((await listAuditEvents(t.db, { action: "person.portability_exported" })).rows).toHaveLength(
      before,
    );
  });
});
