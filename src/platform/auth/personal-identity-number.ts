import personnummerModule from 'personnummer';

type PersonnummerApi = typeof personnummerModule.default;
// A CommonJS package whose types describe an ES default export: take whichever the runtime gives.
const Personnummer: PersonnummerApi =
  (personnummerModule as unknown as { default?: PersonnummerApi }).default ?? (personnummerModule as unknown as PersonnummerApi);

/**
 * A personal identity number as twelve digits (YYYYMMDDNNNN), or null when the value is not a valid
 * personnummer. Coordination numbers are refused: the e-ID profile sends a personnummer.
 */
export function normalisePersonalIdentityNumber(value: unknown): string | null {
  if (typeof value !== 'string' || !Personnummer.valid(value)) return null;
  const parsed = Personnummer.parse(value);
  return parsed.isCoordinationNumber() ? null : parsed.format(true);
}

/** "19121212-****": enough to recognise one's own number, never the whole of it. */
export function maskPersonalIdentityNumber(twelveDigits: string): string {
  return `${twelveDigits.slice(0, 8)}-****`;
}
