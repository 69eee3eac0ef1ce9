import type { ScimGroup, ScimGroupFields, ScimUser, ScimUserFields, UserId } from '@waymark/store';
import { stripSchema } from './scim-filter';
import { badRequest, schemas } from './scim-protocol';

const version = (n: number) => `W/"${n}"`;

/** A provisioned person as a SCIM User (RFC 7643 §4.1). */
export const userResource = (u: ScimUser, base: string) => ({
  schemas: [schemas.user],
  id: u.id,
  ...(u.externalId !== null ? { externalId: u.externalId } : {}),
  userName: u.userName,
  name: {
    ...(u.givenName !== null ? { givenName: u.givenName } : {}),
    ...(u.familyName !== null ? { familyName: u.familyName } : {}),
    formatted: [u.givenName, u.familyName].filter(Boolean).join(' ') || u.userName,
  },
  ...(u.displayName !== null ? { displayName: u.displayName } : {}),
  emails: [{ value: u.email, type: 'work', primary: true }],
  active: u.active,
  meta: {
    resourceType: 'User',
    created: u.createdAt,
    lastModified: u.updatedAt,
    version: version(u.version),
    location: `${base}/Users/${u.id}`,
  },
});

/** A group as a SCIM Group (RFC 7643 §4.2); `members` left out when the directory asks (excludedAttributes). */
export const groupResource = (g: ScimGroup, base: string, withMembers = true) => ({
  schemas: [schemas.group],
  id: g.id,
  ...(g.externalId !== null ? { externalId: g.externalId } : {}),
  displayName: g.displayName,
  ...(withMembers
    ? {
        members: g.members.map((m) => ({
          value: m.id,
          display: m.display,
          $ref: `${base}/Users/${m.id}`,
        })),
      }
    : {}),
  meta: {
    resourceType: 'Group',
    created: g.createdAt,
    lastModified: g.updatedAt,
    version: version(g.version),
    location: `${base}/Groups/${g.id}`,
  },
});

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function text(value: unknown, field: string, required: true): string;
function text(value: unknown, field: string, required?: false): string | null;
function text(value: unknown, field: string, required = false): string | null {
  if (value === undefined || value === null || value === '') {
    if (required) throw badRequest('invalidValue', `${field} is required`);
    return null;
  }
  if (typeof value !== 'string') throw badRequest('invalidValue', `${field} must be a string`);
  if (value.length > 512) throw badRequest('invalidValue', `${field} is longer than 512 characters`);
  return value;
}

/** Entra ID sends booleans, and in some tenants the strings "True" and "False". */
function bool(value: unknown, field: string): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string' && /^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
  throw badRequest('invalidValue', `${field} must be true or false`);
}

const looksLikeEmail = (s: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s);

/** The email of a SCIM `emails` list: the primary one, else the work one, else the first. */
function emailOf(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (!Array.isArray(value)) throw badRequest('invalidValue', 'emails must be a list');
  const items = value.filter(isObject);
  const chosen =
    items.find((e) => e.primary === true || e.primary === 'True' || e.primary === 'true') ??
    items.find((e) => e.type === 'work') ??
    items[0];
  return chosen ? text(chosen.value, 'emails.value') : null;
}

function checkEmail(email: string | null, userName: string): string {
  const chosen = email ?? (looksLikeEmail(userName) ? userName : null);
  if (!chosen) throw badRequest('invalidValue', 'emails: give a work email, or a userName that is one');
  if (!looksLikeEmail(chosen))
    throw badRequest('invalidValue', `emails.value is not an email address: ${chosen}`);
  return chosen;
}

/** The fields of a User body (POST or PUT). Attributes Waymark does not keep are accepted and not kept. */
export function userFieldsOf(body: unknown): ScimUserFields {
  if (!isObject(body)) throw badRequest('invalidSyntax', 'the body must be a SCIM User object');
  const userName = text(body.userName, 'userName', true);
  const name = isObject(body.name) ? body.name : {};
  return {
    userName,
    externalId: text(body.externalId, 'externalId'),
    givenName: text(name.givenName, 'name.givenName'),
    familyName: text(name.familyName, 'name.familyName'),
    displayName: text(body.displayName, 'displayName'),
    email: checkEmail(emailOf(body.emails), userName),
    active: body.active === undefined ? true : bool(body.active, 'active'),
  };
}

/** The fields and members of a Group body (POST or PUT). */
export function groupFieldsOf(body: unknown): ScimGroupFields & { members: UserId[] } {
  if (!isObject(body)) throw badRequest('invalidSyntax', 'the body must be a SCIM Group object');
  return {
    displayName: text(body.displayName, 'displayName', true),
    externalId: text(body.externalId, 'externalId'),
    members: memberIds(body.members ?? []),
  };
}

function memberIds(value: unknown): UserId[] {
  const list = Array.isArray(value) ? value : [value];
  return list.map((m, i) => {
    if (!isObject(m)) throw badRequest('invalidValue', `members[${i}] must be an object with a value`);
    return text(m.value, `members[${i}].value`, true) as UserId;
  });
}

interface Operation {
  readonly op: 'add' | 'replace' | 'remove';
  readonly path: string | null;
  readonly value: unknown;
}

/** The `Operations` of a PatchOp body (RFC 7644 §3.5.2); Entra ID writes op names capitalised ("Replace"). */
export function operationsOf(body: unknown): Operation[] {
  if (!isObject(body) || !Array.isArray(body.Operations))
    throw badRequest('invalidSyntax', 'the body must be a PatchOp with a list of Operations');
  return body.Operations.map((raw, i) => {
    if (!isObject(raw)) throw badRequest('invalidSyntax', `Operations[${i}] must be an object`);
    const op = typeof raw.op === 'string' ? raw.op.toLowerCase() : '';
    if (op !== 'add' && op !== 'replace' && op !== 'remove')
      throw badRequest('invalidSyntax', `Operations[${i}].op must be add, replace or remove`);
    const path = raw.path === undefined || raw.path === null ? null : text(raw.path, `Operations[${i}].path`);
    if (path === null && op === 'remove')
      throw badRequest('noTarget', `Operations[${i}]: remove needs a path`);
    if (path === null && !isObject(raw.value))
      throw badRequest('invalidValue', `Operations[${i}]: without a path, value must be an object`);
    return { op, path, value: raw.value };
  });
}

/** An attribute path's parts Waymark keeps, lower-cased; `emails[type eq "work"].value` → `emails.value`. */
function keyOf(path: string): string {
  return stripSchema(path.trim())
    .replace(/\[[^\]]*\]/g, '')
    .toLowerCase();
}

/** Applies PATCH operations to a person's fields; attributes Waymark does not keep are accepted and ignored. */
export function patchUser(current: ScimUserFields, operations: readonly Operation[]): ScimUserFields {
  const next: { -readonly [K in keyof ScimUserFields]: ScimUserFields[K] } = { ...current };
  const set = (path: string, value: unknown, remove: boolean) => {
    const key = keyOf(path);
    switch (key) {
      case 'active':
        if (remove) throw badRequest('mutability', 'active cannot be removed; replace it with false');
        next.active = bool(value, 'active');
        return;
      case 'username':
        if (remove) throw badRequest('mutability', 'userName cannot be removed');
        next.userName = text(value, 'userName', true);
        return;
      case 'externalid':
        next.externalId = remove ? null : text(value, 'externalId');
        return;
      case 'displayname':
        next.displayName = remove ? null : text(value, 'displayName');
        return;
      case 'name.givenname':
        next.givenName = remove ? null : text(value, 'name.givenName');
        return;
      case 'name.familyname':
        next.familyName = remove ? null : text(value, 'name.familyName');
        return;
      case 'name':
        if (remove) {
          next.givenName = null;
          next.familyName = null;
        } else if (isObject(value)) {
          for (const [k, v] of Object.entries(value)) set(`name.${k}`, v, false);
        }
        return;
      case 'emails':
        if (remove) throw badRequest('mutability', 'the work email cannot be removed; replace it');
        next.email = checkEmail(emailOf(value), next.userName);
        return;
      case 'emails.value':
        if (remove) throw badRequest('mutability', 'the work email cannot be removed; replace it');
        next.email = checkEmail(text(value, 'emails.value'), next.userName);
        return;
      default:
        // title, phoneNumbers, addresses, the enterprise extension…: accepted, not kept (decision 0026).
        return;
    }
  };
  for (const op of operations) {
    if (op.path !== null) set(op.path, op.value, op.op === 'remove');
    else for (const [k, v] of Object.entries(op.value as Record<string, unknown>)) set(k, v, false);
  }
  return next;
}

/** What PATCH operations do to a group: its fields, and members added, removed or all replaced. */
export function patchGroup(
  current: ScimGroupFields,
  operations: readonly Operation[],
): { fields: ScimGroupFields; members?: UserId[]; add: UserId[]; remove: UserId[]; removeAll: boolean } {
  const fields: { -readonly [K in keyof ScimGroupFields]: ScimGroupFields[K] } = { ...current };
  let members: UserId[] | undefined;
  const add: UserId[] = [];
  const remove: UserId[] = [];
  let removeAll = false;
  const apply = (op: Operation['op'], path: string, value: unknown) => {
    const filtered = /^members\[\s*value\s+eq\s+"((?:[^"\\]|\\.)*)"\s*\]$/i.exec(path.trim());
    if (filtered) {
      if (op !== 'remove') throw badRequest('invalidPath', `only remove may name one member: ${path}`);
      remove.push(filtered[1]! as UserId);
      return;
    }
    const key = keyOf(path);
    if (key === 'displayname') {
      if (op === 'remove') throw badRequest('mutability', 'displayName cannot be removed');
      fields.displayName = text(value, 'displayName', true);
    } else if (key === 'externalid') {
      fields.externalId = op === 'remove' ? null : text(value, 'externalId');
    } else if (key === 'members') {
      if (op === 'add') add.push(...memberIds(value));
      else if (op === 'replace') {
        members = memberIds(value ?? []);
        add.length = 0;
        remove.length = 0;
      } else if (value === undefined || value === null) removeAll = true;
      else remove.push(...memberIds(value));
    } else {
      throw badRequest('invalidPath', `a Group has no attribute ${path} that can be changed`);
    }
  };
  for (const op of operations) {
    if (op.path !== null) apply(op.op, op.path, op.value);
    else for (const [k, v] of Object.entries(op.value as Record<string, unknown>)) apply(op.op, k, v);
  }
  return { fields, ...(members ? { members } : {}), add, remove, removeAll };
}
