/* eslint-disable -- test code, never shipped: the community-node lint rules (no node:fs, no process, …) are for node code. */
/**
 * Stock Sync in real n8n (every version of the e2e), with the packed package installed as a user
 * installs it: examples/stock-sync-to-shop.json run headless (`n8n execute`, its schedule made a
 * Manual Trigger) against the simulator and a local shop server, then again to show a re-run;
 * and Stock Sync → Cancel with a refusal under Continue On Fail.
 *
 *   WDT_E2E_N8N=1 npx vitest run --config test/e2e/vitest.config.mts test/e2e/stocksync.test.ts
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

import { type ShopAnswer, useShop } from '../engine/shopServer';
import { addPlatformGoods, isSyncPending, moveStock, SRC_ORDER_TYPE } from '../simulator';
import { versionsFromArgs } from './n8n-install.mjs';
import * as e2e from './n8n.mjs';
import { E2E_CREDENTIAL, usePackageInN8n } from './packageInN8n';
import { headlessExample, workflow } from './workflows';

const REPO = resolve(__dirname, '../..');
const EXAMPLE_ID = 'wfStockSyncEx';
const CANCEL_ID = 'wfStockSyncCncl';
const M = (name: string) => `sales.StockSync.${name}`;

const VERSIONS = versionsFromArgs([], process.env.WDT_E2E_N8N || 'all');

describe.each(VERSIONS)('n8n %s: Stock Sync', (version) => {
	const shop = useShop();
	const n8n = usePackageInN8n(version, 'stocksync', () => [
		headlessExample(
			readFileSync(join(REPO, 'examples/stock-sync-to-shop.json'), 'utf8'),
			EXAMPLE_ID,
			{
				credential: E2E_CREDENTIAL,
				httpUrl: `${shop.url}/api/inventory`,
			},
		),
		workflow(CANCEL_ID, 'E2E Stock Sync cancel', [
			{ name: 'Start', type: 'n8n-nodes-base.manualTrigger' },
			{
				name: 'Ids',
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				parameters: {
					jsCode: 'return [3001, 3999, 3002].map((rec_id) => ({ json: { rec_id } }));',
				},
			},
			{
				name: 'Cancel sync',
				type: 'n8n-nodes-wdt.wdt',
				parameters: { resource: 'stockSync', operation: 'cancel' },
				onError: 'continueRegularOutput',
				credentials: { wdtApi: E2E_CREDENTIAL },
			},
		]),
	]);
	const run = (id: string) => n8n.run(id);
	const goods = (recId: number, sku: string, stock: number, syncEnabled = true) => {
		addPlatformGoods(
			n8n.sim,
			{
				rec_id: recId,
				shop_id: 900,
				goods_id: `P${recId}`,
				spec_id: `V${recId}`,
				spec_outer_id: sku,
				match_code: sku,
				stock_syn_warehouses: '1',
				stock_change_count: 1,
			},
			{ pending: true, syncEnabled },
		);
		moveStock(n8n.sim, {
			warehouseNo: 'WH01',
			specNo: sku,
			delta: stock,
			srcOrderType: SRC_ORDER_TYPE.purchaseIn,
			srcOrderNo: 'CG1',
			stockioNo: 'RK1',
			atMs: Date.now(),
		});
	};
	const reports = (method: string) =>
		n8n.sim.requestsFor(M(method)).map((q) => {
			const [id, info] = q.args as [number, Record<string, unknown>];
			return [id, info.syn_stock, info.is_syn_success];
		});

	it('the example: pending goods → one batch calc → the shop → success or failure per goods; a re-run publishes only what waits', async () => {
		goods(2001, 'E2E-SKU-1', 10);
		goods(2002, 'E2E-SKU-2', 20);
		goods(2003, 'E2E-SKU-3', 30, false);
		const answers: Record<string, ShopAnswer> = {
			'E2E-SKU-2': { status: 409, body: { message: 'Variant locked' } },
		};
		shop.answer = (body) => answers[String(body.sku)] ?? { status: 200, body: { ok: true } };
		n8n.sim.clearRequests();

		const r = await run(EXAMPLE_ID);
		expect(
			shop.requests.map((q) => q.body).sort((a, b) => String(a.sku).localeCompare(String(b.sku))),
		).toEqual([
			{ product_id: 'P2001', variant_id: 'V2001', sku: 'E2E-SKU-1', quantity: 10 },
			{ product_id: 'P2002', variant_id: 'V2002', sku: 'E2E-SKU-2', quantity: 20 },
		]);
		expect(n8n.sim.requestsFor(M('batchCalcStock'))).toHaveLength(1);
		expect(reports('syncSuccess')).toEqual([[2001, 10, true]]);
		expect(reports('syncFail')).toEqual([[2002, 20, false]]);
		const reported = e2e.nodeOutput(r.runData, 'Report result to WDT');
		expect(reported.map((i) => [i.rec_id, i.result, i.outcome])).toEqual([
			[2001, 'success', 'succeeded'],
			[2002, 'failure', 'succeeded'],
		]);
		// Goods 2003's sync is off: Calculate's error output, not the shop.
		expect(e2e.nodeOutput(r.runData, 'Calculate stock to publish', { output: 1 })).toHaveLength(1);
		expect([2001, 2002, 2003].filter((id) => isSyncPending(n8n.sim, id))).toEqual([2002, 2003]);

		shop.requests.length = 0;
		shop.answer = () => ({ status: 200, body: { ok: true } });
		n8n.sim.clearRequests();
		await run(EXAMPLE_ID);
		expect(shop.requests.map((q) => q.body.sku)).toEqual(['E2E-SKU-2']);
		expect(reports('syncSuccess')).toEqual([[2002, 20, true]]);
		expect([2001, 2002, 2003].filter((id) => isSyncPending(n8n.sim, id))).toEqual([2003]);
	});

	it('Cancel: one call per goods, the refused one failed on its own (continue on fail)', async () => {
		goods(3001, 'E2E-SKU-C1', 1);
		goods(3002, 'E2E-SKU-C2', 1);
		n8n.sim.clearRequests();
		const r = await run(CANCEL_ID);
		expect(e2e.nodeOutput(r.runData, 'Cancel sync').map((i) => [i.rec_id, i.outcome])).toEqual([
			[3001, 'succeeded'],
			[3999, 'failed'],
			[3002, 'succeeded'],
		]);
		expect(n8n.sim.requestsFor(M('cancelSync')).map((q) => q.args)).toEqual([
			[3001, -1],
			[3999, -1],
			[3002, -1],
		]);
		expect(isSyncPending(n8n.sim, 3001)).toBe(false);
	});
});
