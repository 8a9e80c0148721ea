import type { TrafficLight } from "@purposeful/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrganization, createPerson, createPurpose, createRecord } from "../seed/factories.ts";
import { createTestDatabase, type TestDatabase } from "../testing/create-test-database.ts";
import { countPersonsByLight, listPersons, type PersonListQuery } from "./persons-list.ts";
import { refreshDueTrafficLights, summarizeLights, summarizeListLights } from "./traffic-lights.ts";

const now = new Date("2026-11-29T12:00:00Z");
let t: TestDatabase;
const lights = new Map<string, TrafficLight>();
let newsletter: string;
let contract: string;

beforeAll(async () => {
  t = await createTestDatabase();
  newsletter = await createPurpose(t.db, { key: "newsletter" });
  contract = await createPurpose(t.db, { key: "contract", defaultLegalBasis: "contract" });
  const acme = await createOrganization(t.db, "Acme Maschinen GmbH");
  const names = [
    "Müller",
    "Schmidt",
    "Schneider",
    "Fischer",
    "Weber",
    "Meyer",
    "Wagner",
    "Becker",
    "Smith",
    "Jones",
  ];
  for (let i = 0; i < 60; i++) {
    const id = await createPerson(t.db, {
      firstName: i % 2 ? "Anna" : "Ben",
      lastName: names[i % names.length]!,
      emails: [`person${i}@example.com`],
      organizationId: i % 5 === 0 ? acme : null,
      createdAt: new Date(now.getTime() - i * 3_600_000),
    });
    const kind = i % 3;
    if (kind >= 1)
      await createRecord(t.db, {
        personId: id,
        purposeId: contract,
        legalBasis: "contract",
        state: "active",
        at: now,
      });
    if (kind === 2)
      await createRecord(t.db, { personId: id, purposeId: newsletter, state: "withdrawn", at: now });
    lights.set(id, kind === 0 ? "red" : kind === 1 ? "green" : "yellow");
  }
});
afterAll(async () => t?.close());

async function walk(query: PersonListQuery): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const page = await listPersons(t.db, { ...query, cursor, limit: 7 });
    ids.push(...page.rows.map((row) => row.id));
    cursor = page.nextCursor;
  } while (cursor);
  return ids;
}

describe("listPersons", () => {
  it("walks every page by keyset without gaps or repeats, in name order", async () => {
    const ids = await walk({});
    expect(ids).toHaveLength(60);
    expect(new Set(ids).size).toBe(60);
    const all = await listPersons(t.db, { limit: 200 });
    expect(all.rows.map((row) => row.id)).toEqual(ids);
    const keys = all.rows.map((row) => [row.lastName, row.firstName]);
    expect(keys).toEqual(
      [...keys].sort((a, b) =>
        a[0]! < b[0]! ? -1 : a[0]! > b[0]! ? 1 : a[1]! < b[1]! ? -1 : a[1]! > b[1]! ? 1 : 0,
      ),
    );
  });

  it("filters by the stored light on every page", async () => {
    for (const light of ["red", "yellow", "green"] as const) {
      const ids = await walk({ light });
      expect(ids.length).toBe([...lights.values()].filter((l) => l === light).length);
      for (const id of ids) expect(lights.get(id)).toBe(light);
    }
  });

  it("sorts by creation date both ways", async () => {
    const desc = await walk({ sort: { field: "createdAt", direction: "desc" } });
    const asc = await walk({ sort: { field: "createdAt", direction: "asc" } });
    expect(desc).toEqual([...asc].reverse());
    expect(desc).toHaveLength(60);
  });

  it("searches names, e-mail addresses and organizations by prefix, every word must match", async () => {
    expect((await walk({ search: "schn" })).length).toBe(6);
    expect((await walk({ search: "person1@" })).length).toBe(1);
    expect((await walk({ search: "acme" })).length).toBe(12);
    expect((await walk({ search: "ben schn" })).length).toBe(6);
    expect((await walk({ search: "anna schn" })).length).toBe(0);
    expect((await walk({ search: "100%_" })).length).toBe(0);
  });

  it("filters by purpose and counts per light", async () => {
    expect((await walk({ purposeId: newsletter })).length).toBe(20);
    expect(await countPersonsByLight(t.db, {})).toEqual({ red: 20, green: 20, yellow: 20 });
    expect(await countPersonsByLight(t.db, { purposeId: newsletter })).toEqual({
      red: 0,
      green: 0,
      yellow: 20,
    });
  });

  it("filters by purpose and the state of that purpose's record, and counts per light", async () => {
    expect(await walk({ purposeId: newsletter, purposeState: "withdrawn" })).toHaveLength(20);
    expect(await walk({ purposeId: newsletter, purposeState: "granted" })).toHaveLength(0);
    const active = await walk({ purposeId: contract, purposeState: "active", light: "green" });
    expect(active).toHaveLength(20);
    for (const id of active) expect(lights.get(id)).toBe("green");
    expect(await walk({ purposeId: contract, purposeState: "ended" })).toHaveLength(0);
    expect(await countPersonsByLight(t.db, { purposeId: contract, purposeState: "active" })).toEqual({
      red: 0,
      green: 20,
      yellow: 20,
    });
    // Without a purpose the state alone does not filter.
    expect(await walk({ purposeState: "granted" })).toHaveLength(60);
  });

  it("rejects a forged cursor", async () => {
    await expect(listPersons(t.db, { cursor: "bm90LWpzb24" })).rejects.toThrow();
  });
});

describe("traffic lights over time and for a list", () => {
  it("summarizes a list live, and a validity end turns the stored light on the next refresh", async () => {
    const purpose = await createPurpose(t.db, { key: "events" });
    const personId = await createPerson(t.db, { lastName: "Zeitlich" });
    await createRecord(t.db, {
      personId,
      purposeId: purpose,
      state: "granted",
      validUntil: new Date(now.getTime() + 60_000),
      at: now,
    });
    const list = await t.db
      .insertInto("marketingList")
      .values({ name: "Fair", kind: "static" })
      .returning("id")
      .executeTakeFirstOrThrow();
    const members = [...lights.keys()].slice(0, 9);
    await t.db
      .insertInto("marketingListMember")
      .values([...members, personId].map((id) => ({ listId: list.id, personId: id })))
      .execute();

    expect(await summarizeListLights(t.db, list.id, now)).toEqual({ red: 3, yellow: 3, green: 4, total: 10 });
    const later = new Date(now.getTime() + 120_000);
    // Live: the consent has run out; stored: still green until the recheck runs.
    expect(await summarizeListLights(t.db, list.id, later)).toEqual({
      red: 4,
      yellow: 3,
      green: 3,
      total: 10,
    });
    // A selection of the same persons counts alike; repeated and unknown ids are not counted.
    const selection = [...members, personId, personId, "00000000-0000-4000-8000-000000000000"];
    expect(await summarizeLights(t.db, selection, now)).toEqual(
      await summarizeListLights(t.db, list.id, now),
    );
    expect(await summarizeLights(t.db, selection, later)).toEqual({ red: 4, yellow: 3, green: 3, total: 10 });
    expect(await summarizeLights(t.db, [], now)).toEqual({ red: 0, yellow: 0, green: 0, total: 0 });
    expect(await refreshDueTrafficLights(t.db, now)).toBe(0);
    expect(await refreshDueTrafficLights(t.db, later)).toBe(1);
    const stored = await t.db
      .selectFrom("person")
      .select(["trafficLight", "lightRecheckAt"])
      .where("id", "=", personId)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ trafficLight: "red", lightRecheckAt: null });
  });
});
