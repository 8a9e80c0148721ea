import { expect, test } from "@playwright/test";
import { demoUsers, signIn } from "./fixtures";

test("staff create a person, edit master and communication data, and History records each change", async ({
  page,
}) => {
  const lastName = `Zeditmann${Date.now()}`;
  await signIn(page, demoUsers.staff.email);
  await page.goto("/persons/new");
  await page.getByLabel("Vorname", { exact: true }).fill("Ida");
  await page.getByLabel("Nachname", { exact: true }).fill(lastName);
  await page.getByRole("button", { name: "Person anlegen" }).click();
  await page.waitForURL(/\/persons\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(lastName);
  // Art. 25(2): a new person is red until a legal basis is recorded.
  await expect(page.locator("main [data-light]").first()).toHaveAttribute("data-light", "red");

  const master = page.getByRole("region", { name: "Stammdaten" });
  await master.getByRole("button", { name: "Stammdaten bearbeiten" }).click();
  const form = master.getByTestId("edit-master-data");
  await form.getByLabel("Position").fill("Einkaufsleitung");
  await form.getByRole("button", { name: "Speichern" }).click();
  await expect(master).toContainText("Einkaufsleitung");

  const communication = page.getByRole("region", { name: "Kommunikationsdaten" });
  await communication.getByRole("button", { name: "Telefonnummer hinzufügen" }).click();
  await communication.getByLabel("Telefonnummer").fill("+49 40 1234567");
  await communication.getByRole("button", { name: "Hinzufügen" }).click();
  await expect(communication).toContainText("+49 40 1234567");

  const history = page.getByTestId("person-history");
  await expect(history.locator('[data-action="person.created"]')).toBeVisible();
  await expect(history.locator('[data-action="person.updated"]')).toContainText("Person geändert");
  await expect(history.locator('[data-action="communication.added"]')).toContainText(
    "Kommunikationsdaten hinzugefügt",
  );
});
