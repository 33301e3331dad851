/**
 * What Check Assumptions' checks share: the result shape, the run (its session, clocks and the
 * samples read once), and sampling a method over the look-back or a few hours of it.
 */
import { getCatalogMethod } from '../catalog';
import {
	DAY_MS,
	HOUR_MS,
	locateRecords,
	toWdtTime,
	WDT_MAX_PAGE_SIZE,
	type WdtCall,
} from '../protocol';
import type { ProbeReply, ProbeSession } from './session';

export type Verdict = 'as assumed' | 'differs' | 'could not tell';

/** One output item. */
export interface AssumptionResult {
	assumption: string;
	reading_found: string;
	verdict: Verdict;
	why: string;
	/** Operations and events concerned, by their English names. */
	affects: string[];
	/** The evidence: methods, record numbers, field forms, counts. Never a credential. */
	details: Record<string, unknown>;
}

/**
 * One-hour-window methods are sampled in at most this many hours of the look-back (the stockouts,
 * which look for a rare status; the others read the last hour only): it keeps the run's budget.
 */
export const HOUR_SAMPLES = 2;

export type Row = Record<string, unknown>;

export const METHODS = {
	now: 'system.Core.now',
	refund: 'aftersales.refund.Refund.search',
	goods: 'goods.Goods.queryWithSpec',
	stock: 'wms.StockSpec.search2',
	warehouse: 'setting.Warehouse.queryWarehouse',
	trade: 'sales.TradeQuery.queryWithDetail',
	stockout: 'wms.stockout.Sales.queryWithDetail',
	apply: 'purchase.PurchaseApply.search',
	purchaseOrder: 'purchase.PurchaseOrder.queryWithDetail',
	purchaseStockin: 'wms.stockin.Purchase.queryWithDetail',
	movement: 'wms.StockSpec.queryChangeHistory',
	syncPending: 'sales.StockSync.getSelfWaitSyncIdListOpen',
	syncCalc: 'sales.StockSync.batchCalcStock',
	stocktake: 'wms.StockPd.queryStockPd',
	stocktakeLines: 'wms.StockPd.queryStockPdDetail',
	refundStockin: 'wms.stockin.Refund.queryWithDetail',
	transfer: 'wms.stocktransfer.Manage.queryWithDetail',
	invoice: 'finance.invoice.InvoiceOrder.search',
} as const;

export const STOCKOUT_CANCELLED = '5';
export const STOCKOUT_DELAYED = 90;

/** What one run learns and shares between checks (samples are read once). */
export interface Run {
	session: ProbeSession;
	hostNowMs: () => number;
	/** WDT's now, once system.Core.now told it; else this host's. */
	nowMs: number;
	lookBackMs: number;
	samples: Map<string, Sample>;
}

export interface Sample {
	rows: Row[];
	total?: number;
	asked: number;
	/** Set when the call failed (not a stop). */
	failure?: string;
	window?: string;
}

/** The records and total of a reply, where the catalog says the method keeps them. */
export function pageOf(
	method: string,
	reply: ProbeReply & { ok: true },
): { rows: Row[]; total?: number } {
	const catalog = getCatalogMethod(method);
	const { list, total } = locateRecords(
		method,
		reply.reply.data,
		{
			listPath: catalog?.listPath,
			totalPath: catalog?.totalPath,
			totalBesideData: catalog?.totalBesideData,
		},
		reply.reply as unknown as Record<string, unknown>,
	);
	return { rows: list.filter((row): row is Row => !!row && typeof row === 'object'), total };
}

export async function page(
	run: Run,
	method: string,
	params: Row,
	pageSize: number,
): Promise<Sample> {
	const call: WdtCall = {
		method,
		args: [params],
		pager: { pageSize, pageNo: 0, calcTotal: true },
	};
	const reply = await run.session.call(call);
	if (!reply.ok) return { rows: [], asked: pageSize, failure: reply.error.message };
	try {
		return { ...pageOf(method, reply), asked: pageSize };
	} catch (error) {
		return { rows: [], asked: pageSize, failure: (error as Error).message };
	}
}

const windowText = (startMs: number, endMs: number) =>
	`${toWdtTime(startMs)} – ${toWdtTime(endMs)} (China time)`;

/** The method's window fields (start, end), from the catalog. */
const windowFieldsOf = (method: string): readonly [string, string] => {
	const fields = getCatalogMethod(method)?.windowFields;
	return fields && fields.length >= 2 ? [fields[0], fields[1]] : ['start_time', 'end_time'];
};

/** The method's window over `startMs`–`endMs`, in its own field names. */
export function windowParams(method: string, startMs: number, endMs: number): Row {
	const [startField, endField] = windowFieldsOf(method);
	return { [startField]: toWdtTime(startMs), [endField]: toWdtTime(endMs) };
}

/** Where a look-back sample of `method` starts: the look-back, or the method's window if shorter. */
export function lookBackStartMs(run: Run, method: string): number {
	return (
		run.nowMs - Math.min(run.lookBackMs, getCatalogMethod(method)?.maxWindowMs ?? run.lookBackMs)
	);
}

/**
 * A sample over the whole look-back (methods whose window is the look-back or longer), read once
 * per method and `extra` (its cache key is the method, plus `key` when given).
 */
export async function sampleLookBack(
	run: Run,
	method: string,
	extra: Row = {},
	key = method,
): Promise<Sample> {
	const cached = run.samples.get(key);
	if (cached) return cached;
	const [startField, endField] = windowFieldsOf(method);
	const startMs = lookBackStartMs(run, method);
	const sample = await page(
		run,
		method,
		{ ...extra, [startField]: toWdtTime(startMs), [endField]: toWdtTime(run.nowMs) },
		WDT_MAX_PAGE_SIZE,
	);
	sample.window = windowText(startMs, run.nowMs);
	run.samples.set(key, sample);
	return sample;
}

/**
 * Samples a one-hour-window method in up to `hours` hours spread over the look-back (the last
 * hour, then earlier), until `enough` says the rows found so far suffice.
 */
export async function sampleHours(
	run: Run,
	method: string,
	extra: Row,
	enough: (rows: Row[]) => boolean,
	hours = 1,
): Promise<Sample & { windows: string[] }> {
	const rows: Row[] = [];
	const windows: string[] = [];
	const step = Math.max(HOUR_MS, Math.floor(run.lookBackMs / hours));
	let failure: string | undefined;
	for (let i = 0; i < hours; i++) {
		const endMs = run.nowMs - i * step;
		const startMs = endMs - HOUR_MS;
		if (startMs < run.nowMs - run.lookBackMs) break;
		const sample = await page(
			run,
			method,
			{ ...extra, ...windowParams(method, startMs, endMs) },
			WDT_MAX_PAGE_SIZE,
		);
		windows.push(windowText(startMs, endMs));
		failure ??= sample.failure;
		rows.push(...sample.rows);
		if (enough(rows)) break;
	}
	return { rows, asked: WDT_MAX_PAGE_SIZE, failure, windows };
}

/**
 * Whether the record whose `field` is `number` is found by `method` in a 2-second window around
 * `ms` (with `extra` params): tells which time a range selects by.
 */
export async function foundAround(
	run: Run,
	method: string,
	extra: Row,
	[field, number]: [string, string],
	ms: number,
): Promise<{ failure?: string; found: boolean }> {
	const reply = await page(
		run,
		method,
		{ ...extra, ...windowParams(method, ms - 1000, ms + 1000) },
		WDT_MAX_PAGE_SIZE,
	);
	return {
		failure: reply.failure,
		found: reply.rows.some((row) => String(row[field] ?? '') === number),
	};
}

/** A refusal of the call's arguments (status 100), as against a failure that says nothing of them. */
export const isArgumentRefusal = (error: { kind: string }) =>
	error.kind === 'business' || error.kind === 'badArguments';

/** A sample of one of the time-form methods (every warehouse: they change rarely). */
export async function timeSample(run: Run, key: keyof typeof METHODS): Promise<Sample> {
	const method = METHODS[key];
	if (key !== 'warehouse') return await sampleLookBack(run, method);
	const cached = run.samples.get(method);
	if (cached) return cached;
	// Warehouses change rarely: every warehouse, without a time range.
	const sample = await page(run, method, {}, WDT_MAX_PAGE_SIZE);
	run.samples.set(method, sample);
	return sample;
}

export const result = (
	base: Pick<AssumptionResult, 'assumption' | 'affects'>,
	verdict: Verdict,
	readingFound: string,
	why: string,
	details: Record<string, unknown> = {},
): AssumptionResult => ({
	assumption: base.assumption,
	reading_found: readingFound,
	verdict,
	why,
	affects: base.affects,
	details,
});

export const couldNotTell = (
	base: Pick<AssumptionResult, 'assumption' | 'affects'>,
	why: string,
	details: Record<string, unknown> = {},
) => result(base, 'could not tell', 'unknown', why, details);

export const days = (run: Run) => `${Math.round(run.lookBackMs / DAY_MS)} days`;

export interface Check {
	assumption: string;
	affects: string[];
	run(run: Run): Promise<AssumptionResult>;
}
