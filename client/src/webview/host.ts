import type { ReadinessAction } from '../../../server/src/protocol';
import type { WebviewMessage } from '../sidebar/messages';

interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

const api = acquireVsCodeApi();

export const host = {
  post: (message: WebviewMessage) => api.postMessage(message),
  open: (place: { file?: string; line?: number; column?: number }) => {
    if (place.file) api.postMessage({ type: 'open', file: place.file, line: place.line ?? 1, column: place.column ?? 1 });
  },
  act: (action: ReadinessAction) => api.postMessage({ type: 'action', action }),
};
