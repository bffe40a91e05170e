import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type Actor, type ApplicationResource, anonymous, can } from './policy.ts';

const member = (organisationId: number, roles: ('applicant' | 'signatory')[]): Actor => ({
  kind: 'person',
  personId: 'p',
  loginKind: 'public',
  actingOrganisationId: organisationId,
  memberships: [{ organisationId, organisationName: 'X', organisationKind: 'municipality', countyCode: '05', roles }],
  staff: [],
});
const staff = (board: string, role: 'caseOfficer' | 'decisionMaker' | 'finance' | 'admin'): Actor => ({
  kind: 'person',
  personId: 's',
  loginKind: 'staff',
  actingOrganisationId: null,
  memberships: [],
  staff: [{ boardCountyCode: board, boardName: 'Länsstyrelsen', roles: [role] }],
});
// § 37 a: Västra Götaland prepares, Jönköping decides and pays.
const vgCall = { preparingBoard: '14', decidingBoard: '06', payingBoard: '06' };
const ogCall = { preparingBoard: '05', decidingBoard: '05', payingBoard: '05' };
const app = (status: ApplicationResource['status'], boards = vgCall, organisationId = 1): ApplicationResource => ({
  organisationId,
  status,
  ...boards,
});

test('denies everything to an anonymous visitor', () => {
  assert.equal(can(anonymous, 'myPages.view'), false);
  assert.equal(can(anonymous, 'staffPages.view'), false);
  assert.equal(can(anonymous, 'application.read', app('submitted')), false);
  assert.equal(can(anonymous, 'organisation.actFor', { organisationId: 1 }), false);
});

test('no staff role, administrator included, can read a draft', () => {
  for (const actor of [
    staff('14', 'caseOfficer'),
    staff('06', 'decisionMaker'),
    staff('06', 'finance'),
    staff('14', 'admin'),
    staff('06', 'admin'),
  ]) {
    assert.equal(can(actor, 'application.read', app('draft')), false);
    assert.equal(can(actor, 'application.read', app('submitted')), true);
  }
});

test('staff act on a call only through their board’s role in it', () => {
  assert.equal(can(staff('06', 'decisionMaker'), 'application.read', app('submitted', vgCall)), true);
  assert.equal(can(staff('06', 'decisionMaker'), 'application.read', app('submitted', ogCall)), false);
  assert.equal(can(staff('14', 'decisionMaker'), 'application.read', app('submitted', vgCall)), false, 'VG prepares but does not decide');
  assert.equal(can(staff('14', 'caseOfficer'), 'call.prepare', vgCall), true);
  assert.equal(can(staff('14', 'caseOfficer'), 'call.decide', vgCall), false);
  assert.equal(can(staff('06', 'finance'), 'call.pay', vgCall), true);
  assert.equal(can(staff('05', 'finance'), 'call.pay', vgCall), false);
});

test('an applicant reads and edits their own organisation’s drafts only', () => {
  const a = member(1, ['applicant']);
  assert.equal(can(a, 'application.read', app('draft', vgCall, 1)), true);
  assert.equal(can(a, 'application.edit', app('draft', vgCall, 1)), true);
  assert.equal(can(a, 'application.read', app('draft', vgCall, 2)), false);
  assert.equal(can(a, 'application.edit', app('submitted', vgCall, 1)), false);
  assert.equal(can(a, 'application.sign', app('draft', vgCall, 1)), false);
  assert.equal(can(member(1, ['signatory']), 'application.sign', app('draft', vgCall, 1)), true);
});

test('authority follows the login: a staff login does not open Mina sidor, a public login does not open staff pages', () => {
  const both: Actor = {
    ...(member(1, ['applicant']) as Extract<Actor, { kind: 'person' }>),
    staff: [{ boardCountyCode: '14', boardName: 'Länsstyrelsen', roles: ['admin'] }],
  };
  assert.equal(can(both, 'myPages.view'), true);
  assert.equal(can(both, 'staffPages.view'), false);
  assert.equal(can(both, 'accessRequest.decide', { organisationCountyCode: '14' }), false);
  assert.equal(can({ ...both, loginKind: 'staff' } as Actor, 'organisation.actFor', { organisationId: 1 }), false);
});

test('only an administrator of the organisation’s county board decides access requests', () => {
  assert.equal(can(staff('05', 'admin'), 'accessRequest.decide', { organisationCountyCode: '05' }), true);
  assert.equal(can(staff('05', 'admin'), 'accessRequest.decide', { organisationCountyCode: '14' }), false);
  assert.equal(can(staff('05', 'caseOfficer'), 'accessRequest.decide', { organisationCountyCode: '05' }), false);
});
