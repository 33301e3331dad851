/**
 * Runs a node's listSearch method (a resource locator's "From List") the way n8n's editor does:
 * n8n-core's LoadOptionsContext on a one-node workflow, a fresh context per search, HTTP through
 * the harness credential helper. Like n8n's DynamicNodeParametersService, each search is a new
 * context, so a cache in the node must outlive one context to spare calls.
 */
import { LoadOptionsContext } from 'n8n-core';
import type {
	INode,
	INodeListSearchResult,
	INodeParameters,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { normalizeCredentials, type CredentialsInput } from './credentials-helper';
import type { Engine } from './engine';

export interface ListSearchOptions {
	/** Node type: `wdt` or `n8n-nodes-wdt.wdt`. */
	type: string;
	method: string;
	filter?: string;
	parameters?: INodeParameters;
	credentials: CredentialsInput;
	/** Default 'harness-workflow'. */
	workflowId?: string;
}

export async function runListSearch(
	engine: Engine,
	options: ListSearchOptions,
): Promise<INodeListSearchResult> {
	const stored = normalizeCredentials(options.credentials);
	engine.credentialsHelper.setCredentials(stored);
	const type = engine.nodeTypes.fullName(options.type);
	const nodeType = engine.nodeTypes.getByName(type);
	const node: INode = {
		id: 'node-1',
		name: 'Node',
		type,
		typeVersion: 1,
		position: [0, 0],
		parameters: options.parameters ?? {},
		credentials: Object.fromEntries(
			stored.map((credential) => [credential.type, { id: credential.id, name: credential.name }]),
		),
	};
	const workflowId = options.workflowId ?? 'harness-workflow';
	const workflow = new Workflow({
		id: workflowId,
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: engine.nodeTypes,
	});
	const additionalData = {
		credentialsHelper: engine.credentialsHelper,
		workflowId,
		userId: 'harness-user',
		currentNodeExecutionIndex: 0,
		variables: {},
		restApiUrl: 'http://localhost:5678/rest',
		instanceBaseUrl: 'http://localhost:5678/',
	} as unknown as IWorkflowExecuteAdditionalData;
	const context = new LoadOptionsContext(workflow, node, additionalData, 'parameters');
	const method = (
		nodeType as { methods?: { listSearch?: Record<string, (...args: unknown[]) => unknown> } }
	).methods?.listSearch?.[options.method];
	if (!method) throw new Error(`${type} has no listSearch method ${options.method}`);
	return (await method.call(context, options.filter)) as INodeListSearchResult;
}
