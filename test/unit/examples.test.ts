/* eslint-disable -- test code, never shipped: the community-node lint rules (no node:fs, no process, …) are for node code. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { INodeProperties } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { Wdt } from '../../nodes/Wdt/Wdt.node';
import { WdtTrigger } from '../../nodes/WdtTrigger/WdtTrigger.node';

const folder = join(__dirname, '../../examples');
const descriptions = {
	'n8n-nodes-wdt.wdt': new Wdt().description,
	// The node as an AI Agent tool: n8n derives it from the node (usableAsTool) and adds these.
	'n8n-nodes-wdt.wdtTool': new Wdt().description,
	'n8n-nodes-wdt.wdtTrigger': new WdtTrigger().description,
};
const TOOL_PARAMETERS = ['descriptionType', 'toolDescription'];

/** Parameter names a node may store, for the given resource and operation. */
function knownParameters(
	properties: INodeProperties[],
	parameters: Record<string, unknown>,
): Set<string> {
	const shown = properties.filter((property) =>
		Object.entries(property.displayOptions?.show ?? {}).every(
			([name, values]) => name.startsWith('@') || (values as unknown[]).includes(parameters[name]),
		),
	);
	return new Set(['pollTimes', ...shown.map((property) => property.name)]);
}

describe.each(readdirSync(folder).filter((file) => file.endsWith('.json')))(
	'example %s',
	(file) => {
		const workflow = JSON.parse(readFileSync(join(folder, file), 'utf8'));

		it('is a connected workflow whose WDT nodes use existing resources, operations and parameters', () => {
			const names = new Set(workflow.nodes.map((node: { name: string }) => node.name));
			// main, and the AI Agent's ai_languageModel, ai_memory and ai_tool links
			for (const [from, outputs] of Object.entries(
				workflow.connections as Record<string, Record<string, Array<Array<{ node: string }>>>>,
			)) {
				expect(names.has(from)).toBe(true);
				for (const target of Object.values(outputs).flat(2))
					expect(names.has(target.node)).toBe(true);
			}
			const ours = workflow.nodes.filter((node: { type: string }) => node.type in descriptions);
			expect(ours.length).toBeGreaterThan(0);
			for (const node of ours) {
				const description = descriptions[node.type as keyof typeof descriptions];
				expect(node.credentials).toHaveProperty('wdtApi');
				const known = knownParameters(description.properties, node.parameters);
				if (node.type === 'n8n-nodes-wdt.wdtTool')
					TOOL_PARAMETERS.forEach((name) => known.add(name));
				for (const name of Object.keys(node.parameters))
					expect(known, `${file}: ${node.name}.${name}`).toContain(name);
			}
		});
	},
);
