/**
 * Removes anything shaped like a DigitalOcean token, an Authorization header value, or a
 * token the extension knows about, from text that may reach a log or a message.
 */
const TOKEN_SHAPES: RegExp[] = [
  /\b(Bearer|Basic)\s+[^\s"',;]+/gi,
  /\bdo[opr]_v1_[A-Za-z0-9]+/g,
  /\b[a-f0-9]{64}\b/gi,
];

export const REDACTED = '[redacted]';

export class Redactor {
  private readonly secrets = new Set<string>();

  /** Also redact this exact value (tokens without a recognisable prefix). */
  addSecret(secret: string | undefined): void {
    if (secret && secret.length >= 8) {
      this.secrets.add(secret);
    }
  }

  redact(text: string): string {
    let result = text;
    for (const secret of this.secrets) {
      result = result.split(secret).join(REDACTED);
    }
    for (const shape of TOKEN_SHAPES) {
      result = result.replace(shape, (_match, scheme: string | number) =>
        typeof scheme === 'string' && /^(bearer|basic)$/i.test(scheme) ? `${scheme} ${REDACTED}` : REDACTED);
    }
    return result;
  }
}
