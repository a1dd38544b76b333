export * from './tasks';
export { anthropic as sharedAnthropic } from './clients';
