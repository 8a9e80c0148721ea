export { enqueueEmail, type OutgoingEmail } from "./enqueue-email.ts";
