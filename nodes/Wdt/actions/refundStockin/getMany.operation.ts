import type { INodeProperties } from 'n8n-workflow';

import { labelsOf, lengthOf, REFUND_STOCKIN } from '../../../shared/records';
import {
	codesFilter,
	filteredQuery,
	textFilterField,
	locatorFilter,
	textFilter,
} from '../filterReaders';
import { SHOP_FILTER, shopLocator, WAREHOUSE_FILTER, warehouseLocator } from '../locators';
import { getManyOption, outputOf, readOperation, timeRangeOf } from '../readOperation';
import {
	filtersField,
	getManyFields,
	noticeField,
	operationFields,
	statusFilterField,
	timeRangeFields,
} from '../shared.fields';

/** The catalog's 30-day start_time/end_time windows. */
const TIME_RANGE = timeRangeOf(REFUND_STOCKIN, 'modification');

/** The text filters: parameter, label, WDT field (its length is the page's). */
const TEXT_FILTERS = [
	['stockinNo', 'Stock-In Number', 'stockin_no'],
	['refundNo', 'Refund Number', 'refund_no'],
] as const;

/**
 * time_type: 0 modified (the default, and what the trigger polls by); 1 "入库时间", a time the
 * page does not map to a reply field (check_time or created_time: docs/wdt-ambiguities.md).
 */
const BY_MODIFIED = 0;
const BY_STOCKIN_TIME = 1;

/** Its entry in the Refund Stock-In resource's Operation field. */
export const option = getManyOption(
	'Get many refund stock-ins',
	'Get returned goods received into a warehouse in a time range, with their lines (wms.stockin.Refund.queryWithDetail)',
);

const properties: INodeProperties[] = [
	noticeField('refundStockinPrivacyNotice', REFUND_STOCKIN.privacyNotice!),
	...timeRangeFields(TIME_RANGE),
	warehouseLocator({ description: 'Optional: only stock-ins into this warehouse.' }),
	shopLocator({
		wdtField: 'shop_nos',
		description: 'Optional: only stock-ins of refunds of this shop.',
	}),
	filtersField([
		...TEXT_FILTERS.map(([name, displayName, field]) =>
			textFilterField(REFUND_STOCKIN, name, displayName, field),
		),
		statusFilterField(
			{ displayName: 'Statuses', name: 'statuses', wdtField: 'status' },
			labelsOf(REFUND_STOCKIN, 'status'),
		),
		{
			displayName: 'Time Range By',
			name: 'timeType',
			type: 'options',
			default: BY_MODIFIED,
			options: [
				{
					name: 'Modification Time',
					value: BY_MODIFIED,
					description: 'When the stock-in last changed (modified)',
				},
				{
					name: 'Stock-In Time',
					value: BY_STOCKIN_TIME,
					description:
						"WDT's stock-in time; the page does not say which reply field holds it (check_time or created_time)",
				},
			],
			description:
				'Which time Modified After/Before select by. WDT field: time_type (0 modification time, 1 stock-in time).',
		},
	]),
	...getManyFields({ output: outputOf(REFUND_STOCKIN) }),
];

export const description = operationFields('refundStockin', 'getMany', properties);

const readQuery = filteredQuery(TIME_RANGE, [
	locatorFilter({ ...WAREHOUSE_FILTER, maxLength: lengthOf(REFUND_STOCKIN, 'warehouse_no') }),
	locatorFilter({
		...SHOP_FILTER,
		wdtField: 'shop_nos',
		maxLength: lengthOf(REFUND_STOCKIN, 'shop_nos'),
	}),
	...TEXT_FILTERS.map(([name, label, field]) =>
		textFilter(REFUND_STOCKIN, name, `Filters → ${label}`, field),
	),
	codesFilter('statuses', 'status'),
	{
		wdtField: 'time_type',
		read: (_ctx, _itemIndex, filters) =>
			Number(filters.timeType ?? BY_MODIFIED) === BY_STOCKIN_TIME ? 1 : 0,
	},
]);

/** wms.stockin.Refund.queryWithDetail over any range (split into 30-day windows), items paired. */
export const execute = readOperation(REFUND_STOCKIN, readQuery);
