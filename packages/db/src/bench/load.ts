import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { sql } from "kysely";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import type { Database } from "../create-database.ts";
import { createPurpose } from "../seed/factories.ts";
import { firstNames, lastNames, mailDomains, nameEndings, nameStems, orgForms, orgTrades } from "./names.ts";

// --- cheap deterministic randomness (mulberry32): the same seed gives the same mix of facts ---

export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

// --- names: small arrays, combined per row ---

function ascii(value: string): string {
  return value
    .toLowerCase()
    .replace(/ä/g, "ae")
    .replace(/ö/g, "oe")
    .replace(/ü/g, "ue")
    .replace(/ß/g, "ss")
    .replace(/[^a-z]/g, "");
}

// --- purposes: six, with the facts that make records valid or not ---

interface BenchPurpose {
  key: string;
  legalBasis: "consent" | "contract" | "legitimate_interests";
  doubleOptIn: boolean;
  /** min_valid_version = current_version = 2: consents given at version 1 are outdated. */
  versionTwo: boolean;
}

const benchPurposes: BenchPurpose[] = [
  { key: "newsletter", legalBasis: "consent", doubleOptIn: true, versionTwo: true },
  { key: "event_invitations", legalBasis: "consent", doubleOptIn: false, versionTwo: false },
  { key: "phone_marketing", legalBasis: "consent", doubleOptIn: false, versionTwo: true },
  { key: "postal_marketing", legalBasis: "consent", doubleOptIn: true, versionTwo: false },
  { key: "contract_service", legalBasis: "contract", doubleOptIn: false, versionTwo: false },
  { key: "customer_analytics", legalBasis: "legitimate_interests", doubleOptIn: false, versionTwo: false },
];

/** All 20 ways to choose 3 of the 6 purposes. */
const purposeTriples: [number, number, number][] = [];
for (let a = 0; a < 6; a += 1)
  for (let b = a + 1; b < 6; b += 1) for (let c = b + 1; c < 6; c += 1) purposeTriples.push([a, b, c]);

const DAY = 86_400_000;
const NULL = "\\N";

interface RecordFacts {
  state: string;
  version: string;
  validUntil: string;
  grantedAt: string;
  confirmedAt: string;
  withdrawnAt: string;
}

function recordFacts(random: () => number, purpose: BenchPurpose, valid: boolean, now: number): RecordFacts {
  const past = (maxDays: number) => new Date(now - (1 + random() * maxDays) * DAY).toISOString();
  const future = (maxDays: number) => new Date(now + (1 + random() * maxDays) * DAY).toISOString();
  const grantedAt = past(1500);
  const current = purpose.versionTwo ? "2" : "1";
  const facts: RecordFacts = {
    state: "active",
    version: NULL,
    validUntil: random() < 0.3 ? future(730) : NULL,
    grantedAt,
    confirmedAt: NULL,
    withdrawnAt: NULL,
  };
  if (purpose.legalBasis !== "consent") {
    if (valid) return facts;
    const roll = random();
    if (roll < 0.4) return { ...facts, state: "ended", validUntil: NULL };
    if (roll < 0.7) return { ...facts, state: "objected", validUntil: NULL };
    return { ...facts, validUntil: past(365) };
  }
  facts.version = current;
  if (valid) {
    if (purpose.doubleOptIn || random() < 0.5)
      return { ...facts, state: "confirmed", confirmedAt: grantedAt };
    return { ...facts, state: "granted" };
  }
  const roll = random();
  if (roll < 0.2) return { ...facts, state: "withdrawn", withdrawnAt: past(300), validUntil: NULL };
  if (roll < 0.3) return { ...facts, state: "declined", grantedAt: NULL, validUntil: NULL };
  if (roll < 0.4) return { ...facts, state: "requested", grantedAt: NULL, validUntil: NULL };
  if (roll < 0.55 && purpose.doubleOptIn) return { ...facts, state: "granted" };
  if (roll < 0.75 && purpose.versionTwo)
    return { ...facts, state: "confirmed", confirmedAt: grantedAt, version: "1", validUntil: NULL };
  return { ...facts, state: "confirmed", confirmedAt: grantedAt, validUntil: past(365) };
}

// --- COPY ---

async function copyRows(pool: pg.Pool, statement: string, rows: Iterable<string>): Promise<void> {
  function* chunks(): Generator<string> {
    let buffer: string[] = [];
    for (const row of rows) {
      buffer.push(row);
      if (buffer.length === 2000) {
        yield buffer.join("");
        buffer = [];
      }
    }
    if (buffer.length > 0) yield buffer.join("");
  }
  const client = await pool.connect();
  try {
    await pipeline(Readable.from(chunks()), client.query(copyFrom(statement)));
  } finally {
    client.release();
  }
}

export interface LoadOptions {
  persons: number;
  now: Date;
  seed?: number;
}

export interface LoadResult {
  purposeIds: string[];
  timings: { label: string; ms: number }[];
}

/** Purposes through the factory, then organizations, persons, e-mails and records by COPY. */
export async function loadBenchData(db: Database, pool: pg.Pool, options: LoadOptions): Promise<LoadResult> {
  const random = createRandom(options.seed ?? 20240601);
  const now = options.now.getTime();
  const timings: { label: string; ms: number }[] = [];
  const step = async (label: string, run: () => Promise<void>) => {
    const started = performance.now();
    await run();
    timings.push({ label, ms: performance.now() - started });
  };

  const purposeIds: string[] = [];
  await step("purposes (factory)", async () => {
    for (const purpose of benchPurposes) {
      const id = await createPurpose(db, {
        key: purpose.key,
        defaultLegalBasis: purpose.legalBasis,
        doubleOptIn: purpose.doubleOptIn,
      });
      if (purpose.versionTwo) {
        await db
          .updateTable("purpose")
          .set({ currentVersion: 2, minValidVersion: 2 })
          .where("id", "=", id)
          .execute();
        await db
          .insertInto("purposeVersion")
          .values(
            (["de", "en"] as const).map((language) => ({
              purposeId: id,
              version: 2,
              language,
              name: `${purpose.key} v2`,
              description: `Material change of ${purpose.key}.`,
              material: true,
            })),
          )
          .execute();
      }
      purposeIds.push(id);
    }
  });

  const organizationIds = Array.from({ length: Math.max(1, Math.round(options.persons / 20)) }, () =>
    randomUUID(),
  );
  await step("organizations", () =>
    copyRows(
      pool,
      "COPY organization (id, name, legal_form) FROM STDIN",
      (function* () {
        for (const id of organizationIds) {
          const form = pick(random, orgForms);
          yield `${id}\t${pick(random, lastNames)} ${pick(random, orgTrades)} ${form}\t${form}\n`;
        }
      })(),
    ),
  );

  const personIds = Array.from({ length: options.persons }, () => randomUUID());
  const names: string[] = new Array(options.persons);
  await step("persons", () =>
    copyRows(
      pool,
      "COPY person (id, first_name, last_name, preferred_language, organization_id, created_at) FROM STDIN",
      (function* () {
        for (let i = 0; i < personIds.length; i += 1) {
          const first = pick(random, firstNames);
          const last =
            random() < 0.3
              ? `${pick(random, nameStems)}${pick(random, nameEndings)}`
              : pick(random, lastNames);
          names[i] = `${ascii(first)}.${ascii(last)}`;
          const organization = random() < 0.75 ? pick(random, organizationIds) : NULL;
          const language = random() < 0.7 ? "de" : "en";
          const createdAt = new Date(now - random() * 5 * 365 * DAY).toISOString();
          yield `${personIds[i]}\t${first}\t${last}\t${language}\t${organization}\t${createdAt}\n`;
        }
      })(),
    ),
  );

  await step("person_email", () =>
    copyRows(
      pool,
      "COPY person_email (person_id, address, kind, is_primary) FROM STDIN",
      (function* () {
        for (let i = 0; i < personIds.length; i += 1) {
          const kind = random() < 0.6 ? "private" : "work";
          yield `${personIds[i]}\t${names[i]}${i}@${pick(random, mailDomains)}\t${kind}\tt\n`;
        }
      })(),
    ),
  );

  await step("processing_record", () =>
    copyRows(
      pool,
      `COPY processing_record (person_id, purpose_id, legal_basis, state, source, purpose_version,
         valid_until, granted_at, confirmed_at, withdrawn_at, double_opt_in_required) FROM STDIN`,
      (function* () {
        for (const personId of personIds) {
          // A person is mostly in order, mixed, or mostly not: all three lights occur.
          const profile = random();
          const validShare = profile < 0.35 ? 0.97 : profile < 0.8 ? 0.5 : 0.04;
          for (const index of pick(random, purposeTriples)) {
            const purpose = benchPurposes[index]!;
            const facts = recordFacts(random, purpose, random() < validShare, now);
            const source = random() < 0.5 ? "import" : "microsite";
            yield `${personId}\t${purposeIds[index]}\t${purpose.legalBasis}\t${facts.state}\t${source}\t${facts.version}\t${facts.validUntil}\t${facts.grantedAt}\t${facts.confirmedAt}\t${facts.withdrawnAt}\t${purpose.legalBasis === "consent" && purpose.doubleOptIn ? "t" : "f"}\n`;
          }
        }
      })(),
    ),
  );
  return { purposeIds, timings };
}

/** A static marketing list of the first `size` persons by id (ids are random v4 UUIDs). */
export async function createBenchList(db: Database, size: number): Promise<string> {
  const list = await db
    .insertInto("marketingList")
    .values({ name: `Bench ${size}`, kind: "static", source: "manual" })
    .returning("id")
    .executeTakeFirstOrThrow();
  await sql`
    INSERT INTO marketing_list_member (list_id, person_id)
    SELECT ${list.id}::uuid, id FROM person ORDER BY id LIMIT ${size}
  `.execute(db);
  return list.id;
}
