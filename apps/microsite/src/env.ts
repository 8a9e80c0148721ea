import { createEnv } from "@t3-oss/env-nextjs";
import { z } from "zod";

export const env = createEnv({
  server: {
    // Optional until the token pages need the database; nothing connects at import time.
    DATABASE_URL: z.string().min(1).optional(),
    PUBLIC_MICROSITE_URL: z.url().default("http://localhost:3001"),
  },
  shared: {
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  },
  client: {},
  runtimeEnv: {
    DATABASE_URL: process.env.DATABASE_URL,
    PUBLIC_MICROSITE_URL: process.env.PUBLIC_MICROSITE_URL,
    NODE_ENV: process.env.NODE_ENV,
  },
  emptyStringAsUndefined: true,
});
