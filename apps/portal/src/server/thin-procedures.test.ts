import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const repo = join(import.meta.dirname, "../../../..");

/** Source files (no tests) under `dir`, relative to the repository root. */
function sources(dir: string): string[] {
  return readdirSync(join(repo, dir), { recursive: true, encoding: "utf8" })
    .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file))
    .map((file) => relative(repo, join(repo, dir, file)));
}

function matching(files: string[], pattern: RegExp): string[] {
  return files.filter((file) => pattern.test(readFileSync(join(repo, file), "utf8")));
}

describe("procedures stay thin", () => {
  it("#18 no tRPC procedure, route handler or server action builds a query: they call packages/db", () => {
    // Pages, route handlers, procedures, server helpers and server actions of both apps.
    const files = [
      ...sources("apps/portal/src/app"),
      ...sources("apps/portal/src/server"),
      ...sources("apps/portal/src/features"),
      ...sources("apps/microsite/src"),
    ];
    expect(files).toContain("apps/portal/src/server/routers/staff/router.ts");
    expect(matching(files, /\.(selectFrom|insertInto|updateTable|deleteFrom)\(|\bsql`/)).toEqual([]);
  });

  it("#18 one query reads purposes with their current text (purposesWithCurrentText)", () => {
    const files = ["packages", "apps"].flatMap((root) =>
      readdirSync(join(repo, root)).flatMap((name) => sources(`${root}/${name}/src`)),
    );
    // The benchmark's hand-written baselines and the migrations are SQL of their own on purpose.
    const product = files.filter((file) => !/\/(bench|migrations)\//.test(file));
    // A join of purpose_version at the purpose's current version, in either direction.
    const currentTextJoin = /onRef\([^)]*currentVersion|current_version\s*=|=\s*p\.current_version/;
    expect(matching(product, currentTextJoin)).toEqual(["packages/db/src/repositories/purpose-texts.ts"]);
  });
});
