import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { runWrite, type WriteSpec } from '../write';
import { REFUND_PUSH_METHOD } from './push.fields';
import { planRefunds, type PushRefund } from './pushRefunds';
import { rawRefundPushOutcomes } from './pushReply';

export { description } from './push.fields';

/** The page: "单次推送建议单量不超过100单" (at most 100 entries per call is advised). */
export const ENTRIES_PER_PUSH = 100;

/** Its entry in the Refund resource's Operation field. */
export const option = {
	name: 'Push',
	value: 'push',
	action: 'Push refunds',
	description:
		'Create or update refunds of a self-owned shop by refund number, one input row per refunded line (aftersales.refund.RawRefund.upload2)',
};

/**
 * aftersales.refund.RawRefund.upload2: rows grouped into refunds and checked, then sent per shop
 * in the fewest calls of at most 100 entries (the page's advice; a refund's entries stay in one
 * call), never re-sent. WDT creates a refund it does not know and updates one it has (by shop and
 * refund_no), so running the workflow again updates rather than duplicates.
 */
const spec: WriteSpec<PushRefund> = {
	method: REFUND_PUSH_METHOD,
	words: {
		one: 'refund',
		many: 'refunds',
		action: 'push',
		done: 'pushed',
		statusRule: 'WDT accepts refunds only for self-owned shops',
	},
	plan: planRefunds,
	key: (refund) => refund.refundNo,
	sameKey: { refuse: 'Refund Number (refund_no)' },
	batch: {
		limit: ENTRIES_PER_PUSH,
		by: (refund) => refund.shopNo,
		weight: (refund) => refund.entries.length,
	},
	args: (refunds, shopNo) => [shopNo, refunds.flatMap((refund) => refund.entries)],
	outcomes: (refunds, response) =>
		rawRefundPushOutcomes(
			refunds.map((refund) => ({ refundNo: refund.refundNo, lines: refund.entries.length })),
			response.data,
		),
	output: (refund) => ({
		shop_no: refund.shopNo,
		refund_no: refund.refundNo,
		oids: refund.entries.map((entry) => String(entry.oid)),
		rerun: `Pushing refund ${refund.refundNo} to shop ${refund.shopNo} again updates this refund in WDT; it does not create a second one.`,
	}),
};

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runWrite(this, spec);
}
