/* eslint-disable -- test code, never shipped: the community-node lint rules (no node:fs, no process, …) are for node code. */
/**
 * Runs n8n nodes inside n8n's real execution engine (n8n-core's WorkflowExecute, ExecuteContext,
 * PollContext, PollTriggerExecutor and RoutingNode), with a real credentials helper.
 *
 *   const engine = createEngine({ nodes: [Wdt, WdtTrigger] });
 *   const { outputs, error } = await engine.runNode({ type: 'wdt', parameters, input, credentials });
 *
 * See README.md in this folder for what each function reproduces and what it does not.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import {
	ExecuteContext,
	ExecutionLifecycleHooks,
	ExternalSecretsProxy,
	PollContext,
	PollTriggerExecutor,
	RoutingNode,
	WorkflowExecute,
} from 'n8n-core';
import type {
	ExecutionError,
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	IConnections,
	IDataObject,
	IExecuteData,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	INodeTypeData,
	INodeTypes,
	IPinData,
	IPollFunctions,
	IRun,
	IRunExecutionData,
	ITaskDataConnections,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
	IWorkflowSettings,
	WorkflowActivateMode,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import {
	NodeHelpers,
	UnexpectedError,
	Workflow,
	createRunExecutionData,
	deepCopy,
} from 'n8n-workflow';

import { WdtApi } from '../../credentials/WdtApi.credentials';
import {
	type CredentialsInput,
	HarnessCredentialsHelper,
	normalizeCredentials,
	type StoredCredential,
} from './credentials-helper';
import { recordError, recordItems, recordSecretValues, recordText } from './leak';
import {
	type CredentialTypeClass,
	HarnessCredentialTypes,
	HarnessNodeTypes,
	NO_OP_NODE_TYPE,
	type NodeTypeClass,
	START_NODE_TYPE,
} from './node-types';
import { Container, loggedWarnings, registerServices } from './services';

// ---------------------------------------------------------------------------------------------
// Public types
// ---------------------------------------------------------------------------------------------

export interface EngineOptions {
	/** Our node classes, e.g. [Wdt, WdtTrigger]. Registered as `n8n-nodes-wdt.<name>`. */
	nodes?: NodeTypeClass[];
	/** Credential classes; default [WdtApi]. */
	credentialTypes?: CredentialTypeClass[];
	/**
	 * Register every `password` field of the credentials passed to a run as a secret for the
	 * leak check, and every `qs.sign` the credential's authenticate() produced. Default true.
	 */
	registerSecrets?: boolean;
}

/** A node in workflow JSON; id, typeVersion and position may be left out. */
export type WorkflowNodeJson = Omit<INode, 'id' | 'typeVersion' | 'position'> &
	Partial<Pick<INode, 'id' | 'typeVersion' | 'position'>>;

export interface WorkflowJson {
	id?: string;
	name?: string;
	nodes: WorkflowNodeJson[];
	connections: IConnections;
	settings?: IWorkflowSettings;
	staticData?: IDataObject;
	pinData?: IPinData;
}

export interface RunWorkflowOptions {
	credentials?: CredentialsInput;
	/** Workflow settings timezone (IANA name); overrides `settings.timezone` of the JSON. */
	timezone?: string;
	/** Execution mode; default 'manual' (the editor's "Execute workflow"). */
	mode?: WorkflowExecuteMode;
	/** Name of the node to start from; default: the `test.items` node, else n8n's choice. */
	startNode?: string;
	/** Give nodes that declare a credential type the stored credential of that type. Default true. */
	assignCredentials?: boolean;
}

export type OnErrorSetting = 'continueErrorOutput' | 'continueRegularOutput' | 'stopWorkflow';

export interface RunNodeOptions {
	/** Node type: `wdt` or `n8n-nodes-wdt.wdt`. */
	type: string;
	typeVersion?: number;
	parameters?: INodeParameters;
	/** JSON of the items the start node feeds in; default one empty item. */
	input?: IDataObject[];
	/** Data of the credential(s): `{ wdtApi: {...} }`, or full entries with ids. */
	credentials?: CredentialsInput;
	continueOnFail?: boolean;
	onError?: OnErrorSetting;
	timezone?: string;
	mode?: WorkflowExecuteMode;
	/** Name of the node under test; default 'Node'. */
	nodeName?: string;
}

export interface RunNodeResult {
	/** All outputs of the node (for continueErrorOutput the last one is the error output). */
	outputs: INodeExecutionData[][];
	/** The node's execution error, if it failed (without continueOnFail). */
	error?: ExecutionError;
	run: IRun;
}

/**
 * How static data of a polling trigger is persisted between polls.
 *
 * - 'n8n1': n8n 1.x, and n8n 2.x while durable poll cursors are off (N8N_POLLER_DURABLE_CURSORS_ENABLED
 *   unset, the 2.41 default). The poll mutates the workflow's live static data. An active
 *   workflow keeps one Workflow object in memory, so the next scheduled poll in the same
 *   process sees every mutation, also of a poll that returned null or threw. The database copy
 *   is written only when the poll returned items (`__emit` calls saveStaticData before the
 *   execution starts); a restart or re-activation therefore rolls back the mutations of
 *   polls that returned null or threw, until some later poll emits and saves them all.
 * - 'n8n2': n8n 2.x with durable poll cursors (PollCursorService, poller_state table). Each poll
 *   works on its own deep copy of the stored cursor (`__runPoll` stages it in an
 *   AsyncLocalStorage scope, `resolveNodeStaticData` hands it out). The copy is committed when
 *   the poll returned items (together with the execution row, before the execution runs), or
 *   when a scheduled poll returned null and the copy changed (`__commitCursor`, cursor only).
 *   A poll that threw commits nothing, and neither does the activation poll when it returns
 *   null. Every poll starts from the committed cursor.
 * In both, a manual run (the editor's "Fetch test event", WorkflowExecute in 'manual' mode)
 * persists nothing: cli's hookFunctionsSave skips static data in manual mode.
 */
export type StaticDataPersistence = 'n8n1' | 'n8n2';

export interface RunPollOptions {
	/** Node type: `wdtTrigger` or `n8n-nodes-wdt.wdtTrigger`. */
	nodeType: string;
	typeVersion?: number;
	parameters?: INodeParameters;
	credentials?: CredentialsInput;
	/** The node's static data (`getWorkflowStaticData('node')`) before this poll. */
	staticData?: IDataObject;
	/** 'trigger': a poll of an active workflow; 'manual': the editor's test run of the trigger. */
	mode: 'trigger' | 'manual';
	/** Default 'n8n1'. */
	persistence?: StaticDataPersistence;
	/**
	 * Trigger mode only: run the poll that activation does (PollTriggerExecutor with
	 * testingTrigger = true: errors are thrown to the activator, a null result commits nothing)
	 * instead of a scheduled one. Default false.
	 */
	activationPoll?: boolean;
	/** Activation mode the poll functions were built with; default 'activate'. */
	activation?: WorkflowActivateMode;
	timezone?: string;
	/** Default 'Trigger'. */
	nodeName?: string;
	/** The workflow's id (n8n keeps it for the life of the workflow); default 'harness-poll-workflow'. */
	workflowId?: string;
	/**
	 * n8n2 only: what `getPollBudgetMs()` returns. n8n 2.41 gives a budget only to leased
	 * (durable, scheduled) polls; without one PollContext answers its 5-minute default.
	 */
	pollBudgetMs?: number;
}

export interface RunPollResult {
	/** What the poll emitted, or null when it returned null (or failed). */
	items: INodeExecutionData[][] | null;
	/** What the poll threw (routed to __emitError, thrown at activation, or the node error in manual mode). */
	error?: unknown;
	/** The node static data the NEXT poll sees (same n8n process), under the chosen persistence. */
	staticData: IDataObject;
	/** The node static data in the database after this poll: what a poll sees after a restart. */
	persistedStaticData: IDataObject;
	/** Manual mode only: the run of the one-node workflow. */
	run?: IRun;
	/** What n8n's logger received at warn level during the poll. */
	warnings: string[];
}

export interface CredentialTestResult {
	status: 'OK' | 'Error';
	message: string;
}

export interface Engine {
	nodeTypes: HarnessNodeTypes;
	credentialsHelper: HarnessCredentialsHelper;
	runWorkflow(workflowJson: WorkflowJson, options?: RunWorkflowOptions): Promise<IRun>;
	runNode(options: RunNodeOptions): Promise<RunNodeResult>;
	runPoll(options: RunPollOptions): Promise<RunPollResult>;
	testCredential(
		credentialType: string,
		data: ICredentialDataDecryptedObject,
	): Promise<CredentialTestResult>;
}

// ---------------------------------------------------------------------------------------------
// Reading results
// ---------------------------------------------------------------------------------------------

/** Items of a node's output in a run (default: first output, first run). */
export function itemsOf(
	run: IRun,
	nodeName: string,
	outputIndex = 0,
	runIndex = 0,
): INodeExecutionData[] {
	return run.data.resultData.runData[nodeName]?.[runIndex]?.data?.main?.[outputIndex] ?? [];
}

/** All outputs of a node in a run. */
export function outputsOf(run: IRun, nodeName: string, runIndex = 0): INodeExecutionData[][] {
	return (run.data.resultData.runData[nodeName]?.[runIndex]?.data?.main ?? []).map(
		(items) => items ?? [],
	);
}

/** The error that stopped the execution, if any. */
export function executionErrorOf(run: IRun): ExecutionError | undefined {
	return run.data.resultData.error;
}

/** The error a node failed with, if any. */
export function nodeErrorOf(run: IRun, nodeName: string, runIndex = 0): ExecutionError | undefined {
	return run.data.resultData.runData[nodeName]?.[runIndex]?.error;
}

// ---------------------------------------------------------------------------------------------
// Engine
// ---------------------------------------------------------------------------------------------

const BASE_URL = 'http://localhost:5678';
let executionCounter = 0;

function latestVersion(type: ReturnType<HarnessNodeTypes['getByName']>): number {
	if ('nodeVersions' in type) return type.currentVersion;
	const { version } = type.description;
	return Array.isArray(version) ? Math.max(...version) : version;
}

function settingsWithTimezone(
	settings: IWorkflowSettings | undefined,
	timezone: string | undefined,
): IWorkflowSettings {
	return timezone ? { ...(settings ?? {}), timezone } : { ...(settings ?? {}) };
}

export function createEngine(options: EngineOptions = {}): Engine {
	registerServices();
	const nodeTypes = new HarnessNodeTypes(options.nodes ?? []);
	const credentialTypes = new HarnessCredentialTypes(options.credentialTypes ?? [WdtApi]);
	const credentialsHelper = new HarnessCredentialsHelper(credentialTypes, nodeTypes);
	const registerSecrets = options.registerSecrets ?? true;

	const useCredentials = (input: CredentialsInput | undefined): StoredCredential[] => {
		const stored = normalizeCredentials(input);
		credentialsHelper.setCredentials(stored);
		if (registerSecrets) {
			for (const credential of stored) {
				if (!credentialTypes.recognizes(credential.type)) continue;
				for (const property of credentialsHelper.getCredentialsProperties(credential.type)) {
					const value = credential.data[property.name];
					if (property.typeOptions?.password && typeof value === 'string') {
						recordSecretValues([value], `credential ${property.name}`);
					}
				}
			}
		}
		return stored;
	};

	/** After a run: the sign values authenticate() produced are secrets too. */
	const registerSigns = (fromCall: number) => {
		if (!registerSecrets) return;
		for (const call of credentialsHelper.authenticateCalls.slice(fromCall)) {
			const sign = (call.after.qs as IDataObject | undefined)?.sign;
			if (typeof sign === 'string') recordSecretValues([sign], 'sign');
		}
	};

	const additionalDataFor = (
		hooks: ExecutionLifecycleHooks | undefined,
		executionId: string,
		workflowId: string,
		settings: IWorkflowSettings,
	): IWorkflowExecuteAdditionalData => {
		const notSupported = (what: string) => async () => {
			throw new UnexpectedError(`${what} is not supported by the test harness`);
		};
		return {
			credentialsHelper,
			hooks,
			executionId,
			workflowId,
			workflowSettings: settings,
			userId: 'harness-user',
			executeWorkflow: notSupported('Executing a sub-workflow'),
			getRunExecutionData: async () => undefined,
			getRuntimeCredential: async () => undefined,
			currentNodeExecutionIndex: 0,
			restApiUrl: `${BASE_URL}/rest`,
			instanceBaseUrl: `${BASE_URL}/`,
			formBaseUrl: `${BASE_URL}/form`,
			formWaitingBaseUrl: `${BASE_URL}/form-waiting`,
			formTestBaseUrl: `${BASE_URL}/form-test`,
			webhookBaseUrl: `${BASE_URL}/webhook`,
			webhookWaitingBaseUrl: `${BASE_URL}/webhook-waiting`,
			webhookTestBaseUrl: `${BASE_URL}/webhook-test`,
			mcpBaseUrl: `${BASE_URL}/mcp`,
			mcpTestBaseUrl: `${BASE_URL}/mcp-test`,
			variables: {},
			logAiEvent: () => {},
			startRunnerTask: notSupported('The Code node task runner') as never,
			externalSecretsProxy: new ExternalSecretsProxy(),
		};
	};

	const toNodes = (
		nodes: WorkflowNodeJson[],
		assign: boolean,
		stored: StoredCredential[],
	): INode[] =>
		nodes.map((node, index) => {
			const fullType = nodeTypes.fullName(node.type);
			const type = nodeTypes.getByName(fullType);
			const full: INode = {
				...deepCopy(node),
				id: node.id ?? `node-${index + 1}`,
				type: fullType,
				typeVersion: node.typeVersion ?? latestVersion(type),
				position: node.position ?? [index * 200, 0],
				parameters: deepCopy(node.parameters ?? {}),
			};
			if (assign) {
				const described =
					nodeTypes.getByNameAndVersion(fullType, full.typeVersion).description.credentials ?? [];
				for (const { name } of described) {
					if (full.credentials?.[name]) continue;
					const credential = stored.find((entry) => entry.type === name);
					if (credential)
						full.credentials = {
							...full.credentials,
							[name]: { id: credential.id, name: credential.name },
						};
				}
			}
			return full;
		});

	const recordRun = (where: string, run: IRun, nodes: INode[]) => {
		// The start node's output is the test's own input, not something a node produced.
		const startNodes = new Set(
			nodes.filter((node) => node.type === START_NODE_TYPE).map((node) => node.name),
		);
		for (const [nodeName, taskDataList] of Object.entries(run.data.resultData.runData)) {
			if (startNodes.has(nodeName)) continue;
			taskDataList.forEach((taskData, runIndex) => {
				recordItems(`${where} node "${nodeName}" run ${runIndex}`, taskData.data?.main);
				if (taskData.error)
					recordError(`${where} node "${nodeName}" run ${runIndex} error`, taskData.error);
			});
		}
		if (run.data.resultData.error)
			recordError(`${where} execution error`, run.data.resultData.error);
	};

	async function runWorkflow(
		workflowJson: WorkflowJson,
		runOptions: RunWorkflowOptions = {},
	): Promise<IRun> {
		const stored = useCredentials(runOptions.credentials);
		const callsBefore = credentialsHelper.authenticateCalls.length;
		const mode = runOptions.mode ?? 'manual';
		const executionId = `harness-${process.pid}-${++executionCounter}`;
		const settings = settingsWithTimezone(workflowJson.settings, runOptions.timezone);
		const nodes = toNodes(workflowJson.nodes, runOptions.assignCredentials ?? true, stored);
		const workflowId = workflowJson.id ?? 'harness-workflow';
		const workflowData: IWorkflowBase = {
			id: workflowId,
			name: workflowJson.name ?? 'Harness workflow',
			active: false,
			activeVersionId: null,
			isArchived: false,
			createdAt: new Date(),
			updatedAt: new Date(),
			nodes,
			connections: workflowJson.connections,
			settings,
			staticData: deepCopy(workflowJson.staticData ?? {}),
			pinData: workflowJson.pinData,
		};
		const workflow = new Workflow({
			id: workflowId,
			name: workflowData.name,
			nodes,
			connections: workflowJson.connections,
			active: false,
			nodeTypes,
			settings,
			staticData: workflowData.staticData,
			pinData: workflowJson.pinData,
		});

		const hooks = new ExecutionLifecycleHooks(mode, executionId, workflowData);
		const additionalData = additionalDataFor(hooks, executionId, workflowId, settings);
		const startName =
			runOptions.startNode ??
			nodes.find((node) => node.type === START_NODE_TYPE)?.name ??
			workflow.getStartNode()?.name;
		const startNode = startName ? (workflow.getNode(startName) ?? undefined) : undefined;
		if (startName && !startNode)
			throw new UnexpectedError(`No node named "${startName}" to start from`);

		const run = await new WorkflowExecute(additionalData, mode).run({
			workflow,
			startNode,
			pinData: workflowJson.pinData,
		});
		registerSigns(callsBefore);
		recordRun('runWorkflow', run, nodes);
		return run;
	}

	async function runNode(runOptions: RunNodeOptions): Promise<RunNodeResult> {
		const nodeName = runOptions.nodeName ?? 'Node';
		const node: WorkflowNodeJson = {
			name: nodeName,
			type: runOptions.type,
			typeVersion: runOptions.typeVersion,
			parameters: runOptions.parameters ?? {},
		};
		if (runOptions.continueOnFail !== undefined) node.continueOnFail = runOptions.continueOnFail;
		if (runOptions.onError !== undefined) node.onError = runOptions.onError;
		const run = await runWorkflow(
			{
				nodes: [
					// As a JSON string: a string value not starting with '=' is never evaluated as an expression.
					{
						name: 'Start',
						type: START_NODE_TYPE,
						parameters: { items: JSON.stringify(runOptions.input ?? [{}]) },
					},
					node,
				],
				connections: { Start: { main: [[{ node: nodeName, type: 'main', index: 0 }]] } },
			},
			{ credentials: runOptions.credentials, timezone: runOptions.timezone, mode: runOptions.mode },
		);
		const error = nodeErrorOf(run, nodeName) ?? executionErrorOf(run);
		return { outputs: outputsOf(run, nodeName), ...(error ? { error } : {}), run };
	}

	async function runPoll(pollOptions: RunPollOptions): Promise<RunPollResult> {
		const nodeName = pollOptions.nodeName ?? 'Trigger';
		const persistence = pollOptions.persistence ?? 'n8n1';
		const initial = deepCopy(pollOptions.staticData ?? {});
		const where = `runPoll(${pollOptions.mode}, ${persistence}) node "${nodeName}"`;
		const warningsBefore = loggedWarnings.length;
		const warnings = () => loggedWarnings.slice(warningsBefore);

		if (pollOptions.mode === 'manual') {
			// The editor's test run of a polling trigger: WorkflowExecute.executePollNode builds a
			// PollContext in 'manual' mode on the workflow's live static data; nothing is saved.
			const run = await runWorkflow(
				{
					nodes: [
						{
							name: nodeName,
							type: pollOptions.nodeType,
							typeVersion: pollOptions.typeVersion,
							parameters: pollOptions.parameters ?? {},
						},
					],
					connections: {},
					staticData: { [`node:${nodeName}`]: deepCopy(initial) },
				},
				{
					credentials: pollOptions.credentials,
					timezone: pollOptions.timezone,
					mode: 'manual',
					startNode: nodeName,
				},
			);
			const taskData = run.data.resultData.runData[nodeName]?.[0];
			const error = nodeErrorOf(run, nodeName) ?? executionErrorOf(run);
			const main = taskData?.data?.main;
			const items =
				main && main.some((output) => output && output.length > 0)
					? main.map((output) => output ?? [])
					: null;
			return {
				items,
				...(error ? { error } : {}),
				staticData: initial,
				persistedStaticData: deepCopy(initial),
				run,
				warnings: warnings(),
			};
		}

		const stored = useCredentials(pollOptions.credentials);
		const callsBefore = credentialsHelper.authenticateCalls.length;
		const settings = settingsWithTimezone(undefined, pollOptions.timezone);
		const [node] = toNodes(
			[
				{
					name: nodeName,
					type: pollOptions.nodeType,
					typeVersion: pollOptions.typeVersion,
					parameters: pollOptions.parameters ?? {},
				},
			],
			true,
			stored,
		);
		const workflowId = pollOptions.workflowId ?? 'harness-poll-workflow';
		const workflow = new Workflow({
			id: workflowId,
			name: 'Harness poll workflow',
			nodes: [node],
			connections: {},
			active: true,
			nodeTypes,
			settings,
			staticData: { [`node:${nodeName}`]: deepCopy(initial) },
		});
		const executionId = `harness-poll-${process.pid}-${++executionCounter}`;
		const additionalData = additionalDataFor(undefined, executionId, workflowId, settings);
		const activation = pollOptions.activation ?? 'activate';

		let items: INodeExecutionData[][] | null = null;
		let error: unknown;
		let persisted = deepCopy(initial);
		const liveNodeStaticData = () => workflow.getStaticData('node', node) as IDataObject;
		const plain = (data: IDataObject): IDataObject =>
			JSON.parse(JSON.stringify(data)) as IDataObject;
		let pollFunctions: IPollFunctions;

		let releaseScope = () => {};
		if (persistence === 'n8n1') {
			// cli ActiveWorkflowManager / TriggerExecutionContextFactory.getExecutePollFunctions with
			// an unmigrated node: __emit saves the workflow's static data, then starts the run.
			pollFunctions = new PollContext(
				workflow,
				node,
				additionalData,
				'trigger',
				activation,
				(data) => {
					items = data;
					persisted = plain(liveNodeStaticData());
				},
				(emitted) => {
					error = emitted;
				},
			);
		} else {
			// TriggerExecutionContextFactory.getExecutePollFunctions with a durable (migrated) cursor.
			type Staged = { snapshot: IDataObject; seed: IDataObject };
			const stagedCursorStore = new AsyncLocalStorage<Staged>();
			// An enabled AsyncLocalStorage stays in async_hooks' list for good on Node 20 and every
			// later async resource pays for it: release this poll's scope once the poll settled.
			releaseScope = () => stagedCursorStore.disable();
			const sameData = (a: IDataObject, b: IDataObject) => JSON.stringify(a) === JSON.stringify(b);
			const takeStagedCursor = (): IDataObject | null => {
				const staged = stagedCursorStore.getStore();
				if (!staged || sameData(staged.snapshot, staged.seed)) return null;
				const cursor = plain(staged.snapshot);
				staged.seed = cursor;
				return cursor;
			};
			pollFunctions = new PollContext(
				workflow,
				node,
				additionalData,
				'trigger',
				activation,
				(data) => {
					const cursor = takeStagedCursor();
					items = data;
					// runPolledWorkflow commits the cursor with the execution row.
					if (cursor !== null) persisted = cursor;
				},
				(emitted) => {
					error = emitted;
				},
				async () => {
					const cursor = takeStagedCursor();
					if (cursor !== null) persisted = cursor;
				},
				async <T>(poll: () => Promise<T>): Promise<T> => {
					const cursor = plain(persisted);
					return await stagedCursorStore.run({ snapshot: deepCopy(cursor), seed: cursor }, poll);
				},
				() => {
					const staged = stagedCursorStore.getStore();
					if (!staged) {
						throw new UnexpectedError(
							'Poll node read its static data outside of a poll; __runPoll was not entered',
						);
					}
					return staged.snapshot;
				},
				pollOptions.pollBudgetMs !== undefined
					? () => pollOptions.pollBudgetMs as number
					: undefined,
			);
		}

		// The same executor ActiveWorkflowTriggers runs on every cron tick (and once at activation).
		const executePoll = Container.get(PollTriggerExecutor).create(
			workflow,
			node,
			pollFunctions,
			() => true,
		);
		try {
			await executePoll(pollOptions.activationPoll ?? false);
		} catch (thrown) {
			error = thrown;
		} finally {
			releaseScope();
		}
		registerSigns(callsBefore);

		const staticData = persistence === 'n8n1' ? plain(liveNodeStaticData()) : plain(persisted);
		if (items) recordItems(`${where} emitted`, items);
		if (error !== undefined) recordError(`${where} error`, error);
		return {
			items,
			...(error !== undefined ? { error } : {}),
			staticData,
			persistedStaticData: plain(persisted),
			warnings: warnings(),
		};
	}

	async function testCredential(
		credentialType: string,
		data: ICredentialDataDecryptedObject,
	): Promise<CredentialTestResult> {
		const result = await runCredentialTest(credentialType, data);
		recordText(
			'credential test message',
			`testCredential(${credentialType}) ${result.status}`,
			result.message,
		);
		return result;
	}

	/** cli CredentialsTester.testCredentials for a credential with a `test` request. */
	async function runCredentialTest(
		credentialType: string,
		data: ICredentialDataDecryptedObject,
	): Promise<CredentialTestResult> {
		const type = credentialTypes.getByName(credentialType);
		if (!type.test)
			return { status: 'Error', message: 'No testing function found for this credential.' };
		const [stored] = useCredentials([
			{ id: 'credential-under-test', name: 'Credential under test', type: credentialType, data },
		]);
		const callsBefore = credentialsHelper.authenticateCalls.length;
		const executionId = `harness-credential-test-${process.pid}-${++executionCounter}`;
		const additionalData = additionalDataFor(undefined, executionId, 'harness-credential-test', {});

		const credentialsDecrypted: ICredentialsDecrypted = {
			id: stored.id,
			name: stored.name,
			type: credentialType,
			data,
		};
		try {
			credentialsDecrypted.data = credentialsHelper.applyDefaults(
				additionalData,
				deepCopy(data),
				credentialType,
				'internal',
			);
		} catch (thrown) {
			return { status: 'Error', message: String((thrown as Error).message) };
		}

		const noOp = nodeTypes.getByNameAndVersion(NO_OP_NODE_TYPE);
		const node: INode = {
			id: 'temp',
			parameters: {},
			name: 'Temp-Node',
			type: noOp.description.name,
			typeVersion: Array.isArray(noOp.description.version)
				? noOp.description.version.slice(-1)[0]
				: noOp.description.version,
			position: [0, 0],
			credentials: { [credentialType]: { id: stored.id, name: stored.name } },
		};
		const nodeTypeCopy: INodeType = {
			description: {
				...noOp.description,
				credentials: [{ name: credentialType, required: true }],
				properties: [
					{
						displayName: 'Temp',
						name: 'temp',
						type: 'string',
						routing: { request: type.test.request },
						default: '',
					},
				],
			},
		};
		const mockNodesData: INodeTypeData = {
			[nodeTypeCopy.description.name]: { sourcePath: '', type: nodeTypeCopy },
		};
		const mockNodeTypes: INodeTypes = {
			getKnownTypes: () => ({}),
			getByName: (name) => mockNodesData[name]?.type,
			getByNameAndVersion: (name, version) => {
				if (!mockNodesData[name])
					throw new UnexpectedError('Unknown node type', { tags: { nodeType: name } });
				return NodeHelpers.getVersionedNodeType(mockNodesData[name].type, version);
			},
		};
		const workflow = new Workflow({
			nodes: [node],
			connections: {},
			active: false,
			nodeTypes: mockNodeTypes,
		});
		const inputData: ITaskDataConnections = { main: [[{ json: {} }]] };
		const runExecutionData: IRunExecutionData = createRunExecutionData({
			resultData: { runData: {} },
		});
		const executeData: IExecuteData = { node, data: {}, source: null };
		const executeFunctions = new ExecuteContext(
			workflow,
			node,
			additionalData,
			'internal',
			runExecutionData,
			0,
			[],
			inputData,
			executeData,
			[],
		);
		const routingNode = new RoutingNode(executeFunctions, nodeTypeCopy, credentialsDecrypted);

		let response: INodeExecutionData[][] | null | undefined;
		try {
			response = await routingNode.runNode();
		} catch (thrown) {
			// n8n only shows the message of this error to the user (and reports the instance to
			// Sentry), so only its message, description and stack are searched.
			recordError(`testCredential(${credentialType}) request error`, thrown, { serialized: false });
			const failure = thrown as {
				message: string;
				cause?: { response?: { status: number; statusText?: string }; code?: string };
			};
			if (failure.cause?.response) {
				const statusCode = failure.cause.response.status;
				for (const rule of type.test.rules ?? []) {
					if (rule.type === 'responseCode' && statusCode === rule.properties.value) {
						return { status: 'Error', message: rule.properties.message };
					}
				}
				if (statusCode < 199 || statusCode > 299) {
					return {
						status: 'Error',
						message:
							failure.cause.response.statusText || `Received HTTP status code: ${statusCode}`,
					};
				}
			} else if (failure.cause?.code) {
				return { status: 'Error', message: failure.cause.code };
			}
			return { status: 'Error', message: String(failure.message) };
		} finally {
			registerSigns(callsBefore);
		}

		for (const rule of type.test.rules ?? []) {
			if (rule.type !== 'responseSuccessBody') continue;
			const responseData = response?.[0]?.[0]?.json;
			if (getPath(responseData, rule.properties.key) === rule.properties.value) {
				return { status: 'Error', message: rule.properties.message };
			}
		}
		return { status: 'OK', message: 'Connection successful!' };
	}

	return { nodeTypes, credentialsHelper, runWorkflow, runNode, runPoll, testCredential };
}

/**
 * lodash.get for dotted paths (what the cli uses on the reply body). Like lodash's baseGet it
 * also reads properties of strings and numbers (`''.length`, `'<html>'[0]`, `(0).constructor`).
 */
function getPath(value: unknown, path: string): unknown {
	let current: unknown = value;
	for (const key of path.split('.')) {
		if (current === null || current === undefined) return undefined;
		current = (current as Record<string, unknown>)[key];
	}
	return current;
}
