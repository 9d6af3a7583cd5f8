/**
 * The contacts APIs as the tests state them, written from CONTRACT.md "Contacts, groups, statuses,
 * sources (v1)" and CONTRACT-v2.md "Contacts (CRM sync)": paths, wire names and the bodies the node
 * must send. Never taken from the node's tables. No runtime imports.
 */
export type ApiName = 'v1' | 'v2';

/** A contact's fields in the node's words, as a test gives them. */
export interface GivenContact {
	firstName?: string;
	lastName?: string;
	phone?: string;
	email?: string;
	type?: string;
	statusId?: number;
	sourceId?: number;
	company?: string;
	city?: string;
}

/** Both contracts name a contact's fields alike (firstname, lastname, status_id, ...). */
const WIRE: Record<keyof GivenContact, string> = {
	firstName: 'firstname',
	lastName: 'lastname',
	phone: 'phone',
	email: 'email',
	type: 'type',
	statusId: 'status_id',
	sourceId: 'source_id',
	company: 'company',
	city: 'city',
};

/** The wire body of these fields (v1: groups as a comma-separated string of names; v2: an array of ids). */
export function contactBody(api: ApiName, given: GivenContact, groups?: { ids: number[]; names: string[] }): Record<string, unknown> {
	const body: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(given)) if (value !== undefined) body[WIRE[key as keyof GivenContact]] = value;
	if (groups) body.groups = api === 'v1' ? groups.names.join(',') : groups.ids;
	return body;
}

/** Where each API's contact routes are, relative to its base. */
export const CONTACT_PATHS = {
	v1: (subdomain: string) => ({ base: `/api/v1/${subdomain}`, contacts: `/api/v1/${subdomain}/contacts`, contact: (id: number) => `/api/v1/${subdomain}/contacts/${id}` }),
	v2: () => ({ base: '/api/v2', contacts: '/api/v2/contacts', contact: (id: number) => `/api/v2/contacts/${id}` }),
} as const;

/** v1's update method (a full replace) and v2's (partial). */
export const UPDATE_METHOD = { v1: 'PUT', v2: 'PATCH' } as const;
