import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { succeededOutcome } from '../../../shared/protocol';
import { unstorableCharacterProblem } from '../../../shared/protocol/validate';
import { invalidInput } from '../parameters';
import { planEachItem, runWrite, type WriteSpec } from '../write';
import { goodsIdOf, GOODS_ID_LABEL } from './stockSyncIds';

export const SUCCESS_METHOD = 'sales.StockSync.syncSuccess';
export const FAIL_METHOD = 'sales.StockSync.syncFail';

/**
 * The calc reply's fields the reports take unchanged (the request examples send these 12; the
 * info table marks four more required, sent below). stock_change_count above all: a report
 * with an older count leaves the goods waiting.
 */
export const CALC_INFO_FIELDS = [
	'stock_syn_min',
	'stock_syn_rule_id',
	'stock_syn_mask',
	'stock_syn_warehouses',
	'stock_syn_max',
	'stock_syn_percent',
	'is_auto_delisting',
	'stock_syn_plus',
	'is_auto_listing',
	'stock_syn_rule_no',
	'syn_stock',
	'stock_change_count',
] as const;

/** The page: syn_result "同步结果" String(1024). */
export const SYN_RESULT_MAX = 1024;

const properties: INodeProperties[] = [
	{
		displayName: 'Calculation',
		name: 'calculation',
		type: 'json',
		default: '={{ $json }}',
		required: true,
		description:
			'The item Stock Sync → Calculate gave for this goods: its rec_id, syn_stock, stock_change_count and sync rule fields, sent back unchanged',
		hint: "After an HTTP Request to your shop, take the Calculate node's item: {{ $('Calculate').item.json }} (your node's name in the quotes).",
	},
	{
		displayName: 'Result',
		name: 'result',
		type: 'options',
		default: 'success',
		options: [
			{
				name: 'Success',
				value: 'success',
				description:
					'Your shop took the quantity; the goods leaves the pending list (sales.StockSync.syncSuccess)',
			},
			{
				name: 'Failure',
				value: 'failure',
				description: 'Your shop refused it; WDT records the failure (sales.StockSync.syncFail)',
			},
		],
		description:
			'What happened when you published syn_stock to your shop. WDT field: is_syn_success.',
	},
	{
		displayName: 'Shop Answer',
		name: 'synResult',
		type: 'string',
		default: '',
		description: `Optional: what your shop answered, shown in WDT's sync log (the first ${SYN_RESULT_MAX} characters are kept). WDT field: syn_result.`,
	},
];

/** Its entry in the Stock Sync resource's Operation field. */
export const option = {
	name: 'Report Result',
	value: 'reportResult',
	action: 'Report stock sync results',
	description:
		"Tell WDT whether each goods' stock reached your shop (sales.StockSync.syncSuccess / syncFail), one outcome per goods",
};

export const description = updateDisplayOptions(
	{ show: { resource: ['stockSync'], operation: ['reportResult'] } },
	properties,
);

interface SyncReport {
	apiGoodsId: number;
	result: 'success' | 'failure';
	info: IDataObject;
}

/** The Calculation parameter as an object: n8n gives an expression's object, or JSON text. */
function readCalculation(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const raw = ctx.getNodeParameter('calculation', itemIndex, {}) as unknown;
	let value = raw;
	if (typeof raw === 'string') {
		try {
			value = JSON.parse(raw) as unknown;
		} catch {
			value = undefined;
		}
	}
	if (typeof value !== 'object' || value === null || Array.isArray(value))
		throw invalidInput(
			ctx,
			itemIndex,
			'Calculation (calculation)',
			'must be the item Stock Sync → Calculate gave for the goods (an object with rec_id and syn_stock).',
		);
	return value as IDataObject;
}

function readReport(ctx: IExecuteFunctions, itemIndex: number): SyncReport {
	const calc = readCalculation(ctx, itemIndex);
	if (typeof calc.error === 'string' && calc.error)
		throw invalidInput(
			ctx,
			itemIndex,
			'Calculation (calculation)',
			`is a goods WDT did not calculate ("${calc.error}"); there is no quantity to report.`,
		);
	const apiGoodsId = goodsIdOf(calc.rec_id);
	if (apiGoodsId === undefined)
		throw invalidInput(
			ctx,
			itemIndex,
			`Calculation → ${GOODS_ID_LABEL}`,
			`must be the positive whole number Calculate gives, got ${JSON.stringify(calc.rec_id) ?? 'nothing'}.`,
		);
	const missing = CALC_INFO_FIELDS.filter(
		(field) => calc[field] === undefined || calc[field] === null,
	);
	if (missing.length)
		throw invalidInput(
			ctx,
			itemIndex,
			'Calculation (calculation)',
			`lacks ${missing.join(', ')}: pass the item Stock Sync → Calculate gave, unchanged.`,
		);
	const result = ctx.getNodeParameter('result', itemIndex, 'success') as string;
	if (result !== 'success' && result !== 'failure')
		throw invalidInput(
			ctx,
			itemIndex,
			'Result (is_syn_success)',
			`must be success or failure, got "${result}".`,
		);
	const synResult = String(ctx.getNodeParameter('synResult', itemIndex, '') ?? '').slice(
		0,
		SYN_RESULT_MAX,
	);
	const problem = unstorableCharacterProblem(synResult);
	if (problem) throw invalidInput(ctx, itemIndex, 'Shop Answer (syn_result)', `${problem}.`);
	const info: IDataObject = Object.fromEntries(
		CALC_INFO_FIELDS.map((field) => [field, calc[field]]),
	);
	// The table's four more required fields (the examples omit them): sent always.
	Object.assign(info, {
		stock_syn_other: '',
		is_syn_success: result === 'success',
		is_manual: false,
		syn_result: synResult,
	});
	return { apiGoodsId, result, info };
}

/**
 * sales.StockSync.syncSuccess / syncFail: one goods per call (the pages have no batch method),
 * each report checked before the first call and sent once; one outcome per goods.
 */
const spec: WriteSpec<SyncReport> = {
	method: SUCCESS_METHOD,
	methodOf: (group) => (group === 'failure' ? FAIL_METHOD : SUCCESS_METHOD),
	words: {
		one: 'stock sync report',
		many: 'stock sync reports',
		action: 'record',
		done: 'recorded',
		statusRule: 'WDT records results only for platform goods of self-owned shops',
	},
	plan: (ctx) => planEachItem(ctx, (i) => readReport(ctx, i)),
	key: (report) => String(report.apiGoodsId),
	sameKey: { refuse: GOODS_ID_LABEL, why: 'report each goods once per run' },
	batch: { limit: 1, by: (report) => report.result },
	args: ([report]) => [report.apiGoodsId, report.info],
	outcomes: (batch) => batch.map((report) => succeededOutcome(String(report.apiGoodsId))),
	output: (report) => ({
		rec_id: report.apiGoodsId,
		result: report.result,
		syn_stock: report.info.syn_stock,
		stock_change_count: report.info.stock_change_count,
	}),
};

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runWrite(this, spec);
}
