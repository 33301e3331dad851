/**
 * examples/stock-sync-to-shop.json run by n8n's WorkflowExecute against the simulator and a local
 * shop server, set up as its sticky note says; then run again to show what a re-run does.
 */
import type { IDataObject } from 'n8n-workflow';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { Wdt } from '../../nodes/Wdt/Wdt.node';
import { executionErrorOf, itemsOf } from '../harness';
import { exampleNode, readExample, withStandIns } from '../harness/stand-ins';
import {
	addPlatformGoods,
	DEFAULT_REPLY_CHOICES,
	isSyncPending,
	moveStock,
	SRC_ORDER_TYPE,
} from '../simulator';
import { useRig } from './rig';
import { type ShopAnswer, useShop } from './shopServer';

const M = (name: string) => `sales.StockSync.${name}`;
const rig = useRig();
const shop = useShop();
const example = readExample('stock-sync-to-shop.json');

beforeAll(() => {
	// Set up as the sticky note says: the shop's endpoint in Send stock to my shop.
	exampleNode(example, 'Send stock to my shop').parameters.url = `${shop.url}/api/inventory`;
});
beforeEach(() => {
	rig.sim.replies = { ...DEFAULT_REPLY_CHOICES };
});

async function runExample() {
	const { engine, workflow } = withStandIns(example, { nodes: [Wdt] });
	const run = await engine.runWorkflow(workflow, { credentials: rig.credentials });
	expect(executionErrorOf(run)).toBeUndefined();
	return (node: string) => itemsOf(run, node).map((item) => item.json);
}

/** Goods 2001.. of SKU-n (one SKU each) synced from WH01 (id 1), each with n × 10 in stock. */
function arrange(count: number, syncOff: number[] = []) {
	for (let n = 1; n <= count; n++) {
		addPlatformGoods(
			rig.sim,
			{
				rec_id: 2000 + n,
				shop_id: 900,
				goods_id: `P${n}`,
				spec_id: `V${n}`,
				spec_outer_id: `SKU-${n}`,
				match_code: `SKU-${n}`,
				stock_syn_warehouses: '1',
				stock_change_count: 1,
			},
			{ pending: true, syncEnabled: !syncOff.includes(n) },
		);
		putStock(`SKU-${n}`, n * 10);
	}
}
function putStock(specNo: string, delta: number) {
	moveStock(rig.sim, {
		warehouseNo: 'WH01',
		specNo,
		delta,
		srcOrderType: SRC_ORDER_TYPE.purchaseIn,
		srcOrderNo: 'CG1',
		stockioNo: 'RK1',
		atMs: Date.now(),
	});
}
const uploads = () =>
	shop.requests.map(({ body }) => body).sort((a, b) => String(a.sku).localeCompare(String(b.sku)));
const reported = (method: string) =>
	rig.sim.requestsFor(M(method)).map((call) => {
		const [id, info] = call.args as [number, IDataObject];
		return [id, info.syn_stock, info.stock_change_count, info.is_syn_success, info.syn_result];
	});
const pending = (ids: number[]) => ids.filter((id) => isSyncPending(rig.sim, id));

describe('examples/stock-sync-to-shop.json', () => {
	it('keeps the Continue settings its sticky note asks for', () => {
		expect(exampleNode(example, 'Send stock to my shop')).toMatchObject({
			onError: 'continueRegularOutput',
			parameters: { options: { response: { response: { fullResponse: true, neverError: true } } } },
		});
		expect(exampleNode(example, 'Calculate stock to publish').onError).toBe('continueErrorOutput');
		expect(exampleNode(example, 'Get goods waiting to sync').parameters).toMatchObject({
			returnAll: true,
		});
	});

	it.each(['retry', 'dropped'] as const)(
		'publishes each pending goods’ quantity, reports success or failure per goods, and re-runs only what waits (syncFail: %s)',
		async (stockSyncFailure) => {
			rig.sim.replies = { ...rig.sim.replies, stockSyncFailure };
			arrange(5, [5]);
			const answers: Record<string, ShopAnswer> = {
				'SKU-2': { status: 404, body: { message: 'Variant V2 is archived' } },
				'SKU-3': 'drop',
			};
			shop.answer = (body) => answers[String(body.sku)] ?? { status: 200, body: { ok: true } };

			const first = await runExample();
			// Goods 5's sync is off: WDT does not calculate it; the others go to the shop.
			expect(uploads()).toEqual([
				{ product_id: 'P1', variant_id: 'V1', sku: 'SKU-1', quantity: 10 },
				{ product_id: 'P2', variant_id: 'V2', sku: 'SKU-2', quantity: 20 },
				{ product_id: 'P3', variant_id: 'V3', sku: 'SKU-3', quantity: 30 },
				{ product_id: 'P4', variant_id: 'V4', sku: 'SKU-4', quantity: 40 },
			]);
			expect(rig.sim.requestsFor(M('getSelfWaitSyncIdListOpen'))).toHaveLength(2);
			expect(rig.sim.requestsFor(M('batchCalcStock'))).toHaveLength(1);
			expect(reported('syncSuccess')).toEqual([
				[2001, 10, 2, true, 'Shop answered HTTP 200'],
				[2004, 40, 2, true, 'Shop answered HTTP 200'],
			]);
			expect(reported('syncFail')).toEqual([
				[2002, 20, 2, false, 'Shop answered HTTP 404: Variant V2 is archived'],
				[2003, 30, 2, false, expect.stringMatching(/^No reply from the shop: /)],
			]);
			expect(
				first('Report result to WDT').map((item) => [item.rec_id, item.result, item.outcome]),
			).toEqual([
				[2001, 'success', 'succeeded'],
				[2002, 'failure', 'succeeded'],
				[2003, 'failure', 'succeeded'],
				[2004, 'success', 'succeeded'],
			]);
			const all = [2001, 2002, 2003, 2004, 2005];
			expect(pending(all)).toEqual(stockSyncFailure === 'retry' ? [2002, 2003, 2005] : [2005]);

			// The next run: SKU-4 sold 5 since; the shop takes everything now.
			putStock('SKU-4', -5);
			shop.requests.length = 0;
			shop.answer = () => ({ status: 200, body: { ok: true } });
			rig.sim.clearRequests();
			await runExample();
			expect(uploads().map((body) => [body.sku, body.quantity])).toEqual(
				stockSyncFailure === 'retry'
					? [
							['SKU-2', 20],
							['SKU-3', 30],
							['SKU-4', 35],
						]
					: [['SKU-4', 35]],
			);
			expect(reported('syncFail')).toEqual([]);
			expect(pending(all)).toEqual([2005]);
		},
	);

	it('a stock change between the calculation and the report keeps the goods waiting for the newer quantity', async () => {
		arrange(1);
		shop.answer = () => {
			putStock('SKU-1', 7); // sold/booked while the shop was being updated
			return { status: 200, body: { ok: true } };
		};
		await runExample();
		expect(reported('syncSuccess')).toEqual([[2001, 10, 2, true, 'Shop answered HTTP 200']]);
		expect(pending([2001])).toEqual([2001]);
		shop.answer = () => ({ status: 200, body: { ok: true } });
		shop.requests.length = 0;
		await runExample();
		expect(uploads().map((body) => body.quantity)).toEqual([17]);
		expect(pending([2001])).toEqual([]);
	});
});
