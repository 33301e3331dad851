/** The checks that concern every operation: the clock, the page size and the time forms. */
import { parseServerNow, WDT_MAX_PAGE_SIZE } from '../protocol';
import {
	type Check,
	couldNotTell,
	days,
	METHODS,
	result,
	type Run,
	type Sample,
	timeSample,
} from './sampling';
import { TIME_FORM_NAMES, type TimeForm, timeForms } from './timeForms';

/** WDT accepts a request timestamp within this of its own clock. */
const CLOCK_TOLERANCE_MS = 120_000;

export const clockCheck: Check = {
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

/**
 * A check of the time forms in one method's replies: `sample` reads its records (once per run).
 * Text everywhere is as assumed; any other form differs (and the package reads it too).
 */
export function timeFormCheck(
	label: string,
	affects: string[],
	method: string,
	sample: (run: Run) => Promise<Sample>,
): Check {
	return {
		assumption: `${label} replies send times as text yyyy-MM-dd HH:mm:ss (China time)`,
		affects,
		async run(run) {
			const found = await sample(run);
			if (found.failure) return couldNotTell(this, found.failure);
			if (found.rows.length === 0)
				return couldNotTell(
					this,
					`No record to look at${found.window ? ` modified in the last ${days(run)}` : ''}.`,
					{ method, window: found.window, records: 0 },
				);
			const forms = timeForms(found.rows);
			const seen = new Set(
				Object.values(forms).flatMap((counts) => Object.keys(counts) as TimeForm[]),
			);
			const details = { method, records: found.rows.length, forms_by_field: forms };
			if (seen.size === 0)
				return couldNotTell(this, 'The records found have no time filled in.', details);
			const reading = `times as ${[...seen].map((form) => TIME_FORM_NAMES[form]).join(' and ')}`;
			if (seen.size === 1 && seen.has('text'))
				return result(this, 'as assumed', reading, 'Every time field sampled is text.', details);
			return result(
				this,
				'differs',
				reading,
				'The package reads every form WDT documents (text, milliseconds, seconds, numeric strings) and normalises it where replies enter, so cursors, windows, sorting and the _iso fields stay right.',
				details,
			);
		},
	};
}

export const timeFormChecks: Check[] = TIME_SAMPLES.map(({ key, label, affects }) =>
	timeFormCheck(label, affects, METHODS[key], (run) => timeSample(run, key)),
);

export const pageSizeCheck: Check = {
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
		const details = { samples: served };
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
