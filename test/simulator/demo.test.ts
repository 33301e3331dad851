import type { ICredentialDataDecryptedObject, IDataObject, INodeParameters } from 'n8n-workflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { Wdt } from '../../nodes/Wdt/Wdt.node';
import { TRIGGER_EVENTS } from '../../nodes/WdtTrigger/events';
import { WdtTrigger } from '../../nodes/WdtTrigger/WdtTrigger.node';
import { createEngine, type Engine } from '../harness';
import { TestClient } from './client';
import { formatCst } from './cst';
import { DEMO_SELF_OWNED_SHOP, demoExamples } from './demo-data';
import { demoFlowExamples } from './demo-flows';
import { masterDataOf } from './masterData';
import { PURCHASE_ORDERS } from './purchaseOrders';
import { DEFAULT_SELLER } from './sellers';
import { startSimulator, type WdtSimulator } from './server';
import { OTHER_OUT_STATUS, PURCHASE_APPLY_STATUS } from './store';

// The CLI setup: demo data and the real clock, called the way a real client would.
let sim: WdtSimulator;
let client: TestClient;
beforeAll(async () => {
	sim = await startSimulator();
	client = new TestClient(sim.url, { ...DEFAULT_SELLER });
});
afterAll(async () => {
	await sim.close();
	await client.close();
});

describe('default simulator (demo seed, real clock)', () => {
	it('listens on 127.0.0.1 and answers with demo data', async () => {
		expect(sim.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/openapi$/);
		expect(sim.stockouts.size).toBe(50);

		// Back-to-back windows of 3599 s (both ends are inclusive), covering now − 7 h … now + 1 h.
		const from = Date.now() - 7 * 3600_000;
		const statuses: number[] = [];
		for (let hour = 0; hour < 8; hour++) {
			const start = from + hour * 3600_000;
			const { json } = await client.call({
				method: 'wms.stockout.Sales.searchCancel',
				args: [{ start_time: formatCst(start), end_time: formatCst(start + 3599_000) }],
				pager: { pageNo: 0, pageSize: 100, calcTotal: true },
			});
			expect(json?.status).toBe(0);
			for (const row of json?.data.order_list ?? []) {
				expect(Object.keys(row).sort()).toEqual([
					'modified',
					'status',
					'stockout_id',
					'stockout_no',
				]);
				statuses.push(row.status);
			}
		}
		expect(statuses.length).toBe([...sim.stockouts.values()].filter((s) => s.cancelled).length);
		// Most cancellations are still cancelled; some were completed since (as the page's example).
		expect(new Set(statuses)).toEqual(new Set([5, 110]));
	});

	it('finds the demo purchase applies of the last days', async () => {
		const now = Date.now();
		const { json } = await client.call({
			method: 'purchase.PurchaseApply.search',
			args: [{ start_time: formatCst(now - 7 * 86400_000), end_time: formatCst(now) }],
			pager: { pageNo: 0, pageSize: 100, calcTotal: true },
		});
		expect(json?.data.total_count).toBe(sim.purchaseApplies.size);
	});

	it('suggests example numbers in statuses WDT accepts for each write (the npm start banner)', () => {
		const examples = demoExamples(sim);
		expect(examples.cancellableApplies).toHaveLength(2);
		for (const no of examples.cancellableApplies)
			expect([PURCHASE_APPLY_STATUS.editing, PURCHASE_APPLY_STATUS.pendingConfirm]).toContain(
				sim.purchaseApplies.get(no)?.status,
			);
		expect(sim.purchaseApplies.get(examples.stoppableApply)?.status).toBe(
			PURCHASE_APPLY_STATUS.partlyReferenced,
		);
		expect(examples.cancellableOtherOuts.length).toBeGreaterThanOrEqual(2);
		for (const no of examples.cancellableOtherOuts)
			expect([OTHER_OUT_STATUS.editing, OTHER_OUT_STATUS.pending]).toContain(
				sim.otherOuts.get(no)?.status,
			);
	});
});

/**
 * What a newcomer does after `npm start`: every resource with its default fields and every trigger
 * event's Fetch Test Event, through n8n's engine against a fresh demo simulator (real clock).
 */
describe('the demo data through the nodes, with their defaults', () => {
	let demo: WdtSimulator;
	let engine: Engine;
	let credentials: { wdtApi: ICredentialDataDecryptedObject };
	beforeAll(async () => {
		demo = await startSimulator({ seed: 'demo' });
		engine = createEngine({ nodes: [Wdt, WdtTrigger] });
		const { sid, key, secret, salt } = DEFAULT_SELLER;
		credentials = {
			wdtApi: { sid, key, secret, salt, environment: 'custom', baseUrl: demo.url },
		};
	});
	afterAll(async () => await demo.close());

	const run = (parameters: INodeParameters, input: IDataObject[] = [{}]) =>
		engine.runNode({ type: 'wdt', parameters, input, credentials });
	const byCode = (value: string) => ({ __rl: true, mode: 'id', value });

	it.each<[string, INodeParameters]>([
		['Purchase Apply → Get Many', { resource: 'purchaseApply', operation: 'getMany' }],
		['Sales Order → Get Many', { resource: 'salesOrder', operation: 'getMany' }],
		['Sales Stockout → Get Many', { resource: 'salesStockout', operation: 'getMany' }],
		[
			'Sales Stockout → Get Many Cancelled',
			{ resource: 'salesStockout', operation: 'getManyCancelled' },
		],
		['Product → Get Many', { resource: 'goods', operation: 'getMany' }],
		['Refund → Get Many', { resource: 'refund', operation: 'getMany' }],
		[
			'Stock → Get Many (a warehouse and its SKUs)',
			{
				resource: 'stock',
				operation: 'getMany',
				warehouseNo: byCode('WH01'),
				specNos: 'TS-001-BLK-M,MUG-350',
			},
		],
		['Shop → Get Many', { resource: 'shop', operation: 'getMany' }],
		['Warehouse → Get Many', { resource: 'warehouse', operation: 'getMany' }],
		['Logistics Sync → Get Pending', { resource: 'logisticsSync', operation: 'getPending' }],
		['Stock Sync → Get Pending', { resource: 'stockSync', operation: 'getPending' }],
		['Purchase Order → Get Many', { resource: 'purchaseOrder', operation: 'getMany' }],
		['Purchase Stock-In → Get Many', { resource: 'purchaseStockin', operation: 'getMany' }],
		[
			'Stock Movement → Get Many (the last hour)',
			{ resource: 'stockMovement', operation: 'getMany' },
		],
		['Stock Count → Get Many', { resource: 'stockCount', operation: 'getMany' }],
		['Refund Stock-In → Get Many', { resource: 'refundStockin', operation: 'getMany' }],
		['Transfer → Get Many', { resource: 'transfer', operation: 'getMany' }],
		['Invoice → Get Many', { resource: 'invoice', operation: 'getMany' }],
	])('%s returns items', async (_name, parameters) => {
		const { outputs, error } = await run(parameters);
		expect(error).toBeUndefined();
		expect(outputs[0]?.length ?? 0).toBeGreaterThan(0);
	});

	it("every supplier the demo's purchase applies and orders name is in the supplier list (the Supplier dropdown)", () => {
		const listed = masterDataOf(demo).providers.map((provider) => provider.providerNo);
		const named = new Set([
			...demo
				.records(PURCHASE_ORDERS)
				.select(demo, {})
				.map((order) => String(order.provider_no)),
			...[...demo.purchaseApplies.values()].flatMap((apply) =>
				apply.details.map((line) => String(line.providerNo)),
			),
		]);
		expect(named.size).toBeGreaterThan(1);
		expect([...named].filter((no) => !listed.includes(no))).toEqual([]);
	});

	it('Sales Order → Get finds a self-owned shop order, with lines, by its platform order number', async () => {
		const { outputs, error } = await run({
			resource: 'salesOrder',
			operation: 'get',
			lookUpBy: 'srcTid',
			number: demoExamples(demo).selfOwnedOrderTid,
		});
		expect(error).toBeUndefined();
		const [order] = (outputs[0] ?? []).map((item) => item.json);
		expect(order).toMatchObject({ shop_no: DEMO_SELF_OWNED_SHOP });
		expect((order.detail_list as IDataObject[]).length).toBeGreaterThan(0);
	});

	it('the banner examples can be done: cancel two applies, stop one, cancel two other-out orders, the purchase orders and transfers', async () => {
		const examples = demoExamples(demo);
		const outcomes = async (parameters: INodeParameters) => {
			const { outputs, error } = await run(parameters);
			expect(error).toBeUndefined();
			return (outputs[0] ?? []).map((item) => [item.json.order_no, item.json.outcome]);
		};
		expect(
			await outcomes({
				resource: 'purchaseApply',
				operation: 'cancel',
				orderNumbers: examples.cancellableApplies.join(','),
			}),
		).toEqual(examples.cancellableApplies.map((no) => [no, 'succeeded']));
		expect(
			await outcomes({
				resource: 'purchaseApply',
				operation: 'stop',
				orderNumbers: examples.stoppableApply,
			}),
		).toEqual([[examples.stoppableApply, 'succeeded']]);
		const otherOuts = examples.cancellableOtherOuts.slice(0, 2);
		expect(
			await outcomes({
				resource: 'otherOut',
				operation: 'cancel',
				orderNumbers: otherOuts.join(','),
			}),
		).toEqual(otherOuts.map((no) => [no, 'succeeded']));
		for (const no of examples.cancellableApplies)
			expect(demo.purchaseApplies.get(no)?.status).toBe(PURCHASE_APPLY_STATUS.cancelled);
		// The stock flows' examples: cancel the purchase orders and transfers the banner names.
		const flows = demoFlowExamples(demo);
		for (const [resource, numbers] of [
			['purchaseOrder', flows.cancellablePurchaseOrders],
			['transfer', flows.cancellableTransfers],
		] as const) {
			expect(numbers.length, resource).toBeGreaterThan(0);
			expect(
				await outcomes({ resource, operation: 'cancel', orderNumbers: numbers.join(',') }),
			).toEqual(numbers.map((no) => [no, 'succeeded']));
		}
	});

	it.each(TRIGGER_EVENTS.map((event) => [event.option.name, event.option.value]))(
		'the trigger event %s shows a sample on Fetch Test Event',
		async (_name, event) => {
			const { items, error } = await engine.runPoll({
				nodeType: 'wdtTrigger',
				mode: 'manual',
				parameters: { event },
				credentials,
				workflowId: `demo-${event}`,
			});
			expect(error).toBeUndefined();
			expect(items?.[0]?.length ?? 0).toBeGreaterThan(0);
		},
	);
});
