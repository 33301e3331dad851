/* eslint-disable -- test code, never shipped: the community-node lint rules (no node:fs, no process, …) are for node code. */
/**
 * End to end, Purchase Order → Create and Cancel in a real n8n (the packed package installed as
 * n8n installs community packages) against the in-process WDT simulator:
 *
 *   npm run build && WDT_E2E_N8N=1 npx vitest run --config test/e2e/vitest.config.mts test/e2e/purchase.test.ts
 *
 * Rows of a sheet → two purchase orders (grouped by a column, each number looked up before it is
 * sent) → cancel each (the reviewed one refused to the error output); the same workflow run
 * again: both orders 'already created', no second create call.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
	credentialData,
	PURCHASE_ORDER_STATUS,
	PURCHASE_ORDERS,
	startSimulator,
	type RecordedRequest,
	type WdtSimulator,
} from '../simulator';
import { versionsFromArgs } from './n8n-install.mjs';
import * as e2e from './n8n.mjs';
import type { ExecuteResult, N8nInstance } from './n8n.mjs';
import { workflow, type NodeSpec } from './workflows';

const REPO = resolve(__dirname, '../..');
const PKG = 'n8n-nodes-wdt';
const CREDENTIAL = { id: 'wdtcred1', name: 'WDT simulator' };
const CREATE = 'purchase.PurchaseOrder.createOrder';
const CANCEL = 'purchase.PurchaseOrder.cancelOrder';
const ORDER_A = 'CGE2E0001'; // left in editing: cancellable
const ORDER_B = 'CGE2E0002'; // reviewed on creation: WDT refuses to cancel it

let sim: WdtSimulator;
let inst: N8nInstance;
let tmp: string;
let failed = false;

const wdt = (name: string, parameters: Record<string, unknown>, extra: Partial<NodeSpec> = {}) =>
	({
		name,
		type: `${PKG}.wdt`,
		parameters,
		credentials: { wdtApi: CREDENTIAL },
		...extra,
	}) satisfies NodeSpec;

const WORKFLOW = workflow(
	'wfPurchase',
	'E2E purchase orders: create from rows → cancel',
	[
		{ name: 'Start', type: 'n8n-nodes-base.manualTrigger' },
		{
			name: 'Rows',
			type: 'n8n-nodes-base.code',
			typeVersion: 2,
			parameters: {
				jsCode: `return [
  { json: { po: '${ORDER_A}', review: false, supplier: 'P001', sku: 'TS-001-BLK-M', qty: 5, price: '12.5' } },
  { json: { po: '${ORDER_B}', review: true, supplier: 'P002', sku: 'MUG-350', qty: 2, price: 8 } },
  { json: { po: '${ORDER_A}', review: false, supplier: 'P001', sku: 'CABLE-C-1M', qty: 7, price: '' } },
];`,
			},
		},
		wdt('Create', {
			resource: 'purchaseOrder',
			operation: 'create',
			linesSource: 'inputItems',
			providerNo: { __rl: true, mode: 'code', value: '={{ $json.supplier }}' },
			warehouseNo: { __rl: true, mode: 'code', value: 'WH01' },
			purchaserName: '采购小王',
			purchaseNo: '={{ $json.po }}',
			isCheck: '={{ $json.review }}',
			expectTime: '2030-01-15T10:00:00',
			specNoColumn: 'sku',
			numColumn: 'qty',
			priceColumn: 'price',
			groupByColumn: 'po',
		}),
		wdt(
			'Cancel',
			{
				resource: 'purchaseOrder',
				operation: 'cancel',
				orderNumbers: '={{ $json.purchase_no }}',
			},
			{ onError: 'continueErrorOutput' },
		),
		{ name: 'Cancelled', type: 'n8n-nodes-base.noOp' },
		{ name: 'Not cancelled', type: 'n8n-nodes-base.noOp' },
	],
	[
		['Start', 'Rows'],
		['Rows', 'Create'],
		['Create', 'Cancel'],
		['Cancel', 'Cancelled', 0],
		['Cancel', 'Not cancelled', 1],
	],
);

const lastSeq = () => sim.requests[sim.requests.length - 1]?.seq ?? 0;
const requestsSince = (seq: number, method: string): RecordedRequest[] =>
	sim.requests.filter((q) => q.seq > seq && q.method === method);
const orderOf = (no: string) =>
	sim.records(PURCHASE_ORDERS).find((order) => order.purchase_no === no);

async function run(): Promise<ExecuteResult> {
	const r = await e2e.executeWorkflow(inst, 'wfPurchase');
	if (!r.run || !r.ok)
		throw new Error(
			`wfPurchase failed in n8n: ${r.error?.message ?? 'no run result'}\n${r.stdout.slice(-2500)}\n${r.stderr.slice(-2500)}`,
		);
	return r;
}
const out = (r: ExecuteResult, node: string, output = 0) =>
	e2e.nodeOutput(r.runData, node, { output }) as Array<Record<string, any>>;

describe.each(versionsFromArgs([], process.env.WDT_E2E_N8N || 'all'))('n8n %s', (version) => {
	beforeAll(async () => {
		failed = true;
		sim = await startSimulator({ seed: 'empty' });
		inst = await e2e.prepareN8n({ version, log: (s) => process.stderr.write(s) });
		tmp = await mkdtemp(join(tmpdir(), 'wdt-e2e-purchase-'));
		const installed = await e2e.installCommunityPackage(
			inst.userFolder,
			await e2e.packPackage(REPO, tmp),
		);
		expect(installed.name).toBe(PKG);
		await e2e.importCredentials(inst, [
			{ ...CREDENTIAL, type: 'wdtApi', data: credentialData(sim.url) },
		]);
		await e2e.importWorkflow(inst, [WORKFLOW]);
		failed = false;
	});

	afterAll(async () => {
		await sim?.close();
		if (tmp) await rm(tmp, { recursive: true, force: true });
		if (inst && !process.env.WDT_E2E_KEEP && !failed)
			await rm(inst.userFolder, { recursive: true, force: true });
		else if (inst) console.log(`[e2e] n8n user folder kept: ${inst.userFolder}`);
	});

	it('Purchase Order: create 2 orders from 3 rows → cancel each (the reviewed one to the error output)', async () => {
		try {
			const seq = lastSeq();
			const r = await run();
			const created = out(r, 'Create');
			expect(created.map((c) => [c.purchase_no, c.outcome])).toEqual([
				[ORDER_A, 'succeeded'],
				[ORDER_B, 'succeeded'],
			]);
			expect(created[0].purchase_details).toEqual([
				{ spec_no: 'TS-001-BLK-M', num: 5, price: 12.5 },
				{ spec_no: 'CABLE-C-1M', num: 7 },
			]);
			expect(
				requestsSince(seq, PURCHASE_ORDERS).map((q) => (q.args as any[])[0]),
				'each number looked up before it is sent',
			).toEqual([
				{ purchase_no: ORDER_A, fuzzy_query: false },
				{ purchase_no: ORDER_B, fuzzy_query: false },
			]);
			const creates = requestsSince(seq, CREATE).map((q) => (q.args as any[])[0]);
			expect(creates.map((c) => [c.purchase_no, c.provider_no, c.is_check, c.expect_time])).toEqual(
				[
					[ORDER_A, 'P001', false, '2030-01-15 10:00:00'],
					[ORDER_B, 'P002', true, '2030-01-15 10:00:00'],
				],
			);

			expect(out(r, 'Cancel', 0).map((c) => [c.order_no, c.success])).toEqual([[ORDER_A, true]]);
			const refused = out(r, 'Cancel', 1);
			expect(refused).toHaveLength(1);
			expect(String(refused[0].error)).toContain(ORDER_B);
			expect(String(refused[0].error)).toContain('状态不是编辑中');
			expect(requestsSince(seq, CANCEL).map((q) => q.args)).toEqual([[ORDER_A], [ORDER_B]]);
			expect(orderOf(ORDER_A)?.status).toBe(PURCHASE_ORDER_STATUS.cancelled);
			expect(orderOf(ORDER_B)?.status).toBe(PURCHASE_ORDER_STATUS.approved);
			expect(
				(orderOf(ORDER_A)?.detail_list as Array<Record<string, unknown>>).map((l) => l.spec_no),
			).toEqual(['TS-001-BLK-M', 'CABLE-C-1M']);
		} catch (error) {
			failed = true;
			throw error;
		}
	});

	it('the same workflow again: both orders already created, nothing sent twice', async () => {
		try {
			const seq = lastSeq();
			const r = await run();
			expect(out(r, 'Create').map((c) => [c.purchase_no, c.outcome, c.status])).toEqual([
				[ORDER_A, 'already created', PURCHASE_ORDER_STATUS.cancelled],
				[ORDER_B, 'already created', PURCHASE_ORDER_STATUS.approved],
			]);
			expect(requestsSince(seq, CREATE)).toEqual([]);
			expect(sim.records(PURCHASE_ORDERS).count((o) => o.purchase_no === ORDER_A)).toBe(1);
			// Both are past editing now: WDT refuses both cancels, each to the error output.
			expect(out(r, 'Cancel', 1)).toHaveLength(2);
		} catch (error) {
			failed = true;
			throw error;
		}
	});
});
