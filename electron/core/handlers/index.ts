// Every method of shared/contract.ts, implemented. The type makes a missing handler a compile error.
import { appHandlers } from './app';
import { authHandlers } from './auth';
import { centreHandlers } from './centre';
import { slaHandlers } from './sla';
import { customerHandlers } from './customers';
import { ticketHandlers } from './tickets';
import { boardHandlers } from './board';
import { departmentHandlers } from './departments';
import { meHandlers } from './me';
import { searchHandlers } from './search';
import { archiveHandlers } from './archive';
import { statsHandlers } from './stats';
import { hubHandlers } from './hub';
import { customers360Handlers } from './customers360';
import type { HandlerMap } from './types';
import { userHandlers } from './users';

export const handlers: HandlerMap = {
  ...appHandlers,
  ...authHandlers,
  ...userHandlers,
  ...centreHandlers,
  ...slaHandlers,
  ...customerHandlers,
  ...ticketHandlers,
  ...boardHandlers,
  ...meHandlers,
  ...departmentHandlers,
  ...searchHandlers,
  ...archiveHandlers,
  ...statsHandlers,
  ...hubHandlers,
  ...customers360Handlers,
};
