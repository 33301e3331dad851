/**
 * The seed pages' own reply examples, answered by the simulator's doc-example mode, read by our
 * nodes inside n8n's engine: what a WDT that answers like its docs gives a user.
 * (upload, cancelForApi, stopForApi and cancelOrder examples: test/engine/write-fidelity.test.ts.)
 */
import { describe, expect, it } from 'vitest';

import { readDocFixture } from '../simulator/doc-examples';
import { jsonOf, useRig } from './rig';

const SEARCH_CANCEL = 'wms.stockout.Sales.searchCancel';

describe('searchCancel answered with its page’s own reply example', () => {
	const rig = useRig();

	it('Get Many Cancelled outputs both rows, status 110 included, with WDT’s fields only and their ISO times', async () => {
		const example = readDocFixture(SEARCH_CANCEL)?.replyExample as {
			data: { order_list: Array<Record<string, unknown>> };
		};
		expect(example.data.order_list.map((row) => row.status)).toEqual([110, 110]);
		rig.sim.useDocExamples({ methods: [SEARCH_CANCEL] });
		try {
			const { outputs, error } = await rig.run({
				resource: 'salesStockout',
				operation: 'getManyCancelled',
				// The example's rows were modified 2022-10-17 14:03 and 14:08 CST.
				startTime: '2022-10-17T14:00:00+08:00',
				endTime: '2022-10-17T15:00:00+08:00',
				returnAll: true,
			});
			expect(error).toBeUndefined();
			const items = jsonOf(outputs[0]);
			expect(items).toEqual([
				{
					stockout_id: 1630025,
					stockout_no: 'CH202210175',
					status: 110,
					status_name: '已完成',
					modified: '2022-10-17 14:03:36',
					modified_iso: '2022-10-17T14:03:36+08:00',
				},
				{
					stockout_id: 1630026,
					stockout_no: 'CH202210176',
					status: 110,
					status_name: '已完成',
					modified: '2022-10-17 14:08:38',
					modified_iso: '2022-10-17T14:08:38+08:00',
				},
			]);
			expect(rig.sim.requestsFor(SEARCH_CANCEL)).toHaveLength(1);
		} finally {
			rig.sim.useDocExamples(false);
		}
	});
});
