// VIN (ISO 3779 check digit, as a warning) and Chinese plates, including 8-character new-energy plates.
import { describe, expect, it } from 'vitest';
import { assetInputSchema, assetWarnings } from '../../../shared/customers/assets';
import { normalisePlate, plateKind, plateWithoutProvince } from '../../../shared/customers/plate';
import { checkVin, vinCheckDigit } from '../../../shared/customers/vin';

describe('VIN', () => {
  it('computes the ISO 3779 check digit', () => {
    expect(vinCheckDigit('1M8GDM9AXKP042788')).toBe('X');
    expect(vinCheckDigit('11111111111111111')).toBe('1');
    expect(vinCheckDigit('LSVAU218XN2183294')).toBe('X');
  });
  it('accepts a well-formed VIN, flags a check digit that does not match, refuses a bad format', () => {
    expect(checkVin('1m8gdm9axkp042788')).toEqual({ valid: true, vin: '1M8GDM9AXKP042788', checkDigit: 'ok', expected: 'X' });
    expect(checkVin('LSVAU2180N2183294')).toMatchObject({ valid: true, checkDigit: 'mismatch', expected: 'X' });
    expect(checkVin('1M8GDM9AXKP04278')).toEqual({ valid: false }); // 16 characters
    expect(checkVin('1M8GDM9AXKP04278O')).toEqual({ valid: false }); // O is never used
    expect(checkVin('IM8GDM9AXKP042788')).toEqual({ valid: false }); // nor I
  });
  it('a mismatching check digit is a warning on the asset, not a refusal', () => {
    const a = assetInputSchema.parse({ kind: 'vehicle', vin: 'lsvau2180n2183294', plate: null, model: '', deliveryDate: null, lastMaintenance: null, nextMaintenance: null, inspectionDate: null, insuranceRenewal: null });
    expect(a).toMatchObject({ vin: 'LSVAU2180N2183294' });
    expect(assetWarnings(a)).toEqual([{ code: 'vinCheckDigit', expected: 'X' }]);
  });
});

describe('plates', () => {
  it('reads ordinary and new-energy plates, with separators as people write them', () => {
    expect(plateKind('京A·12345')).toBe('ordinary');
    expect(plateKind('沪B 8888学')).toBe('ordinary');
    expect(plateKind('粤BD12345')).toBe('new_energy'); // small car, electric
    expect(plateKind('粤BFA1234')).toBe('new_energy'); // small car, hybrid
    expect(plateKind('苏A12345D')).toBe('new_energy'); // large vehicle
    expect(normalisePlate('京a·12345')).toBe('京A12345');
    expect(plateWithoutProvince('京A·12345')).toBe('A12345');
  });
  it('refuses what no authority issues', () => {
    expect(plateKind('A12345')).toBeNull(); // no province
    expect(plateKind('京A1234')).toBeNull(); // too short
    expect(plateKind('京AO2345')).toBeNull(); // O is never used
    expect(plateKind('京A123456')).toBeNull(); // 6 digits without D/F
    expect(plateKind('美A12345')).toBeNull();
  });
  it('a vehicle needs a VIN or a plate', () => {
    const r = assetInputSchema.safeParse({ kind: 'vehicle', vin: null, plate: null, model: 'x', deliveryDate: null, lastMaintenance: null, nextMaintenance: null, inspectionDate: null, insuranceRenewal: null });
    expect(r.success).toBe(false);
  });
});
