import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { recordEvents } from "../consent/record-transitions.ts";
import { auditActions, isAuditAction, recordAuditActions } from "./audit-actions.ts";

const repo = join(import.meta.dirname, "../../../..");

/** Source files (tests included) of the apps, packages and scripts, relative to the repository. */
function sources(): string[] {
  const roots = ["apps", "packages"].flatMap((root) =>
    readdirSync(join(repo, root)).map((name) => `${root}/${name}/src`),
  );
  return [...roots, "scripts"].flatMap((dir) =>
    readdirSync(join(repo, dir), { recursive: true, encoding: "utf8" })
      .filter((file) => /\.tsx?$/.test(file))
      .map((file) => relative(repo, join(repo, dir, file))),
  );
}

const dotted = "([a-z][a-z_]*\\.[a-z][a-z_.]*)";
const actionLiteral = new RegExp(`"${dotted}"`, "g");
const sqlActionLiteral = new RegExp(`'${dotted}'`, "g");
const sqlActionCompared = new RegExp(`\\baction\\s*=\\s*'${dotted}'`, "g");
const literalsIn = (text: string, pattern: RegExp) => [...text.matchAll(pattern)].map((m) => m[1]!);

/**
 * The audit actions a source file writes or names, in every form the code base uses: `action: "…"`
 * (also a ternary, or a parameter's union over `|` lines), a `type …Action = "…" | …` alias, an
 * action in SQL (`INSERT INTO audit_event …`, `action = '…'`), and `action: \`prefix.${…}\``,
 * returned as its prefix.
 */
function actionsIn(text: string): { actions: string[]; dynamicPrefixes: string[] } {
  const actions: string[] = [];
  for (const m of text.matchAll(/\baction\??:\s*([^,;\n]*(?:\n\s*\|[^,;\n]*)*)/g))
    actions.push(...literalsIn(m[1]!, actionLiteral));
  for (const m of text.matchAll(/\btype \w*Action\s*=([^;]*);/g))
    actions.push(...literalsIn(m[1]!, actionLiteral));
  for (const m of text.matchAll(/INSERT INTO audit_event[^`]*`/g))
    actions.push(...literalsIn(m[0], sqlActionLiteral));
  for (const m of text.matchAll(sqlActionCompared)) actions.push(m[1]!);
  const dynamicPrefixes = [...text.matchAll(/\baction\??:\s*`([a-z_]+)\.\$\{/g)].map((m) => m[1]!);
  return { actions, dynamicPrefixes };
}

// Written by a test fixture only, to mark its population; never by product code.
const testMarkers = new Set(["test.population"]);

describe("one list of audit actions (Art. 15(3) GDPR: the person gets their history in words)", () => {
  const files = sources();
  const found = files.map((file) => ({ file, ...actionsIn(readFileSync(join(repo, file), "utf8")) }));

  it("the scan sees every way the code base writes an action", () => {
    const all = new Set(found.flatMap((f) => f.actions));
    // A ternary, a parameter's union, a type alias, raw SQL: the scan must not pass by seeing nothing.
    for (const action of ["staff.reactivated", "communication.removed", "kiosk.left", "person.erased"])
      expect(all, action).toContain(action);
    expect(found.filter((f) => f.dynamicPrefixes.length > 0).length).toBeGreaterThanOrEqual(2);
  });

  it("every action the sources write or name is in the list", () => {
    const unknown = found.flatMap(({ file, actions }) =>
      actions.filter((a) => !isAuditAction(a) && !testMarkers.has(a)).map((a) => `${file}: ${a}`),
    );
    expect(unknown).toEqual([]);
  });

  it("an action built from a value is a record's event, and every event is listed", () => {
    const prefixes = found.flatMap(({ file, dynamicPrefixes }) =>
      dynamicPrefixes.map((p) => `${file}: ${p}`),
    );
    expect(prefixes.filter((p) => !p.endsWith(": record"))).toEqual([]);
    expect(recordAuditActions).toEqual(recordEvents.map((event) => `record.${event}`));
  });

  it("every listed action is written somewhere (no words for what never happens)", () => {
    const product = found.filter(({ file }) => !/\.test\.tsx?$|-fixture\.ts$/.test(file));
    const written = new Set(product.flatMap((f) => f.actions));
    // The record events are written as `record.${event}`, checked above.
    const literal = auditActions.filter((a) => !(recordAuditActions as readonly string[]).includes(a));
    expect(literal.filter((a) => !written.has(a))).toEqual([]);
  });

  it("lists each action once, and tells stored text from an action", () => {
    expect(new Set(auditActions).size).toBe(auditActions.length);
    expect(isAuditAction("record.grant")).toBe(true);
    expect(isAuditAction("person.retention_postponed")).toBe(false);
  });
});
