/**
 * The generic fallback answers catalog methods without a hand-written handler from the docs:
 * exactly the documented fields, the documented window limit and pager.
 */
import { beforeEach, describe, expect, it } from 'vitest';

import { getCatalogMethod } from '../../nodes/shared/catalog';
import type { CatalogParam } from '../../nodes/shared/catalog/types';
import { formatCst } from './cst';
import { readDocFixture } from './doc-examples';
import { genericMethodSpec } from './generic';
import { METHODS } from './methods';
import { DEFAULT_PAGING } from './store';
import { NOW, useRig } from './testkit';

const MINUTE = 60_000;
const ORDERS = 'sales.TradeQuery.queryWithDetail';

const rig = useRig();
beforeEach(() => {
	rig.sim.resetData('empty');
	rig.sim.paging = { ...DEFAULT_PAGING };
});

/** The documented fields of a method's record (children of its list field). */
function recordFields(method: string): CatalogParam[] {
	let tree = readDocFixture(method)!.response;
	for (const name of getCatalogMethod(method)!.listPath!)
		tree = tree.find((param) => param.name === name)!.children!;
	return tree;
}

const window = (startMs: number, endMs: number) => ({
	start_time: formatCst(startMs),
	end_time: formatCst(endMs),
});

describe('generic catalog methods', () => {
	it('is the fallback only: hand-written methods keep their handler', () => {
		expect(METHODS.has('goods.Goods.queryWithSpec')).toBe(false);
		expect(genericMethodSpec('goods.Goods.queryWithSpec')).toBeDefined();
		// Sales orders have a handler for the trigger's changing orders (addTrade); without any,
		// it hands over to the generic one, which every other test here uses.
		expect(METHODS.has(ORDERS)).toBe(true);
		expect(genericMethodSpec('purchase.PurchaseApply.upload')).toBeUndefined(); // a write
		expect(genericMethodSpec('no.Such.method')).toBeUndefined();
	});

	it.each([
		'sales.TradeQuery.queryWithDetail',
		'sales.TradeQuery.queryHistoryWithDetail',
		'goods.Goods.queryWithSpec',
		'aftersales.refund.Refund.search',
	])('%s: records carry exactly the documented fields, nested lines too', async (method) => {
		const entry = getCatalogMethod(method)!;
		const fields = recordFields(method);
		const lineList = fields.find((field) => field.children?.length);
		const given: Record<string, unknown> = {};
		if (lineList) given[lineList.name] = [{}, {}];
		rig.sim.records(method).add(given, { modifiedMs: NOW - 10 * MINUTE });
		const [startField, endField] = entry.windowFields ?? ['start_time', 'end_time'];
		const reply = await rig.client.call({
			method,
			args: [{ [startField]: formatCst(NOW - 30 * MINUTE), [endField]: formatCst(NOW) }],
			pager: { pageNo: entry.pageNoStart ?? 0, pageSize: 10, calcTotal: true },
		});
		expect(reply.json?.status).toBe(0);
		let list = reply.json!.data;
		for (const name of entry.listPath!) list = list[name];
		expect(list).toHaveLength(1);
		expect(Object.keys(list[0])).toEqual(fields.map((field) => field.name));
		if (lineList) {
			expect(list[0][lineList.name]).toHaveLength(2);
			expect(Object.keys(list[0][lineList.name][0])).toEqual(
				lineList.children!.map((field) => field.name),
			);
		}
	});

	it('uses documented types and the status tables, and refuses undocumented fields', () => {
		const record = rig.sim.records(ORDERS).add({}, { modifiedMs: NOW });
		expect(record.trade_status).toBe(4); // int with a status table: its first code
		expect(record.trade_no).toBe(''); // String
		expect(record.modified).toBe(formatCst(NOW));
		expect(record.detail_list).toEqual([]);
		expect(() => rig.sim.records(ORDERS).add({ invented: 1 }, { modifiedMs: NOW })).toThrow(
			/invented not documented/,
		);
		expect(() =>
			rig.sim.records(ORDERS).add({ detail_list: [{ invented: 1 }] }, { modifiedMs: NOW }),
		).toThrow(/detail_list/);
	});

	it('answers a window wider than documented with status 100 and the page message', async () => {
		const reply = await rig.client.call({
			method: ORDERS,
			args: [window(NOW - 61 * MINUTE, NOW)],
			pager: { pageNo: 0, pageSize: 10 },
		});
		expect(reply.json).toEqual({
			status: 100,
			message: '您的查询时间过宽,查询时间不能大于60分钟',
		});
	});

	it('pages by page_no/page_size with total_count, in modified order, filtered by window and fields', async () => {
		const records = rig.sim.records(ORDERS);
		for (let i = 0; i < 5; i++)
			records.add(
				{ trade_no: `T${i}`, shop_no: i % 2 ? 'odd' : 'even' },
				{ modifiedMs: NOW - (50 - i) * MINUTE },
			);
		records.add({ trade_no: 'OUT' }, { modifiedMs: NOW - 2 * 60 * MINUTE });
		const page = async (pageNo: number, extra: Record<string, unknown> = {}) =>
			(
				await rig.client.call({
					method: ORDERS,
					args: [{ ...window(NOW - 60 * MINUTE, NOW), ...extra }],
					pager: { pageNo, pageSize: 2, calcTotal: true },
				})
			).json!.data;
		const first = await page(0);
		expect(first.total_count).toBe(5);
		expect(first.order.map((row: { trade_no: string }) => row.trade_no)).toEqual(['T0', 'T1']);
		expect((await page(2)).order.map((row: { trade_no: string }) => row.trade_no)).toEqual(['T4']);
		const even = await page(0, { shop_no: 'even' });
		expect(even.total_count).toBe(3);
		const some = await page(0, { trade_no: 'T1,T3' });
		expect(some.order.map((row: { trade_no: string }) => row.trade_no)).toEqual(['T1', 'T3']);
	});

	it('a test adds a rule for a parameter without a same-named field', async () => {
		rig.sim
			.records(ORDERS)
			.filter('status', (record, value) =>
				String(value).split(',').includes(String(record.trade_status)),
			)
			.add({ trade_no: 'A', trade_status: 30 }, { modifiedMs: NOW - MINUTE });
		rig.sim.records(ORDERS).add({ trade_no: 'B', trade_status: 95 }, { modifiedMs: NOW - MINUTE });
		const reply = await rig.client.call({
			method: ORDERS,
			args: [{ ...window(NOW - 60 * MINUTE, NOW), status: '95,110' }],
			pager: { pageNo: 0, pageSize: 10, calcTotal: true },
		});
		expect(reply.json!.data.order.map((row: { trade_no: string }) => row.trade_no)).toEqual(['B']);
	});
});

describe.each(['refused', 'allowed'] as const)(
	'wms.StockSpec.search2 with a warehouse only (replies.stockWarehouseOnly %s)',
	(reading) => {
		it('answers as the reading says; with SKU codes or times always', async () => {
			const method = 'wms.StockSpec.search2';
			rig.sim.replies.stockWarehouseOnly = reading;
			rig.sim
				.records(method)
				.add({ rec_id: 1, warehouse_no: 'WH01' }, { modifiedMs: NOW - MINUTE });
			const pager = { pageNo: 0, pageSize: 10, calcTotal: true };
			const only = await rig.client.call({ method, args: [{ warehouse_no: 'WH01' }], pager });
			expect(only.json).toEqual(
				reading === 'refused'
					? { status: 100, message: '未传入商家编码时, 开始时间和结束时间不能为空' }
					: expect.objectContaining({ status: 0 }),
			);
			const timed = await rig.client.call({
				method,
				args: [
					{
						warehouse_no: 'WH01',
						start_time: formatCst(NOW - 10 * MINUTE),
						end_time: formatCst(NOW),
					},
				],
				pager,
			});
			expect(timed.json?.data.detail_list).toHaveLength(1);
		});
	},
);
