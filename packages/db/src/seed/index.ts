export { demoPassword, demoStaff, isSeeded, seedDemo } from "./demo.ts";
export { demoPurposes } from "./demo-catalogue.ts";
export * from "./factories.ts";
