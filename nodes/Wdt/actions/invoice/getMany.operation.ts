import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { INVOICE, labelsOf } from '../../../shared/records';
import { readFilterParams, textFilter, textFilterField } from '../filterReaders';
import {
	getManyOption,
	outputOf,
	readOperation,
	readPaging,
	type ReadQuery,
	timeRangeOf,
} from '../readOperation';
import {
	filtersField,
	getManyFields,
	operationFields,
	readFilters,
	readTimeRange,
	statusFilterField,
	timeRangeFields,
} from '../shared.fields';

/** The catalog's 30-day start_time/end_time windows, on the invoices' last update. */
const TIME_RANGE = timeRangeOf(INVOICE, 'last update');

/** The statuses an invoice still to issue offline has (the two updateInvoice accepts). */
export const TO_ISSUE = ['45', '85'];

/** Its entry in the Invoice resource's Operation field. */
export const option = getManyOption(
	'Get many invoices',
	'Get invoices updated in a time range, with their lines; e.g. those still to issue (finance.invoice.InvoiceOrder.search)',
);

const properties: INodeProperties[] = [
	...timeRangeFields(TIME_RANGE),
	filtersField([
		textFilterField(INVOICE, 'invoiceOrderNo', 'Invoice Order Number', 'invoice_order_no'),
		{
			...statusFilterField(
				{ displayName: 'Statuses', name: 'statuses', wdtField: 'status' },
				labelsOf(INVOICE, 'status'),
			),
			description:
				'Return only these statuses; none selected: every status. Still to issue: Offline, Awaiting Issue and Offline Issue Failed (the invoices Update accepts). WDT takes one status per call: with several, the node reads every status and keeps these. WDT field: status.',
		},
	]),
	...getManyFields({ output: outputOf(INVOICE) }),
];

export const description = operationFields('invoice', 'getMany', properties);

const INVOICE_NUMBER = textFilter(
	INVOICE,
	'invoiceOrderNo',
	'Filters → Invoice Order Number',
	'invoice_order_no',
);

function readQuery(ctx: IExecuteFunctions, itemIndex: number, nowMs: number): ReadQuery {
	const filters = readFilters(ctx, itemIndex);
	// mode 1 always: without it WDT returns only offline invoices awaiting issue (and, by one
	// reading of the page, those whose offline issue failed), whatever else is asked.
	const params = readFilterParams(ctx, itemIndex, [INVOICE_NUMBER], { mode: 1 });
	const statuses = new Set(((filters.statuses as string[] | undefined) ?? []).map(String));
	if (statuses.size === 1) params.status = Number([...statuses][0]);
	return {
		params,
		range: readTimeRange(ctx, itemIndex, nowMs, TIME_RANGE),
		...(statuses.size
			? { keep: (record: IDataObject) => statuses.has(String(record.status)) }
			: {}),
		...readPaging(ctx, itemIndex),
	};
}

/** finance.invoice.InvoiceOrder.search over any range (split into 30-day windows), items paired. */
export const execute = readOperation(INVOICE, readQuery);
