/** What sales.StockSync.batchCalcStock answers, read as one result per platform goods. */
import type { IDataObject } from 'n8n-workflow';

import { describeValue } from '../../../shared/protocol';
import { goodsIdOf } from './stockSyncIds';

/** A goods' calculation (WDT's calc map), or why there is none. */
export type CalcResult = { calc: IDataObject } | { error: string };

const isObject = (value: unknown): value is IDataObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * `data.success_date[]` (the calc map per goods) and `data.error_date[]` (`rec_id`, `err_msg`),
 * matched to the ids sent by `rec_id`, never by position. Entries without a rec_id are skipped
 * (the page's 异常响应示例 has `[{}]` in success_date); an id in neither list has no result.
 */
export function batchCalcResults(sent: readonly number[], data: unknown): Map<number, CalcResult> {
	const results = new Map<number, CalcResult>();
	const lists = isObject(data) ? data : {};
	const success = Array.isArray(lists.success_date) ? lists.success_date : undefined;
	const errors = Array.isArray(lists.error_date) ? lists.error_date : [];
	for (const entry of errors) {
		const id = isObject(entry) ? goodsIdOf(entry.rec_id) : undefined;
		if (id === undefined) continue;
		const text = typeof entry.err_msg === 'string' && entry.err_msg ? entry.err_msg : '';
		results.set(id, {
			error: text
				? `WDT could not calculate the stock to publish: "${text}"`
				: 'WDT could not calculate the stock to publish and gave no reason',
		});
	}
	for (const entry of success ?? []) {
		const id = isObject(entry) ? goodsIdOf(entry.rec_id) : undefined;
		if (id !== undefined && !results.has(id)) results.set(id, { calc: entry });
	}
	for (const id of sent)
		if (!results.has(id))
			results.set(id, {
				error: success
					? "WDT's reply names this goods in neither success_date nor error_date, so its stock is not known"
					: `WDT's reply is not the documented success_date/error_date lists (data is ${describeValue(data)})`,
			});
	return results;
}
