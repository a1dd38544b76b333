// What suggests a value carries personal data: the words in its name, or the shape of a literal.

/** Words (from camelCase or snake_case names) that name personal data. */
const PII_WORDS = new Map<string, string>(Object.entries({
  email: 'email',
  mail: 'email',
  phone: 'phone number',
  mobile: 'phone number',
  msisdn: 'phone number',
  ssn: 'social security number',
  dob: 'date of birth',
  birthdate: 'date of birth',
  birthday: 'date of birth',
  dateofbirth: 'date of birth',
  address: 'address',
  street: 'address',
  postcode: 'address',
  zipcode: 'address',
  card: 'card number',
  pan: 'card number',
  iban: 'bank account',
  passport: 'passport number',
  emailaddress: 'email',
  phonenumber: 'phone number',
  cardnumber: 'card number',
  firstname: 'name',
  lastname: 'name',
  fullname: 'name',
  surname: 'name',
  nationalid: 'national id',
  taxid: 'tax id',
}));

/** Objects about a person: passing one whole (stringified, spread, interpolated) sends every field. */
const PERSON_OBJECT = /^(user|customer|patient|member|person|profile|contact|employee|applicant|client)s?$/i;

/** Prompt literals are scanned this far: a base64 image or a data URL can be megabytes long and holds no PII hint. */
const MAX_SCANNED = 10_000;
/** An e-mail address's shape around one `@`: a local part, a domain label, a dot and letters. */
const EMAIL_LOCAL_CHAR = /[\w.+-]/;
const EMAIL_AFTER_AT = /^[\w-]+\.[a-z]{2,}/i;
const PHONE_LITERAL = /(?:\+\d{1,3}[\s-]?)?(?:\(\d{2,4}\)[\s-]?)?\d{3,4}[\s-]\d{3,4}(?:[\s-]\d{2,4})?/;

function words(name: string): string[] {
  const spaced = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[_\-.]/g, ' ').toLowerCase();
  return spaced.split(/\s+/).filter(Boolean);
}

/**
 * PII hints from an access chain such as `user.email` or `form.get('phone')`. Only the last name counts, and
 * only its last word or the whole name: `customerEmail` is an e-mail, `emailTemplateId` is an id.
 */
export function piiHintsForNames(names: readonly string[]): string[] {
  const last = names[names.length - 1];
  if (!last) return [];
  const parts = words(last);
  const candidates = [parts.join(''), parts[parts.length - 1] ?? '', parts.slice(-2).join('')];
  const hints = new Set<string>();
  for (const candidate of candidates) {
    const hint = PII_WORDS.get(candidate);
    if (hint) hints.add(hint);
  }
  return [...hints];
}

export function isPersonObjectName(name: string): boolean {
  return PERSON_OBJECT.test(name);
}

/** PII hints from what a string literal looks like. */
export function piiHintsForLiteral(text: string): string[] {
  const scanned = text.length > MAX_SCANNED ? text.slice(0, MAX_SCANNED) : text;
  const hints: string[] = [];
  if (holdsEmailAddress(scanned)) hints.push('email address');
  if (PHONE_LITERAL.test(scanned)) hints.push('phone number');
  return hints;
}

/**
 * Looks at each `@` and its neighbours only, so the scan stays linear: a pattern with an unanchored `[\w.+-]+@`
 * retries from every start of a long word without `@` and is quadratic in it.
 */
function holdsEmailAddress(text: string): boolean {
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    if (at > 0 && EMAIL_LOCAL_CHAR.test(text[at - 1]) && EMAIL_AFTER_AT.test(text.slice(at + 1, at + 256))) return true;
  }
  return false;
}

export const defaultRedactors = ['redact', 'redactPII', 'redactPii', 'mask', 'maskPII', 'scrub', 'scrubPII', 'anonymize', 'anonymise', 'pseudonymize', 'redact_pii', 'mask_pii', 'scrub_pii'];
