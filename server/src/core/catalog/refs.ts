import type { OptionRef } from './types';

export const body = (path: string): OptionRef => ({ place: 'body', path });
export const request = (path: string): OptionRef => ({ place: 'requestOptions', path });
export const client = (path: string): OptionRef => ({ place: 'client', path });
