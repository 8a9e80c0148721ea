import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { purposeNames } from "../microsite/choices.ts";
import { createPurpose } from "../seed/factories.ts";
import { createTestDatabase, type TestDatabase } from "../testing/create-test-database.ts";
import { currentTextIn, purposesWithCurrentText } from "./purpose-texts.ts";
import { listPurposes, purposeOptions } from "./purposes.ts";

let t: TestDatabase;
const ids: Record<"news" | "contract" | "retired" | "german" | "empty", string> = {
  news: "",
  contract: "",
  retired: "",
  german: "",
  empty: "",
};

beforeAll(async () => {
  t = await createTestDatabase();
  ids.news = await createPurpose(t.db, { key: "a_news" });
  ids.contract = await createPurpose(t.db, { key: "b_contract", defaultLegalBasis: "contract" });
  ids.retired = await createPurpose(t.db, { key: "c_retired", active: false });
  ids.german = await createPurpose(t.db, { key: "d_german" });
  ids.empty = await createPurpose(t.db, { key: "e_empty" });
  // a_news is at version 2: only its texts count.
  await t.db
    .insertInto("purposeVersion")
    .values([
      { purposeId: ids.news, version: 2, language: "de", name: "Newsletter", description: "Neu." },
      { purposeId: ids.news, version: 2, language: "en", name: "Newsletter", description: "New." },
    ])
    .execute();
  await t.db.updateTable("purpose").set({ currentVersion: 2 }).where("id", "=", ids.news).execute();
  // d_german has its current text in German only; e_empty has none at all.
  await t.db
    .deleteFrom("purposeVersion")
    .where("purposeId", "=", ids.german)
    .where("language", "=", "en")
    .execute();
  await t.db.deleteFrom("purposeVersion").where("purposeId", "=", ids.empty).execute();
});
afterAll(async () => t?.close());

const all = () => Object.values(ids);

describe("purposesWithCurrentText", () => {
  it("#18 returns each purpose, ordered by key, with the texts of its current version only", async () => {
    const purposes = await purposesWithCurrentText(t.db, { ids: all() });
    expect(purposes.map((p) => p.key)).toEqual(["a_news", "b_contract", "c_retired", "d_german", "e_empty"]);
    const [news, contract, , german, empty] = purposes;
    expect(news).toMatchObject({
      id: ids.news,
      currentVersion: 2,
      defaultLegalBasis: "consent",
      active: true,
    });
    expect(news?.texts).toEqual({
      de: { name: "Newsletter", description: "Neu." },
      en: { name: "Newsletter", description: "New." },
    });
    expect(contract?.texts.en).toEqual({
      name: "Purpose b_contract",
      description: "Description of b_contract.",
    });
    expect(german?.texts).toEqual({
      de: { name: "Zweck d_german", description: "Beschreibung für d_german." },
    });
    expect(empty?.texts).toEqual({});
  });

  it("#18 filters by ids, by active and by consent as the default basis", async () => {
    expect(await purposesWithCurrentText(t.db, { ids: [] })).toEqual([]);
    const consent = await purposesWithCurrentText(t.db, { ids: all(), active: true, consentOnly: true });
    expect(consent.map((p) => p.key)).toEqual(["a_news", "d_german", "e_empty"]);
    const retired = await purposesWithCurrentText(t.db, { ids: all(), active: false });
    expect(retired.map((p) => p.key)).toEqual(["c_retired"]);
    const one = await purposesWithCurrentText(t.db, { ids: [ids.contract] });
    expect(one.map((p) => p.key)).toEqual(["b_contract"]);
  });

  it("#18 gives the chosen language, and the other one only when asked to fall back", async () => {
    const [german, empty] = await purposesWithCurrentText(t.db, { ids: [ids.german, ids.empty] });
    if (!german || !empty) throw new Error("purposes missing");
    expect(currentTextIn(german, "de")).toEqual({
      language: "de",
      name: "Zweck d_german",
      description: "Beschreibung für d_german.",
    });
    expect(currentTextIn(german, "en")).toBeNull();
    expect(currentTextIn(german, "en", { fallback: true })?.language).toBe("de");
    expect(currentTextIn(empty, "de", { fallback: true })).toBeNull();
  });

  it("#18 callers keep their semantics: the catalogue has no name where the language is missing, the microsite falls back", async () => {
    const catalogue = await listPurposes(t.db, "en");
    expect(catalogue.find((p) => p.id === ids.german)).toMatchObject({ name: null, description: null });
    expect(catalogue.find((p) => p.id === ids.news)).toMatchObject({
      name: "Newsletter",
      description: "New.",
    });
    const options = await purposeOptions(t.db, "en");
    expect(options.find((p) => p.id === ids.german)).toEqual({
      id: ids.german,
      key: "d_german",
      name: null,
      active: true,
      defaultLegalBasis: "consent",
    });
    const names = await purposeNames(t.db, [ids.german, ids.news, ids.empty], "en");
    expect(Object.fromEntries(names)).toEqual({ [ids.german]: "Zweck d_german", [ids.news]: "Newsletter" });
  });

  it("#18 with lock, holds the purpose rows until the transaction ends", async (context) => {
    // Needs a second connection; embedded PGlite has one.
    if (t.driver === "pglite") context.skip();
    await t.db.transaction().execute(async (trx) => {
      await purposesWithCurrentText(trx, { ids: [ids.news], lock: true });
      await expect(
        t.db.selectFrom("purpose").select("id").where("id", "=", ids.news).forUpdate().noWait().execute(),
      ).rejects.toThrow(/lock/);
    });
    const after = await t.db
      .selectFrom("purpose")
      .select("id")
      .where("id", "=", ids.news)
      .forUpdate()
      .noWait()
      .execute();
    expect(after).toHaveLength(1);
  });
});
