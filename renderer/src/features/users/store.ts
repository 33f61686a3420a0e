// The users list, refreshed on users.changed events from any window; forgotten at sign-out.
import { createResource } from '../../app/resource';

export const useUsers = createResource('users.list', 'users.changed', [], { forgetOnSignOut: true });
export const followUserEvents = () => useUsers.follow();
