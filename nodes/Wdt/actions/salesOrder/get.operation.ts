import { SALES_ORDER } from '../../../shared/records';
import { getByNumber } from '../getByNumber';
import { platformOrderQuery, readFromOption, readMethod } from './getMany.operation';

/** Its entry in the Sales Order resource's Operation field. */
export const option = {
	name: 'Get',
	value: 'get',
	action: 'Get a sales order',
	description:
		'Get an order by trade number or platform order number (sales.TradeQuery.queryWithDetail)',
};

/** One order (or the orders of one platform order) by number, without a time range. */
export const { description, execute } = getByNumber({
	resource: 'salesOrder',
	read: { record: SALES_ORDER },
	by: [
		{
			value: 'tradeNo',
			name: 'Trade Number',
			description: "WDT's own order number (trade_no)",
			wdtField: 'trade_no',
		},
		{
			value: 'srcTid',
			name: 'Platform Order Number',
			description:
				"The shop platform's order number (src_tid, matched exactly); one platform order may be split into several WDT orders, each returned",
			wdtField: 'src_tid',
			exact: (number) => platformOrderQuery([number]),
		},
	],
	number: { placeholder: 'e.g. JY202401010001 or {{ $json.trade_no }}' },
	options: [readFromOption],
	method: readMethod,
	notFoundReason:
		'WDT does not return Taobao/Tmall, Pinduoduo and system-distribution orders through its API; an order moved to the history is found with Options → Read From → Order History.',
});
