/**
 * The trigger's events. Adding one: a file exporting its TriggerEvent, and a line below.
 */
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { stockoutCancelled } from './stockoutCancelled';
import type { AnyTriggerEvent } from './types';

export type { AnyTriggerEvent, TriggerEvent } from './types';

export const TRIGGER_EVENTS: readonly AnyTriggerEvent[] = [stockoutCancelled];

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
		options: [...common, ...event.options].sort((a, b) =>
			a.displayName.localeCompare(b.displayName),
		),
	}));
}
