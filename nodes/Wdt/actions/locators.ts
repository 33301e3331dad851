import type { IExecuteFunctions } from 'n8n-workflow';

import { locatorCode } from '../../shared/lists/locators';
import { readTextFilter } from './shared.fields';

export {
	locatorCode,
	logisticsLocator,
	providerLocator,
	shopLocator,
	warehouseLocator,
} from '../../shared/lists/locators';

/**
 * The code chosen in a WDT dropdown field, trimmed ('' when empty); `name` may be a path into a
 * collection (`filters.shopNo`). Workflows saved before the field was a dropdown hold a plain
 * string, which is read as the code.
 */
export function readLocatorCode(ctx: IExecuteFunctions, itemIndex: number, name: string): string {
	// Not extractValue: it needs the field displayed at the top level; our modes extract nothing.
	return locatorCode(ctx.getNodeParameter(name, itemIndex, '') as unknown);
}

/** A dropdown field as read: its parameter, its names in messages and WDT's longest code. */
export interface LocatorRead {
	name: string;
	displayName: string;
	wdtField: string;
	maxLength: number;
}

export const SHOP_FILTER: LocatorRead = {
	name: 'shopNo',
	displayName: 'Shop',
	wdtField: 'shop_no',
	maxLength: 20,
};
export const WAREHOUSE_FILTER: LocatorRead = {
	name: 'warehouseNo',
	displayName: 'Warehouse',
	wdtField: 'warehouse_no',
	maxLength: 40,
};

/**
 * An optional dropdown field's code, at the top level or in the `filters` collection; longer
 * than WDT's `maxLength` is refused, empty is undefined.
 */
export function readLocatorFilter(
	ctx: IExecuteFunctions,
	itemIndex: number,
	field: LocatorRead,
	where: 'top' | 'filters' = 'top',
): string | undefined {
	const path = where === 'filters' ? `filters.${field.name}` : field.name;
	const label = `${field.displayName} (${where === 'filters' ? path : field.wdtField})`;
	const code = readLocatorCode(ctx, itemIndex, path);
	return readTextFilter(ctx, itemIndex, code, label, field.maxLength);
}
