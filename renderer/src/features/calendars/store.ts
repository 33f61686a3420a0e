// The working calendars, refreshed on calendars.changed from any window.
import { createResource } from '../../app/resource';

export const useCalendars = createResource('calendars.list', 'calendars.changed', []);
export const followCalendarEvents = () => useCalendars.follow();
