import type { INodeProperties } from 'n8n-workflow';

/**
 * What an AI model reads about the node's Tool variant, per operation. n8n gives a model the
 * tool node's `toolDescription` parameter, or, when the node has none or it is left on "Set
 * Automatically", "<the operation's action> in <the node's default name>" (n8n-workflow
 * getToolDescriptionForNode / makeDescription, used by createNodeAsTool for AI Agent 2.x and 3.x,
 * "Message a model" and the MCP Server Trigger). The action is also the node panel's entry, written
 * for people; a node that defines `toolDescription` itself keeps n8n from adding its own (n8n's
 * convertNodeToAiTool), so these fields give the model its own words, shown only on the Tool
 * variant ('@tool') and editable there.
 */
export function toolDescriptionField(show: { show: Record<string, string[]> }, wording: string): INodeProperties {
	return {
		displayName: 'Tool Description',
		name: 'toolDescription',
		type: 'string',
		default: wording,
		required: true,
		typeOptions: { rows: 3 },
		description: 'What the AI model reads about this tool: when to use it and what it returns',
		displayOptions: { show: { '@tool': [true], ...show.show } },
	};
}
