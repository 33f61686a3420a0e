// The deduction rules, refreshed on deductions.changed from any window.
import { createResource } from '../../app/resource';

export const useDeductionRules = createResource('deductions.rules', 'deductions.changed', null);
export const followDeductionEvents = () => useDeductionRules.follow();
