/**
 * What a resource and an operation of the WDT node are, and how the node folds them (as the
 * trigger folds its events): the Resource field, one Operation field per resource followed by its
 * operations' fields, the router's lookup and the subtitle. The list itself is registry.ts.
 */
import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

/** An operation's entry in its resource's Operation field. */
export interface OperationOption extends INodePropertyOptions {
	name: string;
	value: string;
	/** n8n's action text; an AI Agent's tool reads it as "<action> in WDT", so a verb comes first. */
	action: string;
	description: string;
}

/** An operation module, `<resource>/<operation>.operation.ts`. */
export interface WdtOperation {
	option: OperationOption;
	/** Its fields, each shown for its resource and operation only. */
	description: INodeProperties[];
	execute: (this: IExecuteFunctions) => Promise<INodeExecutionData[]>;
}

/** A resource: one `resourceOf(…)` entry of registry.ts. */
export interface WdtResource {
	value: string;
	/** The English name the Resource field and the subtitle show. */
	name: string;
	description: string;
	/** The operation chosen with the resource. */
	defaultOperation: string;
	/** In the order their fields are listed; the Operation field lists them A to Z. */
	operations: readonly WdtOperation[];
	/** An expression the subtitle shows after "<name>: " instead of the operation's name. */
	subtitle?: string;
}

/** What the Resource field shows of a resource: its record type's name and description, or its own. */
export interface ResourceNaming {
	name: string;
	description: string;
}

/**
 * A resource of `operations` (in the order their fields are listed), named as `naming` (a record
 * type of nodes/shared/records, or the words of a resource without one). It starts on Get Many
 * when it has one, else on its first operation, unless `extras.defaultOperation` says otherwise.
 */
export function resourceOf(
	value: string,
	naming: ResourceNaming,
	operations: readonly WdtOperation[],
	extras: Pick<Partial<WdtResource>, 'defaultOperation' | 'subtitle'> = {},
): WdtResource {
	const values = operations.map((operation) => operation.option.value);
	const defaultOperation =
		extras.defaultOperation ?? (values.includes('getMany') ? 'getMany' : values[0]);
	return {
		value,
		name: naming.name,
		description: naming.description,
		defaultOperation,
		operations,
		...(extras.subtitle === undefined ? {} : { subtitle: extras.subtitle }),
	};
}

/** A to Z by name, as n8n's lint asks of every options list. */
const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

const operationOptions = (resource: WdtResource): OperationOption[] =>
	resource.operations.map((operation) => operation.option).sort(byName);

/** The Operation field of one resource: its operations, shown when that resource is chosen. */
function operationSelector(resource: WdtResource): INodeProperties {
	const { defaultOperation } = resource;
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource.value] } },
		default: defaultOperation,
		options: operationOptions(resource),
	};
}

/** The Resource field, then per resource its Operation field and its operations' fields. */
export function resourceProperties(
	resources: readonly WdtResource[],
	defaultResource: string,
): INodeProperties[] {
	const resourceField: INodeProperties = {
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		default: defaultResource,
		options: resources
			.map(({ name, value, description }) => ({ name, value, description }))
			.sort(byName),
	};
	return [
		resourceField,
		...resources.flatMap((resource) => [
			operationSelector(resource),
			...resource.operations.flatMap((operation) => operation.description),
		]),
	];
}

/** The operation chosen by the Resource and Operation fields' values. */
export function findOperation(
	resources: readonly WdtResource[],
	resource: unknown,
	operation: unknown,
): WdtOperation | undefined {
	return resources
		.find((entry) => entry.value === resource)
		?.operations.find((entry) => entry.option.value === operation);
}

/**
 * The node's `={{ … }}` subtitle, "Resource: Operation" (or the resource's own `subtitle`), from
 * the same names the Resource and Operation fields show.
 */
/** JSON inside an n8n expression: n8n ends an expression at the first `}}`, so none may occur. */
const expressionJson = (value: unknown) => JSON.stringify(value).replace(/}}/g, '} }');

export function resourceOperationSubtitle(resources: readonly WdtResource[]): string {
	const namesOf = (options: Array<{ value: string; name: string }>) =>
		Object.fromEntries(options.map((option) => [option.value, option.name]));
	const resourceNames = namesOf([...resources].sort(byName));
	const operationNames = Object.fromEntries(
		resources.map((resource) => [resource.value, namesOf(operationOptions(resource))]),
	);
	const operation = `(${expressionJson(operationNames)}[$parameter["resource"]] || {})[$parameter["operation"]]`;
	const shown = resources.reduceRight(
		(rest, resource) =>
			resource.subtitle === undefined
				? rest
				: `$parameter["resource"] === ${JSON.stringify(resource.value)} ? ${resource.subtitle} : ${rest}`,
		operation,
	);
	return `={{ ${expressionJson(resourceNames)}[$parameter["resource"]] + ": " + (${shown}) }}`;
}
