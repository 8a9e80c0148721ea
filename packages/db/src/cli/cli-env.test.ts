import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseAuditKek } from "../audit/audit-kek.ts";
import { databaseOptionsFromEnv } from "./cli-env.ts";

const dataDir = mkdtempSync(join(tmpdir(), "purposeful-cli-env-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe("#16 AUDIT_KEK for the command-line tools", () => {
  it("#16 refuses to run in production without AUDIT_KEK", () => {
    expect(() => databaseOptionsFromEnv({ NODE_ENV: "production", PURPOSEFUL_DATA_DIR: dataDir })).toThrow(
      /AUDIT_KEK is required in production/,
    );
  });

  it("#16 takes AUDIT_KEK as base64 or hex, and rejects anything that is not 32 bytes", () => {
    const hex = "ab".repeat(32);
    expect(databaseOptionsFromEnv({ NODE_ENV: "production", AUDIT_KEK: hex }).auditKek).toEqual(
      Buffer.from(hex, "hex"),
    );
    expect(parseAuditKek(Buffer.alloc(32, 1).toString("base64"))).toEqual(Buffer.alloc(32, 1));
    expect(parseAuditKek(Buffer.alloc(32, 2).toString("base64url"))).toEqual(Buffer.alloc(32, 2));
    for (const bad of ["", "short", Buffer.alloc(16).toString("base64"), "zz".repeat(32)])
      expect(() => parseAuditKek(bad)).toThrow(/32 bytes/);
  });

  it("#16 uses the local install's generated key, the file the launcher gives the apps", () => {
    const first = databaseOptionsFromEnv({ PURPOSEFUL_DATA_DIR: dataDir }).auditKek;
    const second = databaseOptionsFromEnv({ PURPOSEFUL_DATA_DIR: dataDir }).auditKek;
    expect(first).toEqual(second);
    expect(first).toEqual(parseAuditKek(readFileSync(join(dataDir, "audit-kek.secret"), "utf8")));
  });
});
