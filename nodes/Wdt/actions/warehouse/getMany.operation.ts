import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { toWdtTime } from '../../../shared/protocol';
import { catalogPaging, searchWindows } from '../../../shared/transport/search';
import { invalidInput, readDateParameter, runPerItem } from '../common';
import { readLocatorCode, warehouseLocator } from '../locators';
import { shapeRecord } from '../output';
import { readLimit, readTextFilter, returnAllLimitFields } from '../shared.fields';

export const WAREHOUSE_METHOD = 'setting.Warehouse.queryWarehouse';

/** English labels of the page's warehouse types (the output keeps WDT's own type_name). */
export const WAREHOUSE_TYPE_LABELS: Readonly<Record<string, string>> = {
	'1': 'Normal (Internal)',
	'2': 'Self-Circulation',
	'3': 'Platform',
	'4': 'JD Canghai',
	'6': 'Douyin Cloud Warehouse',
	'125': 'Drop-Shipping',
	'126': 'Outsourced Distribution',
};

const properties: INodeProperties[] = [
	warehouseLocator({
		description:
			'Optional: return only this warehouse. Empty: every warehouse the API key may see.',
	}),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add filter',
		default: {},
		options: [
			{
				displayName: 'Include Deleted',
				name: 'includeDeleted',
				type: 'boolean',
				default: false,
				description:
					'Whether to return deleted warehouses too (WDT hides them by default). WDT field: hide_delete.',
			},
			{
				displayName: 'Modified After',
				name: 'startTime',
				type: 'dateTime',
				default: '',
				description:
					'Only warehouses modified since then. Any timezone; WDT is queried in China Standard Time. WDT field: start_time.',
			},
			{
				displayName: 'Modified Before',
				name: 'endTime',
				type: 'dateTime',
				default: '',
				description:
					'Only warehouses modified before then; empty with Modified After set: now. WDT field: end_time.',
			},
			{
				displayName: 'Name',
				name: 'name',
				type: 'string',
				default: '',
				description: 'The warehouse name, at most 64 characters. WDT field: warehouse_name.',
			},
			{
				displayName: 'Type',
				name: 'type',
				type: 'options',
				default: '',
				options: [
					{ name: 'Any', value: '' },
					...Object.entries(WAREHOUSE_TYPE_LABELS).map(([code, label]) => ({
						name: `${label} (${code})`,
						value: code,
					})),
				],
				description: 'WDT field: type',
			},
		],
	},
	...returnAllLimitFields(),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['warehouse'], operation: ['getMany'] } },
	properties,
);

interface WarehouseQuery {
	params: IDataObject;
	limit: number;
}

function readQuery(ctx: IExecuteFunctions, itemIndex: number, nowMs: number): WarehouseQuery {
	const params: IDataObject = {};
	const warehouseNo = readLocatorCode(ctx, itemIndex, 'warehouseNo');
	if ([...warehouseNo].length > 40)
		throw invalidInput(ctx, itemIndex, 'Warehouse (warehouse_no)', 'is longer than 40 characters.');
	if (warehouseNo) params.warehouse_no = warehouseNo;
	const filters = ctx.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const name = readTextFilter(ctx, itemIndex, filters.name, 'Filters → Name (warehouse_name)', 64);
	if (name) params.warehouse_name = name;
	if (filters.type !== undefined && filters.type !== '') params.type = Number(filters.type);
	const date = (field: string, label: string) =>
		readDateParameter(ctx, itemIndex, `filters.${field}`, label);
	const startMs = date('startTime', 'Filters → Modified After (startTime)');
	const endMs = date('endTime', 'Filters → Modified Before (endTime)');
	// WDT's reply example for this method: "参数中必须包含起止时间" (both times or none).
	if (startMs === undefined && endMs !== undefined)
		throw invalidInput(
			ctx,
			itemIndex,
			'Filters → Modified After (startTime)',
			'is empty: WDT needs both times, so set it too when Modified Before is set.',
		);
	if (startMs !== undefined) {
		const end = endMs ?? nowMs;
		if (end < startMs)
			throw invalidInput(
				ctx,
				itemIndex,
				'Filters → Modified Before (endTime)',
				'lies before Modified After (startTime).',
			);
		params.start_time = toWdtTime(startMs);
		params.end_time = toWdtTime(end);
	}
	// The page: hide_delete 1 hides deleted warehouses (WDT's default), 0 shows them.
	params.hide_delete = filters.includeDeleted === true ? 0 : 1;
	return { params, limit: readLimit(ctx, itemIndex) };
}

/**
 * setting.Warehouse.queryWarehouse: the ERP's warehouses, every page. The page states no longest
 * time span, so a modified-time filter is sent as one range.
 */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const nowMs = Date.now();
	return await runPerItem(
		this,
		(i) => readQuery(this, i, nowMs),
		async (query) => {
			const { records } = await searchWindows.call(this, {
				method: WAREHOUSE_METHOD,
				args: () => [query.params],
				...catalogPaging(WAREHOUSE_METHOD),
				recordKey: (record) => String((record as IDataObject).warehouse_no),
				limit: query.limit,
			});
			return (records as IDataObject[]).map((warehouse) =>
				shapeRecord(WAREHOUSE_METHOD, warehouse, {}),
			);
		},
	);
}
