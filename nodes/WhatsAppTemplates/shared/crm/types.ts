/** The contact operations' shared types, in one import. */
export type { ContactContext, ContactFields, ContactFilters, ContactPlatform, Contact, CrmListKind, ListEntry } from '../platform';
export type { ContactRun, Outcome, Answer, ContactOperation } from './run';
