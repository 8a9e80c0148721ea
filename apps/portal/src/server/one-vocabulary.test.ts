import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { domainErrorReasons } from "@purposeful/domain";
import { describe, expect, it } from "vitest";
import { domainReasonMessages } from "./domain-error-messages";

const repo = join(import.meta.dirname, "../../../..");

/** Source files (tests included: they must not drift either) of the apps, packages and scripts. */
function sources(): string[] {
  const roots = ["apps", "packages"].flatMap((root) =>
    readdirSync(join(repo, root)).map((name) => `${root}/${name}/src`),
  );
  return [...roots, "scripts", "e2e/tests"].flatMap((dir) =>
    readdirSync(join(repo, dir), { recursive: true, encoding: "utf8" })
      .filter((file) => /\.tsx?$/.test(file))
      .map((file) => relative(repo, join(repo, dir, file))),
  );
}

function matching(files: string[], pattern: RegExp): string[] {
  return files.filter((file) => pattern.test(readFileSync(join(repo, file), "utf8")));
}

describe("one vocabulary from packages/domain", () => {
  const outsideDomain = sources().filter(
    (file) => !file.startsWith("packages/domain/") && !file.endsWith("tables/generated.ts"),
  );

  it("#19 no package re-defines Language, TrafficLight or StaffRole, or spells the controller's time zone", () => {
    expect(outsideDomain.length).toBeGreaterThan(100);
    expect(matching(outsideDomain, /"de" \| "en"|"en" \| "de"/)).toEqual([]);
    expect(matching(outsideDomain, /"green" \| "yellow" \| "red"/)).toEqual([]);
    expect(matching(outsideDomain, /"staff" \| "marketing" \| "dpo" \| "admin"/)).toEqual([]);
    expect(matching(outsideDomain, /"Europe\/Berlin"/)).toEqual([]);
  });

  it("#19 the generated table types take them from packages/domain too", () => {
    const generated = readFileSync(join(repo, "packages/db/src/tables/generated.ts"), "utf8");
    expect(generated).not.toMatch(/"de" \| "en"|"green" \| "yellow" \| "red"|"staff" \| "marketing"/);
    expect(generated).toMatch(/import\("@purposeful\/domain"\)\.Language/);
  });

  it("#20 no code decides on an error's message text: reasons are typed", () => {
    const product = outsideDomain.filter((file) => !/\.test\.tsx?$/.test(file));
    expect(matching(product, /\.message\s*===|\.message\s*!==|message\.(includes|startsWith)\(/)).toEqual([]);
  });

  it("#20 every domain reason has a message in both languages", () => {
    for (const reason of domainErrorReasons) {
      expect(domainReasonMessages[reason].de.length, reason).toBeGreaterThan(5);
      expect(domainReasonMessages[reason].en.length, reason).toBeGreaterThan(5);
    }
  });
});
