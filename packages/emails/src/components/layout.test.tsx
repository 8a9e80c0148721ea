import { render } from "@react-email/render";
import { describe, expect, it } from "vitest";
import { Layout } from "./layout.tsx";

const company = {
  name: "Muster GmbH",
  address: "Hafenstraße 12, 20457 Hamburg",
  privacyContact: "datenschutz@muster.example",
  privacyNoticeUrl: "https://www.muster.example/datenschutz",
};

describe("Layout", () => {
  it.each([
    [
      "de",
      "Verantwortlich: Muster GmbH · Hafenstraße 12, 20457 Hamburg · Datenschutz: datenschutz@muster.example",
      "Ihr Widerspruchsrecht:",
    ],
    [
      "en",
      "Controller: Muster GmbH · Hafenstraße 12, 20457 Hamburg · Data protection: datenschutz@muster.example",
      "Your right to object:",
    ],
  ] as const)(
    "#23 names the controller, its privacy contact and the right to object in %s, in HTML and text",
    async (language, controller, objection) => {
      const mail = (
        <Layout language={language} preview="Vorschau" company={company}>
          Inhalt
        </Layout>
      );
      const html = await render(mail);
      const text = await render(mail, { plainText: true });
      expect(html).toContain(`lang="${language}"`);
      expect(html).toContain("Muster GmbH");
      expect(html).toContain(`href="${company.privacyNoticeUrl}"`);
      expect(text).toContain(controller);
      expect(text).toContain(objection);
      expect(text).toContain(language === "de" ? "Art. 21 Abs. 2 DSGVO" : "Art. 21(2) GDPR");
      expect(text).toContain("Inhalt");
    },
  );

  it("leaves the privacy-notice link out when none is configured", async () => {
    const html = await render(
      <Layout language="de" preview="Vorschau" company={{ ...company, privacyNoticeUrl: "" }}>
        Inhalt
      </Layout>,
    );
    expect(html).not.toContain("Datenschutzerklärung");
  });
});
