import type { WdtRecord } from './types';

/** A sales order (订单) of sales.TradeQuery.queryWithDetail, with its lines. */
export const SALES_ORDER: WdtRecord = {
	name: 'Sales Order',
	description: 'Sales orders (trades)',
	noun: 'sales order',
	method: 'sales.TradeQuery.queryWithDetail',
	idField: 'trade_id',
	numberFields: ['trade_no', 'src_tid'],
	modifiedField: 'modified',
	detectMoves: true,
	lines: { list: 'detail_list', prefix: 'order_', itemName: 'Order' },
	statusLabels: {
		trade_status: {
			'4': 'Offline Refund',
			'5': 'Cancelled',
			'6': 'To Convert to Pre-Order (Awaiting Review)',
			'7': 'To Convert to Completed',
			'10': 'Unpaid',
			'12': 'Awaiting Balance Payment',
			'15': 'Waiting for Unpaid',
			'16': 'Delayed Review',
			'19': 'Pre-Order Pre-Processing',
			'20': 'Pre-Review Processing',
			'21': 'Self-Circulation Awaiting Shipment',
			'23': 'Exception',
			'24': 'Exchange Pre-Order',
			'25': 'Pre-Order to Process',
			'27': 'Pre-Order to Allocate',
			'30': 'Awaiting Customer Service Review',
			'35': 'Awaiting Finance Review',
			'40': 'Under Review',
			'55': 'Reviewed',
			'95': 'Shipped',
			'96': 'Cost Confirmation',
			'101': 'Posted',
			'110': 'Completed',
		},
	},
	privacyNotice:
		'WDT does not return Taobao/Tmall, Pinduoduo and system-distribution orders through its API, so you may see fewer orders than in the ERP. Private fields (buyer nick, receiver name, address, phone numbers, payment account, customer name) are returned only for self-owned and offline platforms.',
};

/**
 * Same parameters, reply and 60-minute window; its page says only that it returns the ERP's
 * historical (archived) orders and gives no age at which orders move there, so the node does not
 * guess: the user chooses it (Options → Read From).
 */
export const SALES_ORDER_HISTORY_METHOD = 'sales.TradeQuery.queryHistoryWithDetail';
