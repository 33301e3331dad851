/**
 * The paging readings the docs leave open (`sim.paging`, `sim.beforePage`), on every paged method
 * the simulator serves: each option changes what a page holds in the way its README line says.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { formatCst } from './cst';
import { DEFAULT_PAGING } from './store';
import { NOW, startRig, type Rig } from './testkit';

const MINUTE = 60_000;

let rig: Rig;
beforeAll(async () => {
	rig = await startRig();
});
afterAll(async () => {
	await rig.close();
});
beforeEach(() => {
	rig.sim.resetData('empty');
	rig.sim.paging = { ...DEFAULT_PAGING };
	rig.sim.beforePage = undefined;
});

interface PagedMethod {
	method: string;
	/** Adds one record modified at `modifiedMs`; returns its key. */
	add(modifiedMs: number): string;
	/** The key of a reply row. */
	key(row: Record<string, unknown>): string;
}

const window = { start_time: formatCst(NOW - 59 * MINUTE), end_time: formatCst(NOW) };

const PAGED_METHODS: PagedMethod[] = [
	{
		method: 'wms.stockout.Sales.searchCancel',
		add: (modifiedMs) => String(rig.sim.addStockout({ modifiedMs }).stockoutId),
		key: (row) => String(row.stockout_id),
	},
	{
		method: 'purchase.PurchaseApply.search',
		add: (modifiedMs) => rig.sim.addPurchaseApply({ modifiedMs }).purchaseApplyNo,
		key: (row) => String(row.purchase_apply_no),
	},
];

describe.each(PAGED_METHODS)('$method', ({ method, add, key }) => {
	/** `count` records one second apart from the window's start; their keys in page order. */
	const arrange = (count: number) =>
		Array.from({ length: count }, (_, i) => add(NOW - 58 * MINUTE + i * 1000));

	async function page(pageNo: number, pageSize: number, calcTotal = true) {
		const { json } = await rig.client.call({
			method,
			args: [window],
			pager: { pageNo, pageSize, calcTotal },
		});
		return json as {
			status: number;
			message?: string;
			data: { total_count?: number; order_list: Record<string, unknown>[] };
		};
	}
	const keys = (reply: Awaited<ReturnType<typeof page>>) => reply.data.order_list.map(key);

	it('default: page_size 1…100, a larger one is refused', async () => {
		arrange(3);
		expect((await page(0, 100)).data.order_list).toHaveLength(3);
		expect(await page(0, 101)).toEqual({ status: 100, message: 'page_size超出范围(1-100)' });
		expect(await page(0, 0)).toEqual({ status: 100, message: 'page_size超出范围(1-100)' });
	});

	it('maxPageSize changes the largest page_size accepted', async () => {
		rig.sim.paging.maxPageSize = 50;
		arrange(3);
		expect(await page(0, 51)).toEqual({ status: 100, message: 'page_size超出范围(1-50)' });
		expect((await page(0, 50)).status).toBe(0);
	});

	it("oversizedPageSize 'cap': a larger page_size is accepted and silently served maxPageSize rows", async () => {
		rig.sim.paging = { ...DEFAULT_PAGING, maxPageSize: 5, oversizedPageSize: 'cap' };
		const all = arrange(12);
		const first = await page(0, 10);
		expect(first.data.total_count).toBe(12);
		expect(keys(first)).toEqual(all.slice(0, 5));
		expect(keys(await page(1, 10))).toEqual(all.slice(5, 10));
	});

	it("pageCap with cappedPageOffset 'served': fewer rows than asked, every row reachable", async () => {
		rig.sim.paging.pageCap = 4;
		const all = arrange(10);
		const seen: string[] = [];
		for (let pageNo = 0; pageNo < 3; pageNo++) {
			const reply = await page(pageNo, 100);
			expect(reply.data.total_count).toBe(10); // the total still counts every row
			seen.push(...keys(reply));
		}
		expect(seen).toEqual(all);
	});

	it("pageCap with cappedPageOffset 'requested': rows past the cap are never served", async () => {
		rig.sim.paging = { ...DEFAULT_PAGING, pageCap: 4, cappedPageOffset: 'requested' };
		const all = arrange(10);
		expect(keys(await page(0, 5))).toEqual(all.slice(0, 4));
		expect(keys(await page(1, 5))).toEqual(all.slice(5, 9));
		expect(keys(await page(2, 5))).toEqual([]);
	});

	it('ignorePageNo: every page_no gets page 0', async () => {
		rig.sim.paging.ignorePageNo = true;
		const all = arrange(5);
		expect(keys(await page(0, 2))).toEqual(all.slice(0, 2));
		expect(keys(await page(1, 2))).toEqual(all.slice(0, 2));
		expect(keys(await page(7, 2))).toEqual(all.slice(0, 2));
	});

	it.each([
		['calcTotal', [5, undefined]],
		['always', [5, 5]],
		['never', [undefined, undefined]],
	] as const)('totalCount %s: total_count with calc_total=1, without', async (choice, totals) => {
		rig.sim.paging.totalCount = choice;
		arrange(5);
		expect((await page(0, 2, true)).data.total_count).toBe(totals[0]);
		expect((await page(0, 2, false)).data.total_count).toBe(totals[1]);
	});

	it('totalCountDrift: the total changes from page to page, the rows do not', async () => {
		rig.sim.paging.totalCountDrift = 3;
		const all = arrange(5);
		const pages = [await page(0, 2), await page(1, 2), await page(2, 2)];
		expect(pages.map((reply) => reply.data.total_count)).toEqual([5, 8, 11]);
		expect(pages.flatMap(keys)).toEqual(all);
	});

	it('beforePage: a record added between two page reads shifts the pages and changes the total', async () => {
		const all = arrange(4);
		const calls: Array<{ method: string; pageNo: number; pageSize: number }> = [];
		rig.sim.beforePage = (call) => {
			calls.push({ method: call.method, pageNo: call.pageNo, pageSize: call.pageSize });
			if (call.pageNo === 1 && calls.length === 2) add(NOW - 59 * MINUTE); // sorts first
		};
		const first = await page(0, 2);
		const second = await page(1, 2);
		const third = await page(2, 2);
		expect(calls).toEqual([
			{ method, pageNo: 0, pageSize: 2 },
			{ method, pageNo: 1, pageSize: 2 },
			{ method, pageNo: 2, pageSize: 2 },
		]);
		expect([first, second, third].map((reply) => reply.data.total_count)).toEqual([4, 5, 5]);
		// The new first row pushed all[1] from page 0 onto page 1: it is read twice.
		expect([...keys(first), ...keys(second), ...keys(third)]).toEqual([
			all[0],
			all[1],
			all[1],
			all[2],
			all[3],
		]);
	});
});
