import { CONCERNS } from '../config/governance';
import type { RaciRow } from './types';
import type { WorkspaceView } from './workspace';

/** Every concern with who is R, A, C and I, and what is missing: someone responsible and exactly one accountable. */
export function raciRows(view: WorkspaceView): RaciRow[] {
  const { raci } = view.snapshot.config.governance;
  return CONCERNS.map(({ id, label }) => {
    const entry = raci[id];
    const gaps: string[] = [];
    if (!entry) gaps.push('not assigned');
    else {
      if (entry.responsible.length === 0) gaps.push('no one responsible');
      if (entry.accountable.length === 0) gaps.push('no one accountable');
      if (entry.accountable.length > 1) gaps.push(`${entry.accountable.length} accountable, RACI has one`);
    }
    return {
      concern: id,
      label,
      responsible: entry?.responsible ?? [],
      accountable: entry?.accountable ?? [],
      consulted: entry?.consulted ?? [],
      informed: entry?.informed ?? [],
      gaps,
      declaredAt: entry ? view.configEvidence(entry.line, `raci.${id}`) : undefined,
    };
  });
}
