/** Types of the contacts APIs' side of the sandbox (crm.js); re-exported by index.d.ts. */

/** Route names of the contact, group, status and source routes (v1 and v2; v2 has batch and group membership). */
export type CrmRouteName =
	| `${'contacts' | 'groups' | 'statuses' | 'sources'}.${'list' | 'show' | 'create' | 'update' | 'delete'}`
	| 'contacts.batch' // v2 POST contacts/batch
	| 'contacts.batchDelete' // v2 DELETE contacts/batch
	| 'groups.addContacts' // v2 POST groups/{id}/contacts
	| 'groups.removeContacts'; // v2 DELETE groups/{id}/contacts

/** One stored contact: the same record behind both APIs (v1 shows it as its raw row, v2 as its resource). */
export interface SandboxContact {
	id: number;
	/** As stored: `+digits` when a send created it, verbatim when an API or seeding did. */
	phone: string;
	firstname: string;
	lastname: string;
	/** '' for none (v1 and v2 show null). */
	email: string;
	/** What a send's `contact.country` resolved to: a known short name, an id given as a digit string, or null. */
	country: string | null;
	assigned_id: number | null;
	status_id: number;
	source_id: number;
	type: 'lead' | 'customer' | 'guest' | string;
	company: string | null;
	description: string | null;
	city: string | null;
	state: string | null;
	zip: string | null;
	address: string | null;
	country_id: number | null;
	/** The workspace's group ids. */
	group_id: number[];
	/** ms since the epoch. */
	created_at: number;
	updated_at: number;
	/** addContact({ optedOut: true }): v2 sends answer CONTACT_OPTED_OUT. */
	optedOut?: boolean;
	/** Any other fillable column a v1 write set (website, ...). */
	[column: string]: unknown;
}

export interface CrmListEntry {
	id: number;
	name: string;
	/** Statuses only. */
	color?: string;
	/** Statuses only: the workspace's default. */
	isdefault?: boolean;
	created_at: number;
	updated_at: number;
}

/** The workspace's lists (live). Seeds: statuses 1 New (default), 2 Customer, 57 Qualified, 58 Lost; sources 1 Website, 2 API, 3 Referral; groups 1 VIP, 2 Newsletter. */
export interface CrmLists {
	readonly groups: CrmListEntry[];
	readonly statuses: CrmListEntry[];
	readonly sources: CrmListEntry[];
	/** How often a status write with isdefault: true cleared the default status of EVERY workspace (the node must never cause it). */
	readonly defaultsCleared: number;
}

/** The workspace's auto-lead settings: defaults for a write that leaves status / source / assignee out. */
export interface AutoLead {
	enabled: boolean;
	statusId: number | null;
	sourceId: number | null;
	/** A default assignee: while set, EVERY v1 PUT contacts/{id} fails with a 500 (`assignee`). */
	assignedTo: number | null;
}

export interface CrmConfig {
	/** The platform's version, 'x.y.z' (default '2.2.0'): 1.3.x-1.5.x fail v1's contact list (500); `guest` only from 2.2.0; 1.3.4 takes only `lead`. */
	platformVersion: string;
	/** Default { enabled: true, statusId: 1, sourceId: 2, assignedTo: null }; configure() merges a change over that default. */
	autoLead: AutoLead;
	/** v2's contact quota: creates and v2 sends that would create a contact answer 403 FEATURE_LIMIT_EXCEEDED beyond it (a batch is checked once, before). null: no limit (default). v1 does not enforce it. */
	contactQuota: number | null;
}

export interface SeedOptions {
	/** The i-th phone (0-based), stored verbatim; default `+4916` + 8 digits from 10000000 + i. */
	phone?: (i: number) => string;
	firstname?: string;
	lastname?: string;
	email?: string;
	type?: 'lead' | 'customer' | 'guest';
	status_id?: number;
	source_id?: number;
	group_id?: number[];
	company?: string | null;
}
