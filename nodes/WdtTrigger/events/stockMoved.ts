/**
 * Stock Moved: each stock-in and stockout of wms.StockSpec.queryChangeHistory, once. The page
 * gives a movement no id: its identity is movementKey (document, SKU, warehouse, direction,
 * stock side, time, stock before). Without SKU codes WDT takes 60 minutes per call (the catalog's
 * window, the trigger's); with SKU codes it takes one code per call (spec_no), so each window is
 * read once per code. The window stays 60 minutes with codes: right under both of the page's
 * readings (30 days with a code, or 60 minutes whatever is sent), and one poll's catch-up after an
 * outage is bounded by the trigger's windows per poll.
 */
import type { IDataObject, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { TimeWindow } from '../../shared/protocol';
import { readWindow } from '../../shared/read';
import {
	lengthOf,
	MOVEMENT_DIRECTIONS,
	movementKey,
	STOCK_MOVEMENT,
	withDirection,
} from '../../shared/records';
import { rowChangeTime } from '../cursor';
import { codeOptions, readCodes, readLocatorOption, warehouseOption } from './optionReaders';
import { eventWindowMs } from './recordReads';
import type { TriggerEvent } from './types';

/** SKU codes one trigger follows: each is one more call per window. */
export const MAX_TRIGGER_SKUS = 20;

interface StockMovedSettings {
	params: IDataObject;
	specNos: string[];
}

export const stockMoved: TriggerEvent<IDataObject, StockMovedSettings> = {
	option: {
		name: 'Stock Moved',
		value: 'stockMoved',
		description:
			'Each stock-in or stockout of a SKU in WDT, once, with why (source document and type) and the stock before and after (wms.StockSpec.queryChangeHistory)',
	},
	options: [
		warehouseOption('movements'),
		{
			displayName: 'SKU Codes',
			name: 'specNos',
			type: 'string',
			default: '',
			placeholder: 'e.g. TS-001-BLK-M, MUG-350',
			description: `Only movements of these SKUs (merchant codes), comma-separated, at most ${MAX_TRIGGER_SKUS}; WDT takes one code per call, so each is one more call per poll. Empty: every SKU. WDT field: spec_no.`,
		},
		{
			displayName: 'Direction',
			name: 'type',
			type: 'options',
			default: '',
			options: [{ name: 'Any', value: '' }, ...codeOptions(MOVEMENT_DIRECTIONS)],
			description: 'Only stock coming in or only stock going out. WDT field: type.',
		},
		{
			displayName: 'Defective Stock',
			name: 'defect',
			type: 'boolean',
			default: false,
			description:
				'Whether to follow defective stock instead of good stock (WDT returns one or the other). WDT field: defect.',
		},
	],
	maxWindowMs: eventWindowMs(STOCK_MOVEMENT),
	identity: {
		key: (row) => movementKey(row),
		modified: (row) =>
			rowChangeTime(
				row.created,
				`stock movement ${String(row.stockio_no)} of ${String(row.spec_no)}`,
			),
	},
	settings(options) {
		const params: IDataObject = { defect: options.defect === true };
		const warehouseNo = readLocatorOption.call(this, options.warehouseNo, {
			label: 'Warehouse',
			maxLength: lengthOf(STOCK_MOVEMENT, 'warehouse_no'),
		});
		if (warehouseNo) params.warehouse_no = warehouseNo;
		const [type] = readCodes.call(this, options.type, {
			label: 'Direction',
			labels: MOVEMENT_DIRECTIONS,
			what: 'direction',
		});
		if (type) params.type = type;
		const maxLength = lengthOf(STOCK_MOVEMENT, 'spec_no');
		const specNos = [
			...new Set(
				String(options.specNos ?? '')
					.split(/[,，\n]/)
					.map((code) => code.trim())
					.filter(Boolean),
			),
		];
		const problem =
			specNos.length > MAX_TRIGGER_SKUS
				? `holds ${specNos.length} codes; at most ${MAX_TRIGGER_SKUS}.`
				: specNos.find((code) => [...code].length > maxLength) &&
					`holds a code longer than ${maxLength} characters.`;
		if (problem) throw new NodeOperationError(this.getNode(), `Options → SKU Codes ${problem}`);
		return { params, specNos };
	},
	async read(this: IPollFunctions, window: TimeWindow, settings) {
		const reads = settings.specNos.length
			? settings.specNos.map((specNo) => ({ ...settings.params, spec_no: specNo }))
			: [settings.params];
		const rows: IDataObject[] = [];
		for (const params of reads)
			rows.push(...(await readWindow.call(this, STOCK_MOVEMENT, window, params)));
		return rows.map(withDirection);
	},
	matches: () => true,
	testEventHint:
		'Move stock in WDT (a stock-in, stockout or count), or clear Options → Warehouse and SKU Codes, and fetch again.',
};
