// Name-based ids are how seats agree on one row for one thing (a seeded rule, a callback's
// occasion): ours must stay byte for byte the UUIDv5 that uuid's reference implementation makes,
// or rows planned before and after a change of the hashing would no longer merge.
import { v5, validate, version } from 'uuid';
import { describe, expect, it } from 'vitest';
import { callbackId, callbackRuleId, KEFU_NAMESPACE, nameBasedId } from '../../../electron/core/ids';

describe('name-based ids', () => {
  it('equal uuid v5 in the Kefu namespace, for ASCII, Chinese and long names', () => {
    const names = ['', 'callback-rule:dc3_repair', `callback:${'0'.repeat(36)}:2026-03-03:0`, 'callback:王伟:农历八月十五:1', 'x'.repeat(5000), '😀 emoji 𠀀'];
    for (const name of names) expect(nameBasedId(name)).toBe(v5(name, KEFU_NAMESPACE));
  });

  it('are valid version-5 UUIDs, and callback ids name their occasion', () => {
    const id = callbackId('rule:asset:2026-08-20:0');
    expect(validate(id) && version(id)).toBe(5);
    expect(id).toBe(v5('callback:rule:asset:2026-08-20:0', KEFU_NAMESPACE));
    expect(callbackRuleId('dc7_delivery')).toBe(v5('callback-rule:dc7_delivery', KEFU_NAMESPACE));
  });
});
