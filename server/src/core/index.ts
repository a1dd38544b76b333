// The front door of the analysis core: what its readers (the language server, the CLI, the sidebar client) may use.
// Readers import the core only from here; tests may reach inside. Everything here is pure: disk access comes in
// through an `EngineHost` (server/src/node/host.ts implements it over the disk).

// The engine: config → ownership sources → project index → analysis → fixes, for a file or a set of files.
export { Engine } from './engine/engine';
export type { CheckRequest, CheckResult, EngineNotice, FileRequest, FileResult, SnapshotRequest } from './engine/engine';
export type { EngineHost, FileRead } from './engine/host';
export { isConfigFile, type LoadedConfig } from './engine/configs';
export { isExcluded } from './engine/exclude';
export { describeSkip, documentParseFor, keptAnalysis, languageOf, levelOf, MAX_FILE_BYTES, PythonParse, skipReason, type DocumentParse } from './engine/analyzeFile';
export type { AnalyzeOptions, FileAnalysis, RuleFailure, SkipReason } from './engine/analyzeFile';
export { preferredFixes } from './engine/fixAll';
export { surveyFile, type FileCheck, type FileSurvey, type ScanSettings } from './engine/survey';
export { reachesModel, textReach, type ScanReach, type TextReach } from './engine/scanReach';
export { suppressionFixes, suppressionTitle } from './engine/suppress';
export { initPythonParser, pythonParserSettled, type PythonWasm } from './extract/python/parser';

// The model readers show: call sites, findings, fixes, positions.
export { applyEdits, LineIndex, RECOGNIZED_BY_SHAPE, WAIVER_REASON_PLACEHOLDER, type CallSite, type EffectiveSetting, type Finding, type Fix, type Language, type Span, type TextEdit } from './model';
export type { Category, RuleId, Severity } from './model';

// Rules and their metadata; the config they read.
export { isRuleId, ruleIds, rules } from './rules';
export type { Rule, RuleMeta } from './rules';
export * from './rules/describe';
export { CONFIG_FILE_NAMES, defaultConfig, type ConfigProblem, type ProdreadyConfig, type RuleLevel } from './config/config';
export { LEVELS, PRESETS, type Preset } from './config/schema';
export { withRuleLevel } from './config/writeRule';
export { sdkFacts } from './catalog';

// Cost: prices and lifecycle data in force, and the worst case of a call.
export { builtInData, lifecycleTableOf, priceBookFor, referenceDataOf, type ReferenceData } from './cost/referenceData';
export { describeSiteCost, formatUsd, siteCost, type CostBasis, type SiteCost } from './cost/siteCost';
export { costDelta, describeCostDelta, type CostChange, type CostDelta, type CostRecord } from './cost/costDelta';
export { parseDataFile, type DataFile } from './config/dataFile';
export { dependenciesOf, readDataPackage, type DataPackage } from './config/dataPackage';
export type { PriceBook } from './catalog/priceBook';

// The workspace views: readiness checklist, AI inventory, ownership map; writing owners.
export { buildInventory, buildReadiness } from './readiness';
export type { Inventory, ReadinessReport, WorkspaceSnapshot } from './readiness';
export type { OwnershipSources } from './ownership/owners';
export { CODEOWNERS_LOCATIONS } from './ownership/codeowners';
export { codeownersPatternFor } from './ownership/suggest';
export { codeownersLine, parseOwners, patternProblem, withOwnershipRule, type Written } from './ownership/write';
