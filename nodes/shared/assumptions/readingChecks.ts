/**
 * The checks of one vendor page's reading each: platform order numbers, stockout lookups without
 * status_type, a warehouse-only stock search, the purchase apply range and status 90.
 */
import { getCatalogMethod } from '../catalog';
import { WDT_MAX_PAGE_SIZE } from '../protocol';
import {
	type Check,
	couldNotTell,
	days,
	isArgumentRefusal,
	METHODS,
	page,
	pageOf,
	result,
	type Row,
	type Run,
	HOUR_SAMPLES,
	type Sample,
	sampleHours,
	sampleLookBack,
	STOCKOUT_CANCELLED,
	STOCKOUT_DELAYED,
	timeSample,
} from './sampling';
import { modifiedRangeCheck } from './rangeTime';
import { readAnyTime } from './timeForms';

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

export const srcTidCheck: Check = {
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
				trades.failure ?? 'No sales order with a platform order number in the last hour.',
				{ method: METHODS.trade, hours_sampled: trades.windows },
			);
		const part = sample.tid.slice(0, Math.max(3, Math.floor((sample.tid.length * 2) / 3)));
		const lookup = async (srcTid: string) => {
			const reply = await page(
				run,
				METHODS.trade,
				{ src_tid: srcTid, accurate_query: 1 },
				WDT_MAX_PAGE_SIZE,
			);
			return {
				failure: reply.failure,
				found: reply.rows.some((row) => holdsTid(row, sample.tid)),
				others: reply.rows.filter((row) => !holdsTid(row, srcTid)).length,
				rows: reply.rows.length,
			};
		};
		// Part of the number with the flag tells the reading; the whole number confirms the lookup works.
		const partExact = await lookup(part);
		const fullExact = await lookup(sample.tid);
		const details = {
			method: METHODS.trade,
			sample_trade_no: sample.tradeNo,
			sample_src_tid_length: sample.tid.length,
			part_sent: `the first ${part.length} characters`,
			part_with_accurate_query: partExact,
			full_with_accurate_query: fullExact,
		};
		const failure = partExact.failure ?? fullExact.failure;
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
			'exact with accurate_query=1: a part of a number finds nothing',
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
		HOUR_SAMPLES,
	);
	run.samples.set(key, sample);
	return sample;
}

export const stockoutStatusTypeCheck: Check = {
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

export const warehouseOnlyStockCheck: Check = {
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
			if (!isArgumentRefusal(reply.error)) return couldNotTell(this, reply.error.message, details);
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

export const purchaseApplyRangeCheck = modifiedRangeCheck(
	'Purchase apply',
	'purchase apply',
	METHODS.apply,
	['purchase_apply_no', 'created'],
	['Purchase Apply → Get Many', 'Purchase Apply Status Changed'],
	"Get Many then selects applies by creation time, and Purchase Apply Status Changed sees a change only while the apply's creation lies inside its look-back: keep the event's look-back long, or read the applies you follow by number.",
);

/**
 * Whether the apply search's purchase_apply_no filter ("V1.5.1.0版本以上支持") selects that apply
 * only: one search by a sampled apply's number, without times (as Create's look-up sends it).
 */
export const purchaseApplyNoFilterCheck: Check = {
	assumption:
		'A purchase apply looked up by purchase_apply_no (a filter of WDT V1.5.1.0 and later) comes back alone',
	affects: ['Purchase Apply → Create (the look-up before sending a number)', 'Purchase Apply → Get Many'],
	async run(run) {
		const sample = await sampleLookBack(run, METHODS.apply);
		const numbers = [
			...new Set(sample.rows.map((row) => String(row.purchase_apply_no ?? '')).filter(Boolean)),
		];
		if (numbers.length < 2)
			return couldNotTell(
				this,
				sample.failure ??
					`No two purchase applies in the last ${days(run)}: a reply of one apply would not tell.`,
				{ method: METHODS.apply, records: sample.rows.length },
			);
		const number = numbers[0];
		const reply = await page(run, METHODS.apply, { purchase_apply_no: number }, WDT_MAX_PAGE_SIZE);
		const others = reply.rows.filter(
			(row) => String(row.purchase_apply_no ?? '').toUpperCase() !== number.toUpperCase(),
		);
		const details: Row = {
			method: METHODS.apply,
			purchase_apply_no: number,
			rows: reply.rows.length,
			other_numbers: others.length,
		};
		if (reply.failure) return couldNotTell(this, reply.failure, details);
		if (others.length)
			return result(
				this,
				'differs',
				'the filter is ignored: other applies come back (a WDT older than V1.5.1.0)',
				"Create's look-up keeps only the apply of that number and reads the list once a run, up to 1,000 applies; beyond that a number it cannot find is not sent and comes out 'unknown'. Get Many by number keeps only that apply. Updating WDT to V1.5.1.0 or later lifts the bound.",
				details,
			);
		if (reply.rows.length === 0)
			return couldNotTell(this, 'The sampled apply was not found by its own number.', details);
		return result(
			this,
			'as assumed',
			'the filter selects that apply only',
			"Create looks up each number in one call before sending it, so a re-run never creates an apply twice.",
			details,
		);
	},
};

export const status90Check: Check = {
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
				'Nothing to do: Sales Stockout Shipped counts a status-90 stockout only once it carries consign_time, so on this WDT it is emitted when it ships or completes (110).',
				details,
			);
		if (withTime.length < delayed.length)
			return result(
				this,
				'could not tell',
				'some status-90 stockouts carry consign_time, some do not',
				'Nothing to do: Sales Stockout Shipped counts only the status-90 stockouts that carry consign_time, so none is claimed shipped before it has shipped.',
				details,
			);
		return result(
			this,
			'differs',
			'status 90 has shipped (consign_time filled in)',
			"Nothing to do: with Include Delayed Shipment on (the default), Sales Stockout Shipped tells of these stockouts at status 90; turn it off to hear of a shipment only at Completed (110).",
			details,
		);
	},
};
