import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { rawTradePushOutcomes } from './pushReply';
import { runWrite, type WriteSpec } from '../write';
import { PUSH_METHOD } from './push.fields';
import { planOrders, type PushOrder, refuseRepeatedOids, round4 } from './pushOrders';

export { description } from './push.fields';

/** Its entry in the Sales Order resource's Operation field. */
export const option = {
	name: 'Push',
	value: 'push',
	action: 'Push sales orders',
	description:
		'Create or update orders of a self-owned shop by platform order number (sales.RawTrade.pushSelf2)',
};

/** The page: "单次推送建议单量不超过100单" (at most 100 orders per call is advised). */
export const ORDERS_PER_PUSH = 100;

const tidOf = ({ order }: PushOrder) => String(order.tid);
const oidsOf = ({ lines }: PushOrder) => lines.map((line) => String(line.oid));

/**
 * sales.RawTrade.pushSelf2: orders are checked, then sent per shop, 100 per call (the page's
 * advice), never re-sent. WDT creates an order it does not know and updates one it has (by shop
 * and tid), so running the workflow again updates rather than duplicates.
 */
const spec: WriteSpec<PushOrder> = {
	method: PUSH_METHOD,
	words: {
		one: 'order',
		many: 'orders',
		action: 'push',
		done: 'pushed',
		statusRule: 'WDT accepts orders only for self-owned shops',
	},
	plan: planOrders,
	key: tidOf,
	sameKey: { refuse: 'Platform Order Number (tid)' },
	checkAll: refuseRepeatedOids,
	batch: { limit: ORDERS_PER_PUSH, by: (order) => order.shopNo },
	args: (orders, shopNo) => [
		shopNo,
		orders.map(({ order, lines }) => ({
			...order,
			order_count: lines.length,
			goods_count: round4(lines.reduce((sum, line) => sum + Number(line.num), 0)),
		})),
		orders.flatMap(({ lines }) => lines),
	],
	outcomes(orders, response) {
		const sent = orders.map((order) => ({ tid: tidOf(order), oids: oidsOf(order) }));
		const { outcomes, result } = rawTradePushOutcomes(sent, response.data);
		return outcomes.map((outcome) =>
			outcome.success ? { ...outcome, data: { push_result: result ?? null } } : outcome,
		);
	},
	output: (order) => ({
		shop_no: order.shopNo,
		tid: tidOf(order),
		oids: oidsOf(order),
		rerun: `Pushing order ${tidOf(order)} to shop ${order.shopNo} again updates this order in WDT; it does not create a second one.`,
	}),
};

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runWrite(this, spec);
}
