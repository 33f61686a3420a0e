// The empty input of methods that take none, shared by every contract file. The foundation's
// methods live in their domains' files: app.ts, auth.ts, me.ts, centre.ts, users.ts.
import { z } from 'zod';

export const none = z.strictObject({});
