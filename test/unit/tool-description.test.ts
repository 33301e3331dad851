/**
 * What an AI Agent's model reads about the WDT node as a tool. With the tool's Description left on
 * "Set Automatically", n8n describes it as "<operation's action> in <node's default name>"
 * (n8n-workflow's NodeHelpers.getToolDescriptionForNode, the code real n8n runs: the AI Agent e2e
 * checks two of these texts as n8n 1.123.81 and 2.39.10 sent them). Every operation's text must be
 * a plain English instruction a model can choose by.
 */
import {
	NodeHelpers,
	type INode,
	type INodeProperties,
	type INodePropertyOptions,
} from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { Wdt } from '../../nodes/Wdt/Wdt.node';

const node = new Wdt();
const properties = node.description.properties as INodeProperties[];
const resources = (properties.find((p) => p.name === 'resource')!.options ??
	[]) as INodePropertyOptions[];

/** [resource, operation] for every operation the node offers. */
const operations = resources.flatMap((resource) =>
	properties
		.filter(
			(p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(resource.value),
		)
		.flatMap((p) =>
			(p.options as INodePropertyOptions[]).map((o) => [String(resource.value), String(o.value)]),
		),
);

const toolDescription = (resource: string, operation: string) =>
	NodeHelpers.getToolDescriptionForNode(
		{
			name: 'WDT',
			type: 'n8n-nodes-wdt.wdtTool',
			typeVersion: 1,
			position: [0, 0],
			id: 'tool',
			parameters: { descriptionType: 'auto', resource, operation },
		} as INode,
		node,
	);

describe('the WDT node as an AI Agent tool: the automatic description', () => {
	it('covers every operation', () => {
		expect(operations.length).toBeGreaterThanOrEqual(resources.length);
	});

	it.each(operations)('%s → %s reads as an English instruction', (resource, operation) => {
		const text = toolDescription(resource, operation);
		// A verb first, what it acts on, and where: "Get many cancelled sales stockouts in WDT".
		expect(text).toMatch(
			/^(Get|Cancel|Create|Push|Report|Stop|Call|Check)\b [A-Za-z][A-Za-z -]+ in WDT$/,
		);
		expect(text, 'says WDT once').not.toMatch(/WDT.*WDT/);
		expect(text, 'English words only').toMatch(/^[\x20-\x7e]+$/);
		expect(text.split(' ').length).toBeGreaterThanOrEqual(4);
	});

	it('the two texts the AI Agent e2e saw n8n send', () => {
		expect(toolDescription('salesStockout', 'getManyCancelled')).toBe(
			'Get many cancelled sales stockouts in WDT',
		);
		expect(toolDescription('purchaseApply', 'cancel')).toBe('Cancel purchase applies in WDT');
	});
});
