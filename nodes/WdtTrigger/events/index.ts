/**
 * The trigger's events. Adding one: a file exporting its TriggerEvent, and a line below.
 */
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { goodsChanged } from './goodsChanged';
import { purchaseApplyStatusChanged } from './purchaseApplyStatusChanged';
import { purchaseOrderStatusChanged } from './purchaseOrderStatusChanged';
import { purchaseStockinCreated } from './purchaseStockinCreated';
import { refundChanged } from './refundChanged';
import { refundStockinReceived } from './refundStockinReceived';
import { salesOrderChanged } from './salesOrderChanged';
import { stockMoved } from './stockMoved';
import { stockoutCancelled } from './stockoutCancelled';
import { stockoutShipped } from './stockoutShipped';
import { transferStatusChanged } from './transferStatusChanged';
import type { AnyTriggerEvent } from './types';

export type { AnyTriggerEvent, TriggerEvent } from './types';

export const TRIGGER_EVENTS: readonly AnyTriggerEvent[] = [
	stockoutCancelled,
	stockoutShipped,
	salesOrderChanged,
	refundChanged,
	goodsChanged,
	purchaseApplyStatusChanged,
	stockMoved,
	purchaseOrderStatusChanged,
	purchaseStockinCreated,
	refundStockinReceived,
	transferStatusChanged,
];

/** The event that static data without an `event` field (version 1 of the trigger) belongs to. */
export const LEGACY_EVENT = stockoutCancelled.option.value;
export const DEFAULT_EVENT = stockoutCancelled.option.value;

export function findEvent(value: unknown): AnyTriggerEvent | undefined {
	return TRIGGER_EVENTS.find((event) => event.option.value === value);
}

export const eventOptions: INodePropertyOptions[] = TRIGGER_EVENTS.map((event) => event.option);

/** `={{ … }}` subtitle: the chosen event's name, derived from the registry. */
export const eventSubtitle = `={{ ${JSON.stringify(
	Object.fromEntries(TRIGGER_EVENTS.map((event) => [event.option.value, event.option.name])),
)}[$parameter["event"]] }}`;

/** One Options collection per event: the common options and the event's own, A to Z. */
export function eventOptionCollections(common: INodeProperties[]): INodeProperties[] {
	return TRIGGER_EVENTS.map((event) => ({
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		displayOptions: { show: { event: [event.option.value] } },
		options: [
			...common
				// An event with a state emits on every change of it: there is no "once" to choose.
				.filter((option) => option.name !== EMIT_AGAIN_OPTION || !event.identity.state)
				.map((option) => withEventDefault(option, event)),
			...event.options,
		].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	}));
}

/** The common Emit Again When Changed option, on by default for events that say so. */
export const EMIT_AGAIN_OPTION = 'emitAgainWhenChanged';

function withEventDefault(option: INodeProperties, event: AnyTriggerEvent): INodeProperties {
	if (option.name !== EMIT_AGAIN_OPTION || !event.emitEveryChangeByDefault) return option;
	return {
		...option,
		default: true,
		description:
			'Whether to emit a record again each time WDT reports a later change of it (a new modified time). On (default for this event): every change is an event. Off: each record is emitted once, and later edits are ignored while it is remembered (30 days after its last change, or the latest 5,000 records).',
	};
}
