/* eslint-disable -- test code, never shipped: the community-node lint rules (no node:fs, …) are for node code. */
/**
 * The WDT node's subtitle is derived from its Resource and Operation option lists: every
 * resource and operation the node offers shows its own name, and nothing is kept by hand.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { Wdt } from '../../nodes/Wdt/Wdt.node';

const { description } = new Wdt();
const properties = description.properties as INodeProperties[];

/** The subtitle as n8n shows it for these parameters (the expression is plain JavaScript). */
function subtitleFor(parameters: Record<string, unknown>): string {
	const body = String(description.subtitle)
		.replace(/^=\{\{/, '')
		.replace(/\}\}$/, '');
	return new Function('$parameter', `return ${body};`)(parameters) as string;
}

const optionsOf = (property: INodeProperties) => property.options as INodePropertyOptions[];

describe('WDT node subtitle', () => {
	const resources = optionsOf(properties.find((property) => property.name === 'resource')!);
	const selectors = properties.filter((property) => property.name === 'operation');

	it('is one n8n expression: no `}}` before its end (n8n ends an expression at the first)', () => {
		const subtitle = String(description.subtitle);
		expect(subtitle.startsWith('={{')).toBe(true);
		expect(subtitle.indexOf('}}')).toBe(subtitle.length - 2);
	});

	it('names every operation of every resource from the option lists', () => {
		expect(selectors).toHaveLength(resources.length);
		let shown = 0;
		for (const resource of resources.filter((option) => option.value !== 'custom')) {
			const selector = selectors.find(
				(property) => property.displayOptions?.show?.resource?.[0] === resource.value,
			)!;
			for (const operation of optionsOf(selector)) {
				expect(subtitleFor({ resource: resource.value, operation: operation.value })).toBe(
					`${resource.name}: ${operation.name}`,
				);
				shown++;
			}
		}
		expect(shown).toBeGreaterThanOrEqual(19);
		expect(subtitleFor({ resource: 'goods', operation: 'getMany' })).toBe('Product: Get Many');
	});

	it('names the write operations of issue 14', () => {
		const expected: Array<[string, string, string]> = [
			['salesOrder', 'push', 'Sales Order: Push'],
			['goods', 'createOrUpdate', 'Product: Create or Update'],
			['otherOut', 'create', 'Other Out: Create'],
			['logisticsSync', 'getPending', 'Logistics Sync: Get Pending'],
			['logisticsSync', 'reportResult', 'Logistics Sync: Report Result'],
		];
		for (const [resource, operation, subtitle] of expected)
			expect(subtitleFor({ resource, operation })).toBe(subtitle);
	});

	it('shows the method Call Any Method calls', () => {
		expect(
			subtitleFor({
				resource: 'custom',
				operation: 'call',
				method: { __rl: true, mode: 'list', value: 'sales.TradeQuery.queryWithDetail' },
			}),
		).toBe('Custom: sales.TradeQuery.queryWithDetail');
	});

	it('is not a hand-kept table: the resource registry derives it', () => {
		const read = (path: string) => readFileSync(join(__dirname, '../../nodes/Wdt', path), 'utf8');
		expect(read('Wdt.node.ts')).toContain('subtitle: nodeSubtitle');
		expect(read('actions/registry.ts')).toContain('resourceOperationSubtitle(RESOURCES)');
		for (const path of ['Wdt.node.ts', 'actions/resource.ts'])
			expect(read(path)).not.toMatch(/Get Many Cancelled|getManyCancelled|Sales Order/);
		// The registry imports operation modules and names resources by their record type; no
		// display name of an operation or a resource is written there.
		expect(read('actions/registry.ts')).not.toMatch(
			/'Get Many Cancelled'|'Sales Order'|'Get Many'/,
		);
	});
});
