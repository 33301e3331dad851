import type { WdtRecord } from './types';

/**
 * An invoice (发票单) of finance.invoice.InvoiceOrder.search, with its lines (detail_list). The
 * page gives no modified time among its fields (its start_time/end_time are the last update),
 * so records are told apart by invoice_order_no only.
 */
export const INVOICE: WdtRecord = {
	name: 'Invoice',
	description: 'Invoices',
	noun: 'invoice',
	method: 'finance.invoice.InvoiceOrder.search',
	idField: 'invoice_order_no',
	numberFields: ['invoice_order_no'],
	lines: { list: 'detail_list', prefix: 'invoice_', itemName: 'Invoice' },
	statusLabels: {
		status: {
			'5': 'Cancelled',
			'10': 'Editing',
			'20': 'Awaiting Review',
			'35': 'Imported, Awaiting Confirmation',
			'40': 'Awaiting Issue',
			'45': 'Offline, Awaiting Issue',
			'50': 'Issuing',
			'60': 'Issued',
			'70': 'Issue Request Failed',
			'80': 'Issue Failed',
			'85': 'Offline Issue Failed',
			'90': 'Awaiting PDF Upload',
			'100': 'Upload Failed',
			'110': 'Uploaded',
		},
		invoice_type: {
			'0': 'Paper Ordinary',
			'1': 'Electronic Ordinary',
			'2': 'Paper Special',
			'3': 'Fully Digital Ordinary',
			'4': 'Fully Digital Special',
			'5': 'Electronic Special',
		},
		business_type: { '0': 'To an Individual', '1': 'To a Company' },
		'detail_list.row_type': { '0': 'Normal', '1': 'Discount', '2': 'Discounted' },
	},
	privacyNotice:
		'WDT does not return invoices of Taobao/Tmall, Pinduoduo and system-distribution platform orders through this API, so you may see fewer invoices than in the ERP.',
};
