import { BASE_URL_OPTIONS, isLocalBaseUrl, isPlaceholderKey, looksLikeProviderKey } from '../catalog/credentials';
import { optionAt, type ClientConstruction } from '../model';
import type { Rule } from './types';

export const air007HardcodedKey: Rule = {
  meta: {
    id: 'AIR007',
    name: 'ai-hardcoded-key',
    category: 'D',
    defaultSeverity: 'error',
    strictSeverity: 'error',
    docs: {
      summary: 'API keys are read from the environment or a secret store, never written in source.',
      why: 'A key in source reaches every clone, fork, CI log, bundle and backup, and public repositories are scanned for keys within minutes. It cannot be rotated without a deploy and is shared by every environment; whoever holds it spends on your account and reads what your account can read.',
      severity:
        'An error in every preset: a key in source is a leaked credential the moment the code is shared.',
      url: 'docs/rules/AIR007.md',
    },
    fixable: 'safe',
    messages: {
      hardcoded: 'Hard-coded {{option}} for {{client}}. Anyone who can read this source can spend on this account: read it from {{env}}.',
      readEnv: 'Read the key from the {{env}} environment variable',
    },
  },
  checkClient(client, context) {
    const written = client.credentials.options.map((name) => {
      const lookup = optionAt(client.options, name);
      return 'found' in lookup ? lookup.found : undefined;
    });
    const local = talksToLocalServer(client);
    for (const entry of [...written, client.credentials.argument]) {
      if (entry?.value.kind !== 'string') continue;
      // An Authorization header holds `Bearer <key>`: the key is what follows the scheme.
      const scheme = /^Bearer\s+/i.exec(entry.value.value)?.[0];
      const key = entry.value.value.slice(scheme?.length ?? 0);
      if (isPlaceholderKey(key) || (local && !looksLikeProviderKey(key))) continue;
      const span = entry.resolvedFrom ?? entry.valueSpan;
      const env = client.credentials.env;
      const data = { option: entry.name, client: client.constructorName, env };
      const edits = context.fixer.replaceWith(span, scheme ? { kind: 'env-template', prefix: scheme, name: env } : { kind: 'env', name: env });
      context.report({ messageId: 'hardcoded', data, span, fixes: [{ messageId: 'readEnv', data, edits }] });
    }
  },
};

/** A client pointed at a server on this machine (Ollama, vLLM, LM Studio): the key it sends is a dummy. */
function talksToLocalServer(client: ClientConstruction): boolean {
  return BASE_URL_OPTIONS.some((name) => {
    const lookup = optionAt(client.options, name);
    return 'found' in lookup && lookup.found.value.kind === 'string' && isLocalBaseUrl(lookup.found.value.value);
  });
}
