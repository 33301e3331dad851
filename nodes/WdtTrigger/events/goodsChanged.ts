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

import { DAY_MS, wdtTimeText, withIsoTimes } from '../../shared/protocol';
import {
	deletedParam,
	GOODS_METHOD,
	includeDeletedFilter,
} from '../../Wdt/actions/goods/getMany.operation';
import { rowChangeTime } from '../cursor';
import { readTextOption } from './optionReaders';
import type { TriggerEvent } from './types';
import { readQueryWindow, withLines, type WindowQuery } from './windowReader';

const GOODS_MAX_WINDOW_MS = 30 * DAY_MS;
/** The spec times that get an `_iso` beside them, as the goods' own times do. */
const SPEC_TIME_FIELDS = ['spec_modified', 'spec_created'];

interface Settings {
	includeSpecs: boolean;
	query: WindowQuery;
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
	maxWindowMs: GOODS_MAX_WINDOW_MS,
	emitEveryChangeByDefault: true,
	identity: {
		key: (row) => String(row.goods_id),
		modified: goodsChangedAt,
	},
	settings(options) {
		const params: IDataObject = { ...deletedParam(options) };
		for (const [name, field, label, maxLength] of [
			['brandName', 'brand_name', 'Brand Name', 64],
			['className', 'class_name', 'Category Name', 100],
		] as const) {
			const value = readTextOption.call(this, options[name], { label, maxLength });
			if (value) params[field] = value;
		}
		return {
			includeSpecs: options.includeSpecs !== false,
			query: {
				method: GOODS_METHOD,
				params,
				idField: 'goods_id',
				modifiedField: 'modified',
				statusFields: ['goods_type'],
				timeFields: ['goods_modified', 'goods_created', 'modified', 'created'],
			},
		};
	},
	async read(window, settings) {
		const rows = await readQueryWindow.call(this, settings.query, window);
		return rows.map((row) =>
			Array.isArray(row.spec_list)
				? {
						...row,
						spec_list: (row.spec_list as IDataObject[]).map((spec) =>
							withIsoTimes(spec, SPEC_TIME_FIELDS),
						),
					}
				: row,
		);
	},
	matches: () => true,
	// Specs are dropped only here: the change time reads them.
	async toItems(rows, settings) {
		return withLines(rows, 'spec_list', settings.includeSpecs);
	},
	testEventHint:
		'Create or change goods in WDT (or clear Options → Brand Name and Category Name) and fetch again.',
};
