/**
 * How the package reads in n8n's node panel and to an AI model. The panel shows one entry for the
 * action node and the trigger, described with the trigger's description (n8n editor-ui
 * useActionsGeneration), and each operation's `action` as the action's name. A model reads the
 * Tool variant's `toolDescription`; the plain node must not show that field.
 */
import { NodeHelpers, type INodeProperties, type INodePropertyOptions, type INodeTypeDescription } from 'n8n-workflow';

import { WhatsAppTemplates } from '../../nodes/WhatsAppTemplates/WhatsAppTemplates.node';
import { WhatsAppTemplatesTrigger } from '../../nodes/WhatsAppTemplates/WhatsAppTemplatesTrigger.node';

const action = new WhatsAppTemplates().description;
const trigger = new WhatsAppTemplatesTrigger().description;

/** The Tool variant's description as n8n names it (the '@tool' display option reads the name). */
const toolVariant: INodeTypeDescription = { ...action, name: `${action.name}Tool` };
const parametersOf = (description: INodeTypeDescription, parameters: Record<string, string>) =>
	NodeHelpers.getNodeParameters(description.properties, parameters, true, false, { typeVersion: 1.1 }, description)!;

it("the actions read as n8n's own: a verb and what it acts on", () => {
	const actions = action.properties
		.filter((p: INodeProperties) => p.name === 'operation')
		.flatMap((p) => (p.options as INodePropertyOptions[]).map((o) => o.action));
	expect(actions).toEqual([
		'Send buttons',
		'Send media',
		'Send a template',
		'Send a text',
		'Get many templates',
		'Add a contact to a group',
		'Create a contact',
		'Create or update a contact',
		'Delete a contact',
		'Get a contact',
		'Get many contacts',
		'Remove a contact from a group',
		'Update a contact',
		'Get many groups',
		'Get many statuses',
		'Get many sources',
	]);
});

it('the one panel entry (the trigger description) speaks of sending and of the events', () => {
	expect(trigger.description).toMatch(/^Send approved WhatsApp templates and react to message statuses/);
});

it('Tool Description: on the Tool variant per operation, never on the plain node', () => {
	const send = { resource: 'message', operation: 'sendTemplate' };
	const list = { resource: 'template', operation: 'getMany' };
	expect(parametersOf(action, send).toolDescription).toBeUndefined();
	expect(parametersOf(action, list).toolDescription).toBeUndefined();
	expect(parametersOf(toolVariant, send).toolDescription).toMatch(/^Sends a real WhatsApp message/);
	expect(parametersOf(toolVariant, list).toolDescription).toMatch(/^Lists the workspace's WhatsApp templates/);
	// n8n's convertNodeToAiTool adds its own "Set Automatically" pair (whose default is the action)
	// only to a node without a property of that name.
	// Message's four sends, Template → Get Many, Contact's operations (Add and Remove share one), the lists' Get Many.
	expect(action.properties.filter((p) => p.name === 'toolDescription')).toHaveLength(13);
	for (const operation of ['sendText', 'sendMedia', 'sendButtons']) {
		const own = parametersOf(toolVariant, { resource: 'message', operation }).toolDescription as string;
		expect(own).toMatch(/^Sends a real WhatsApp .*Only inside the 24-hour window.*does not check it.*send an approved template instead/);
		expect(parametersOf(action, { resource: 'message', operation }).toolDescription).toBeUndefined();
	}
});
