export { type CompanySettings, type EmailLanguage, Layout } from "./components/layout.tsx";
