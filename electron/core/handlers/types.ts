import type { z } from 'zod';
import type { Contract, MethodName, MethodOutput } from '../../../shared/contract';
import type { CallContext } from '../context';

export type Handler<M extends MethodName> = (input: z.output<Contract[M]['input']>, ctx: CallContext) => MethodOutput<M>;
export type HandlerMap<K extends MethodName = MethodName> = { [M in K]: Handler<M> };
