import { describe, expect, it } from 'vitest';

import {
	locateRecords,
	MAX_PAGES_PER_QUERY,
	pageThrough,
	wdtTimeToIso,
	withIsoTimes,
	WdtError,
	type WdtPager,
	type WdtResponse,
} from '../../nodes/shared/protocol/index.ts';

type Server = (pager: WdtPager, call: number) => unknown;

/** A pager over `rows` as WDT documents it; `server` may override the data of any call. */
function fakeQuery(rows: unknown[], server?: Server) {
	const calls: WdtPager[] = [];
	const fetchPage = async (pager: WdtPager): Promise<WdtResponse> => {
		calls.push(pager);
		const data =
			server?.(pager, calls.length) ??
			({
				order_list: rows.slice(pager.pageNo * pager.pageSize, (pager.pageNo + 1) * pager.pageSize),
				total_count: rows.length,
			} as unknown);
		return { status: 0, data };
	};
	return { calls, fetchPage };
}

const range = (n: number) => Array.from({ length: n }, (_, i) => ({ id: i }));
const ids = (records: unknown[]) => records.map((r) => (r as { id: number }).id);

/** A pager over rows that change on their own before a call (a row edited while paging). */
function changingQuery(
	initial: Array<{ id: number }>,
	change: (rows: Array<{ id: number }>, call: number) => Array<{ id: number }>,
) {
	let rows = initial;
	return fakeQuery([], (pager, call) => {
		rows = change(rows, call);
		return {
			order_list: rows.slice(pager.pageNo * pager.pageSize, (pager.pageNo + 1) * pager.pageSize),
			total_count: rows.length,
		};
	});
}

describe('pageThrough', () => {
	it('reads ⌈total/page⌉ pages and no empty trailing page', async () => {
		for (const [count, expected] of [
			[0, 1],
			[100, 1],
			[101, 2],
			[730, 8],
		] as const) {
			const { calls, fetchPage } = fakeQuery(range(count));
			const result = await pageThrough(fetchPage, { method: 'm.x', pageSize: 100 });
			expect(ids(result.records)).toEqual(ids(range(count)));
			expect(calls).toHaveLength(expected);
		}
	});

	it('a server that silently caps the page size (offset by its own size) still yields every row', async () => {
		const rows = range(730);
		const { calls, fetchPage } = fakeQuery(rows, (pager) => {
			const size = Math.min(pager.pageSize, 50);
			return {
				order_list: rows.slice(pager.pageNo * size, (pager.pageNo + 1) * size),
				total_count: 730,
			};
		});
		const result = await pageThrough(fetchPage, { method: 'm.x', pageSize: 100 });
		expect(ids(result.records)).toEqual(ids(rows));
		expect(calls[calls.length - 1].pageSize).toBe(50);
		expect(calls.length).toBeLessThanOrEqual(16);
	});

	it('a server that caps the page size but offsets by the asked size still yields every row', async () => {
		const rows = range(730);
		const { fetchPage } = fakeQuery(rows, (pager) => ({
			order_list: rows.slice(pager.pageNo * pager.pageSize, pager.pageNo * pager.pageSize + 50),
			total_count: 730,
		}));
		const result = await pageThrough(fetchPage, { method: 'm.x', pageSize: 100 });
		expect(ids(result.records)).toEqual(ids(rows));
	});

	it('a short page in the middle does not end the read while rows < total_count', async () => {
		const rows = range(250);
		const { fetchPage } = fakeQuery(rows, (pager, call) =>
			call === 2
				? { order_list: rows.slice(100, 130), total_count: 250 }
				: {
						order_list: rows.slice(
							pager.pageNo * pager.pageSize,
							(pager.pageNo + 1) * pager.pageSize,
						),
						total_count: 250,
					},
		);
		const result = await pageThrough(fetchPage, { method: 'm.x', pageSize: 100 });
		expect(ids(result.records)).toEqual(ids(rows));
	});

	it('a total that lies high ends at the first empty page with every row that exists', async () => {
		const rows = range(150);
		const { calls, fetchPage } = fakeQuery(rows, (pager) => ({
			order_list: rows.slice(pager.pageNo * pager.pageSize, (pager.pageNo + 1) * pager.pageSize),
			total_count: 730,
		}));
		const result = await pageThrough(fetchPage, { method: 'm.x', pageSize: 100 });
		expect(ids(result.records)).toEqual(ids(rows));
		// The short page before the total looks like a capped page size: one smaller pass.
		expect(calls.length).toBeLessThanOrEqual(6);
	});

	it('a total that lies low does not truncate: full pages are followed until a short one', async () => {
		const rows = range(250);
		const { fetchPage } = fakeQuery(rows, (pager) => ({
			order_list: rows.slice(pager.pageNo * pager.pageSize, (pager.pageNo + 1) * pager.pageSize),
			total_count: 10,
		}));
		const result = await pageThrough(fetchPage, { method: 'm.x', pageSize: 100 });
		expect(ids(result.records)).toEqual(ids(rows));
	});

	it('a server ignoring page_no ends in an error naming the method after two calls', async () => {
		const rows = range(730);
		const { calls, fetchPage } = fakeQuery(rows, () => ({
			order_list: rows.slice(0, 100),
			total_count: 730,
		}));
		await expect(pageThrough(fetchPage, { method: 'wms.x.search', pageSize: 100 })).rejects.toThrow(
			/WDT wms\.x\.search: page_no 1 returned the same 100 rows.*ignore page_no/,
		);
		expect(calls).toHaveLength(2);
	});

	it('a server ignoring page_no is recognized by the records, even when their fields change between calls', async () => {
		const rows = range(730);
		const { calls, fetchPage } = fakeQuery(rows, (_pager, call) => ({
			order_list: rows.slice(0, 100).map((row) => ({ ...row, modified: `call ${call}` })),
			total_count: 730,
		}));
		await expect(
			pageThrough(fetchPage, {
				method: 'wms.x.search',
				pageSize: 100,
				keyOf: (record) => String((record as { id: number }).id),
			}),
		).rejects.toThrow(/page_no 1 returned the same 100 rows.*ignore page_no/);
		expect(calls).toHaveLength(2);
	});

	it('a server ignoring page_no with a capped page ends in an error within a few calls', async () => {
		const rows = range(730);
		const { calls, fetchPage } = fakeQuery(rows, () => ({
			order_list: rows.slice(0, 50),
			total_count: 730,
		}));
		await expect(pageThrough(fetchPage, { method: 'm.x', pageSize: 100 })).rejects.toThrow(
			/ignore page_no/,
		);
		expect(calls.length).toBeLessThanOrEqual(3);
	});

	it('pages that never end (always new rows) stop at the bound with an error', async () => {
		const { calls, fetchPage } = fakeQuery([], (pager) => ({
			order_list: Array.from({ length: pager.pageSize }, (_, i) => ({
				id: pager.pageNo * 1000 + i,
			})),
			total_count: 250,
		}));
		// total_count 250 lies low; full pages keep coming: the absolute bound ends it.
		await expect(pageThrough(fetchPage, { method: 'm.x', pageSize: 100 })).rejects.toThrow(
			/did not end|without reaching/,
		);
		expect(calls.length).toBeLessThanOrEqual(MAX_PAGES_PER_QUERY * 4 + 1);
	});

	it('a steady total ends the read at ⌈total/page⌉ pages even when full pages keep coming', async () => {
		let call = 0;
		const fetchPage = async (pager: WdtPager): Promise<WdtResponse> => {
			call++;
			// Full pages of new rows forever; the total (1000) says where the query ends.
			return {
				status: 0,
				data: {
					order_list: Array.from({ length: pager.pageSize }, (_, i) => ({
						id: pager.pageNo * 1000 + i,
					})),
					total_count: 1000,
				},
			};
		};
		await expect(pageThrough(fetchPage, { method: 'm.x', pageSize: 100 })).resolves.toMatchObject({
			complete: true,
		});
		expect(call).toBe(10);
	});

	it('a total that changes between pages restarts the query; no row lost, none duplicated', async () => {
		// Row 0 is modified away after page 0.
		const { fetchPage } = changingQuery(range(250), (rows, call) =>
			call === 2 ? rows.slice(1) : rows,
		);
		const result = await pageThrough(fetchPage, { method: 'm.x', pageSize: 100 });
		expect(ids(result.records)).toEqual(ids(range(250)));
	});

	it('a total that grows on every page is bounded and still deduplicated', async () => {
		const { calls, fetchPage } = changingQuery(range(250), (rows) => [
			...rows,
			{ id: rows.length },
		]);
		const result = await pageThrough(fetchPage, { method: 'm.x', pageSize: 100 });
		expect(new Set(ids(result.records)).size).toBe(result.records.length);
		expect(result.records.length).toBeGreaterThanOrEqual(250);
		expect(calls.length).toBeLessThan(30);
	});

	it('stops calling once the limit is reached', async () => {
		const { calls, fetchPage } = fakeQuery(range(1000));
		const result = await pageThrough(fetchPage, { method: 'm.x', pageSize: 100, limit: 150 });
		expect(calls).toHaveLength(2);
		expect(result.complete).toBe(false);
	});

	it('lastToFirst reads page 0, the last page back to page 1, then page 0 again, and keeps WDT order', async () => {
		const { calls, fetchPage } = fakeQuery(range(250));
		const result = await pageThrough(fetchPage, {
			method: 'm.x',
			pageSize: 100,
			order: 'lastToFirst',
		});
		expect(calls.map((c) => c.pageNo)).toEqual([0, 2, 1, 0]);
		expect(ids(result.records)).toEqual(ids(range(250)));
	});

	it('lastToFirst loses no row when a row of an unread page changes while paging', async () => {
		// Sorted by modified: a changed row moves to the end; rows behind it slide one place forward.
		const { fetchPage } = changingQuery(range(250), (rows, call) =>
			call === 3 ? [...rows.slice(0, 50), ...rows.slice(51), { id: 50 }] : rows,
		);
		const result = await pageThrough(fetchPage, {
			method: 'm.x',
			pageSize: 100,
			order: 'lastToFirst',
			keyOf: (r) => String((r as { id: number }).id),
		});
		expect(new Set(ids(result.records))).toEqual(new Set(ids(range(250))));
	});

	it('lastToFirst over a closed window with a steady total does not read page 0 again', async () => {
		const { calls, fetchPage } = fakeQuery(range(250));
		const result = await pageThrough(fetchPage, {
			method: 'm.x',
			pageSize: 100,
			order: 'lastToFirst',
			closed: true,
		});
		expect(calls.map((c) => c.pageNo)).toEqual([0, 2, 1]);
		expect(ids(result.records)).toEqual(ids(range(250)));
	});

	it('lastToFirst over a closed window: a row leaving it while paging restarts the read; no remaining row lost', async () => {
		// Row 10 (page 0) changes after the first read: its new modified time is past the window's
		// end, so it leaves and row 100 slides from page 1 onto page 0.
		const { calls, fetchPage } = changingQuery(range(250), (rows, call) =>
			call === 2 ? rows.filter((row) => row.id !== 10) : rows,
		);
		const result = await pageThrough(fetchPage, {
			method: 'm.x',
			pageSize: 100,
			order: 'lastToFirst',
			closed: true,
			keyOf: (r) => String((r as { id: number }).id),
		});
		expect(calls.map((c) => c.pageNo)).toEqual([0, 2, 1, 0, 2, 1]);
		const remaining = ids(range(250)).filter((id) => id !== 10);
		const read = ids(result.records).filter((id) => id !== 10);
		expect(read.sort((a, b) => a - b)).toEqual(remaining);
	});

	it('concurrent pages over a closed window: a row leaving it while the pages are out restarts the read; none lost', async () => {
		const { calls, fetchPage } = changingQuery(range(450), (rows, call) =>
			call === 3 ? rows.filter((row) => row.id !== 5) : rows,
		);
		const result = await pageThrough(fetchPage, {
			method: 'm.x',
			pageSize: 100,
			order: 'lastToFirst',
			closed: true,
			concurrentPages: true,
			keyOf: (r) => String((r as { id: number }).id),
		});
		// Pass 1: page 0, then pages 4..1 at once (the third call sees row 5 gone); pass 2 likewise.
		expect(calls.map((c) => c.pageNo)).toEqual([0, 4, 3, 2, 1, 0, 4, 3, 2, 1]);
		const read = ids(result.records).filter((id) => id !== 5);
		expect(read.sort((a, b) => a - b)).toEqual(ids(range(450)).filter((id) => id !== 5));
	});

	it('lastToFirst over a closed window reads page 0 again when a later page has no total', async () => {
		const rows = range(250);
		const { calls, fetchPage } = fakeQuery([], (pager) => ({
			order_list: rows.slice(pager.pageNo * pager.pageSize, (pager.pageNo + 1) * pager.pageSize),
			...(pager.pageNo === 0 ? { total_count: rows.length } : {}),
		}));
		await pageThrough(fetchPage, {
			method: 'm.x',
			pageSize: 100,
			order: 'lastToFirst',
			closed: true,
		});
		expect(calls.map((c) => c.pageNo)).toEqual([0, 2, 1, 0]);
	});

	it('an unknown reply shape is an error naming the method and the keys seen, never an empty success', async () => {
		const { fetchPage } = fakeQuery([], () => ({ rows: [1], extra: [2], total_count: 2 }));
		const failure = await pageThrough(fetchPage, { method: 'a.B.query', pageSize: 100 }).catch(
			(e: unknown) => e,
		);
		expect(failure).toBeInstanceOf(WdtError);
		expect((failure as Error).message).toMatch(
			/WDT a\.B\.query: several lists \(rows, extra\).*keys rows, extra, total_count/,
		);
		const missing = fakeQuery([], () => ({ total_count: 3 }));
		await expect(
			pageThrough(missing.fetchPage, { method: 'a.B.query', pageSize: 100, listPath: ['order'] }),
		).rejects.toThrow(/no record list at data\.order; the reply's data has keys total_count/);
	});
});

describe('locateRecords on documented reply shapes', () => {
	it('data.order beside summary_data (wms.stockin.Refund.queryWithDetail)', () => {
		const page = locateRecords('wms.stockin.Refund.queryWithDetail', {
			summary_data: [{ warehouse_no: 'w' }],
			total_count: 1,
			order: [{ order_no: 'RK1' }],
		});
		expect(page).toMatchObject({
			list: [{ order_no: 'RK1' }],
			total: 1,
			path: 'data.order',
			otherLists: { summary_data: [{ warehouse_no: 'w' }] },
		});
	});

	it('a data.data object holding the list (wms.stockout.SalesPick.pickListOverviewForApi)', () => {
		const page = locateRecords('wms.stockout.SalesPick.pickListOverviewForApi', {
			data: { pick_no: 'FJ1', pick_goods_data_list: [{ spec_no: 'a' }] },
			status: 0,
		});
		expect(page).toMatchObject({
			list: [{ spec_no: 'a' }],
			path: 'data.data.pick_goods_data_list',
		});
	});

	it('two lists with a known main list, the other kept (sales.StockSync.batchCalcStock via the catalog path)', () => {
		const page = locateRecords(
			'sales.StockSync.batchCalcStock',
			{ success_date: [{ rec_id: 1 }], error_date: [{ rec_id: 2 }] },
			{ listPath: ['success_date'] },
		);
		expect(page).toMatchObject({
			list: [{ rec_id: 1 }],
			otherLists: { error_date: [{ rec_id: 2 }] },
		});
	});

	it('a missing list at a known path is an empty page only when the total is 0', () => {
		expect(locateRecords('m.x', undefined, { listPath: ['order'] }).list).toEqual([]);
		expect(locateRecords('m.x', null).list).toEqual([]);
		expect(locateRecords('m.x', { total_count: 0 }, { listPath: ['order'] }).list).toEqual([]);
		expect(() => locateRecords('m.x', { total_count: 2 }, { listPath: ['order'] })).toThrow(
			/no record list/,
		);
	});
});

describe('ISO times', () => {
	it('adds <field>_iso with +08:00 after each WDT time, leaving others alone', () => {
		expect(wdtTimeToIso('2025-05-09 11:04:07')).toBe('2025-05-09T11:04:07+08:00');
		expect(Date.parse(wdtTimeToIso('2025-05-09 11:04:07')!)).toBe(
			Date.parse('2025-05-09T03:04:07Z'),
		);
		expect(wdtTimeToIso('')).toBeUndefined();
		expect(wdtTimeToIso('2024-02-31 00:00:00')).toBeUndefined();
		expect(
			Object.keys(
				withIsoTimes({ a: 1, modified: '2024-01-01 00:00:00', created: '' }),
			),
		).toEqual(['a', 'modified', 'modified_iso', 'created']);
	});
});

describe('pageThrough without total_count (the reading "never")', () => {
	/** A pager over `rows` that never sends a total; `change` may edit the rows before a call. */
	function noTotalQuery(
		initial: Array<{ id: number }>,
		change: (rows: Array<{ id: number }>, call: number) => Array<{ id: number }> = (rows) => rows,
	) {
		let rows = initial;
		return fakeQuery([], (pager, call) => {
			rows = change(rows, call);
			return {
				order_list: rows.slice(pager.pageNo * pager.pageSize, (pager.pageNo + 1) * pager.pageSize),
			};
		});
	}

	it('reads on to a short or empty page, then the pages before the last one again', async () => {
		for (const [count, pages] of [
			[0, [0]],
			[50, [0]],
			[100, [0, 1, 0]],
			[250, [0, 1, 2, 0, 1]],
		] as const) {
			const { calls, fetchPage } = noTotalQuery(range(count));
			const result = await pageThrough(fetchPage, { method: 'm.x', pageSize: 100 });
			expect(ids(result.records)).toEqual(ids(range(count)));
			expect(calls.map((c) => c.pageNo)).toEqual(pages);
		}
	});

	it('a row that left page 0 while page 1 was read: the row slid onto page 0 is found, once', async () => {
		// Before call 2 (page 1), row 5 leaves: row 100 slides onto page 0, already read.
		const { calls, fetchPage } = noTotalQuery(range(150), (rows, call) =>
			call === 2 ? rows.filter((row) => row.id !== 5) : rows,
		);
		const result = await pageThrough(fetchPage, {
			method: 'm.x',
			pageSize: 100,
			keyOf: (record) => String((record as { id: number }).id),
		});
		expect(ids(result.records).sort((a, b) => a - b)).toEqual(ids(range(150)));
		// Pages 0, 1; page 0 again shows row 100: the query starts again (0, 1, 0 again).
		expect(calls.map((c) => c.pageNo)).toEqual([0, 1, 0, 0, 1, 0]);
	});
});
