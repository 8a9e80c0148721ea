import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { createPerson, demoUsers, signIn, uniqueName } from "./fixtures";

test("a phone consent with a checked-in e-mail turns a red person's light and shows in History with its evidence", async ({
  page,
  context,
}) => {
  await signIn(page, demoUsers.staff.email);
  // A person of the test's own: a new person is red until a basis is recorded (Art. 25(2)).
  await createPerson(page, { firstName: "Erika", lastName: uniqueName("Beispiel") });
  await expect(page.getByTestId("light-explanation")).toBeVisible();
  await expect(page.locator("header [data-light], main [data-light]").first()).toHaveAttribute(
    "data-light",
    "red",
  );

  const panel = page.getByRole("region", { name: "Einwilligung, Widerruf oder Änderung erfassen" });
  const purposeSelect = panel.getByLabel("Zweck");
  const surveys = await purposeSelect.locator("option", { hasText: "Produktumfragen" }).getAttribute("value");
  await purposeSelect.selectOption(surveys ?? "");
  await panel.getByLabel("Was ist passiert").selectOption("grant");
  await panel.getByLabel("Wie es uns erreicht hat").selectOption("phone");
  await expect(panel.getByTestId("evidence-warning")).toBeVisible();
  await panel
    .getByLabel(/Datei hochladen oder E-Mail einchecken/)
    .setInputFiles(join(import.meta.dirname, "../fixtures/phone-consent.eml"));
  const checkedIn = panel.getByTestId("checked-in-email");
  await expect(checkedIn).toContainText(/Erika Beispiel"? <erika\.beispiel@example\.com>/);
  await expect(checkedIn).toContainText("23.11.2026, 10:15");
  await expect(checkedIn).toContainText("Ja, gerne Umfragen");
  await expect(panel.getByTestId("evidence-warning")).toHaveCount(0);
  await panel.getByRole("button", { name: "Speichern" }).click();
  await expect(panel.getByText(/Gespeichert: Produktumfragen ist jetzt „Erteilt“/)).toBeVisible();

  // The light and the explanation update at once.
  await expect(page.locator("main [data-light]").first()).not.toHaveAttribute("data-light", "red");
  await expect(page.getByTestId("light-explanation")).toContainText("Produktumfragen");

  const history = page.getByTestId("person-history");
  const entry = history.getByRole("listitem").filter({ hasText: "Produktumfragen" }).first();
  await expect(entry).toContainText(/Telefon/);
  const evidence = entry.getByRole("link", { name: /Nachweis öffnen/ });
  await expect(evidence).toBeVisible();
  await evidence.click();
  await expect(page.getByTestId("document-view")).toContainText("Ja, gerne Umfragen");
  await expect(page.getByTestId("document-view")).toContainText("wie eben am Telefon besprochen");
  await context.close();
});
