import type { Database } from "../create-database.ts";
import { demoPassword, demoStaff, isSeeded, seedDemo } from "./demo.ts";

/** Where the database is and how the process runs, as the launcher and `db:seed` see it. */
export interface SeedTarget {
  /** the embedded PGlite of a laptop install (no DATABASE_URL) */
  embedded: boolean;
  /** NODE_ENV=production */
  production: boolean;
  /** `db:seed -- --force`: the operator insists */
  force?: boolean;
}

export type DemoSeedDecision = { seed: true } | { seed: false; reason: "production_database" };

/**
 * Demo data (2,000 invented persons, staff with a published password) belongs on a laptop or a
 * development database, never into a production database: there it would mix with real persons
 * and open four accounts anybody can sign in to.
 */
export function demoSeedDecision(target: SeedTarget): DemoSeedDecision {
  if (target.embedded || !target.production || target.force) return { seed: true };
  return { seed: false, reason: "production_database" };
}

/**
 * The decision for a process environment as the launcher and `db:seed` have it: embedded when
 * DATABASE_URL is unset, production when NODE_ENV is "production". The callers pass their env.
 */
export function demoSeedDecisionForEnv(
  env: { DATABASE_URL?: string; NODE_ENV?: string },
  options: { force?: boolean } = {},
): DemoSeedDecision {
  return demoSeedDecision({
    embedded: !env.DATABASE_URL,
    production: env.NODE_ENV === "production",
    force: options.force ?? false,
  });
}

export interface DemoOutcome {
  /** true when this call wrote the demo data */
  seeded: boolean;
  /** the demo sign-ins that exist in this database, to print; none where demo data does not belong */
  signIns: Array<{ role: string; email: string }>;
  password: string | null;
  /** whether any staff account exists, so the launcher can point to `npm run admin:create` */
  hasStaff: boolean;
}

/** Seeds the demo on first start where the decision allows it, and says what to print. */
export async function seedDemoIfAllowed(
  db: Database,
  decision: DemoSeedDecision,
  options: {
    now: Date;
    hashPassword: (password: string) => Promise<string>;
    persons?: number;
    onSeeding?: () => void;
  },
): Promise<DemoOutcome> {
  let seeded = false;
  if (decision.seed && !(await isSeeded(db))) {
    options.onSeeding?.();
    await seedDemo(db, options);
    seeded = true;
  }
  const staff = await db.selectFrom("staffUser").select("email").execute();
  const existing = new Set(staff.map((row) => row.email));
  const signIns = decision.seed
    ? demoStaff.filter((s) => existing.has(s.email)).map((s) => ({ role: s.role, email: s.email }))
    : [];
  return { seeded, signIns, password: signIns.length > 0 ? demoPassword : null, hasStaff: staff.length > 0 };
}
