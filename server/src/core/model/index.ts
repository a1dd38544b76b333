// The spine: what extractors produce and rules, views and reports read. A leaf: it imports nothing from the core.
export * from './span';
export * from './callSite';
export * from './exports';
export * from './fileFacts';
export * from './findings';
export * from './fixes';
export * from './options';
export * from './ownerTags';
export * from './suppressions';
export * from './text';
