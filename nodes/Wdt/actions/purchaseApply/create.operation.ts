import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import {
	describeKind,
	succeededOutcome,
	WdtError,
	type WdtResponse,
} from '../../../shared/protocol';
import { catalogPaging, searchWindows } from '../../../shared/transport/search';
import { providerLocator, readLocatorCode, warehouseLocator } from '../locators';
import {
	atMost,
	createReplyData,
	type DocumentCreate,
	documentCreateFields,
	expectedArrivalProperty,
	flagProperty,
	lineRemark,
	remarkProperty,
	runDocumentCreate,
	type SkuLines,
	text,
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
		remark: lineRemark(),
	},
};

/** Its entry in the Purchase Apply resource's Operation field. */
export const option = {
	name: 'Create',
	value: 'create',
	action: 'Create a purchase apply',
	description: 'Create a purchase apply with its detail lines (purchase.PurchaseApply.upload)',
};

/**
 * The number of the apply WDT created. The upload page: `data.status` 0 means `data.message`
 * is the new number, any other status means `data.message` is the error. (The envelope's
 * `message` is documented the same way, so it is the fallback for the number.) A refusal is a
 * business error; a reply that says neither is an unknown outcome, never a created apply.
 */
function createdApplyNumber(response: WdtResponse): string {
	const { status, message } = createReplyData(response.data);
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
const CREATE: DocumentCreate = {
	method: UPLOAD_METHOD,
	headPath: ['params'],
	resource: 'purchaseApply',
	entity: { one: 'apply', many: 'applies' },
	words: {
		one: 'purchase apply',
		many: 'purchase applies',
		statusRule: 'WDT creates an apply only for a warehouse, SKUs and suppliers it knows',
	},
	number: {
		field: 'purchase_apply_no',
		parameter: 'purchaseApplyNo',
		label: 'Purchase Apply Number',
		description: `Your own number for the apply, ${atMost(UPLOAD_METHOD, ['params'], 'purchase_apply_no')}. Before sending a number the node looks it up in WDT (purchase_apply_no filter of the search, WDT client V1.5.1.0 or later): an apply that exists is not sent again but output with outcome 'already created', so a re-run cannot create it twice. When empty, see When the Number Is Empty. WDT field: purchase_apply_no.`,
		wdtExample: 'POA2208260005',
		deriveSafety:
			"the node finds the applies created by the earlier run and outputs them as 'already created' instead of sending them again",
		find: async (ctx, number) => (await existingApplies(ctx, number))[0],
		found: ({ status, created, modified }, number) => ({
			purchase_apply_no: number,
			status,
			created,
			modified,
		}),
	},
	fields: {
		beforeNumber: [
			warehouseLocator({
				description: `The warehouse the goods are requested for (a number of ${atMost(UPLOAD_METHOD, ['params'], 'warehouse_no')}).`,
			}),
			expectedArrivalProperty('expectedTime', 'expected_time'),
			remarkProperty('apply', atMost(UPLOAD_METHOD, ['params'], 'remark')),
		],
		afterNumber: [
			{
				...flagProperty(
					'Submit',
					'isSubmit',
					"Whether to submit the apply. On: it is created ready to be referenced by purchase orders. Off: it stays in editing, or awaiting confirmation when WDT's quantity-confirmation setting is on. WDT field: is_submit.",
				),
				default: true,
			},
		],
	},
	lines: LINES,
	groupByExample: 'apply_key',
	labels: { warehouse_no: 'Warehouse', remark: 'Remark' },
	required: [],
	values: (ctx, itemIndex) => ({
		warehouse_no: readLocatorCode(ctx, itemIndex, 'warehouseNo'),
		remark: ctx.getNodeParameter('remark', itemIndex, '') as string,
		purchase_apply_no: ctx.getNodeParameter('purchaseApplyNo', itemIndex, '') as string,
	}),
	times: { expectedTime: 'expected_time' },
	flags: { isSubmit: 'is_submit' },
	args: ({ head, lines }) => [{ ...head, detail_list: lines }],
	created(_, response) {
		const number = createdApplyNumber(response);
		return { ...succeededOutcome(number), data: { purchase_apply_no: number } };
	},
	output: { lines: 'detail_list', requested: 'requested_purchase_apply_no' },
};

export const description = documentCreateFields(CREATE);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runDocumentCreate(this, CREATE);
}
