/** goods.Goods.batchPush's reply read into one outcome per goods (the reply reader beside the operation). */
import { describe, expect, it } from 'vitest';

import { goodsBatchPushOutcomes } from '../../nodes/Wdt/actions/goods/batchPushReply.ts';

const sent = ['G1', 'G2', 'G3'];
const kinds = (data: unknown) => goodsBatchPushOutcomes(sent, data).map((o) => o.outcome);

describe('goodsBatchPushOutcomes', () => {
	it('reads the failures under data.error_list (the examples) and as data itself (the table)', () => {
		const failures = [{ no: 'g2', error: '商家编码已存在' }];
		for (const data of [{ error_list: failures }, failures]) {
			const outcomes = goodsBatchPushOutcomes(sent, data);
			expect(outcomes.map((o) => [o.order_no, o.outcome, o.error])).toEqual([
				['G1', 'succeeded', null],
				['G2', 'failed', '商家编码已存在'], // matched ignoring case, as WDT does
				['G3', 'succeeded', null],
			]);
		}
		expect(kinds({ error_list: [] })).toEqual(['succeeded', 'succeeded', 'succeeded']);
	});

	it('leaves the unlisted goods unknown when the list is missing or names goods not sent', () => {
		for (const data of [null, undefined, {}, { error_list: 'x' }, 42])
			expect(kinds(data)).toEqual(['unknown', 'unknown', 'unknown']);
		expect(
			kinds({
				error_list: [
					{ no: 'G1', error: 'e' },
					{ no: 'OTHER', error: 'e' },
				],
			}),
		).toEqual(['failed', 'unknown', 'unknown']);
	});

	it('a failure without a message still fails, saying so', () => {
		const [outcome] = goodsBatchPushOutcomes(['G1'], { error_list: [{ no: 'G1' }] });
		expect(outcome).toMatchObject({
			outcome: 'failed',
			error: 'WDT reported a failure without a message',
		});
	});
});
