// Messages between the readiness webview and the extension. The webview never analyses anything: it shows what
// the server computed and asks the extension to act.
import type { ReadinessAction, ReadinessReport } from '../../../server/src/protocol';

export type ExtensionMessage =
  | { type: 'loading' }
  | { type: 'data'; readiness: ReadinessReport }
  | { type: 'unavailable'; message: string };

export type WebviewMessage =
  | { type: 'ready' }
  | { type: 'refresh' }
  | { type: 'open'; file: string; line: number; column: number }
  | { type: 'action'; action: ReadinessAction };
