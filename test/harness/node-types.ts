/* eslint-disable -- test code, never shipped: the community-node lint rules (no node:fs, no process, …) are for node code. */
/**
 * The node-types and credential-types registries the harness hands to n8n's Workflow.
 *
 * n8n registers a community package's nodes as `<package name>.<description.name>` (the loader
 * prefixes the package name), so our nodes are known as `n8n-nodes-wdt.wdt` and
 * `n8n-nodes-wdt.wdtTrigger`. The registry also accepts the bare names (`wdt`) so tests may
 * write either.
 */
import type {
	ICredentialType,
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	INodeTypes,
	IVersionedNodeType,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeHelpers, UnexpectedError } from 'n8n-workflow';

export const PACKAGE_NAME = 'n8n-nodes-wdt';

/** Type name of the harness's start node, which emits the items given in its parameters. */
export const START_NODE_TYPE = 'test.items';

/** n8n's No-Op node: the credential tester builds its temporary node from it. */
export const NO_OP_NODE_TYPE = 'n8n-nodes-base.noOp';

export type NodeTypeClass = new () => INodeType | IVersionedNodeType;
export type CredentialTypeClass = new () => ICredentialType;

/**
 * Start node: a manual-trigger-like node with no inputs that outputs `parameters.items`
 * (an array of JSON objects) as items. It is `execute`-based, so WorkflowExecute runs it
 * like any node and its items carry pairedItem information.
 */
export class TestItemsNode implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Test Items',
		name: START_NODE_TYPE,
		group: ['trigger'],
		version: 1,
		description: 'Emits the items given in its parameters (test harness only)',
		defaults: { name: 'Start' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		properties: [{ displayName: 'Items', name: 'items', type: 'json', default: '[]' }],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const raw = this.getNodeParameter('items', 0, []) as unknown;
		const items = (typeof raw === 'string' ? JSON.parse(raw) : raw) as IDataObject[];
		if (!Array.isArray(items)) throw new UnexpectedError('test.items: parameter "items" must be an array');
		return [items.map((json, index) => ({ json, pairedItem: { item: index } }))];
	}
}

/** The description part of n8n-nodes-base's No-Op node that the credential tester reads. */
export class NoOpNode implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'No Operation, do nothing',
		name: NO_OP_NODE_TYPE,
		group: ['organization'],
		version: 1,
		description: 'No Operation',
		defaults: { name: 'No Operation, do nothing' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [this.getInputData()];
	}
}

function typeNameOf(type: INodeType | IVersionedNodeType): string {
	return type.description.name;
}

export class HarnessNodeTypes implements INodeTypes {
	private readonly types = new Map<string, INodeType | IVersionedNodeType>();

	constructor(nodeClasses: readonly NodeTypeClass[]) {
		this.add(new TestItemsNode(), START_NODE_TYPE);
		this.add(new NoOpNode(), NO_OP_NODE_TYPE);
		for (const NodeClass of nodeClasses) {
			const instance = new NodeClass();
			const name = typeNameOf(instance);
			this.add(instance, name.includes('.') ? name : `${PACKAGE_NAME}.${name}`);
		}
	}

	private add(type: INodeType | IVersionedNodeType, fullName: string) {
		this.types.set(fullName, type);
	}

	/** `wdt` → `n8n-nodes-wdt.wdt`; full names and the harness's own types are kept. */
	fullName(nodeType: string): string {
		if (this.types.has(nodeType)) return nodeType;
		const prefixed = `${PACKAGE_NAME}.${nodeType}`;
		return this.types.has(prefixed) ? prefixed : nodeType;
	}

	getByName(nodeType: string): INodeType | IVersionedNodeType {
		const type = this.types.get(this.fullName(nodeType));
		if (!type) throw new UnexpectedError(`Unknown node type: ${nodeType}`);
		return type;
	}

	getByNameAndVersion(nodeType: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.getByName(nodeType), version);
	}

	getKnownTypes(): IDataObject {
		const known: IDataObject = {};
		for (const name of this.types.keys()) known[name] = { className: name, sourcePath: '' };
		return known;
	}
}

export class HarnessCredentialTypes {
	private readonly types = new Map<string, ICredentialType>();

	constructor(credentialClasses: readonly CredentialTypeClass[]) {
		for (const CredentialClass of credentialClasses) {
			const instance = new CredentialClass();
			this.types.set(instance.name, instance);
		}
	}

	recognizes(name: string): boolean {
		return this.types.has(name);
	}

	getByName(name: string): ICredentialType {
		const type = this.types.get(name);
		if (!type) throw new UnexpectedError(`Unknown credential type: ${name}`);
		return type;
	}

	/** All types this one extends, transitively (as n8n's CredentialTypes.getParentTypes). */
	getParentTypes(name: string): string[] {
		const parents = this.types.get(name)?.extends ?? [];
		return parents.flatMap((parent) => [parent, ...this.getParentTypes(parent)]);
	}
}
