// The building block of the contract: a method's access, strict input schema and output type.
import type { z } from 'zod';
import type { Access } from '../roles';

/** A method's definition. `output` is a type carrier only; its value is never read. */
export interface MethodDef<I extends z.ZodType, O> {
  access: Access;
  input: I;
  output: O;
}

export const def =
  <O>() =>
  <I extends z.ZodType>(access: Access, input: I): MethodDef<I, O> => ({
    access,
    input,
    output: undefined as O,
  });
