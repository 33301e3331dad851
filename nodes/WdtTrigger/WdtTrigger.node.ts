import type {
	IDataObject,
	INodeExecutionData,
	INodeProperties,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { searchShops, searchWarehouses } from '../shared/lists/listSearch';
import { HOUR_MS, splitIntoWindows, toWdtTime, WdtError } from '../shared/protocol';
import { callWdt, toNodeError } from '../shared/transport';
import {
	advance,
	freshState,
	isPaused,
	MAX_BACKFILL_HOURS,
	MAX_WINDOWS_PER_POLL,
	newEvents,
	parseServerNow,
	pauseAfterRateLimit,
	planBackfill,
	planPoll,
	readState,
	SAFETY_LAG_MS,
	trustedNow,
	type Clock,
	type EmitRule,
	type TriggerState,
} from './cursor';
import {
	DEFAULT_EVENT,
	EMIT_AGAIN_OPTION,
	eventOptionCollections,
	eventOptions,
	eventSubtitle,
	findEvent,
	LEGACY_EVENT,
	type AnyTriggerEvent,
} from './events';
import { forgetActivation, recallActivation, rememberActivation } from './pendingActivations';

/** "Fetch test event" looks back this far for the latest events. */
const TEST_EVENT_LOOKBACK_HOURS = 24;
const TEST_EVENT_COUNT = 3;
/** Where n8n gives a poll budget (n8n 2.x durable polls), a poll stops reading at this share of it. */
const BUDGET_SHARE = 0.5;

/** Options every event has. */
const COMMON_OPTIONS: INodeProperties[] = [
	{
		displayName: 'Backfill Hours on First Activation',
		name: 'backfillHours',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: MAX_BACKFILL_HOURS },
		default: 0,
		description: `0: start from the activation and emit nothing older. Otherwise also emit what happened in the last N hours (at most ${MAX_BACKFILL_HOURS}) when the workflow is first activated.`,
	},
	{
		displayName: 'Emit Again When Changed',
		name: EMIT_AGAIN_OPTION,
		type: 'boolean',
		default: false,
		description:
			'Whether to emit a record again each time WDT reports a later change of it (a new modified time). Off (default): each record is emitted once, and later edits are ignored while it is remembered (30 days after its last change, or the latest 5,000 records). So if WDT restores a cancelled stockout and cancels it again within that time, only this option emits the second cancellation.',
	},
];

export class WdtTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'WDT Trigger',
		name: 'wdtTrigger',
		icon: { light: 'file:../../icons/wdt.svg', dark: 'file:../../icons/wdt.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: eventSubtitle,
		description:
			'Start a workflow when WDT (Wangdiantong) Flagship ERP records change (sales orders, shipped or cancelled stockouts, refunds, refund stock-ins, products, purchase applies, purchase orders, purchase stock-ins, stock movements, transfers) or read and write them with the WDT node',
		defaults: { name: 'WDT Trigger' },
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
				default: DEFAULT_EVENT,
				options: eventOptions,
			},
			...eventOptionCollections(COMMON_OPTIONS),
		],
	};

	/** The Shop(s) and Warehouse options' dropdowns. */
	methods = { listSearch: { searchShops, searchWarehouses } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const eventValue = this.getNodeParameter('event', DEFAULT_EVENT);
		const event = findEvent(eventValue);
		if (!event) {
			throw new NodeOperationError(
				this.getNode(),
				`Event "${String(eventValue)}" is not an event of this node; choose one from the Event list.`,
			);
		}
		const options = this.getNodeParameter('options', {}) as IDataObject;
		const common = readCommonOptions.call(this, options, event);
		const settings: unknown = event.settings.call(this, options);
		if (this.getMode() === 'manual') return await fetchTestEvents.call(this, event, settings);
		return await pollEvent.call(this, event, settings, common);
	}
}

interface CommonOptions {
	backfillHours: number;
	emitRule: EmitRule;
}

function readCommonOptions(
	this: IPollFunctions,
	options: IDataObject,
	event: AnyTriggerEvent,
): CommonOptions {
	const backfillHours = Number(options.backfillHours ?? 0);
	if (!Number.isFinite(backfillHours) || backfillHours < 0 || backfillHours > MAX_BACKFILL_HOURS) {
		throw new NodeOperationError(
			this.getNode(),
			`Options → Backfill Hours on First Activation must be between 0 and ${MAX_BACKFILL_HOURS}, got ${String(options.backfillHours)}.`,
		);
	}
	return {
		backfillHours,
		emitRule:
			(options[EMIT_AGAIN_OPTION] ?? event.emitEveryChangeByDefault === true) === true
				? 'everyChange'
				: 'oncePerKey',
	};
}

/** One scheduled (or activation) poll: plan from the cursor, read, pick new events, commit once. */
async function pollEvent(
	this: IPollFunctions,
	event: AnyTriggerEvent,
	settings: unknown,
	common: CommonOptions,
): Promise<INodeExecutionData[][] | null> {
	const staticData = this.getWorkflowStaticData('node');
	const { state: saved, repairs } = readState(staticData, event.option.value, LEGACY_EVENT);
	for (const repair of repairs)
		this.logger.warn(`WDT Trigger "${this.getNode().name}": static data: ${repair}`);
	const activationKey = `${String(this.getWorkflow().id)}:${this.getNode().id}:${event.option.value}`;
	// n8n 2.x keeps nothing of an activation poll that returned null: its state is recalled here.
	let state = saved ?? recallActivation(activationKey, Date.now());
	if (saved) forgetActivation(activationKey);
	if (state && isPaused(state, Date.now())) {
		if (repairs.length) commit(staticData, state);
		return null;
	}

	const startedMs = performance.now();
	const budgetMs = pollBudgetMs(this);
	const limits = { maxWindowMs: event.maxWindowMs, maxWindows: MAX_WINDOWS_PER_POLL };

	let clock: Clock;
	try {
		clock = await readClock.call(this);
	} catch (error) {
		return failNothingRead.call(this, error, state, staticData, repairs.length > 0);
	}
	const { nowMs, distrusted } = trustedNow(clock);
	if (distrusted) {
		this.logger.warn(
			`WDT Trigger "${this.getNode().name}": system.Core.now said ${toWdtTime(clock.serverNowMs)}, more than 120 s from this host's ${toWdtTime(clock.hostNowMs)}; planning from ${toWdtTime(nowMs)} instead`,
		);
	}

	const fresh = state === undefined;
	let windows;
	let plannedEndMs: number;
	if (state === undefined) {
		const backfill = planBackfill(nowMs - SAFETY_LAG_MS, common.backfillHours, limits);
		state = freshState(event.option.value, backfill.sinceMs, backfill.sinceMs);
		({ windows } = backfill);
		plannedEndMs = backfill.endMs;
	} else {
		const plan = planPoll(state, nowMs, limits);
		if (plan.movedBack) {
			this.logger.warn(
				`WDT Trigger "${this.getNode().name}": WDT's time ${toWdtTime(nowMs)} is behind the cursor ${state.cursor}; reading again from WDT's time (emitted records are remembered, so none repeats)`,
			);
		}
		({ windows } = plan);
		plannedEndMs = plan.endMs;
	}

	const rows: IDataObject[] = [];
	let readUpToMs: number | undefined;
	let failure: unknown;
	let slowestWindowMs = 0;
	for (const [index, window] of windows.entries()) {
		const elapsedMs = performance.now() - startedMs;
		if (
			index > 0 &&
			budgetMs !== undefined &&
			elapsedMs + slowestWindowMs > budgetMs * BUDGET_SHARE
		) {
			break;
		}
		const windowStartedMs = performance.now();
		try {
			const found = await event.read.call(this, window, settings);
			rows.push(...found);
			readUpToMs = window.endMs;
		} catch (error) {
			failure = error;
			break;
		}
		slowestWindowMs = Math.max(slowestWindowMs, performance.now() - windowStartedMs);
	}
	if (windows.length > 0 && readUpToMs === undefined) {
		return failNothingRead.call(
			this,
			failure,
			fresh ? undefined : state,
			staticData,
			repairs.length > 0,
		);
	}
	const complete = readUpToMs === undefined || readUpToMs === plannedEndMs;
	const endMs = complete ? plannedEndMs : (readUpToMs as number);
	if (failure !== undefined) {
		this.logger.warn(
			`WDT Trigger "${this.getNode().name}": stopped after a failed window (${(failure as Error).message}); the next poll goes on from ${toWdtTime(endMs)}`,
		);
	}

	// Events and items are picked and built before the state is committed: a failure here (a
	// change time that is no time, see rowChangeTime, or a failed toItems) leaves the cursor
	// where it was, and the next poll reads these events again.
	let picked: ReturnType<typeof newEvents<IDataObject>>;
	let items: IDataObject[];
	try {
		picked = newEvents(state, rows, event.identity, common.emitRule, (row) =>
			event.matches(row, settings),
		);
		items =
			picked.events.length && event.toItems
				? await event.toItems.call(this, picked.events, settings)
				: picked.events;
	} catch (error) {
		return failNothingRead.call(
			this,
			error,
			fresh ? undefined : state,
			staticData,
			repairs.length > 0,
		);
	}
	const { emitted, states } = picked;
	let next = advance(state, endMs, emitted, states);
	if (isRateLimit(failure)) {
		next = pauseAfterRateLimit({ ...next, rateLimitStreak: state.rateLimitStreak }, Date.now());
	}
	commit(staticData, next);
	if (fresh && items.length === 0) rememberActivation(activationKey, next, Date.now());
	return items.length ? [items.map((json) => ({ json }))] : null;
}

/**
 * A poll that read nothing. A rate-limit reply pauses the trigger (5, then 10 minutes): the
 * pause is committed and the poll returns null, because n8n 2.x keeps nothing of a poll that
 * throws. Any other failure is thrown with the cursor unchanged; so is a rate limit before the
 * first cursor exists (an activation then fails and says why).
 */
function failNothingRead(
	this: IPollFunctions,
	error: unknown,
	state: TriggerState | undefined,
	staticData: IDataObject,
	repaired: boolean,
): null {
	if (state !== undefined && isRateLimit(error)) {
		const paused = pauseAfterRateLimit(state, Date.now());
		commit(staticData, paused);
		this.logger.warn(
			`WDT Trigger "${this.getNode().name}": WDT rate-limited this key (${(error as Error).message}); no calls until ${paused.pausedUntil} (this host's clock), then the poll goes on from ${state.cursor}`,
		);
		return null;
	}
	if (state !== undefined && repaired) commit(staticData, state);
	throw toNodeError(this.getNode(), error, {
		context: 'WDT Trigger poll failed; the next poll repeats the same time range',
	});
}

const isRateLimit = (error: unknown) => error instanceof WdtError && error.kind === 'rateLimit';

/** n8n 2.x durable polls must finish inside a budget; n8n 1.x offers none. */
function pollBudgetMs(context: IPollFunctions): number | undefined {
	const getBudget = (context as Partial<IPollFunctions>).getPollBudgetMs;
	if (typeof getBudget !== 'function') return undefined;
	const budget = Number(getBudget.call(context));
	return Number.isFinite(budget) && budget > 0 ? budget : undefined;
}

/** Replaces static data in one step, just before the poll returns. */
function commit(staticData: IDataObject, state: TriggerState): void {
	for (const key of Object.keys(staticData)) delete staticData[key];
	Object.assign(staticData, state);
}

/** WDT's own clock, and this host's when the reply came. */
async function readClock(this: IPollFunctions): Promise<Clock> {
	const response = await callWdt.call(
		this,
		{ method: 'system.Core.now', args: [] },
		{ write: false, retries: 0 },
	);
	const serverNowMs = parseServerNow(response.data);
	if (serverNowMs === undefined) {
		throw new NodeOperationError(
			this.getNode(),
			`system.Core.now returned no usable time: ${JSON.stringify(response.data)?.slice(0, 100)}`,
		);
	}
	return { serverNowMs, hostNowMs: Date.now() };
}

/** "Fetch test event": the latest events, newest window first; never moves the cursor. */
async function fetchTestEvents(
	this: IPollFunctions,
	event: AnyTriggerEvent,
	settings: unknown,
): Promise<INodeExecutionData[][]> {
	try {
		const { nowMs } = trustedNow(await readClock.call(this));
		const endMs = nowMs - SAFETY_LAG_MS;
		const windows = splitIntoWindows(
			endMs - TEST_EVENT_LOOKBACK_HOURS * HOUR_MS,
			endMs,
			event.maxWindowMs,
		).reverse();
		const { modified } = event.identity;
		for (const window of windows) {
			const rows = await event.read.call(this, window, settings);
			const latest = rows
				.filter((row) => event.matches(row, settings))
				.sort((a, b) => (modified(a) < modified(b) ? 1 : -1))
				.slice(0, TEST_EVENT_COUNT);
			if (latest.length === 0) continue;
			const items = event.toItems ? await event.toItems.call(this, latest, settings) : latest;
			return [items.map((json) => ({ json }))];
		}
	} catch (error) {
		throw toNodeError(this.getNode(), error);
	}
	throw new NodeOperationError(
		this.getNode(),
		`No ${event.option.name} event in the last ${TEST_EVENT_LOOKBACK_HOURS} hours, so there is no test event to show.`,
		{ description: `${event.testEventHint} Activating the workflow does not depend on this.` },
	);
}
