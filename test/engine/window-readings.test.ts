/**
 * Get Many reads under every reading of two points the pages leave open (docs/wdt-ambiguities.md):
 * which ends of a time window match (`windowEnds`: 'both', 'start', 'end'), and when a paged reply
 * carries `total_count` (`paging.totalCount`: 'calcTotal', 'always', 'never'). Run through
 * n8n-core's engine against the simulator over HTTP: over a range split into several windows,
 * records exactly on the windows' boundaries come out once each; reads of more than 100 records
 * come out whole, with Return All and with a Limit, in a bounded and stated number of calls.
 */
import type { IDataObject } from 'n8n-workflow';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { DAY_MS, HOUR_MS, toWdtTime } from '../../nodes/shared/protocol';
import { windowFields } from '../../nodes/shared/records';
import { DEFAULT_PAGING, setMasterData, type PagingBehaviour, type WindowEnds } from '../simulator';
import { KINDS, pagesRead, type RecordKind } from './windowReadings';
import { callsOf, readOk, useRig, warehouseRecord } from './rig';

const SECOND = 1000;
/** 2024-07-01 10:00:00 CST: whole seconds, long closed. */
const BASE = Date.parse('2024-07-01T10:00:00+08:00');

const rig = useRig();
afterEach(() => {
	rig.sim.windowEnds = 'both';
	rig.sim.paging = { ...DEFAULT_PAGING };
});

/** One Get Many and the records it reads. */
interface ReadCase extends RecordKind {
	name: string;
	resource: string;
	operation: string;
	/** The method's window (the catalog's): the range is split into these. */
	windowMs: number;
	/** A Limit still reads the whole range (the operation checks the range on the records). */
	limitReadsAll?: boolean;
	/** Last-to-first paging (the page recommends it): a closed window's pages are read back to front. */
	lastToFirst?: boolean;
}

const READS: ReadCase[] = [
	{
		...KINDS.cancelledStockout,
		name: 'Sales Stockout → Get Many Cancelled',
		resource: 'salesStockout',
		operation: 'getManyCancelled',
		windowMs: HOUR_MS,
	},
	{
		name: 'Sales Stockout → Get Many',
		resource: 'salesStockout',
		operation: 'getMany',
		method: 'wms.stockout.Sales.queryWithDetail',
		windowMs: HOUR_MS,
		add: (sim, modifiedMs) => String(sim.addStockout({ modifiedMs, status: 'toShip' }).stockoutId),
		id: KINDS.cancelledStockout.id,
		lastToFirst: true,
	},
	{
		...KINDS.salesOrder,
		name: 'Sales Order → Get Many',
		resource: 'salesOrder',
		operation: 'getMany',
		windowMs: HOUR_MS,
		lastToFirst: true,
	},
	{
		...KINDS.refund,
		name: 'Refund → Get Many',
		resource: 'refund',
		operation: 'getMany',
		windowMs: 30 * DAY_MS,
	},
	{
		...KINDS.purchaseApply,
		name: 'Purchase Apply → Get Many',
		resource: 'purchaseApply',
		operation: 'getMany',
		windowMs: 30 * DAY_MS,
		limitReadsAll: true,
	},
	{
		...KINDS.purchaseOrder,
		name: 'Purchase Order → Get Many (issue 22)',
		resource: 'purchaseOrder',
		operation: 'getMany',
		windowMs: 30 * DAY_MS,
	},
	{
		...KINDS.stockMovement,
		name: 'Stock Movement → Get Many (issue 22)',
		resource: 'stockMovement',
		operation: 'getMany',
		windowMs: HOUR_MS,
	},
];

/** Runs a case's Get Many over [startMs, endMs]. */
const read = (read: ReadCase, startMs: number, endMs: number, extra: IDataObject = {}) =>
	rig.run({
		resource: read.resource,
		operation: read.operation,
		startTime: new Date(startMs).toISOString(),
		endTime: new Date(endMs).toISOString(),
		returnAll: true,
		...extra,
	});

/** The [start, end] each call of the case's method sent. */
function windowsSent(read: ReadCase): string[][] {
	const [startField, endField] = windowFields(read.method);
	return callsOf(rig, read.method).map((call) => [
		String(call.params[startField]),
		String(call.params[endField]),
	]);
}

const WINDOW_ENDS: WindowEnds[] = ['both', 'start', 'end'];

describe.each(WINDOW_ENDS)('windowEnds %s: records on window boundaries', (ends) => {
	beforeEach(() => {
		rig.sim.windowEnds = ends;
	});

	it("Warehouse → Get Many over a user's range: its ends as WDT's reading decides, nothing else lost", async () => {
		const startMs = BASE;
		const endMs = BASE + 2 * HOUR_MS;
		const times = [-SECOND, 0, SECOND, 2 * HOUR_MS - SECOND, 2 * HOUR_MS, 2 * HOUR_MS + SECOND];
		setMasterData(rig.sim, {
			warehouses: times.map((offset, i) => warehouseRecord(i, startMs + offset)),
		});
		const records = await readOk(
			rig.run({
				resource: 'warehouse',
				operation: 'getMany',
				returnAll: true,
				filters: {
					startTime: new Date(startMs).toISOString(),
					endTime: new Date(endMs).toISOString(),
				},
			}),
		);
		expect(records.map((record) => record.warehouse_no)).toEqual([
			...(ends === 'end' ? [] : ['WH002']),
			'WH003',
			'WH004',
			...(ends === 'start' ? [] : ['WH005']),
		]);
	});

	it('Stock Movement → Get Many with SKU Codes: 30-day windows per code, boundary records once', async () => {
		const movements = READS.find((r) => r.method === 'wms.StockSpec.queryChangeHistory')!;
		const boundary = BASE + 30 * DAY_MS;
		const ids = [boundary - SECOND, boundary, boundary + SECOND].map((ms) =>
			movements.add(rig.sim, ms),
		);
		const records = await readOk(read(movements, BASE, BASE + 31 * DAY_MS, { specNos: 'MUG-350' }));
		expect(records.map(movements.id)).toEqual(ids);
		expect(windowsSent(movements)).toEqual([
			[toWdtTime(BASE), toWdtTime(boundary)],
			[toWdtTime(boundary), toWdtTime(BASE + 31 * DAY_MS)],
		]);
	});

	describe.each(READS)('$name', (readCase) => {
		it('over a range of three windows, every record once: none lost at a boundary, none twice', async () => {
			const windows = 3;
			const { windowMs } = readCase;
			const endMs = BASE + windows * windowMs;
			const expected: string[] = [];
			const add = (ms: number, kept: boolean) => {
				const id = readCase.add(rig.sim, ms);
				if (kept) expected.push(id);
			};
			add(BASE - SECOND, false); // before the range
			for (let k = 0; k <= windows; k++) {
				const boundary = BASE + k * windowMs;
				if (k > 0) add(boundary - SECOND, true);
				// The user's own range ends are as WDT's reading decides; the boundaries of the
				// node's own split (k = 1, 2) lose nothing under any reading.
				add(boundary, k === 0 ? ends !== 'end' : k === windows ? ends !== 'start' : true);
				if (k < windows) {
					add(boundary + SECOND, true);
					add(boundary + windowMs / 2, true);
				}
			}
			add(endMs + SECOND, false); // after the range

			const records = await readOk(read(readCase, BASE, endMs));
			expect(records.map(readCase.id)).toEqual(expected);
			// Consecutive windows share their boundary second; one page each.
			expect(windowsSent(readCase)).toEqual(
				Array.from({ length: windows }, (_, k) => [
					toWdtTime(BASE + k * windowMs),
					toWdtTime(BASE + (k + 1) * windowMs),
				]),
			);
			// A Limit that ends at the first boundary's record: the first records, none twice.
			for (const limit of [5, 6]) {
				const limited = await readOk(read(readCase, BASE, endMs, { returnAll: false, limit }));
				expect(limited.map(readCase.id)).toEqual(expected.slice(0, limit));
			}
			// Windows read at the same time: the same records, in the same order.
			const parallel = await readOk(
				read(readCase, BASE, endMs, { options: { parallelRequests: 3 } }),
			);
			expect(parallel.map(readCase.id)).toEqual(expected);
		});
	});
});

const TOTAL_COUNT: Array<PagingBehaviour['totalCount']> = ['calcTotal', 'always', 'never'];

describe.each(TOTAL_COUNT)('paging.totalCount %s: reads of more than 100 records', (totalCount) => {
	beforeEach(() => {
		rig.sim.paging = { ...DEFAULT_PAGING, totalCount };
	});
	const withTotal = totalCount !== 'never';

	describe.each(READS)('$name', (readCase) => {
		/** 250 records in the first window, exactly one full page (100) in the second. */
		function seed(): string[] {
			const { windowMs } = readCase;
			const first = Array.from({ length: 250 }, (_, i) =>
				readCase.add(rig.sim, BASE + SECOND + i * Math.floor(windowMs / 1000)),
			);
			const second = Array.from({ length: 100 }, (_, i) =>
				readCase.add(rig.sim, BASE + windowMs + SECOND + i * Math.floor(windowMs / 1000)),
			);
			return [...first, ...second];
		}
		const range = () => [BASE, BASE + 2 * readCase.windowMs] as const;
		const pagesSent = () => callsOf(rig, readCase.method).map((call) => Number(call.pageNo));
		/** Both windows read forward (a Limit, or a page that does not recommend the last page first). */
		const bothWindowsForward = [...pagesRead(250, { withTotal }), ...pagesRead(100, { withTotal })];

		it('Return All: every record once; calls as the reading allows', async () => {
			const ids = seed();
			const records = await readOk(read(readCase, ...range()));
			expect(records.map(readCase.id)).toEqual(ids);
			// With a total: 3 + 1 calls (a closed window read from its last page back where the page
			// recommends it). Without: 5 + 3 (an empty page after the full one, and the pages before
			// the last one read again).
			const options = { withTotal, lastToFirst: readCase.lastToFirst };
			const pages = [...pagesRead(250, options), ...pagesRead(100, options)];
			expect(pagesSent()).toEqual(pages);
			// Both windows at the same time (and a closed window's pages, with a total): the same
			// records in the same order, the same pages.
			rig.sim.clearRequests();
			const parallel = await readOk(
				read(readCase, ...range(), { options: { parallelRequests: 3 } }),
			);
			expect(parallel.map(readCase.id)).toEqual(ids);
			expect(pagesSent().sort()).toEqual(pages.sort());
		});

		it('Limit 120: the first 120 records, in two calls', async () => {
			const ids = seed();
			const records = await readOk(read(readCase, ...range(), { returnAll: false, limit: 120 }));
			expect(records.map(readCase.id)).toEqual(ids.slice(0, 120));
			// An operation that checks the range on the records itself only knows which count after
			// reading them all (RecordRead.keepInRange).
			expect(pagesSent()).toEqual(readCase.limitReadsAll ? bothWindowsForward : [0, 1]);
		});

		it('Limit 300 (into the second window): the first 300 records', async () => {
			const ids = seed();
			const records = await readOk(read(readCase, ...range(), { returnAll: false, limit: 300 }));
			expect(records.map(readCase.id)).toEqual(ids.slice(0, 300));
			// A Limit reads forward; each window's read counts its own records against it.
			expect(pagesSent()).toEqual(bothWindowsForward);
		});
	});
});

describe.each(TOTAL_COUNT)('paging.totalCount %s: other reads', (totalCount) => {
	beforeEach(() => {
		rig.sim.paging = { ...DEFAULT_PAGING, totalCount };
	});
	const withTotal = totalCount !== 'never';

	it('Sales Order → Get Many over the last hour (a window still open): every record once', async () => {
		const now = rig.sim.clock.now();
		const ids = Array.from(
			{ length: 250 },
			(_, i) => rig.sim.addTrade({ modifiedMs: now - 50 * 60_000 + i * SECOND }).tradeId,
		);
		const records = await readOk(
			read(READS.find((r) => r.name === 'Sales Order → Get Many')!, now - HOUR_MS, now),
		);
		expect(records.map((record) => record.trade_id)).toEqual(ids);
		// With a total: page 0, the last page back to page 1, and page 0 again (rows may still
		// arrive in an open window); without one, forward, then the pages before the last again.
		expect(
			callsOf(rig, 'sales.TradeQuery.queryWithDetail').map((call) => Number(call.pageNo)),
		).toEqual(withTotal ? [0, 2, 1, 0] : pagesRead(250, { withTotal }));
	});

	it('Custom → Call Any Method, Paged Query with Return All: every record once', async () => {
		const method = 'wms.stockout.Sales.searchCancel';
		const ids = Array.from(
			{ length: 200 },
			(_, i) => rig.sim.addStockout({ modifiedMs: BASE + SECOND + i * SECOND }).stockoutId,
		);
		const records = await readOk(
			rig.run({
				resource: 'custom',
				operation: 'call',
				method: { __rl: true, mode: 'name', value: method },
				paged: true,
				returnAll: true,
				arguments: JSON.stringify([
					{ start_time: toWdtTime(BASE), end_time: toWdtTime(BASE + HOUR_MS) },
				]),
			}),
		);
		expect(records.map((record) => record.stockout_id)).toEqual(ids);
		// Two full pages: without a total, an empty third page says they were all.
		expect(callsOf(rig, method).map((call) => Number(call.pageNo))).toEqual(
			pagesRead(200, { withTotal }),
		);
	});
});
