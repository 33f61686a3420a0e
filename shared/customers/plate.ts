// Chinese licence plates (车牌号, GA 36): a province character, the issuing authority's letter, then
// five characters for ordinary plates (the last may be 挂 学 警 港 澳), or six for new-energy plates
// (新能源, green, 8 characters in all): small cars D/F (electric/hybrid) then a letter or digit and
// four digits; large vehicles five digits then D/F. Letters I and O are never used.

export const PROVINCES = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';
const L = 'A-HJ-NP-Z';
const ORDINARY = new RegExp(`^[${PROVINCES}][${L}][${L}0-9]{4}[${L}0-9挂学警港澳]$`);
const NEW_ENERGY_SMALL = new RegExp(`^[${PROVINCES}][${L}][DF][${L}0-9][0-9]{4}$`);
const NEW_ENERGY_LARGE = new RegExp(`^[${PROVINCES}][${L}][0-9]{5}[DF]$`);

/** Upper case, without spaces, dots or dashes (京A·12345 → 京A12345). */
export const normalisePlate = (plate: string) => plate.replace(/[\s·.-]/g, '').toUpperCase();

export type PlateKind = 'ordinary' | 'new_energy';

export function plateKind(input: string): PlateKind | null {
  const p = normalisePlate(input);
  if (ORDINARY.test(p)) return 'ordinary';
  if (NEW_ENERGY_SMALL.test(p) || NEW_ENERGY_LARGE.test(p)) return 'new_energy';
  return null;
}

/** The plate without its province character, as agents often say it ("A12345"). */
export const plateWithoutProvince = (plate: string) => normalisePlate(plate).slice(1);
