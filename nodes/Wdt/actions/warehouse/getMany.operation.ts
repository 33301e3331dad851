import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { toWdtTime } from '../../../shared/protocol';
import { invalidInput, readDateParameter } from '../parameters';
import { codeFilter, locatorFilter, readFilterParams, type FilterRead } from '../filterReaders';
import { WAREHOUSE_FILTER, warehouseLocator } from '../locators';
import { labelsOf, lengthOf, WAREHOUSE } from '../../../shared/records';
import { getManyOption, readOperation, type ReadQuery } from '../readOperation';
import {
	codeFilterField,
	filtersField,
	operationFields,
	readFilters,
	readLimit,
	readTextFilter,
	returnAllLimitFields,
} from '../shared.fields';

const NAME_LENGTH = lengthOf(WAREHOUSE, 'warehouse_name');

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
			description: `The warehouse name, at most ${NAME_LENGTH} characters. WDT field: warehouse_name.`,
		},
		codeFilterField(
			{ displayName: 'Type', name: 'type', description: 'WDT field: type' },
			labelsOf(WAREHOUSE, 'type'),
		),
	]),
	...returnAllLimitFields(),
];

/** Its entry in the Warehouse resource's Operation field. */
export const option = getManyOption(
	'Get many warehouses',
	"List the ERP's warehouses (setting.Warehouse.queryWarehouse)",
);

export const description = operationFields('warehouse', 'getMany', properties);

const FILTERS: FilterRead[] = [
	locatorFilter(WAREHOUSE_FILTER),
	{
		wdtField: 'warehouse_name',
		read: (ctx, itemIndex, filters) =>
			readTextFilter(ctx, itemIndex, filters.name, 'Filters → Name (warehouse_name)', NAME_LENGTH),
	},
	codeFilter('type', 'type'),
];

function readQuery(ctx: IExecuteFunctions, itemIndex: number, nowMs: number): ReadQuery {
	const params = readFilterParams(ctx, itemIndex, FILTERS);
	const filters = readFilters(ctx, itemIndex);
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

/**
 * setting.Warehouse.queryWarehouse: the ERP's warehouses, every page, each once by warehouse_no.
 * The page states no longest time span, so a modified-time filter is sent as one range.
 */
export const execute = readOperation(WAREHOUSE, readQuery);
