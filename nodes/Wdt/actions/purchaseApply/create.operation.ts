import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import {
	describeKind,
	readUserDateTime,
	succeededOutcome,
	toWdtTime,
	WdtError,
	type WdtResponse,
} from '../../../shared/protocol';
import { catalogPaging, searchWindows } from '../../../shared/transport/search';
import { providerLocator, readLocatorCode, warehouseLocator } from '../locators';
import { invalidInput } from '../parameters';
import {
	ALREADY_CREATED,
	atMost,
	checkedFields,
	documentedFields,
	groupByColumnField,
	linesSourceField,
	numberWhenEmpty,
	numberWhenEmptyField,
	planByLinesSource,
	readLinesSource,
	runWrite,
	type SkuLines,
	skuLinesFields,
	skuLinesOfItem,
	skuLinesOfRows,
	text,
	type WriteSpec,
} from '../write';

/** Kept here for the tests and callers that import it from Create. */
export { derivedApplyNumber } from '../write';

const UPLOAD_METHOD = 'purchase.PurchaseApply.upload';
const SEARCH_METHOD = 'purchase.PurchaseApply.search';

const LINES: SkuLines = {
	method: UPLOAD_METHOD,
	path: ['params', 'detail_list'],
	optional: {
		provider_no: {
			label: 'Supplier',
			value: 'providerNo',
			column: 'providerNoColumn',
			columnLabel: 'Supplier Number Column',
			what: 'the supplier number',
			property: providerLocator({
				description:
					'Optional. When every line has the same supplier, it becomes the supplier of the apply.',
			}),
		},
		remark: {
			label: 'Line Remark',
			value: 'remark',
			column: 'lineRemarkColumn',
			columnLabel: 'Line Remark Column',
			what: 'a remark for the line',
		},
	},
};

const show = { resource: ['purchaseApply'], operation: ['create'] };
const APPLY = { one: 'apply', many: 'applies' };

/** Its entry in the Purchase Apply resource's Operation field. */
export const option = {
	name: 'Create',
	value: 'create',
	action: 'Create a purchase apply',
	description: 'Create a purchase apply with its detail lines (purchase.PurchaseApply.upload)',
};

export const description: INodeProperties[] = [
	linesSourceField(show, { ...APPLY, groupedBy: 'value in Group By Column' }, 'define'),
	{
		...warehouseLocator({
			description: `The warehouse the goods are requested for (a number of ${atMost(UPLOAD_METHOD, ['params'], 'warehouse_no')}).`,
		}),
		displayOptions: { show },
	},
	{
		displayName: 'Expected Arrival',
		name: 'expectedTime',
		type: 'dateTime',
		default: '',
		displayOptions: { show },
		description:
			"When the goods should arrive. Interpreted in the workflow's timezone and sent to WDT in China Standard Time. WDT field: expected_time.",
	},
	{
		displayName: 'Remark',
		name: 'remark',
		type: 'string',
		default: '',
		displayOptions: { show },
		description: `A note on the apply, ${atMost(UPLOAD_METHOD, ['params'], 'remark')}. WDT field: remark.`,
	},
	{
		displayName: 'Purchase Apply Number',
		name: 'purchaseApplyNo',
		type: 'string',
		default: '',
		displayOptions: { show },
		description: `Your own number for the apply, ${atMost(UPLOAD_METHOD, ['params'], 'purchase_apply_no')}. Before sending a number the node looks it up in WDT (purchase_apply_no filter of the search, WDT client V1.5.1.0 or later): an apply that exists is not sent again but output with outcome 'already created', so a re-run cannot create it twice. When empty, see When the Number Is Empty. WDT field: purchase_apply_no.`,
	},
	numberWhenEmptyField(
		show,
		APPLY,
		{
			field: 'purchase_apply_no',
			label: 'Purchase Apply Number',
			wdtExample: 'POA2208260005',
		},
		"the node finds the applies created by the earlier run and outputs them as 'already created' instead of sending them again",
	),
	{
		displayName: 'Submit',
		name: 'isSubmit',
		type: 'boolean',
		default: true,
		displayOptions: { show },
		description:
			"Whether to submit the apply. On: it is created ready to be referenced by purchase orders. Off: it stays in editing, or awaiting confirmation when WDT's quantity-confirmation setting is on. WDT field: is_submit.",
	},
	...skuLinesFields(show, LINES),
	groupByColumnField(show, APPLY, 'apply_key'),
];

/** The apply's fields as the node names them, for messages. */
const LABELS = {
	warehouse_no: 'Warehouse',
	remark: 'Remark',
	purchase_apply_no: 'Purchase Apply Number',
};

type Apply = IDataObject & { purchase_apply_no?: string; detail_list: IDataObject[] };

/** The apply's own fields at one item, checked against the upload page. */
function readApply(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const parameter = (name: string) => ctx.getNodeParameter(name, itemIndex, '') as unknown;
	const values: IDataObject = {
		warehouse_no: readLocatorCode(ctx, itemIndex, 'warehouseNo'),
		remark: parameter('remark') as string,
		purchase_apply_no: parameter('purchaseApplyNo') as string,
	};
	const fields = documentedFields(UPLOAD_METHOD, ['params']);
	const apply = checkedFields(ctx, itemIndex, '', fields, values, [], LABELS);
	const expected = parameter('expectedTime');
	if (expected !== '' && expected !== null && expected !== undefined) {
		const read = readUserDateTime(expected, ctx.getTimezone());
		if ('problem' in read)
			throw invalidInput(ctx, itemIndex, 'Expected Arrival (expected_time)', `${read.problem}.`);
		apply.expected_time = toWdtTime(read.ms);
	}
	apply.is_submit = ctx.getNodeParameter('isSubmit', itemIndex, true) as boolean;
	return apply;
}

/**
 * The number of the apply WDT created. The upload page: `data.status` 0 means `data.message`
 * is the new number, any other status means `data.message` is the error. (The envelope's
 * `message` is documented the same way, so it is the fallback for the number.) A refusal is a
 * business error; a reply that says neither is an unknown outcome, never a created apply.
 */
function createdApplyNumber(response: WdtResponse): string {
	const data = response.data as { status?: unknown; message?: unknown } | null | undefined;
	const status =
		typeof data?.status === 'string' && /^-?\d+$/.test(data.status.trim())
			? Number(data.status)
			: data?.status;
	const message = text(data?.message);
	if (typeof status === 'number' && status !== 0)
		throw new WdtError(
			`WDT refused to create it (its reply has data.status ${status}): "${message || '(no message)'}"`,
			{ ...describeKind('business'), status, wdtMessage: message },
		);
	const number = status === 0 ? message || text(response.message) : '';
	if (number === '') {
		const shown = JSON.stringify(response.data ?? null).slice(0, 200);
		throw new WdtError(
			`WDT ${UPLOAD_METHOD} answered without saying whether the apply was created (data is ${shown}; the documented reply has data.status and data.message)`,
			describeKind('badResponse'),
		);
	}
	return number;
}

/**
 * The applies WDT already has under `number`, by the search's purchase_apply_no filter (V1.5.1.0+).
 * The upload page does not say that WDT refuses a repeated number, so a number an earlier attempt
 * may have sent is looked up first. Only exact matches count: a WDT older than V1.5.1.0 may ignore
 * the filter. A failed lookup throws, so the apply is not sent.
 */
async function existingApplies(ctx: IExecuteFunctions, number: string): Promise<IDataObject[]> {
	const { records } = await searchWindows.call(ctx, {
		...catalogPaging(SEARCH_METHOD),
		method: SEARCH_METHOD,
		args: () => [{ purchase_apply_no: number }],
		recordKey: (record) => JSON.stringify(record),
	});
	return (records as IDataObject[]).filter(
		(record) => String(record.purchase_apply_no ?? '') === number,
	);
}

/**
 * purchase.PurchaseApply.upload, one apply per call. Every apply is checked before the first is
 * sent; a numbered one is looked up first, so a re-run reports it 'already created' instead of
 * creating it twice. A create is never re-sent: a lost reply is an unknown outcome.
 */
const spec: WriteSpec<Apply> = {
	method: UPLOAD_METHOD,
	words: {
		one: 'purchase apply',
		many: 'purchase applies',
		action: 'create',
		done: 'created',
		statusRule: 'WDT creates an apply only for a warehouse, SKUs and suppliers it knows',
	},
	plan: (ctx) =>
		planByLinesSource(ctx, readLinesSource(ctx, 'define'), {
			fromItem: (i) => ({ ...readApply(ctx, i), detail_list: skuLinesOfItem(ctx, i, LINES) }),
			fromRows: (rows) => ({
				...readApply(ctx, rows[0]),
				detail_list: skuLinesOfRows(ctx, rows, LINES),
			}),
		}),
	key: (apply) => apply.purchase_apply_no ?? '',
	sameKey: { refuse: 'Purchase Apply Number (purchase_apply_no)' },
	numbering: numberWhenEmpty((apply) => apply, 'purchase_apply_no'),
	batch: { limit: 1 },
	args: ([apply]) => [apply],
	async lookUp(ctx, apply) {
		if (!apply.purchase_apply_no) return undefined;
		const [existing] = await existingApplies(ctx, apply.purchase_apply_no);
		if (!existing) return undefined;
		const { status, created, modified } = existing;
		return {
			...succeededOutcome(apply.purchase_apply_no),
			outcome: ALREADY_CREATED,
			data: { purchase_apply_no: apply.purchase_apply_no, status, created, modified },
		};
	},
	outcomes: (_, response) => {
		const number = createdApplyNumber(response);
		return [{ ...succeededOutcome(number), data: { purchase_apply_no: number } }];
	},
	output(apply, outcome) {
		const { purchase_apply_no: requested, ...sent } = apply;
		const json: IDataObject = outcome.outcome === 'succeeded' ? sent : {};
		if (requested !== undefined) json.requested_purchase_apply_no = requested;
		return json;
	},
};

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runWrite(this, spec);
}
