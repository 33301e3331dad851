import { SALES_STOCKOUT } from '../../../shared/records';
import { everyStockoutStatus } from '../../../shared/transport/stockoutDetails';
import { getByNumber } from '../getByNumber';

/** Its entry in the Sales Stockout resource's Operation field. */
export const option = {
	name: 'Get',
	value: 'get',
	action: 'Get a sales stockout',
	description:
		'Get a stockout by stockout, order or logistics number (wms.stockout.Sales.queryWithDetail)',
};

/**
 * The stockout(s) of one number, without a time range, in every status: without status_type WDT
 * may apply its default (cancelled only), so every status is asked for explicitly.
 */
export const { description, execute } = getByNumber({
	resource: 'salesStockout',
	read: { record: SALES_STOCKOUT },
	by: [
		{
			value: 'stockoutNo',
			name: 'Stockout Number',
			description: 'The stockout number (stockout_no)',
			wdtField: 'stockout_no',
		},
		{
			value: 'orderNo',
			name: 'Order Number',
			description: "WDT's sales order number, trade_no (src_order_no)",
			wdtField: 'src_order_no',
		},
		{
			value: 'logisticsNo',
			name: 'Logistics Number',
			description: 'The tracking number (logistics_no)',
			wdtField: 'logistics_no',
		},
	],
	number: { placeholder: 'e.g. CK202401010001 or {{ $json.stockout_no }}' },
	params: () => everyStockoutStatus(),
	notFoundReason:
		'WDT does not return stockouts of Taobao/Tmall, Pinduoduo and system-distribution orders through its API.',
});
