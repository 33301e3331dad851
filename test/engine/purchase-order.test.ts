/* eslint-disable -- test code, never shipped: the community-node lint rules (no node:fs, no process, …) are for node code. */
/**
 * Purchase Order → Get Many, the operation added by the recipe of docs/adding-an-operation.md (a
 * record file and an operation file; its registry line comes with the resource registry). Until
 * the registry lists it, a probe node runs the operation file exactly as the WDT node's router
 * would: its description and execute, through n8n's engine against the simulator's generic
 * handler of purchase.PurchaseOrder.queryWithDetail.
 */
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { PURCHASE_ORDER } from '../../nodes/shared/records';
import * as getMany from '../../nodes/Wdt/actions/purchaseOrder/getMany.operation';
import { createEngine, type Engine } from '../harness';
import { startSimulator, type WdtSimulator } from '../simulator';
import { jsonOf, pairsOf, sellerCredentials } from './rig';

const METHOD = PURCHASE_ORDER.method;
const DAY = 24 * 3600_000;

class PurchaseOrderProbe implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'WDT Purchase Order Probe',
		name: 'wdtPurchaseOrderProbe',
		group: ['transform'],
		version: 1,
		description: 'Runs Purchase Order → Get Many as the WDT node does',
		defaults: { name: 'Probe' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'wdtApi', required: true }],
		properties: [
			{ displayName: 'Resource', name: 'resource', type: 'hidden', default: 'purchaseOrder' },
			{ displayName: 'Operation', name: 'operation', type: 'hidden', default: 'getMany' },
			...getMany.description,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [await getMany.execute.call(this)];
	}
}

let sim: WdtSimulator;
let engine: Engine;
beforeAll(async () => {
	sim = await startSimulator({ seed: 'empty' });
	engine = createEngine({ nodes: [PurchaseOrderProbe] });
});
afterAll(async () => await sim.close());
beforeEach(() => {
	sim.resetData('empty');
	sim.clearRequests();
});

const run = async (parameters: IDataObject) =>
	await engine.runNode({
		type: 'wdtPurchaseOrderProbe',
		parameters: { returnAll: true, ...parameters },
		credentials: sellerCredentials(sim.url),
	});

function addOrder(id: number, daysAgo: number, fields: IDataObject = {}) {
	sim.records(METHOD).add(
		{
			purchase_id: id,
			purchase_no: `CG${id}`,
			status: 40,
			stockin_status: 1,
			detail_list: [
				{ purchase_id: id, rec_id: id * 10 + 1, spec_no: 'SKU-A', num: 2 },
				{ purchase_id: id, rec_id: id * 10 + 2, spec_no: 'SKU-B', num: 3 },
			],
			...fields,
		},
		{ modifiedMs: sim.clock.now() - daysAgo * DAY },
	);
}

describe('Purchase Order → Get Many (purchase.PurchaseOrder.queryWithDetail)', () => {
	it('reads a range in the catalog 30-day windows, each order once, shaped as every read', async () => {
		addOrder(1, 5);
		addOrder(2, 40);
		addOrder(3, 70);
		const now = sim.clock.now();
		const { outputs, error } = await run({
			startTime: new Date(now - 90 * DAY).toISOString(),
			endTime: new Date(now).toISOString(),
		});
		expect(error).toBeUndefined();
		const orders = jsonOf(outputs[0]);
		expect(orders.map((order) => order.purchase_id).sort()).toEqual([1, 2, 3]);
		expect(orders[0]).toMatchObject({
			status_name: '已审核',
			stockin_status_name: '部分入库',
			modified_iso: expect.stringMatching(/\+08:00$/),
		});
		const windows = sim.requestsFor(METHOD).map((request) => (request.args as IDataObject[])[0]);
		expect(windows).toHaveLength(3);
		for (const window of windows)
			expect(Object.keys(window).sort()).toEqual(['end_time', 'start_time']);
	});

	it('One Item per Line keeps the order purchase_id beside each line purchase_id', async () => {
		addOrder(7, 1, { purchase_id: 7 });
		const { outputs, error } = await run({ outputMode: 'lines' });
		expect(error).toBeUndefined();
		const lines = jsonOf(outputs[0]);
		expect(lines).toHaveLength(2);
		for (const line of lines)
			expect(line).toMatchObject({ purchase_purchase_id: 7, purchase_id: 7, purchase_no: 'CG7' });
		expect(lines.map((line) => line.rec_id)).toEqual([71, 72]);
		expect(pairsOf(outputs[0])).toEqual([0, 0]);
	});

	it('sends the filters as the page names them, and refuses a number longer than the page allows', async () => {
		addOrder(8, 1, { status: 90 });
		const { error } = await run({
			filters: { purchaseNo: 'CG8', statuses: ['90', '40'], stockinStatus: '2' },
		});
		expect(error).toBeUndefined();
		expect((sim.requestsFor(METHOD)[0].args as IDataObject[])[0]).toMatchObject({
			purchase_no: 'CG8',
			status: '90,40',
			stockin_status: 2,
		});
		sim.clearRequests();
		const long = await run({ filters: { purchaseNo: 'C'.repeat(41) } });
		expect(long.error?.message).toBe(
			'Item 1: Filters → Purchase Order Number (filters.purchaseNo) is longer than 40 characters.',
		);
		expect(sim.requestsFor(METHOD)).toHaveLength(0);
	});
});
