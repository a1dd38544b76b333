import { ruleTester } from '../ruleTester';

const call = `import OpenAI from 'openai';
const openai = new OpenAI();
`;

ruleTester('AIR013', {
  valid: [
    {
      name: 'a waiver still in force',
      code: `${call}// prodready-ignore-next-line AIR001 -- batch job owner=@data-platform until=2027-01-31
export const embed = () => openai.embeddings.create({ model: 'text-embedding-3-small', input: 'x' });
`,
    },
    {
      name: 'a suppression without an end date is not a waiver',
      code: `${call}// prodready-ignore-next-line AIR001 -- the queue enforces a deadline
export const embed = () => openai.embeddings.create({ model: 'text-embedding-3-small', input: 'x' });
`,
    },
    {
      name: 'the last day still counts',
      today: '2027-01-31',
      code: `${call}// prodready-ignore-next-line AIR001 -- migration owner=@ml until=2027-01-31
export const embed = () => openai.embeddings.create({ model: 'text-embedding-3-small', input: 'x' });
`,
    },
  ],
  invalid: [
    {
      name: 'an expired waiver is reported, with its owner',
      code: `${call}// prodready-ignore-next-line AIR001, AIR004 -- pilot only owner=@growth until=2026-10-01
export const embed = () => openai.embeddings.create({ model: 'text-embedding-3-small', input: 'x' });
`,
      errors: [{ messageId: 'expired', line: 3, column: 1, data: { rules: 'AIR001, AIR004', until: '2026-10-01', owner: ' (owner @growth)' } }],
    },
    {
      name: 'an expired waiver of every rule',
      code: `${call}/* prodready-ignore-next-line -- demo until=2025-12-31 */
export const embed = () => openai.embeddings.create({ model: 'text-embedding-3-small', input: 'x' });
`,
      errors: [{ messageId: 'expired', line: 3, data: { rules: 'all rules', owner: '' } }],
    },
  ],
});
