/**
 * Numbers for documents the user left unnumbered, derived from the execution so that a re-run
 * of the same execution sends the same numbers, and the field that offers them. What keeps the
 * re-run from creating a document twice is the operation's: a look-up of the number before
 * sending it (DocumentCreate.number.find) where WDT can be searched by it, else WDT refusing a
 * number it has (each operation's deriveSafety says which).
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { Show, WriteEntity } from './inputFields';
import type { WriteSpec } from './spec';
import { documentedLength } from './values';

/** The shortest number field a derived number fills: purchase_apply_no (other-out outer_no is longer). */
const DERIVED_NUMBER_LENGTH = documentedLength(
	'purchase.PurchaseApply.upload',
	['params'],
	'purchase_apply_no',
);

/** FNV-1a, 32 bits: a short, stable tag (not a secret). */
function fnv1a(text: string): number {
	let hash = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		hash ^= text.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193) >>> 0;
	}
	return hash;
}

/**
 * The number sent when the user gives none: the same for the same execution, node run and
 * position, so a re-run of the execution sends the same number, which the operation then finds
 * already created (see the file's note). `N<execution id>-<3-character tag of node and
 * run>-<position>`, at most 20 characters (purchase_apply_no's documented length); an execution
 * ID too long for that is hashed.
 */
export function derivedApplyNumber(executionId: string, nodeRun: string, position: number): string {
	const tag = (fnv1a(nodeRun) % 36 ** 3).toString(36).toUpperCase().padStart(3, '0');
	const tail = `-${tag}-${position}`;
	const execution =
		/^\d+$/.test(executionId) && 1 + executionId.length + tail.length <= DERIVED_NUMBER_LENGTH
			? executionId
			: (fnv1a(executionId) % 36 ** 6).toString(36).toUpperCase();
	return `N${execution}${tail}`;
}

/**
 * Numbers for documents the user left unnumbered, the same for the same execution, node run and
 * position, so that a re-run of the execution sends the same numbers (and the operation's
 * look-up, or WDT's refusal, keeps them from being created twice).
 */
export function executionNumbering(ctx: IExecuteFunctions): (position: number) => string {
	const runIndex = Number(ctx.getWorkflowDataProxy(0).$runIndex ?? 0);
	const nodeRun = `${ctx.getNode().id}:${runIndex}`;
	return (position) => derivedApplyNumber(ctx.getExecutionId(), nodeRun, position);
}

/** What to send as the document's number when the user gives none (see executionNumbering). */
export function numberWhenEmptyField(
	show: Show,
	entity: WriteEntity,
	number: { field: string; label: string; wdtExample: string },
	/** How a re-run is kept from creating twice, when not by WDT refusing a repeated number. */
	deriveSafety?: string,
): INodeProperties {
	return {
		displayName: 'When the Number Is Empty',
		name: 'numberWhenEmpty',
		type: 'options',
		default: 'derive',
		displayOptions: { show },
		options: [
			{
				name: 'Derive It From the Execution (Safe to Re-Run)',
				value: 'derive',
				description: `Sends N + the execution ID + a tag of this node and run + the ${entity.one}'s position, e.g. N1234-K3F-1. Running the same execution again (a queue-mode worker that died, Retry On Fail) sends the same numbers, so ${deriveSafety ?? `WDT refuses them instead of creating the ${entity.many} twice`}.`,
			},
			{
				name: 'Let WDT Number It',
				value: 'wdt',
				description: `WDT gives each ${entity.one} its own number (e.g. ${number.wdtExample}). Running the same execution again creates the ${entity.many} again.`,
			},
		],
		description: `What to send as ${number.field} when ${number.label} is empty`,
	};
}

/**
 * WriteSpec.numbering for a document whose number is `field` of `holder(doc)`: numbers derived
 * from the execution when When the Number Is Empty (numberWhenEmptyField) says so.
 */
export function numberWhenEmpty<Doc>(
	holder: (doc: Doc) => IDataObject,
	field: string,
): NonNullable<WriteSpec<Doc>['numbering']> {
	return {
		enabled: (ctx) => ctx.getNodeParameter('numberWhenEmpty', 0, 'derive') === 'derive',
		numbered: (doc) => Boolean(holder(doc)[field]),
		number: (doc, derived) => {
			holder(doc)[field] = derived;
		},
	};
}
