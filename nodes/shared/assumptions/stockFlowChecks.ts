/**
 * The checks of the stock-flow pages of issue 22: the stock-sync pending list (count, position),
 * batchCalcStock's failures, Stock Movement's window and spec_no, and the stock count lines.
 * Every call reads; the pending list is read past its end, so no waiting goods is touched.
 */
import { HOUR_MS, WDT_MAX_PAGE_SIZE } from '../protocol';
import {
	type Check,
	couldNotTell,
	days,
	isArgumentRefusal,
	METHODS,
	page,
	result,
	type Row,
	type Run,
	type Sample,
	sampleHours,
	sampleLookBack,
	timeSample,
	windowParams,
} from './sampling';
import type { ProbeReply } from './session';
import { readAnyTime } from './timeForms';

/** A position past every waiting goods (Int's largest): the list read there is empty. */
const PAST_THE_END = 2_147_483_647;

const STOCK_SYNC_AFFECTS = ['Stock Sync → Get Pending'];

/** Both pending-list reads, made once a run: count 10 (allowed) and count 9 (below the minimum). */
const pendingReads = new WeakMap<Run, Promise<{ allowed: ProbeReply; below?: ProbeReply }>>();

function readPending(run: Run) {
	let reads = pendingReads.get(run);
	if (!reads) {
		const read = (count: number) =>
			run.session.call({ method: METHODS.syncPending, args: [count, PAST_THE_END] });
		reads = (async () => {
			const allowed = await read(10);
			return allowed.ok ? { allowed, below: await read(9) } : { allowed };
		})();
		pendingReads.set(run, reads);
	}
	return reads;
}

const dataOf = (reply: ProbeReply & { ok: true }): Row =>
	reply.reply.data && typeof reply.reply.data === 'object' ? (reply.reply.data as Row) : {};

export const stockSyncPositionCheck: Check = {
	assumption:
		'The stock-sync pending list (getSelfWaitSyncIdListOpen) sends back the position it was given when nothing waits after it',
	affects: STOCK_SYNC_AFFECTS,
	async run(run) {
		const { allowed } = await readPending(run);
		const details: Row = {
			method: METHODS.syncPending,
			sent: { count: 10, position: PAST_THE_END },
		};
		if (!allowed.ok) return couldNotTell(this, allowed.error.message, details);
		const data = dataOf(allowed);
		details.position_returned = data.position ?? 'none';
		details.ids_returned = Array.isArray(data.id_list) ? data.id_list.length : 'none';
		if (data.position === undefined || data.position === null || data.position === '')
			return result(
				this,
				'differs',
				'no position when nothing waits',
				'Nothing to do: Get Pending stops on an empty id_list and keeps the position it sent when none comes back.',
				details,
			);
		if (Number(data.position) === PAST_THE_END)
			return result(
				this,
				'as assumed',
				'the position sent comes back',
				'Get Pending stops on an empty id_list, whatever the position.',
				details,
			);
		return couldNotTell(
			this,
			'The list read past its end answered with another position.',
			details,
		);
	},
};

export const stockSyncCountCheck: Check = {
	assumption: "The stock-sync pending list refuses a count outside 10–5000, its page's limits",
	affects: STOCK_SYNC_AFFECTS,
	async run(run) {
		const { allowed, below } = await readPending(run);
		const details: Row = { method: METHODS.syncPending, position_sent: PAST_THE_END };
		if (!allowed.ok || !below)
			return couldNotTell(
				this,
				allowed.ok ? 'The count-9 read was not made.' : allowed.error.message,
				details,
			);
		details.count_10 = 'answered';
		if (!below.ok) {
			details.count_9 = `refused: ${below.error.wdtMessage ?? below.error.message}`;
			if (!isArgumentRefusal(below.error)) return couldNotTell(this, below.error.message, details);
			return result(
				this,
				'as assumed',
				'a count below 10 is refused',
				'Get Pending always sends a count within 10–5000 (a Limit below 10 asks for 10 and keeps the first ones).',
				details,
			);
		}
		details.count_9 = 'answered';
		return result(
			this,
			'differs',
			'a count below 10 is answered (clamped or taken as is)',
			'Nothing to do: Get Pending always sends a count within 10–5000, which works under both readings.',
			details,
		);
	},
};

export const batchCalcFailureCheck: Check = {
	assumption:
		'batchCalcStock reports a goods it cannot calculate in error_date only, not as an empty {} in success_date',
	affects: ['Stock Sync → Calculate'],
	async run(run) {
		// Goods id 0 is no goods: nothing exists to calculate, so this asks about nothing.
		const reply = await run.session.call({
			method: METHODS.syncCalc,
			args: [[{ api_goods_id: 0, force_sync: false }]],
		});
		const details: Row = { method: METHODS.syncCalc, sent: 'api_goods_id 0 (no such goods)' };
		if (!reply.ok) return couldNotTell(this, reply.error.message, details);
		const data = dataOf(reply);
		const success = Array.isArray(data.success_date) ? (data.success_date as Row[]) : [];
		const errors = Array.isArray(data.error_date) ? (data.error_date as Row[]) : [];
		details.success_date = success;
		details.error_date = errors;
		if (success.some((entry) => entry && typeof entry === 'object' && 'rec_id' in entry))
			return couldNotTell(this, 'WDT answered goods id 0 with a calculation.', details);
		if (errors.length === 0)
			return couldNotTell(this, 'WDT named no failure for goods id 0.', details);
		if (success.length > 0)
			return result(
				this,
				'differs',
				'a failure also puts an empty {} in success_date',
				'Nothing to do: Calculate matches results by rec_id and skips entries without one; an id in neither list is an error, never a quantity.',
				details,
			);
		return result(
			this,
			'as assumed',
			'failures in error_date only',
			'Calculate matches results by rec_id, so either form gives the same outcomes.',
			details,
		);
	},
};

/** Stock movements of the last hour (the page's window without SKU codes). */
export async function movementSample(run: Run): Promise<Sample & { windows?: string[] }> {
	const cached = run.samples.get(METHODS.movement);
	if (cached) return cached;
	const sample = await sampleHours(
		run,
		METHODS.movement,
		{},
		(rows) => new Set(rows.map((row) => row.spec_no).filter(Boolean)).size >= 2,
	);
	run.samples.set(METHODS.movement, sample);
	return sample;
}

const MOVEMENT_AFFECTS = ['Stock Movement → Get Many', 'Stock Moved'];

export const movementWindowCheck: Check = {
	assumption:
		'Stock movements (queryChangeHistory) of one SKU code may be read over more than 60 minutes (up to 30 days)',
	affects: MOVEMENT_AFFECTS,
	async run(run) {
		const moved = await movementSample(run);
		const stock = moved.rows.some((row) => row.spec_no) ? moved : await timeSample(run, 'stock');
		const specNo = stock.rows.find((row) => row.spec_no)?.spec_no;
		if (!specNo)
			return couldNotTell(
				this,
				moved.failure ??
					stock.failure ??
					'No SKU code found to ask about (no stock movement or stock record).',
				{ method: METHODS.movement },
			);
		const reply = await page(
			run,
			METHODS.movement,
			{
				spec_no: String(specNo),
				...windowParams(METHODS.movement, run.nowMs - 2 * HOUR_MS, run.nowMs),
			},
			1,
		);
		const details: Row = { method: METHODS.movement, spec_no: specNo, window: '2 hours' };
		if (!reply.failure) {
			details.rows = reply.rows.length;
			return result(
				this,
				'as assumed',
				'2 hours with a SKU code are answered',
				'Get Many reads 30-day windows per SKU code and one-hour windows without SKU codes.',
				details,
			);
		}
		details.refusal = reply.failure;
		if (!/小时|时间/.test(reply.failure)) return couldNotTell(this, reply.failure, details);
		return result(
			this,
			'differs',
			'60 minutes at most, with SKU codes too',
			"Nothing to do: when WDT refuses a SKU code's longer window, Get Many reads that SKU and the rest in one-hour windows (more calls; it stops with an error naming the SKU past 744 calls). Stock Moved reads one-hour windows anyway.",
			details,
		);
	},
};

export const movementSpecListCheck: Check = {
	assumption:
		'Stock movements (queryChangeHistory) take one SKU code in spec_no: a comma list matches nothing',
	affects: MOVEMENT_AFFECTS,
	async run(run) {
		const moved = await movementSample(run);
		const first = moved.rows.find((row) => row.spec_no && readAnyTime(row.created) !== undefined);
		if (!first)
			return couldNotTell(
				this,
				moved.failure ?? 'No stock movement in the last hour.',
				{ method: METHODS.movement, window: moved.windows?.[0] },
			);
		const a = String(first.spec_no);
		const b = String(
			moved.rows.find((row) => row.spec_no && String(row.spec_no) !== a)?.spec_no ?? a,
		);
		// A window of at most 60 minutes around the movement: allowed under every window reading.
		const atMs = readAnyTime(first.created) as number;
		const endMs = Math.min(run.nowMs, atMs + 30 * 60_000);
		const reply = await page(
			run,
			METHODS.movement,
			{ spec_no: `${a},${b}`, ...windowParams(METHODS.movement, endMs - HOUR_MS + 1000, endMs) },
			WDT_MAX_PAGE_SIZE,
		);
		const ofA = reply.rows.filter((row) => String(row.spec_no) === a).length;
		const details: Row = {
			method: METHODS.movement,
			spec_no_sent: `${a},${b}`,
			rows: reply.rows.length,
			rows_of_first_code: ofA,
		};
		if (reply.failure) {
			details.refusal = reply.failure;
			return result(
				this,
				'as assumed',
				'a comma list is refused',
				'Get Many and Stock Moved send one SKU code per call, right under both readings.',
				details,
			);
		}
		if (ofA > 0)
			return result(
				this,
				'differs',
				'a comma list selects each code',
				'Nothing to do: Get Many and Stock Moved send one SKU code per call, which works under both readings.',
				details,
			);
		if (reply.rows.length > 0)
			return couldNotTell(this, 'The comma list found movements of other SKU codes only.', details);
		return result(
			this,
			'as assumed',
			'a comma list matches nothing (one code per call)',
			'Get Many and Stock Moved send one SKU code per call.',
			details,
		);
	},
};

export const stocktakeLinesCheck: Check = {
	assumption:
		"Stock count lines (queryStockPdDetail) come with data as the list, as the page's reply example shows",
	affects: ['Stock Count → Get Many (Include Lines)'],
	async run(run) {
		const stocktakes = await sampleLookBack(run, METHODS.stocktake);
		const pdNo = stocktakes.rows.find((row) => row.pd_no)?.pd_no;
		if (!pdNo)
			return couldNotTell(this, stocktakes.failure ?? `No stock count in the last ${days(run)}.`, {
				method: METHODS.stocktake,
				window: stocktakes.window,
			});
		const reply = await run.session.call({
			method: METHODS.stocktakeLines,
			args: [{ pd_no: String(pdNo) }],
			pager: { pageSize: 1, pageNo: 0, calcTotal: true },
		});
		const details: Row = { method: METHODS.stocktakeLines, pd_no: pdNo };
		if (!reply.ok) return couldNotTell(this, reply.error.message, details);
		const data = reply.reply.data;
		details.data_form = Array.isArray(data) ? 'a list' : typeof data;
		if (Array.isArray(data))
			return result(
				this,
				'as assumed',
				'data is the list of lines',
				'Include Lines reads data as a list, or the one list inside it.',
				details,
			);
		if (data && typeof data === 'object' && Array.isArray((data as Row).pd_detail_list))
			return result(
				this,
				'differs',
				'data.pd_detail_list holds the lines',
				'Nothing to do: Include Lines reads the one list inside data too, so the lines are the same.',
				details,
			);
		return couldNotTell(this, 'The reply holds no list of lines.', details);
	},
};
