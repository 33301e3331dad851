/**
 * Goods Created or Updated: goods (货品档案) created or changed in WDT, read from
 * goods.Goods.queryWithSpec by last modified time (start_time/end_time, 30-day windows), each
 * with its specs. Every change is an event by default; Emit Again When Changed off makes it one
 * event per goods.
 *
 * Spec changes: the page says the window ranges over the goods' OR a spec's last modified time,
 * and is silent on whether a spec change moves the goods' `modified`. Its reply example suggests
 * it does not: `modified` equals goods_modified (2023-03-09 16:37:42, sent there as ms) while
 * the spec's spec_modified (ms) is two months later. So a goods' change time here is the latest
 * of `modified`, goods_modified and every spec_modified, each in any form WDT sends: a spec-only change is an event under
 * either reading (the simulator offers both, test/trigger/goods.test.ts covers each).
 */
import type { IDataObject } from 'n8n-workflow';

import { wdtTimeText } from '../../shared/protocol';
import { readWindow } from '../../shared/read';
import { deletedParam, GOODS, includeDeletedFilter, lengthOf } from '../../shared/records';
import { rowChangeTime } from '../cursor';
import { readTextOption } from './optionReaders';
import type { TriggerEvent } from './types';
import { eventWindowMs, withLines } from './recordReads';

interface Settings {
	includeSpecs: boolean;
	params: IDataObject;
}

/** When the goods or any of its specs last changed (WDT time). */
export function goodsChangedAt(row: IDataObject): string {
	const specs = Array.isArray(row.spec_list) ? (row.spec_list as IDataObject[]) : [];
	const times = [row.modified, row.goods_modified, ...specs.map((spec) => spec.spec_modified)]
		.map(wdtTimeText)
		.filter((time): time is string => time !== undefined)
		.sort();
	return times[times.length - 1] ?? rowChangeTime(row.modified, `goods ${String(row.goods_id)}`);
}

export const goodsChanged: TriggerEvent<IDataObject, Settings> = {
	option: {
		name: 'Goods Created or Updated',
		value: 'goodsChanged',
		description:
			'Each time goods or one of their specs (SKUs) are created or changed in WDT (goods.Goods.queryWithSpec, by last modified time)',
	},
	options: [
		{
			displayName: 'Brand Name',
			name: 'brandName',
			type: 'string',
			default: '',
			description:
				'Only goods of this brand (its name). Empty: every brand. WDT field: brand_name.',
		},
		{
			displayName: 'Category Name',
			name: 'className',
			type: 'string',
			default: '',
			description:
				'Only goods of this category (its name). Empty: every category. WDT field: class_name.',
		},
		{
			...includeDeletedFilter,
			description:
				'Whether deleted goods and specs are events too (a deletion is a change). Off (default): WDT hides them. WDT field: hide_deleted.',
		},
		{
			displayName: 'Include Specs',
			name: 'includeSpecs',
			type: 'boolean',
			default: true,
			description:
				"Whether to keep each goods' specs (spec_list) in the item. Off: the goods fields only. A change of a spec is an event either way.",
		},
	],
	maxWindowMs: eventWindowMs(GOODS),
	emitEveryChangeByDefault: true,
	identity: {
		key: (row) => String(row.goods_id),
		modified: goodsChangedAt,
	},
	settings(options) {
		const params: IDataObject = { ...deletedParam(options) };
		for (const [name, field, label] of [
			['brandName', 'brand_name', 'Brand Name'],
			['className', 'class_name', 'Category Name'],
		] as const) {
			const value = readTextOption.call(this, options[name], {
				label,
				maxLength: lengthOf(GOODS, field),
			});
			if (value) params[field] = value;
		}
		return {
			includeSpecs: options.includeSpecs !== false,
			params,
		};
	},
	async read(window, settings) {
		return await readWindow.call(this, GOODS, window, settings.params);
	},
	matches: () => true,
	// Specs are dropped only here: the change time reads them.
	async toItems(rows, settings) {
		return withLines(rows, 'spec_list', settings.includeSpecs);
	},
	testEventHint:
		'Create or change goods in WDT (or clear Options → Brand Name and Category Name) and fetch again.',
};
