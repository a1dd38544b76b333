// What suggests a value carries personal data: the words in its name, or the shape of a literal.

/** Words (from camelCase or snake_case names) that name personal data. */
const PII_WORDS: Record<string, string> = {
  email: 'email',
  mail: 'email',
  phone: 'phone number',
  mobile: 'phone number',
  msisdn: 'phone number',
  ssn: 'social security number',
  dob: 'date of birth',
  birthdate: 'date of birth',
  birthday: 'date of birth',
  address: 'address',
  street: 'address',
  postcode: 'address',
  zipcode: 'address',
  card: 'card number',
  pan: 'card number',
  iban: 'bank account',
  passport: 'passport number',
  firstname: 'name',
  lastname: 'name',
  fullname: 'name',
  surname: 'name',
  nationalid: 'national id',
  taxid: 'tax id',
};

/** Objects about a person: passing one whole (stringified, spread, interpolated) sends every field. */
const PERSON_OBJECT = /^(user|customer|patient|member|person|profile|contact|employee|applicant|client)s?$/i;

const EMAIL_LITERAL = /[\w.+-]+@[\w-]+\.[a-z]{2,}/i;
const PHONE_LITERAL = /(?:\+\d{1,3}[\s-]?)?(?:\(\d{2,4}\)[\s-]?)?\d{3,4}[\s-]\d{3,4}(?:[\s-]\d{2,4})?/;

function words(name: string): string[] {
  const spaced = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[_\-.]/g, ' ').toLowerCase();
  const parts = spaced.split(/\s+/).filter(Boolean);
  // Also the joined neighbours, so `first_name` and `dateOfBirth`-like pairs meet their dictionary form.
  const pairs = parts.slice(1).map((part, i) => parts[i] + part);
  return [...parts, ...pairs];
}

/** PII hints from the names in an access chain such as `user.email` or `customer_phone`. */
export function piiHintsForNames(names: readonly string[]): string[] {
  const hints = new Set<string>();
  for (const name of names) {
    for (const word of words(name)) {
      const hint = PII_WORDS[word];
      if (hint) hints.add(hint);
    }
  }
  return [...hints];
}

export function isPersonObjectName(name: string): boolean {
  return PERSON_OBJECT.test(name);
}

/** PII hints from what a string literal looks like. */
export function piiHintsForLiteral(text: string): string[] {
  const hints: string[] = [];
  if (EMAIL_LITERAL.test(text)) hints.push('email address');
  if (PHONE_LITERAL.test(text)) hints.push('phone number');
  return hints;
}

export const defaultRedactors = ['redact', 'redactPII', 'redactPii', 'mask', 'maskPII', 'scrub', 'scrubPII', 'anonymize', 'anonymise', 'pseudonymize'];
