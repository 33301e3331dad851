/* eslint-disable -- test code, never shipped: the community-node lint rules (no node:fs, …) are for node code. */
/**
 * The WDT node's resource registry (nodes/Wdt/actions/registry.ts): every resource and operation
 * is declared once and the node's fields, the router and the subtitle are folded from it; the
 * package and codex texts name every resource.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { DEFAULT_RESOURCE, operationOf, RESOURCES } from '../../nodes/Wdt/actions/registry';
import {
	resourceOf,
	resourceOperationSubtitle,
	resourceProperties,
	type WdtOperation,
} from '../../nodes/Wdt/actions/resource';
import { Wdt } from '../../nodes/Wdt/Wdt.node';
import { TRIGGER_EVENTS } from '../../nodes/WdtTrigger/events';

const root = join(__dirname, '..', '..');
const readJson = <T>(path: string) => JSON.parse(readFileSync(join(root, path), 'utf8')) as T;

/**
 * The words each resource is found and named by. The first is how the package and node
 * descriptions name it; all are codex aliases. A new resource needs its line here.
 */
const TERMS: Record<string, string[]> = {
	account: ['account', 'check assumptions', '账号'],
	custom: ['method', 'any method', '自定义调用'],
	goods: ['product', 'goods', 'SKU', '商品', '货品'],
	logisticsSync: ['logistics sync', 'tracking number', '物流同步', '物流单号'],
	otherOut: ['other out', '其他出库'],
	purchaseApply: ['purchase apply', 'purchase requisition', '采购申请'],
	purchaseOrder: ['purchase order', '采购单'],
	purchaseStockin: ['purchase stock-in', '采购入库'],
	refund: ['refund', 'return', 'exchange', '退款', '退换'],
	refundStockin: ['refund stock-in', 'returned goods', '退货入库'],
	salesOrder: ['sales order', 'trade', '订单', '销售订单'],
	salesStockout: ['stockout', 'sales stockout', '销售出库'],
	shop: ['shop', 'store', '店铺'],
	stock: ['stock', 'inventory', '库存'],
	stockCount: ['stock count', 'stocktake', '盘点'],
	stockMovement: ['stock movement', 'stock change', '库存变化', '出入库'],
	stockSync: ['stock sync', '库存同步'],
	transfer: ['transfer', 'stock transfer', '调拨'],
	invoice: ['invoice', '发票'],
	warehouse: ['warehouse', '仓库'],
};

/** The resource each trigger event watches: its words must find the trigger too. */
const EVENT_RESOURCES: Record<string, string> = {
	stockoutCancelled: 'salesStockout',
	stockoutShipped: 'salesStockout',
	salesOrderChanged: 'salesOrder',
	refundChanged: 'refund',
	refundStockinReceived: 'refundStockin',
	goodsChanged: 'goods',
	purchaseApplyStatusChanged: 'purchaseApply',
	stockMoved: 'stockMovement',
	purchaseOrderStatusChanged: 'purchaseOrder',
	purchaseStockinCreated: 'purchaseStockin',
	transferStatusChanged: 'transfer',
};

/** Case, hyphens and plurals aside ("other-out orders" names Other Out, "purchase applies" Purchase Apply). */
const normal = (text: string) => text.toLowerCase().replace(/-/g, ' ');
const mentions = (text: string, term: string) =>
	[normal(term), normal(term).replace(/y$/, 'ies')].some((form) => normal(text).includes(form));

describe('the resource registry', () => {
	it('declares each resource and operation once, with its default among its operations', () => {
		const values = RESOURCES.map((resource) => resource.value);
		expect(new Set(values).size).toBe(values.length);
		expect(values).toContain(DEFAULT_RESOURCE);
		for (const resource of RESOURCES) {
			const operations = resource.operations.map((operation) => operation.option.value);
			expect(new Set(operations).size, resource.value).toBe(operations.length);
			expect(operations, resource.value).toContain(resource.defaultOperation);
		}
	});

	it("shows each operation's fields for its own resource and operation only", () => {
		for (const resource of RESOURCES)
			for (const operation of resource.operations) {
				expect(operation.description.length).toBeGreaterThan(0);
				for (const property of operation.description)
					expect(
						property.displayOptions?.show,
						`${operation.option.value}: ${property.name}`,
					).toMatchObject({ resource: [resource.value], operation: [operation.option.value] });
			}
	});

	it('routes every resource and operation to its module, and nothing else', () => {
		let routed = 0;
		for (const resource of RESOURCES)
			for (const operation of resource.operations) {
				expect(operationOf(resource.value, operation.option.value)).toBe(operation);
				routed++;
			}
		expect(routed).toBeGreaterThanOrEqual(24);
		expect(operationOf('goods', 'push')).toBeUndefined();
		expect(operationOf('nonexistent', 'getMany')).toBeUndefined();
	});

	it('adding a resource is one entry: its Resource option, Operation field, fields and subtitle follow', async () => {
		const execute = async () => [];
		const option = {
			name: 'Get Many',
			value: 'getMany',
			action: 'Get many purchase orders',
			description: 'List purchase orders',
		};
		const field: INodeProperties = {
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			default: 50,
			displayOptions: { show: { resource: ['purchaseOrder'], operation: ['getMany'] } },
		};
		const purchaseOrder = resourceOf(
			'purchaseOrder',
			{ name: 'Purchase Order', description: 'Purchase orders' },
			[{ option, description: [field], execute }],
		);
		const properties = resourceProperties([...RESOURCES, purchaseOrder], DEFAULT_RESOURCE);
		const names = (properties[0].options as INodePropertyOptions[]).map((entry) => entry.name);
		expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
		expect(names).toContain('Purchase Order');
		expect(properties.slice(-2)).toEqual([
			expect.objectContaining({
				name: 'operation',
				default: 'getMany',
				displayOptions: { show: { resource: ['purchaseOrder'] } },
				options: [option],
			}),
			field,
		]);
		const subtitle = resourceOperationSubtitle([...RESOURCES, purchaseOrder]);
		const body = subtitle.replace(/^=\{\{/, '').replace(/\}\}$/, '');
		expect(
			new Function('$parameter', `return ${body};`)({
				resource: 'purchaseOrder',
				operation: 'getMany',
			}),
		).toBe('Purchase Order: Get Many');
	});
});

describe('resourceOf', () => {
	const operation = (value: string): WdtOperation => ({
		option: { name: value, value, action: `Do ${value}`, description: value },
		description: [],
		execute: async () => [],
	});
	const naming = { name: 'Thing', description: 'Things' };

	it('starts on Get Many when the resource has one, else on its first operation', () => {
		expect(resourceOf('thing', naming, [operation('create'), operation('getMany')])).toEqual({
			value: 'thing',
			name: 'Thing',
			description: 'Things',
			defaultOperation: 'getMany',
			operations: [operation('create'), operation('getMany')].map((entry) =>
				expect.objectContaining({ option: entry.option }),
			),
		});
		expect(
			resourceOf('thing', naming, [operation('cancel'), operation('create')]).defaultOperation,
		).toBe('cancel');
	});

	it('takes a stated default operation and subtitle', () => {
		const resource = resourceOf('thing', naming, [operation('getMany'), operation('create')], {
			defaultOperation: 'create',
			subtitle: '$parameter["x"]',
		});
		expect(resource.defaultOperation).toBe('create');
		expect(resource.subtitle).toBe('$parameter["x"]');
		expect('subtitle' in resourceOf('thing', naming, [operation('getMany')])).toBe(false);
	});
});

describe('the package, node and codex texts name every resource', () => {
	it('has the words of every resource, and of no resource that does not exist', () => {
		expect(Object.keys(TERMS).sort()).toEqual(RESOURCES.map((resource) => resource.value).sort());
	});

	const pkg = readJson<{ description: string; keywords: string[] }>('package.json');
	const nodeAliases = readJson<{ alias: string[] }>('nodes/Wdt/Wdt.node.json').alias;
	const triggerAliases = readJson<{ alias: string[] }>(
		'nodes/WdtTrigger/WdtTrigger.node.json',
	).alias;
	const isAlias = (aliases: string[], term: string) =>
		aliases.some((alias) => mentions(alias, term));

	it.each(RESOURCES.map((resource) => [resource.value]))('%s', (value) => {
		const [first] = TERMS[value];
		expect(mentions(pkg.description, first), `package.json description: "${first}"`).toBe(true);
		expect(mentions(new Wdt().description.description, first), `node description: "${first}"`).toBe(
			true,
		);
		for (const term of TERMS[value])
			expect(isAlias(nodeAliases, term), `Wdt.node.json alias "${term}"`).toBe(true);
	});

	it("the trigger's codex has the words of every resource it has an event for", () => {
		const events = TRIGGER_EVENTS.map((event) => String(event.option.value));
		expect(events.sort()).toEqual(Object.keys(EVENT_RESOURCES).sort());
		for (const resource of new Set(Object.values(EVENT_RESOURCES)))
			for (const term of TERMS[resource])
				expect(isAlias(triggerAliases, term), `WdtTrigger.node.json alias "${term}"`).toBe(true);
	});
});
