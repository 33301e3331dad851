import type {
	IDataObject,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import {
	HOUR_MS,
	splitIntoWindows,
	STOCKOUT_STATUS_CANCELLED,
	STOCKOUT_STATUS_NAMES,
	WdtError,
	type StockoutItem,
} from '../shared/protocol';
import { callWdt, toNodeError } from '../shared/transport';
import { readStockoutWindow } from '../shared/transport/stockouts';
import {
	advance,
	isPaused,
	MAX_BACKFILL_HOURS,
	newEvents,
	parseServerNow,
	pauseAfterRateLimit,
	planPoll,
	readState,
	SAFETY_LAG_MS,
	type TriggerState,
} from './cursor';

/** "Fetch test event" looks back this far for the latest matching stockouts. */
const TEST_EVENT_LOOKBACK_HOURS = 24;
const TEST_EVENT_COUNT = 3;

/** The trigger never waits inside a poll: n8n's poll interval is its retry, rate limits pause it. */
const NO_RETRY = { retries: 0 };

export class WdtTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'WDT 旺店通 Trigger',
		name: 'wdtTrigger',
		icon: { light: 'file:../../icons/wdt.svg', dark: 'file:../../icons/wdt.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ $parameter["event"] }}',
		// n8n's node picker shows this text for the action node too, so it speaks for both.
		description:
			'Work with the WDT (旺店通) 旗舰版 ERP and start workflows when sales stockouts are cancelled',
		defaults: { name: 'WDT 旺店通 Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'wdtApi', required: true }],
		properties: [
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				noDataExpression: true,
				default: 'stockoutCancelled',
				options: [
					{
						name: 'Sales Stockout Cancelled (销售出库单已取消)',
						value: 'stockoutCancelled',
						description:
							'Once for every sales stockout that became cancelled since the last poll (wms.stockout.Sales.searchCancel)',
					},
				],
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add option',
				default: {},
				options: [
					{
						displayName: 'Backfill Hours on First Activation',
						name: 'backfillHours',
						type: 'number',
						typeOptions: { minValue: 0, maxValue: MAX_BACKFILL_HOURS },
						default: 0,
						description: `0: start from now and emit nothing older. Otherwise also emit what was cancelled in the last N hours (at most ${MAX_BACKFILL_HOURS}) when the workflow is first activated.`,
					},
					{
						displayName: 'Statuses',
						name: 'statuses',
						type: 'multiOptions',
						default: [STOCKOUT_STATUS_CANCELLED],
						options: Object.entries(STOCKOUT_STATUS_NAMES).map(([value, name]) => ({
							name: `${value} ${name}`,
							value: Number(value),
						})),
						description: 'Which stockout statuses to emit. Default: 5 已取消 (cancelled) only.',
					},
				],
			},
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const options = this.getNodeParameter('options', {}) as IDataObject;
		const statuses = new Set(
			((options.statuses as number[] | undefined) ?? [STOCKOUT_STATUS_CANCELLED]).map(Number),
		);
		const backfillHours = Number(options.backfillHours ?? 0);
		if (statuses.size === 0) {
			throw new NodeOperationError(
				this.getNode(),
				'Options → Statuses is empty: pick at least one stockout status to emit (e.g. 5 已取消).',
			);
		}
		if (
			!Number.isFinite(backfillHours) ||
			backfillHours < 0 ||
			backfillHours > MAX_BACKFILL_HOURS
		) {
			throw new NodeOperationError(
				this.getNode(),
				`Options → Backfill Hours on First Activation must be between 0 and ${MAX_BACKFILL_HOURS}, got ${String(options.backfillHours)}.`,
			);
		}
		const matches = (stockout: StockoutItem) => statuses.has(stockout.status);

		if (this.getMode() === 'manual') return await fetchTestEvents.call(this, matches);

		const staticData = this.getWorkflowStaticData('node');
		const state = readState(staticData);
		if (isPaused(state, Date.now())) return null;
		try {
			const serverNowMs = await readServerNow.call(this);
			const plan = planPoll(state, serverNowMs, backfillHours);
			let readUpToMs: number | undefined;
			const found: StockoutItem[] = [];
			let failure: unknown;
			for (const window of plan.windows) {
				try {
					const { stockouts } = await readStockoutWindow.call(this, window, { policy: NO_RETRY });
					found.push(...stockouts.filter(matches));
					readUpToMs = window.endMs;
				} catch (error) {
					failure = error;
					break;
				}
			}
			// Windows read completely before a failure are kept; a failure with nothing read surfaces.
			if (failure !== undefined && readUpToMs === undefined) throw failure;
			if (failure !== undefined) {
				this.logger.warn(
					`WDT Trigger: stopped after a failed window; the next poll goes on from ${String(readUpToMs)}`,
				);
			}
			const endMs = failure === undefined ? plan.endMs : (readUpToMs as number);
			const events = newEvents(state, plan.since, found);
			commit(staticData, advance(state, plan.since, endMs, events));
			return events.length ? [events.map((json) => ({ json: json as IDataObject }))] : null;
		} catch (error) {
			if (error instanceof WdtError && error.kind === 'rateLimit') {
				// Only the pause is written; the cursor stays where it was.
				commit(staticData, pauseAfterRateLimit(state, Date.now()));
			}
			throw toNodeError(this.getNode(), error, {
				context: 'WDT Trigger poll failed; the next poll repeats the same time range',
			});
		}
	}
}

/** Replaces static data in one step, just before the poll returns. */
function commit(staticData: IDataObject, state: TriggerState): void {
	for (const key of Object.keys(staticData)) delete staticData[key];
	Object.assign(staticData, state);
}

/** WDT's own clock, so windows never run ahead of the server whatever this host's clock says. */
async function readServerNow(this: IPollFunctions): Promise<number> {
	const response = await callWdt.call(
		this,
		{ method: 'system.Core.now', args: [] },
		{ write: false, ...NO_RETRY },
	);
	const serverNowMs = parseServerNow(response.data);
	if (serverNowMs === undefined) {
		throw new NodeOperationError(
			this.getNode(),
			`system.Core.now returned no usable time: ${JSON.stringify(response.data)?.slice(0, 100)}`,
		);
	}
	return serverNowMs;
}

/** "Fetch test event": the latest matching stockouts, newest window first; never moves the cursor. */
async function fetchTestEvents(
	this: IPollFunctions,
	matches: (stockout: StockoutItem) => boolean,
): Promise<INodeExecutionData[][]> {
	try {
		const serverNowMs = await readServerNow.call(this);
		const endMs = serverNowMs - SAFETY_LAG_MS;
		const windows = splitIntoWindows(
			endMs - TEST_EVENT_LOOKBACK_HOURS * HOUR_MS,
			endMs,
			HOUR_MS,
		).reverse();
		for (const window of windows) {
			const { stockouts } = await readStockoutWindow.call(this, window);
			const latest = stockouts
				.filter(matches)
				.sort((a, b) => (a.modified < b.modified ? 1 : -1))
				.slice(0, TEST_EVENT_COUNT);
			if (latest.length) return [latest.map((json) => ({ json: json as IDataObject }))];
		}
	} catch (error) {
		throw toNodeError(this.getNode(), error);
	}
	throw new NodeOperationError(
		this.getNode(),
		`No sales stockout with the chosen statuses changed in the last ${TEST_EVENT_LOOKBACK_HOURS} hours, so there is no test event to show.`,
		{
			description:
				'Cancel a stockout in WDT (or widen Options → Statuses) and fetch again. Activating the workflow does not depend on this.',
		},
	);
}
