/**
 * Check Assumptions: read-only probes that tell which reading of an ambiguous vendor page the
 * user's own WDT follows (docs/wdt-ambiguities.md). One result per assumption; pure apart from
 * the transport behind the session.
 */
import { getCatalogMethod } from '../catalog';
import {
	DAY_MS,
	HOUR_MS,
	locateRecords,
	parseServerNow,
	parseWdtTime,
	toWdtTime,
	WDT_MAX_PAGE_SIZE,
	type WdtCall,
} from '../protocol';
import { ProbeSession, ProbeStopError, type ProbeReply, type ProbeTransport } from './session';

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

export interface CheckOptions {
	/** Where samples come from: the last this many days (bounded by LOOK_BACK_DAYS). */
	lookBackDays?: number;
	/** This host's clock (tests). */
	nowMs?: () => number;
	/** The session's call budget (default MAX_PROBE_CALLS). */
	maxCalls?: number;
}

export const LOOK_BACK_DAYS = { default: 7, min: 1, max: 30 };

/** WDT accepts a request timestamp within this of its own clock. */
const CLOCK_TOLERANCE_MS = 120_000;

/** One-hour-window methods are sampled in at most this many hours of the look-back. */
const HOUR_SAMPLES = 3;

type Row = Record<string, unknown>;

const METHODS = {
	now: 'system.Core.now',
	refund: 'aftersales.refund.Refund.search',
	goods: 'goods.Goods.queryWithSpec',
	stock: 'wms.StockSpec.search2',
	warehouse: 'setting.Warehouse.queryWarehouse',
	trade: 'sales.TradeQuery.queryWithDetail',
	stockout: 'wms.stockout.Sales.queryWithDetail',
	apply: 'purchase.PurchaseApply.search',
} as const;

const STOCKOUT_CANCELLED = '5';
const STOCKOUT_DELAYED = 90;

/** What one run learns and shares between checks (samples are read once). */
interface Run {
	session: ProbeSession;
	hostNowMs: () => number;
	/** WDT's now, once system.Core.now told it; else this host's. */
	nowMs: number;
	lookBackMs: number;
	samples: Map<string, Sample>;
}

interface Sample {
	rows: Row[];
	total?: number;
	asked: number;
	/** Set when the call failed (not a stop). */
	failure?: string;
	window?: string;
}

/** The records and total of a reply, where the catalog says the method keeps them. */
function pageOf(method: string, reply: ProbeReply & { ok: true }): { rows: Row[]; total?: number } {
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

async function page(run: Run, method: string, params: Row, pageSize: number): Promise<Sample> {
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

/** A sample over the whole look-back (methods whose window is the look-back or longer). */
async function sampleLookBack(run: Run, method: string, extra: Row = {}): Promise<Sample> {
	const cached = run.samples.get(method);
	if (cached) return cached;
	const [startField, endField] = getCatalogMethod(method)?.windowFields ?? [
		'start_time',
		'end_time',
	];
	const maxMs = getCatalogMethod(method)?.maxWindowMs ?? run.lookBackMs;
	const startMs = run.nowMs - Math.min(run.lookBackMs, maxMs);
	const sample = await page(
		run,
		method,
		{ ...extra, [startField]: toWdtTime(startMs), [endField]: toWdtTime(run.nowMs) },
		WDT_MAX_PAGE_SIZE,
	);
	sample.window = windowText(startMs, run.nowMs);
	run.samples.set(method, sample);
	return sample;
}

/**
 * Samples a one-hour-window method in a few hours spread over the look-back (the last hour, then
 * earlier), until `enough` says the rows found so far suffice.
 */
async function sampleHours(
	run: Run,
	method: string,
	extra: Row,
	enough: (rows: Row[]) => boolean,
): Promise<Sample & { windows: string[] }> {
	const rows: Row[] = [];
	const windows: string[] = [];
	const step = Math.max(HOUR_MS, Math.floor(run.lookBackMs / HOUR_SAMPLES));
	let failure: string | undefined;
	for (let i = 0; i < HOUR_SAMPLES; i++) {
		const endMs = run.nowMs - i * step;
		const startMs = endMs - HOUR_MS;
		if (startMs < run.nowMs - run.lookBackMs) break;
		const sample = await page(
			run,
			method,
			{ ...extra, start_time: toWdtTime(startMs), end_time: toWdtTime(endMs) },
			WDT_MAX_PAGE_SIZE,
		);
		windows.push(windowText(startMs, endMs));
		failure ??= sample.failure;
		rows.push(...sample.rows);
		if (enough(rows)) break;
	}
	return { rows, asked: WDT_MAX_PAGE_SIZE, failure, windows };
}

/** Any time form WDT documents → unix ms (CST text, ms, seconds, numeric strings of these). */
export function readAnyTime(value: unknown): number | undefined {
	if (typeof value === 'string') {
		const text = parseWdtTime(value);
		if (text !== undefined) return text;
		if (!/^\d{9,13}$/.test(value.trim())) return undefined;
	}
	if (typeof value !== 'number' && typeof value !== 'string') return undefined;
	const number = Number(value);
	if (!Number.isFinite(number) || number <= 0) return undefined;
	return number < 1e11 ? number * 1000 : number;
}

export type TimeForm = 'text' | 'ms' | 'seconds' | 'msText' | 'secondsText' | 'other';

export const TIME_FORM_NAMES: Record<TimeForm, string> = {
	text: 'text yyyy-MM-dd HH:mm:ss',
	ms: 'milliseconds (a number)',
	seconds: 'seconds (a number)',
	msText: 'milliseconds as a numeric string',
	secondsText: 'seconds as a numeric string',
	other: 'another form',
};

/** The form of one time value; undefined for an empty one. */
export function timeFormOf(value: unknown): TimeForm | undefined {
	if (value === undefined || value === null || value === '' || value === 0 || value === '0')
		return undefined;
	if (typeof value === 'number') return value >= 1e11 ? 'ms' : value >= 1e8 ? 'seconds' : 'other';
	if (typeof value !== 'string') return 'other';
	if (parseWdtTime(value) !== undefined) return 'text';
	if (/^\d{12,13}$/.test(value.trim())) return 'msText';
	if (/^\d{9,10}$/.test(value.trim())) return 'secondsText';
	return 'other';
}

/** A documented time field of a reply: `created`, `modified`, `…_time`, `…_modified`, `…_date`. */
const TIME_FIELD = /(^|_)(created|modified|time|date)$/;

/** The forms of every time field in the rows (one level of nested lists included). */
function timeForms(rows: Row[]): Record<string, Partial<Record<TimeForm, number>>> {
	const forms: Record<string, Partial<Record<TimeForm, number>>> = {};
	const note = (field: string, value: unknown) => {
		const form = timeFormOf(value);
		if (!form) return;
		forms[field] ??= {};
		forms[field][form] = (forms[field][form] ?? 0) + 1;
	};
	for (const row of rows) {
		for (const [field, value] of Object.entries(row)) {
			if (Array.isArray(value)) {
				for (const nested of value)
					if (nested && typeof nested === 'object')
						for (const [inner, innerValue] of Object.entries(nested as Row))
							if (TIME_FIELD.test(inner)) note(`${field}.${inner}`, innerValue);
			} else if (TIME_FIELD.test(field)) note(field, value);
		}
	}
	return forms;
}

const result = (
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

const couldNotTell = (
	base: Pick<AssumptionResult, 'assumption' | 'affects'>,
	why: string,
	details: Record<string, unknown> = {},
) => result(base, 'could not tell', 'unknown', why, details);

const days = (run: Run) => `${Math.round(run.lookBackMs / DAY_MS)} days`;

interface Check {
	assumption: string;
	affects: string[];
	run(run: Run): Promise<AssumptionResult>;
}

const clockCheck: Check = {
	assumption:
		"This host's clock is within 120 seconds of WDT's (WDT refuses a request timestamp further off)",
	affects: ['Every operation and event'],
	async run(run) {
		const sentMs = run.hostNowMs();
		const reply = await run.session.call({ method: METHODS.now, args: [] }).catch((error) => {
			if (run.session.stoppedBy?.kind !== 'clockSkew') throw error;
			return undefined;
		});
		const receivedMs = run.hostNowMs();
		if (!reply)
			return result(
				this,
				'differs',
				"more than 120 s apart: WDT refused this host's timestamp",
				"Sync this host's clock (NTP): until then WDT refuses every call.",
				{ wdt_status: run.session.stoppedBy?.status },
			);
		if (!reply.ok) return couldNotTell(this, `system.Core.now failed: ${reply.error.message}`);
		const serverMs = parseServerNow(reply.reply.data);
		if (serverMs === undefined)
			return couldNotTell(this, 'system.Core.now answered with a time the package cannot read', {
				data_form: typeof reply.reply.data,
			});
		run.nowMs = serverMs;
		const offsetMs = serverMs - Math.round((sentMs + receivedMs) / 2);
		const offset = Math.round(offsetMs / 1000);
		const words = `WDT's clock is ${Math.abs(offset)} s ${offset >= 0 ? 'ahead of' : 'behind'} this host's`;
		const details = { offset_seconds: offset, round_trip_ms: receivedMs - sentMs };
		return Math.abs(offsetMs) <= CLOCK_TOLERANCE_MS
			? result(this, 'as assumed', words, 'Within the 120 s WDT accepts.', details)
			: result(
					this,
					'differs',
					words,
					"Beyond the 120 s WDT accepts: sync this host's clock (NTP). The trigger plans its windows from WDT's time meanwhile.",
					details,
				);
	},
};

/** The four replies whose time forms are checked, sampled once (the page-size check reads them too). */
const TIME_SAMPLES: Array<{ key: keyof typeof METHODS; label: string; affects: string[] }> = [
	{
		key: 'refund',
		label: 'Refund (aftersales.refund.Refund.search)',
		affects: ['Refund → Get Many', 'Refund → Get', 'Refund Created or Updated'],
	},
	{
		key: 'goods',
		label: 'Product (goods.Goods.queryWithSpec)',
		affects: ['Product → Get Many', 'Product → Get', 'Goods Created or Updated'],
	},
	{
		key: 'stock',
		label: 'Stock (wms.StockSpec.search2)',
		affects: ['Stock → Get Many'],
	},
	{
		key: 'warehouse',
		label: 'Warehouse (setting.Warehouse.queryWarehouse)',
		affects: ['Warehouse → Get Many'],
	},
];

async function timeSample(run: Run, key: keyof typeof METHODS): Promise<Sample> {
	const method = METHODS[key];
	if (key !== 'warehouse') return await sampleLookBack(run, method);
	const cached = run.samples.get(method);
	if (cached) return cached;
	// Warehouses change rarely: every warehouse, without a time range.
	const sample = await page(run, method, {}, WDT_MAX_PAGE_SIZE);
	run.samples.set(method, sample);
	return sample;
}

const timeFormChecks: Check[] = TIME_SAMPLES.map(({ key, label, affects }) => ({
	assumption: `${label} replies send times as text yyyy-MM-dd HH:mm:ss (China time)`,
	affects,
	async run(run) {
		const sample = await timeSample(run, key);
		if (sample.failure) return couldNotTell(this, sample.failure);
		if (sample.rows.length === 0)
			return couldNotTell(
				this,
				`No record to look at${sample.window ? ` modified in the last ${days(run)}` : ''}.`,
				{ method: METHODS[key], window: sample.window, records: 0 },
			);
		const forms = timeForms(sample.rows);
		const found = new Set(
			Object.values(forms).flatMap((counts) => Object.keys(counts) as TimeForm[]),
		);
		const details = { method: METHODS[key], records: sample.rows.length, forms_by_field: forms };
		if (found.size === 0)
			return couldNotTell(this, 'The records found have no time filled in.', details);
		const reading = `times as ${[...found].map((form) => TIME_FORM_NAMES[form]).join(' and ')}`;
		if (found.size === 1 && found.has('text'))
			return result(this, 'as assumed', reading, 'Every time field sampled is text.', details);
		return result(
			this,
			'differs',
			reading,
			'The package reads every form WDT documents (text, milliseconds, seconds, numeric strings) and normalises it where replies enter, so cursors, windows, sorting and the _iso fields stay right.',
			details,
		);
	},
}));

const pageSizeCheck: Check = {
	assumption: `WDT serves the page size asked for (${WDT_MAX_PAGE_SIZE} rows) whenever more rows match`,
	affects: ['Every Get Many', 'Every trigger event', 'Custom → Call with Paged Query'],
	async run(run) {
		const served: Array<Record<string, unknown>> = [];
		for (const { key } of TIME_SAMPLES) {
			const sample = await timeSample(run, key);
			if (sample.failure || sample.total === undefined) continue;
			served.push({
				method: METHODS[key],
				asked: sample.asked,
				served: sample.rows.length,
				total: sample.total,
			});
		}
		// One call asking for more than the package ever asks, to see whether WDT refuses or caps it.
		const oversized = 2 * WDT_MAX_PAGE_SIZE;
		const big = await page(run, METHODS.warehouse, {}, oversized);
		const oversizedReply = big.failure
			? `refused: ${big.failure}`
			: `answered with ${big.rows.length} of ${big.total ?? '?'} rows`;
		const details = { samples: served, [`page_size_${oversized}`]: oversizedReply };
		const refused = TIME_SAMPLES.map(({ key }) => run.samples.get(METHODS[key])?.failure).find(
			(failure) => failure !== undefined && /page_size/i.test(failure),
		);
		if (refused)
			return result(
				this,
				'differs',
				`pages of ${WDT_MAX_PAGE_SIZE} rows are refused`,
				`The package asks for ${WDT_MAX_PAGE_SIZE} rows a page, the most the vendor's rules allow; this WDT refuses that, so its reads fail. Please report it.`,
				{ ...details, refusal: refused },
			);
		const telling = served.filter(
			(s) =>
				(s.total as number) > (s.served as number) || (s.served as number) >= (s.asked as number),
		);
		const capped = telling.filter(
			(s) => (s.served as number) < Math.min(s.asked as number, s.total as number),
		);
		if (capped.length) {
			const most = Math.max(...capped.map((s) => s.served as number));
			return result(
				this,
				'differs',
				`at most ${most} rows a page, although ${WDT_MAX_PAGE_SIZE} were asked`,
				"The package follows total_count, not a page's length: a short page before the total makes it re-read at the size served, so no row is lost; reads take more calls.",
				details,
			);
		}
		if (telling.length === 0)
			return couldNotTell(
				this,
				`No sample had enough rows to fill a page of ${WDT_MAX_PAGE_SIZE} (or every sample failed).`,
				details,
			);
		return result(
			this,
			'as assumed',
			`full pages of ${WDT_MAX_PAGE_SIZE} rows`,
			'Every sample that had more rows than a page was served a full page.',
			details,
		);
	},
};

/** A platform order number long enough to cut: the first such of the rows. */
function sampleSrcTid(rows: Row[]): { tid: string; tradeNo: unknown } | undefined {
	for (const row of rows) {
		const tid =
			String(row.src_tids ?? '')
				.split(',')[0]
				?.trim() || '';
		const lines = Array.isArray(row.detail_list) ? (row.detail_list as Row[]) : [];
		const candidate = tid || String(lines[0]?.src_tid ?? '').trim();
		if (candidate.length >= 6 && !/[,\s]/.test(candidate))
			return { tid: candidate, tradeNo: row.trade_no };
	}
	return undefined;
}

/** True when a trade holds the platform order number `tid` exactly. */
function holdsTid(row: Row, tid: string): boolean {
	const lines = Array.isArray(row.detail_list) ? (row.detail_list as Row[]) : [];
	return (
		String(row.src_tids ?? '')
			.split(',')
			.some((part) => part.trim() === tid) ||
		lines.some((line) => String(line.src_tid ?? '') === tid)
	);
}

const srcTidCheck: Check = {
	assumption:
		'A platform order number (src_tid) sent with accurate_query=1 finds only orders that hold exactly that number',
	affects: [
		'Sales Order → Get (by Platform Order Number)',
		'Sales Order → Get Many (Platform Order Numbers filter)',
	],
	async run(run) {
		const trades = await sampleHours(run, METHODS.trade, {}, (rows) => !!sampleSrcTid(rows));
		const sample = sampleSrcTid(trades.rows);
		if (!sample)
			return couldNotTell(
				this,
				trades.failure ??
					`No sales order with a platform order number in the ${trades.windows.length} hours sampled.`,
				{ method: METHODS.trade, hours_sampled: trades.windows },
			);
		const part = sample.tid.slice(0, Math.max(3, Math.floor((sample.tid.length * 2) / 3)));
		const lookup = async (srcTid: string, accurate: boolean) => {
			const reply = await page(
				run,
				METHODS.trade,
				{ src_tid: srcTid, ...(accurate ? { accurate_query: 1 } : {}) },
				WDT_MAX_PAGE_SIZE,
			);
			return {
				failure: reply.failure,
				found: reply.rows.some((row) => holdsTid(row, sample.tid)),
				others: reply.rows.filter((row) => !holdsTid(row, srcTid)).length,
				rows: reply.rows.length,
			};
		};
		const partLoose = await lookup(part, false);
		const partExact = await lookup(part, true);
		const fullExact = await lookup(sample.tid, true);
		const details = {
			method: METHODS.trade,
			sample_trade_no: sample.tradeNo,
			sample_src_tid_length: sample.tid.length,
			part_sent: `the first ${part.length} characters`,
			part_without_accurate_query: partLoose,
			part_with_accurate_query: partExact,
			full_with_accurate_query: fullExact,
		};
		const failure = partLoose.failure ?? partExact.failure ?? fullExact.failure;
		if (failure) return couldNotTell(this, failure, details);
		if (!fullExact.found)
			return couldNotTell(
				this,
				'The sampled order was not found by its own platform order number with accurate_query=1.',
				details,
			);
		if (partExact.found)
			return result(
				this,
				'differs',
				'loose: part of a number finds other orders even with accurate_query=1 (the flag is ignored)',
				'The package keeps only records whose src_tid/src_tids hold the number exactly, so its lookups stay right; a search by part of a number is not possible.',
				details,
			);
		return result(
			this,
			'as assumed',
			partLoose.found
				? 'loose without accurate_query, exact with accurate_query=1'
				: 'exact: a part of a number finds nothing, with or without accurate_query',
			'The package sends accurate_query=1 for exact lookups and also keeps only exact matches.',
			details,
		);
	},
};

/** Every stockout status of the catalog except cancelled, for status_type 3. */
function activeStockoutStatuses(): string {
	const table = getCatalogMethod(METHODS.stockout)?.statusTables?.status ?? {};
	const codes = Object.keys(table).filter((code) => code !== STOCKOUT_CANCELLED);
	return (codes.length ? codes : ['55', '90', '95', '110']).join(',');
}

/** Active stockouts of a few hours, sampled once for two checks: until a status-90 one shows. */
async function stockoutSample(run: Run): Promise<Sample & { windows: string[] }> {
	const key = `${METHODS.stockout}#active`;
	const cached = run.samples.get(key) as (Sample & { windows: string[] }) | undefined;
	if (cached) return cached;
	const sample = await sampleHours(
		run,
		METHODS.stockout,
		{ status_type: 3, status: activeStockoutStatuses() },
		(rows) => rows.some((row) => Number(row.status) === STOCKOUT_DELAYED),
	);
	run.samples.set(key, sample);
	return sample;
}

const stockoutStatusTypeCheck: Check = {
	assumption:
		'A sales stockout looked up by number without status_type is found whatever its status (the page marks status_type required, default "cancelled")',
	affects: [
		'Sales Stockout → Get',
		'Include Details read by number (Sales Stockout → Get Many Cancelled)',
	],
	async run(run) {
		const sample = await stockoutSample(run);
		const stockout = sample.rows.find(
			(row) => String(row.status) !== STOCKOUT_CANCELLED && row.order_no,
		);
		if (!stockout)
			return couldNotTell(
				this,
				sample.failure ??
					`No stockout that is not cancelled in the ${sample.windows.length} hours sampled.`,
				{ method: METHODS.stockout, hours_sampled: sample.windows },
			);
		const number = String(stockout.order_no);
		const find = async (params: Row) => {
			const reply = await page(run, METHODS.stockout, params, 10);
			return {
				failure: reply.failure,
				found: reply.rows.some(
					(row) => String(row.order_no).toUpperCase() === number.toUpperCase(),
				),
			};
		};
		const without = await find({ stockout_no: number });
		const withType = await find({
			stockout_no: number,
			status_type: 3,
			status: String(stockout.status),
		});
		const details = {
			method: METHODS.stockout,
			stockout_no: number,
			status: stockout.status,
			found_without_status_type: without.failure ? `refused: ${without.failure}` : without.found,
			found_with_status_type_3: withType.failure ? `refused: ${withType.failure}` : withType.found,
		};
		if (withType.failure || !withType.found)
			return couldNotTell(
				this,
				withType.failure ??
					'The stockout was not found by number even with status_type 3 and its status.',
				details,
			);
		if (!without.failure && without.found)
			return result(
				this,
				'as assumed',
				'without status_type every status is searched',
				'A lookup by number finds the stockout either way.',
				details,
			);
		return result(
			this,
			'differs',
			without.failure
				? 'without status_type the lookup is refused'
				: 'without status_type only cancelled stockouts are found',
			'The package sends status_type with every status for lookups by number, so they find the stockout under this reading too.',
			details,
		);
	},
};

const warehouseOnlyStockCheck: Check = {
	assumption:
		'WDT refuses a stock search (search2) with a warehouse and neither SKU codes nor times, as its page says',
	affects: ['Stock → Get Many'],
	async run(run) {
		const warehouses = await timeSample(run, 'warehouse');
		const warehouseNo = warehouses.rows.find((row) => row.warehouse_no)?.warehouse_no;
		if (!warehouseNo)
			return couldNotTell(this, warehouses.failure ?? 'No warehouse found to ask about.', {
				method: METHODS.warehouse,
			});
		const reply = await run.session.call({
			method: METHODS.stock,
			args: [{ warehouse_no: String(warehouseNo) }],
			pager: { pageSize: 1, pageNo: 0, calcTotal: true },
		});
		const details: Record<string, unknown> = { method: METHODS.stock, warehouse_no: warehouseNo };
		if (!reply.ok) {
			details.refusal = reply.error.wdtMessage ?? reply.error.message;
			if (reply.error.kind !== 'business' && reply.error.kind !== 'badArguments')
				return couldNotTell(this, reply.error.message, details);
			return result(
				this,
				'as assumed',
				'refused',
				'The package refuses that combination before any call and says what to set.',
				details,
			);
		}
		const { rows, total } = pageOf(METHODS.stock, reply);
		details.total = total;
		details.rows = rows.length;
		return result(
			this,
			'differs',
			'answered: a warehouse alone is accepted',
			'The package still asks for times or SKU codes, as the page requires; a whole-warehouse read works on this WDT through Custom → Call.',
			details,
		);
	},
};

const purchaseApplyRangeCheck: Check = {
	assumption: "Purchase apply search's time range filters by modified time",
	affects: ['Purchase Apply → Get Many', 'Purchase Apply Status Changed'],
	async run(run) {
		const sample = await sampleLookBack(run, METHODS.apply);
		const apply = sample.rows.find((row) => {
			const created = readAnyTime(row.created);
			const modified = readAnyTime(row.modified);
			return (
				created !== undefined && modified !== undefined && Math.abs(modified - created) >= 5000
			);
		});
		if (!apply)
			return couldNotTell(
				this,
				sample.failure ??
					`No purchase apply in the last ${days(run)} was modified after it was created.`,
				{ method: METHODS.apply, records: sample.rows.length },
			);
		const number = String(apply.purchase_apply_no ?? '');
		const around = async (ms: number) => {
			const reply = await page(
				run,
				METHODS.apply,
				{ start_time: toWdtTime(ms - 1000), end_time: toWdtTime(ms + 1000) },
				WDT_MAX_PAGE_SIZE,
			);
			return {
				failure: reply.failure,
				found: reply.rows.some((row) => String(row.purchase_apply_no ?? '') === number),
			};
		};
		const byCreated = await around(readAnyTime(apply.created) as number);
		const byModified = await around(readAnyTime(apply.modified) as number);
		const details = {
			method: METHODS.apply,
			purchase_apply_no: number,
			created: apply.created,
			modified: apply.modified,
			found_in_window_around_created: byCreated.failure ?? byCreated.found,
			found_in_window_around_modified: byModified.failure ?? byModified.found,
		};
		const failure = byCreated.failure ?? byModified.failure;
		if (failure) return couldNotTell(this, failure, details);
		if (byModified.found && !byCreated.found)
			return result(
				this,
				'as assumed',
				'the range filters modified time',
				'Get Many and the event see every change.',
				details,
			);
		if (byCreated.found && !byModified.found)
			return result(
				this,
				'differs',
				'the range filters created time',
				"Get Many then selects applies by creation time, and Purchase Apply Status Changed sees a change only while the apply's creation lies inside its look-back: keep the event's look-back long, or read the applies you follow by number.",
				details,
			);
		return couldNotTell(
			this,
			byCreated.found
				? 'The apply was found around both times.'
				: 'The apply was found around neither time.',
			details,
		);
	},
};

const status90Check: Check = {
	assumption:
		'Stockouts in status 90 (Delayed Shipment) have not shipped: they carry no consign_time ("not returned while the order has not shipped")',
	affects: ['Sales Stockout Shipped', 'Sales Stockout → Get Many (Delayed Shipment or Completed)'],
	async run(run) {
		const sample = await stockoutSample(run);
		const delayed = sample.rows.filter((row) => Number(row.status) === STOCKOUT_DELAYED);
		if (delayed.length === 0)
			return couldNotTell(
				this,
				sample.failure ?? `No status-90 stockout in the ${sample.windows.length} hours sampled.`,
				{ method: METHODS.stockout, hours_sampled: sample.windows },
			);
		const withTime = delayed.filter((row) => readAnyTime(row.consign_time) !== undefined);
		const details = {
			method: METHODS.stockout,
			status_90_stockouts: delayed.length,
			with_consign_time: withTime.length,
			stockout_nos: delayed.slice(0, 5).map((row) => row.order_no),
		};
		if (withTime.length === 0)
			return result(
				this,
				'as assumed',
				'status 90 has not shipped (no consign_time)',
				"Keep Sales Stockout Shipped's Include Delayed Shipment off: on this WDT a status-90 stockout has not shipped yet.",
				details,
			);
		if (withTime.length < delayed.length)
			return result(
				this,
				'could not tell',
				'some status-90 stockouts carry consign_time, some do not',
				"Keep Sales Stockout Shipped's Include Delayed Shipment off, so no shipment is claimed before it happens.",
				details,
			);
		return result(
			this,
			'differs',
			'status 90 has shipped (consign_time filled in)',
			"On this WDT status 90 carries a shipment time: turn on Sales Stockout Shipped's Include Delayed Shipment to be told at status 90 rather than at Completed (110).",
			details,
		);
	},
};

/** Every check, in output order. */
export const CHECKS: readonly Check[] = [
	clockCheck,
	pageSizeCheck,
	...timeFormChecks,
	srcTidCheck,
	stockoutStatusTypeCheck,
	warehouseOnlyStockCheck,
	purchaseApplyRangeCheck,
	status90Check,
];

/** Clamps the look-back to its bounds (whole days). */
export function lookBackDays(value: unknown): number {
	const number = Math.round(Number(value));
	if (!Number.isFinite(number)) return LOOK_BACK_DAYS.default;
	return Math.min(LOOK_BACK_DAYS.max, Math.max(LOOK_BACK_DAYS.min, number));
}

/**
 * Runs every check through `transport`, read-only and bounded; returns one result per check.
 * After a stop (rate limit, budget, a refused credential) the remaining checks say why.
 */
export async function checkAssumptions(
	transport: ProbeTransport,
	options: CheckOptions = {},
): Promise<AssumptionResult[]> {
	const hostNowMs = options.nowMs ?? (() => Date.now());
	const run: Run = {
		session: new ProbeSession(transport, options.maxCalls),
		hostNowMs,
		nowMs: hostNowMs(),
		lookBackMs: lookBackDays(options.lookBackDays ?? LOOK_BACK_DAYS.default) * DAY_MS,
		samples: new Map(),
	};
	const results: AssumptionResult[] = [];
	for (const check of CHECKS) {
		results.push(
			await check.run(run).catch(async (error: unknown) =>
				error instanceof ProbeStopError
					? couldNotTell(check, `Could not tell: ${error.message}.`, {
							calls_made: run.session.calls,
						})
					: await Promise.reject(error),
			),
		);
	}
	return results;
}
