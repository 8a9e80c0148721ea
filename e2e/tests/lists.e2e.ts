import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { createPerson, demoUsers, signIn, uniqueName } from "./fixtures";

const fixture = join(import.meta.dirname, "../fixtures/list-import.csv");

test("#1 marketing builds a list from the persons filter, imports a CSV and reads the report", async ({
  page,
}) => {
  await signIn(page, demoUsers.marketing.email);
  const prefix = uniqueName("Listig");
  await createPerson(page, { firstName: "Anna", lastName: `${prefix}a`, email: `${prefix}a@example.test` });
  await createPerson(page, { firstName: "Bert", lastName: `${prefix}b`, email: `${prefix}b@example.test` });
  // In the file (upper-case there), not in the filter.
  await createPerson(page, {
    firstName: "Carla",
    lastName: uniqueName("Import"),
    email: "carla.lists-e2e@example.test",
  });

  // The persons list filtered by the search, then a list of exactly what it shows.
  await page.goto("/persons");
  await page.getByRole("searchbox").fill(prefix);
  await page.getByRole("button", { name: "Suche", exact: true }).click();
  await expect(page.getByTestId("person-row")).toHaveCount(2);
  await page.getByLabel("Neue Liste aus diesem Filter").fill(`Newsletter ${prefix}`);
  await page.getByRole("button", { name: "Liste aus Filter anlegen" }).click();
  await page.getByRole("link", { name: "Liste mit 2 Personen angelegt – öffnen" }).click();
  await page.waitForURL(/\/lists\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Newsletter ${prefix}`);
  await expect(page.getByTestId("member-count")).toHaveText("2 Mitglieder");
  await expect(page.getByTestId("member-row")).toHaveCount(2);

  // Import: the columns are detected and mapped, the report says what matched and what did not.
  await page.getByLabel("CSV-Datei").setInputFiles(fixture);
  await expect(page.getByText("3 Zeilen, getrennt durch „;“.", { exact: false })).toBeVisible();
  await page.getByRole("button", { name: "Datei prüfen" }).click();
  const report = page.getByTestId("import-report");
  await expect(report.getByRole("status")).toHaveText(
    "3 Zeilen: 1 Personen zugeordnet (0 schon auf der Liste), 1 nicht zugeordnet, 1 ungültig, 0 abgelehnt.",
  );
  await expect(report.getByTestId("report-matched")).toContainText("Zeile 2:");
  await expect(report.getByTestId("report-unmatched")).toHaveText(
    "Zeile 3: niemand.lists-e2e@example.test (Niemand Unbekannt)",
  );
  await expect(report.getByTestId("report-invalid")).toHaveText(
    "Zeile 4: keine gültige E-Mail-Adresse – kein-at-zeichen",
  );
  // Nothing is added before the user says so.
  await expect(page.getByTestId("member-count")).toHaveText("2 Mitglieder");
  await page.getByRole("button", { name: "Die zugeordnete Person hinzufügen" }).click();
  await expect(page.getByText("1 Person ist hinzugekommen.")).toBeVisible();
  await expect(page.getByTestId("member-count")).toHaveText("3 Mitglieder");

  // Search among the members, then the lists page shows the list with its count.
  await page.getByLabel("Mitglieder suchen (Name oder E-Mail)").fill("carla.lists");
  await expect(page.getByTestId("member-row")).toHaveCount(1);
  await page.getByRole("link", { name: "Listen", exact: true }).click();
  const row = page.getByTestId("list-row").filter({ hasText: `Newsletter ${prefix}` });
  await expect(row).toContainText("3");
});
