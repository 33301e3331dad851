import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { invalidInput } from '../parameters';
import {
	batchOptionsField,
	fieldTable,
	MAX_BATCH_SIZE,
	planEachItem,
	runWrite,
	type WriteField,
	type WriteSpec,
} from '../write';
import { invoiceUpdateOutcomes } from './updateReply';

const METHOD = 'finance.invoice.InvoiceOrder.updateInvoice';
const ISSUED = 60;
const FAILED = 85;

const MAIN: WriteField[] = [
	{
		wdt: 'invoice_order_no',
		displayName: 'Invoice Order Number',
		description:
			"WDT's number of the invoice order, e.g. FP201902130005 (Invoice → Get Many gives it)",
	},
	{
		wdt: 'status',
		displayName: 'Status',
		description:
			'What happened to the invoice: issued, or its offline issue failed. WDT takes it only for invoices that are offline, awaiting issue or whose offline issue failed',
		codes: [
			[ISSUED, 'Issued'],
			[FAILED, 'Offline Issue Failed'],
		],
	},
	{
		wdt: 'invoice_no',
		displayName: 'Invoice Number',
		description: 'The number of the issued invoice',
	},
	{
		wdt: 'invoice_code',
		displayName: 'Invoice Code',
		description: 'The code of the issued invoice',
	},
	{
		wdt: 'file_url',
		displayName: 'File URL',
		description: "The invoice's PDF. Required when Status is Issued",
		derived: true,
	},
];
const MORE: WriteField[] = [
	{ wdt: 'ofd_url', displayName: 'OFD URL', description: "The invoice's OFD file" },
	{ wdt: 'xml_url', displayName: 'XML URL', description: "The invoice's XML file" },
	{
		wdt: 'invoice_time',
		displayName: 'Invoice Time',
		description:
			"When the invoice was issued, in the workflow's timezone (sent in China Standard Time)",
		time: true,
	},
	{ wdt: 'error_info', displayName: 'Error Info', description: 'Why the offline issue failed' },
	{
		wdt: 'invoice_outer_amount',
		displayName: 'Amount Issued Outside WDT',
		description: 'The amount invoiced outside WDT',
		min: 0,
	},
];
const TABLE = fieldTable(METHOD, ['params'], [...MAIN, ...MORE]);

const show = { resource: ['invoice'], operation: ['update'] };

/** Its entry in the Invoice resource's Operation field. */
export const option = {
	name: 'Update',
	value: 'update',
	action: 'Report invoices as issued or failed',
	description:
		'Report invoices issued or failed offline back to WDT, one outcome per invoice (finance.invoice.InvoiceOrder.updateInvoice)',
};

export const description: INodeProperties[] = [
	...MAIN.map((field) => ({
		...TABLE.property(
			field,
			field.wdt === 'invoice_order_no' ? 'invoiceOrderNo' : camel(field.wdt),
			field.wdt === 'invoice_order_no',
		),
		displayOptions: { show },
	})),
	{
		displayName: 'Additional Fields',
		name: 'invoiceFields',
		type: 'collection',
		placeholder: 'Add field',
		default: {},
		displayOptions: { show },
		options: MORE.map((field) => TABLE.property(field, field.wdt, false)),
	},
	{ ...batchOptionsField(), displayOptions: { show } },
];

function camel(wdt: string): string {
	return wdt.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

/** One invoice per item, every field checked before the first call. */
function readInvoice(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const more = ctx.getNodeParameter('invoiceFields', itemIndex, {}) as IDataObject;
	const invoice = TABLE.read(ctx, itemIndex, '', (field) =>
		MAIN.includes(field)
			? ctx.getNodeParameter(
					field.wdt === 'invoice_order_no' ? 'invoiceOrderNo' : camel(field.wdt),
					itemIndex,
					'',
				)
			: more[field.wdt],
	);
	// The table marks file_url required; the page's status row says it may be left out with 85.
	if (invoice.status === ISSUED && !invoice.file_url)
		throw invalidInput(
			ctx,
			itemIndex,
			'File URL (file_url)',
			'is empty; WDT needs it when Status is Issued.',
		);
	return invoice;
}

/**
 * finance.invoice.InvoiceOrder.updateInvoice takes a list of invoices (no limit stated): sent in
 * batches of Options → Batch Size; error_info names each invoice WDT refused.
 */
const spec: WriteSpec<IDataObject> = {
	method: METHOD,
	words: {
		one: 'invoice',
		many: 'invoices',
		action: 'update',
		done: 'updated',
		statusRule:
			'WDT takes an update only for invoices that are offline, awaiting issue, or whose offline issue failed',
	},
	plan: (ctx) => planEachItem(ctx, (i) => readInvoice(ctx, i)),
	key: (invoice) => String(invoice.invoice_order_no),
	sameKey: {
		refuse: 'Invoice Order Number (invoice_order_no)',
		why: 'update each invoice once per run',
	},
	batch: { limit: MAX_BATCH_SIZE, option: true },
	args: (batch) => [batch],
	outcomes: (batch, response) =>
		invoiceUpdateOutcomes(
			batch.map((invoice) => String(invoice.invoice_order_no)),
			response,
		),
	output: (invoice) => {
		const { invoice_order_no: number, ...sent } = invoice;
		return { invoice_order_no: number, ...sent };
	},
};

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runWrite(this, spec);
}
