import type { ReadinessAction } from '../../../server/src/protocol';
import type { WebviewMessage } from '../sidebar/messages';

export type SortKey = 'file' | 'provider' | 'model' | 'owner' | 'findings';

/** What the view remembers while hidden: filter, sort and which sections are open. */
export interface ViewState {
  filter: string;
  sort: SortKey;
  closed: string[];
}

interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
  getState(): ViewState | undefined;
  setState(state: ViewState): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

const api = acquireVsCodeApi();

export const host = {
  post: (message: WebviewMessage) => api.postMessage(message),
  open: (place: { file?: string; line?: number; column?: number }) => {
    if (place.file) api.postMessage({ type: 'open', file: place.file, line: place.line ?? 1, column: place.column ?? 1 });
  },
  act: (action: ReadinessAction) => api.postMessage({ type: 'action', action }),
  state: (): ViewState => ({ filter: '', sort: 'file', closed: [], ...api.getState() }),
  saveState: (state: ViewState) => api.setState(state),
};
