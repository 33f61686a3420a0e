// The request-type catalogue (one store for every view: settings, intake, queue, wall-board,
// statistics), refreshed on catalogue.changed from any window.
import { createResource } from '../../app/resource';

export const useCatalogue = createResource('catalogue.list', 'catalogue.changed', []);
export const followCatalogueEvents = () => useCatalogue.follow();
