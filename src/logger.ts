import { pino } from "pino";

export type Logger = pino.Logger;

/** JSON lines on stdout. Anything named like a token is redacted wherever it appears in a log object. */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      name: "reference-desk",
      level,
      redact: { paths: ["token", "*.token", "config.token", "headers.authorization"], censor: "[secret]" },
    },
    destination,
  );
}
