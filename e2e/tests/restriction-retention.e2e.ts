import { expect, test } from "@playwright/test";
import { createPerson, demoUsers, signIn, uniqueName } from "./fixtures";

test("staff restrict processing with a reason (badge, since, reason), lift it again, and set a manual retention date", async ({
  page,
}) => {
  await signIn(page, demoUsers.staff.email);
  const lastName = uniqueName("Zrestrict");
  await createPerson(page, { firstName: "Rita", lastName, email: `${lastName.toLowerCase()}@example.com` });
  const privacy = page.getByTestId("person-privacy");
  await expect(privacy).toContainText("Die Verarbeitung ist nicht eingeschränkt.");
  await expect(privacy.getByTestId("restriction-badge")).toHaveCount(0);

  // Art. 18(1): a reason is required; the domain's message in the user's language.
  await privacy.getByRole("button", { name: "Verarbeitung einschränken" }).click();
  const restrict = page.getByTestId("restrict-dialog");
  await restrict.getByRole("button", { name: "Einschränken" }).click();
  await expect(restrict).toContainText("Bitte einen Grund für die Einschränkung angeben.");
  await restrict.getByLabel("Grund").fill("Bestreitet die Richtigkeit der Anschrift");
  await restrict.getByRole("button", { name: "Einschränken" }).click();
  await expect(privacy.getByTestId("restriction-badge")).toHaveText(
    /Verarbeitung eingeschränkt \(Art\. 18 DSGVO\)/,
  );
  await expect(privacy.getByTestId("restriction-reason")).toHaveText(
    "Grund: Bestreitet die Richtigkeit der Anschrift",
  );
  await expect(privacy.getByTestId("restriction-since")).toContainText("Eingeschränkt seit");

  // Lifting needs a reason too; the person is told by e-mail (Art. 18(3)).
  await privacy.getByRole("button", { name: "Einschränkung aufheben" }).click();
  const lift = page.getByTestId("lift-restriction-dialog");
  await lift.getByLabel("Grund").fill("Anschrift geprüft und bestätigt");
  await lift.getByRole("button", { name: "Einschränkung aufheben" }).click();
  await expect(privacy.getByTestId("lift-notice")).toContainText("per E-Mail unterrichtet");
  await expect(privacy.getByTestId("restriction-badge")).toHaveCount(0);
  await expect(privacy).toContainText("Die Verarbeitung ist nicht eingeschränkt.");

  // A retention date set by hand, next to the computed one, with who set it, when and why.
  await privacy.getByRole("button", { name: "Aufbewahrungsdatum setzen" }).click();
  const retention = page.getByTestId("retention-date-dialog");
  await retention.getByLabel("Aufbewahren bis").fill("2031-06-30");
  await retention.getByLabel("Grund").fill("Laufendes Gerichtsverfahren");
  await retention.getByRole("button", { name: "Speichern" }).click();
  const manual = privacy.getByTestId("retention-manual");
  await expect(manual).toContainText("30. Juni 2031");
  await expect(manual).toContainText(`Von Hand gesetzt von ${demoUsers.staff.name} am`);
  await expect(manual).toContainText("Grund: Laufendes Gerichtsverfahren");
  await expect(privacy).toContainText("Aufbewahren bis (aus den Verarbeitungen berechnet)");

  const history = page.getByTestId("person-history");
  await expect(history.locator('[data-action="person.restricted"]')).toContainText(
    "Verarbeitung eingeschränkt",
  );
  await expect(history.locator('[data-action="person.restriction_lifted"]')).toContainText(
    "Einschränkung aufgehoben",
  );
  await expect(history.locator('[data-action="person.retention_date_set"]')).toContainText(
    "Aufbewahrungsdatum von Hand gesetzt",
  );
});
