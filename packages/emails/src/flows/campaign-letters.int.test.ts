import {
  bulkJobHandlersWith,
  type Database,
  deriveLinkToken,
  runBulkJobs,
  startConsentCampaign,
} from "@purposeful/db";
import { createPerson } from "@purposeful/db/seed";
import {
  addPostalAddress,
  createCampaignCatalogue,
  createTestDatabase,
  type TestDatabase,
} from "@purposeful/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readPdf } from "../letters/read-pdf.ts";
import { campaignLettersPdf } from "./campaign-letters.ts";

const at = new Date("2026-11-30T09:00:00Z");
const linkSecret = "letters-test-link-secret-0123456789";
const micrositeUrl = "https://microsite.example";
let test: TestDatabase;
let db: Database;
let campaignId: string;
const ids: Record<string, string> = {};

const squeeze = (text: string) => text.replace(/\s+/g, "");
async function buffer(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks);
}

beforeAll(async () => {
  test = await createTestDatabase();
  db = test.db;
  const { newsletter } = await createCampaignCatalogue(db);
  // No basis for e-mail advertising and a postal address: each is asked by letter.
  for (const [name, language] of [
    ["Schröder", "de"],
    ["Whitfield", "en"],
    ["Weiß", "de"],
  ] as const) {
    ids[name] = await createPerson(db, {
      lastName: name,
      emails: [`${name.length}@example.test`],
      preferredLanguage: language,
    });
    await addPostalAddress(db, ids[name]!);
  }
  const list = await db
    .insertInto("marketingList")
    .values({ name: "Post", kind: "static" })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db
    .insertInto("marketingListMember")
    .values(Object.values(ids).map((personId) => ({ listId: list.id, personId })))
    .execute();
  ({ campaignId } = await startConsentCampaign(
    db,
    { listId: list.id, purposeIds: [newsletter], channel: "email", includeRefusals: false },
    { id: "staff-marketing", role: "marketing" },
    at,
  ));
  await runBulkJobs(db, bulkJobHandlersWith({ linkSecret, suppressionSecret: "test-suppression-secret" }), {
    now: () => at,
  });
}, 60_000);
afterAll(async () => test?.close());

describe("the letters of a mass consent request", () => {
  it("prints one page per person with the working personal link, and audits the download", async () => {
    // Between the request and the printing, Weiß objects to advertising by post: no letter.
    await db
      .updateTable("person")
      .set({ dmObjectionChannels: ["post"] })
      .where("id", "=", ids.Weiß!)
      .execute();
    const result = await campaignLettersPdf(db, {
      campaignId,
      part: 1,
      staffUserId: "staff-marketing",
      linkSecret,
      micrositeUrl,
      at,
    });
    expect(result).toMatchObject({ count: 2, parts: 1, unprintable: 0 });
    const pages = readPdf(await buffer(result.pdf!));
    expect(pages).toHaveLength(2);
    const links = await db
      .selectFrom("consentCampaignRecipient")
      .select(["personId", "linkId"])
      .where("campaignId", "=", campaignId)
      .execute();
    for (const [name, language] of [
      ["Schröder", "de"],
      ["Whitfield", "en"],
    ] as const) {
      const linkId = links.find((row) => row.personId === ids[name])!.linkId!;
      const page = pages.find((p) => squeeze(p.text).includes(name))!;
      expect(squeeze(page.text)).toContain(
        squeeze(`${micrositeUrl}/${language}/p/${deriveLinkToken(linkSecret, linkId)}`),
      );
    }
    const audit = await db
      .selectFrom("auditEvent")
      .select(["action", "changes"])
      .where("action", "=", "campaign.letters_downloaded")
      .execute();
    expect(audit).toEqual([
      {
        action: "campaign.letters_downloaded",
        changes: expect.objectContaining({ campaignId, count: 2, withheld: 1 }),
      },
    ]);
    expect(
      (await campaignLettersPdf(db, { campaignId, part: 2, staffUserId: "x", linkSecret, micrositeUrl, at }))
        .pdf,
    ).toBeNull();
  }, 60_000);
});
