// The building block of the contract: a method's access, strict input schema and output type.
import type { z } from 'zod';
import type { Access } from '../roles';

/** A method's definition. `output` is a type carrier only; its value is never read. */
export interface MethodDef<I extends z.ZodType, O, A extends Access = Access> {
  access: A;
  input: I;
  output: O;
}

export const def =
  <O>() =>
  <I extends z.ZodType, A extends Access>(access: A, input: I): MethodDef<I, O, A> => ({
    access,
    input,
    output: undefined as O,
  });
