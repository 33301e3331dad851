export {
	createEngine,
	executionErrorOf,
	itemsOf,
	nodeErrorOf,
	outputsOf,
	type CredentialTestResult,
	type Engine,
	type EngineOptions,
	type OnErrorSetting,
	type RunNodeOptions,
	type RunNodeResult,
	type RunPollOptions,
	type RunPollResult,
	type RunWorkflowOptions,
	type StaticDataPersistence,
	type WorkflowJson,
	type WorkflowNodeJson,
} from './engine';
export {
	HarnessCredentialsHelper,
	type AuthenticateCall,
	type CredentialsInput,
	type StoredCredential,
} from './credentials-helper';
export {
	recordError,
	recordItems,
	recordSecretValues,
	recordText,
	setLeakContext,
	LEAK_LOG_ENV,
	type LeakFinding,
} from './leak';
export { HarnessNodeTypes, PACKAGE_NAME, START_NODE_TYPE } from './node-types';
export { Container, reportedErrors } from './services';
