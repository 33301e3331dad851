/** The pure parts of the self-owned platform writes: Decimal(19,4) amounts and the reply readings. */
import { describe, expect, it } from 'vitest';

import { logisticsSyncUpdateOutcomes } from '../../nodes/Wdt/actions/logisticsSync/reportResultReply.ts';
import { rawTradePushOutcomes } from '../../nodes/Wdt/actions/salesOrder/pushReply.ts';
import { parseDecimal } from '../../nodes/shared/protocol/validate.ts';

describe('Decimal(19,4) amounts', () => {
	it.each([
		[12, {}, 12],
		['12.5', {}, 12.5],
		[' 2.0000 ', {}, 2],
		['1.23450', {}, 1.2345],
		['-3', {}, -3],
		['999999999999999.9999', {}, 999999999999999.9999],
		['0', { min: 0 }, 0],
	])('%j %j is %j', (value, options, expected) => {
		expect(parseDecimal(value, options)).toEqual({ value: expected });
	});

	it.each([
		['1.23456', {}, /more than 4 decimal places/],
		['1234567890123456', {}, /more than 15 whole digits/],
		['0x10', {}, /plain decimal number/],
		['1e3', {}, /plain decimal number/],
		['+5', {}, /plain decimal number/],
		['1,000', {}, /plain decimal number/],
		[[5], {}, /plain decimal number, such as 12\.5|plain decimal number/],
		[true, {}, /plain decimal number/],
		[Number.NaN, {}, /plain decimal number/],
		['-0.01', { min: 0 }, /at least 0/],
		['0', { positive: true }, /more than 0/],
	])('%j %j is refused', (value, options, problem) => {
		const read = parseDecimal(value, options);
		expect('problem' in read && read.problem).toMatch(problem);
	});
});

describe('pushSelf2 outcomes', () => {
	const sent = [
		{ tid: 'T1', oids: ['T1-1', 'T1-2'] },
		{ tid: 'T2', oids: ['T2-1'] },
	];

	it('an empty error list and counts that cover the orders: all succeeded', () => {
		const { outcomes, result } = rawTradePushOutcomes(sent, {
			new_count: 2,
			chg_count: 0,
			error_list: [],
		});
		expect(outcomes.map((o) => o.outcome)).toEqual(['succeeded', 'succeeded']);
		expect(result).toBe('created');
	});

	it('an error naming an oid fails its order; counts of lines are accepted', () => {
		const { outcomes, result } = rawTradePushOutcomes(sent, {
			new_count: 0,
			chg_count: 2,
			error_list: [{ no: 't2-1', error: 'bad' }],
		});
		expect(outcomes.map((o) => [o.order_no, o.outcome, o.error])).toEqual([
			['T1', 'succeeded', null],
			['T2', 'failed', 'bad'],
		]);
		expect(result).toBe('updated');
	});

	it('mixed counts say "created or updated"; counts as strings of digits are read', () => {
		expect(
			rawTradePushOutcomes(sent, { new_count: '1', chg_count: 1, error_list: [] }).result,
		).toBe('created or updated');
	});

	it.each([
		[{ new_count: 1, chg_count: 0, error_list: [] }, /counts only 1/],
		[{ new_count: 2, chg_count: 0, error_list: [{ no: 'X', error: 'e' }] }, /not sent \(X\)/],
		[{ new_count: 2, chg_count: 0 }, /no error list/],
		[{ chg_count: 2, error_list: [] }, /counts are missing/],
		[null, /no error list/],
	])('%j leaves unlisted orders unknown', (data, reason) => {
		const { outcomes, result } = rawTradePushOutcomes(sent, data);
		expect(result).toBeUndefined();
		for (const outcome of outcomes) {
			expect(outcome.outcome).toBe('unknown');
			expect(outcome.error).toMatch(reason);
		}
	});
});

describe('LogisticsSync.update outcomes', () => {
	it('[] confirms every record', () => {
		expect(logisticsSyncUpdateOutcomes(['1', '2'], []).map((o) => o.outcome)).toEqual([
			'succeeded',
			'succeeded',
		]);
	});

	it('any message fails a lone record', () => {
		expect(logisticsSyncUpdateOutcomes(['1'], ['同步结果状态为空!'])[0]).toMatchObject({
			outcome: 'failed',
			error: '同步结果状态为空!',
		});
	});

	it('messages naming one sent sync_id each fail those and confirm the rest', () => {
		expect(
			logisticsSyncUpdateOutcomes(['11', '12', '13'], ['12:不存在', 'sync_id 13 失败']).map(
				(o) => o.outcome,
			),
		).toEqual(['succeeded', 'failed', 'failed']);
	});

	it('a message naming no single sent record leaves the unnamed ones unknown', () => {
		expect(
			logisticsSyncUpdateOutcomes(['11', '12', '13'], ['12:不存在', '11 and 13']).map(
				(o) => o.outcome,
			),
		).toEqual(['unknown', 'failed', 'unknown']);
	});

	it.each([[{ total: 1 }], [[1, 2]], [undefined]])(
		'%j is not the documented shape: unknown',
		(data) => {
			expect(logisticsSyncUpdateOutcomes(['1'], data)[0].outcome).toBe('unknown');
		},
	);
});
