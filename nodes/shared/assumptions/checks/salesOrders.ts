/** The sales-order checks: exact platform order numbers (src_tid). */
import { WDT_MAX_PAGE_SIZE } from '../../protocol';
import { couldNotTell, METHODS, page, result, sampleHours, type Check, type Row } from './run';

/** A platform order number long enough to cut: the first such of the rows. */
export function sampleSrcTid(rows: Row[]): { tid: string; tradeNo: unknown } | undefined {
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
export function holdsTid(row: Row, tid: string): boolean {
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
