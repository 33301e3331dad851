import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { toWdtTime } from '../../../shared/protocol';
import { invalidInput, readDateParameter } from '../parameters';
import { readLocatorFilter, WAREHOUSE_FILTER, warehouseLocator } from '../locators';
import { readOperation, type RecordQuery, type RecordRead } from '../read';
import {
	codeFilterField,
	filtersField,
	operationFields,
	readFilters,
	readLimit,
	readTextFilter,
	returnAllLimitFields,
} from '../shared.fields';

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
	filtersField([
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
				'Only warehouses modified since then, up to Modified Before or, when that is empty, the time of the run. Any timezone; WDT is queried in China Standard Time. WDT field: start_time.',
		},
		{
			displayName: 'Modified Before',
			name: 'endTime',
			type: 'dateTime',
			default: '',
			description:
				'Only warehouses modified before then; empty with Modified After set: the time of the run. Needs Modified After (WDT takes both times or none). WDT field: end_time.',
		},
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			default: '',
			description: 'The warehouse name, at most 64 characters. WDT field: warehouse_name.',
		},
		codeFilterField(
			{ displayName: 'Type', name: 'type', description: 'WDT field: type' },
			WAREHOUSE_TYPE_LABELS,
		),
	]),
	...returnAllLimitFields(),
];

/** Its entry in the Warehouse resource's Operation field. */
export const option = {
	name: 'Get Many',
	value: 'getMany',
	action: 'Get many warehouses',
	description: "List the ERP's warehouses (setting.Warehouse.queryWarehouse)",
};

export const description = operationFields('warehouse', 'getMany', properties);

/**
 * Every page, each warehouse once by warehouse_no. The page states no longest time span, so a
 * modified-time filter is sent as one range.
 */
const WAREHOUSE_READ: RecordRead = { method: WAREHOUSE_METHOD, idField: 'warehouse_no' };

function readQuery(ctx: IExecuteFunctions, itemIndex: number, nowMs: number): RecordQuery {
	const params: IDataObject = {};
	const warehouseNo = readLocatorFilter(ctx, itemIndex, WAREHOUSE_FILTER);
	if (warehouseNo) params.warehouse_no = warehouseNo;
	const filters = readFilters(ctx, itemIndex);
	const name = readTextFilter(ctx, itemIndex, filters.name, 'Filters → Name (warehouse_name)', 64);
	if (name) params.warehouse_name = name;
	if (filters.type !== undefined && filters.type !== '') params.type = Number(filters.type);
	const date = (field: string, label: string) =>
		readDateParameter(ctx, itemIndex, `filters.${field}`, label);
	const startMs = date('startTime', 'Filters → Modified After (startTime)');
	const endMs = date('endTime', 'Filters → Modified Before (endTime)');
	// WDT's reply example for this method: "参数中必须包含起止时间" (both times or none). Modified
	// After alone means "since then": it is sent with the run's time as end_time.
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

/** setting.Warehouse.queryWarehouse: the ERP's warehouses, every page. */
export const execute = readOperation(WAREHOUSE_READ, readQuery);
