// Vehicle identification numbers (车架号, ISO 3779 / GB 16735). The format is checked strictly:
// 17 characters, digits and capital letters without I, O and Q. The 9th character is a check digit
// (ISO 3779 Annex / North American rule, also required by GB 16735), but older and grey-import
// Chinese VINs often carry a plain digit there: a mismatch is a WARNING the form shows and the
// import report lists, never a refusal, so a real car's VIN can always be recorded as printed.

const VALUES: Record<string, number> = {
  A: 1, B: 2, C: 3, D: 4, E: 5, F: 6, G: 7, H: 8, J: 1, K: 2, L: 3, M: 4, N: 5, P: 7, R: 9,
  S: 2, T: 3, U: 4, V: 5, W: 6, X: 7, Y: 8, Z: 9,
};
const WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

export const VIN_PATTERN = /^[A-HJ-NPR-Z0-9]{17}$/;

/** Upper case without spaces or dashes, as stored and searched. */
export const normaliseVin = (vin: string) => vin.replace(/[\s-]/g, '').toUpperCase();

/** The check digit a VIN should carry in position 9: '0'–'9' or 'X'. Assumes a well-formed VIN. */
export function vinCheckDigit(vin: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const c = vin[i]!;
    const v = c >= '0' && c <= '9' ? Number(c) : VALUES[c]!;
    sum += v * WEIGHTS[i]!;
  }
  const r = sum % 11;
  return r === 10 ? 'X' : String(r);
}

export type VinCheck =
  | { valid: false }
  | { valid: true; vin: string; checkDigit: 'ok' | 'mismatch'; expected: string };

export function checkVin(input: string): VinCheck {
  const vin = normaliseVin(input);
  if (!VIN_PATTERN.test(vin)) return { valid: false };
  const expected = vinCheckDigit(vin);
  return { valid: true, vin, checkDigit: vin[8] === expected ? 'ok' : 'mismatch', expected };
}
