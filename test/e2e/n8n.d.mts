// Types for ./n8n.mjs, so TypeScript tests can import it.

import type { ChildProcess } from 'node:child_process';

export { ensureN8n, n8nEnv, N8N_VERSION, N8N_VERSIONS, resolveN8nVersion } from './n8n-install.mjs';

/** One throw-away n8n: its CLI, its user folder and the env to run it with. */
export interface N8nInstance {
	/** The n8n version, e.g. '2.39.10'. */
	version: string;
	n8nBin: string;
	/** The Node that runs this n8n (this process's own for 1.x, a cached Node 24 for 2.x). */
	nodeBin: string;
	/** N8N_EXPRESSION_ENGINE used: 2.x's default `vm` when isolated-vm loads, else `legacy`. */
	expressionEngine: 'vm' | 'legacy';
	cacheDir: string;
	userFolder: string;
	env: Record<string, string>;
}

export interface CliResult {
	code: number | null;
	signal: NodeJS.Signals | null;
	stdout: string;
	stderr: string;
}

/** n8n's IRun, as printed by `n8n execute --rawOutput` (only the parts tests read are typed). */
export interface N8nRun {
	data: {
		resultData: {
			runData: Record<string, N8nTaskData[]>;
			lastNodeExecuted?: string;
			error?: N8nError;
		};
		[key: string]: unknown;
	};
	mode: string;
	status: string;
	finished?: boolean;
	startedAt: string;
	stoppedAt?: string;
}
export interface N8nTaskData {
	startTime: number;
	executionTime: number;
	executionStatus?: string;
	data?: { main: Array<Array<{ json: Record<string, unknown>; pairedItem?: unknown }> | null> };
	error?: N8nError;
	[key: string]: unknown;
}
export interface N8nError {
	message: string;
	description?: string;
	name?: string;
	node?: { name: string; type: string };
	httpCode?: string;
	[key: string]: unknown;
}

export interface ExecuteResult extends CliResult {
	/** exit code 0, an IRun was found, and it has no error. */
	ok: boolean;
	run?: N8nRun;
	runData?: Record<string, N8nTaskData[]>;
	lastNodeExecuted?: string;
	error?: N8nError;
}

export interface N8nServer {
	baseUrl: string;
	port: number;
	pid: number;
	child: ChildProcess;
	logFile: string;
	log(): Promise<string>;
	stop(): Promise<void>;
	exited(): { code: number | null; signal: NodeJS.Signals | null } | null;
}

export interface CredentialTestResult {
	status: 'OK' | 'Error';
	message: string;
}

export interface ExecutionSummary {
	id: string;
	workflowId: string;
	mode: string;
	status: string;
	startedAt: string;
	stoppedAt: string | null;
	[key: string]: unknown;
}

export interface NodeTypeDescription {
	name: string;
	displayName: string;
	version: number | number[];
	icon?: unknown;
	iconUrl?: string | { light: string; dark: string };
	credentials?: Array<{ name: string; required?: boolean }>;
	[key: string]: unknown;
}

export interface Owner {
	email: string;
	firstName: string;
	lastName: string;
	password: string;
}

export declare const DEFAULT_OWNER: Readonly<Owner>;

export declare function prepareN8n(opts?: {
	/** 1, 2, or a version from N8N_VERSIONS (default N8N_VERSION). */
	version?: string;
	userFolder?: string;
	env?: Record<string, string | undefined>;
	log?: (s: string) => void;
}): Promise<N8nInstance>;
export declare function nodesDir(userFolder: string): string;
export declare function packPackage(pkgDir: string, destDir: string): Promise<string>;
export declare function installCommunityPackage(
	userFolder: string,
	tarball: string,
): Promise<{ name: string; version: string; dir: string }>;

export declare function n8nCli(
	inst: N8nInstance,
	args: string[],
	opts?: { env?: Record<string, string>; timeoutMs?: number },
): Promise<CliResult>;
export declare function importCredentials(
	inst: N8nInstance,
	credentialsOrFile: string | object | object[],
): Promise<CliResult>;
export declare function importWorkflow(
	inst: N8nInstance,
	workflowOrFile: string | object | object[],
): Promise<CliResult>;
export declare function parseExecuteOutput(output: string): N8nRun | undefined;
export declare function executeWorkflow(
	inst: N8nInstance,
	id: string,
	opts?: { env?: Record<string, string>; timeoutMs?: number },
): Promise<ExecuteResult>;
export declare function nodeOutput(
	runData: Record<string, N8nTaskData[]> | undefined,
	nodeName: string,
	opts?: { runIndex?: number; output?: number },
): Array<Record<string, unknown>>;

export declare function freePort(): Promise<number>;
export declare function startN8n(
	inst: N8nInstance,
	opts?: { port?: number; env?: Record<string, string>; timeoutMs?: number },
): Promise<N8nServer>;
export declare function stopN8n(server: N8nServer, opts?: { graceMs?: number }): Promise<void>;

export declare class N8nRest {
	constructor(baseUrl: string, cookie?: string);
	baseUrl: string;
	/** `n8n-auth=<jwt>` once logged in. */
	cookie: string;
	request<T = any>(method: string, path: string, body?: unknown): Promise<T>;
	get<T = any>(path: string): Promise<T>;
	post<T = any>(path: string, body?: unknown): Promise<T>;
	patch<T = any>(path: string, body?: unknown): Promise<T>;
	raw(path: string): Promise<Response>;
	setupOwner(owner: Owner): Promise<any>;
	login(owner: Pick<Owner, 'email' | 'password'>): Promise<any>;
	testCredential(credential: {
		id: string;
		name?: string;
		type: string;
		data: Record<string, unknown>;
	}): Promise<CredentialTestResult>;
	getCredential(
		id: string,
		includeData?: boolean,
	): Promise<{ id: string; name: string; type: string; data?: Record<string, unknown> }>;
	getWorkflow(id: string): Promise<{
		id: string;
		name: string;
		active: boolean;
		versionId: string;
		activeVersionId: string | null;
		[key: string]: unknown;
	}>;
	activateWorkflow(id: string): Promise<{
		id: string;
		active: boolean;
		activeVersionId: string | null;
		[key: string]: unknown;
	}>;
	deactivateWorkflow(id: string): Promise<{ id: string; active: boolean; [key: string]: unknown }>;
	listExecutions(opts?: {
		workflowId?: string;
		status?: string | string[];
		limit?: number;
	}): Promise<{ count: number; estimated: boolean; results: ExecutionSummary[] }>;
	getExecution(id: string): Promise<ExecutionSummary & { data: string; workflowData: unknown }>;
	nodeTypes(): Promise<NodeTypeDescription[]>;
	credentialTypes(): Promise<Array<{ name: string; displayName: string; [key: string]: unknown }>>;
	fetchNodeIcons(
		nodeType: NodeTypeDescription,
	): Promise<Array<{ url: string; status: number; contentType: string | null; bytes: number }>>;
}

export declare function ownerClient(server: N8nServer, owner?: Owner): Promise<N8nRest>;
export declare function waitFor<T>(
	fn: () => T | Promise<T>,
	opts?: { timeoutMs?: number; intervalMs?: number; what?: string },
): Promise<NonNullable<T>>;
