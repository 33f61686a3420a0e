import type { z } from 'zod';
import type { Contract, MethodName, MethodOutput } from '../../../shared/contract';
import type { CallContext, SignedInContext } from '../context';

/** Public methods may run signed out; every other one gets the signed-in user (checked by the registry). */
export type ContextOf<M extends MethodName> = Contract[M]['access'] extends 'public' ? CallContext : SignedInContext;
export type Handler<M extends MethodName> = (input: z.output<Contract[M]['input']>, ctx: ContextOf<M>) => MethodOutput<M>;
export type HandlerMap<K extends MethodName = MethodName> = { [M in K]: Handler<M> };
/** The handlers of one contract file (`typeof xMethods`): a method missing or extra is a compile error. */
export type HandlersOf<C> = HandlerMap<keyof C & MethodName>;
