import { and, eq } from 'drizzle-orm';
import type { Tx } from '../src/db/client.ts';
import { memberships, organisations, persons, staffMemberships } from '../src/db/schema/index.ts';
import { DEMO_FEDERATION, LOCAL_ISSUER, publicPersonas, staffPersonas } from '../src/platform/local-idp/personas.ts';

/**
 * The local identity provider's test personas as persons with their memberships, so that a demo
 * user who logs in as one lands in a municipality, the demo federation or a county board.
 */
export async function seedPersonas(tx: Tx): Promise<void> {
  for (const persona of publicPersonas) {
    const [person] = await tx
      .insert(persons)
      .values({
        issuer: LOCAL_ISSUER,
        subject: persona.id,
        personalIdentityNumber: persona.personalIdentityNumber,
        givenName: persona.givenName,
        familyName: persona.familyName,
      })
      .onConflictDoUpdate({
        target: [persons.issuer, persons.subject],
        set: { givenName: persona.givenName, familyName: persona.familyName },
      })
      .returning({ id: persons.id });
    if (!persona.organisation) continue;
    const [organisation] = await tx
      .select({ id: organisations.id })
      .from(organisations)
      .where(
        persona.organisation === DEMO_FEDERATION
          ? and(eq(organisations.kind, 'municipalFederation'), eq(organisations.isDemo, true))
          : eq(organisations.municipalityCode, persona.organisation),
      )
      .limit(1);
    if (!organisation) throw new Error(`seedPersonas: organisation ${persona.organisation} is missing; seed the organisations first`);
    await tx
      .insert(memberships)
      .values({ personId: person!.id, organisationId: organisation.id, roles: persona.roles })
      .onConflictDoNothing();
  }
  for (const persona of staffPersonas) {
    const [person] = await tx
      .insert(persons)
      .values({ issuer: LOCAL_ISSUER, subject: persona.id, givenName: persona.givenName, familyName: persona.familyName })
      .onConflictDoUpdate({
        target: [persons.issuer, persons.subject],
        set: { givenName: persona.givenName, familyName: persona.familyName },
      })
      .returning({ id: persons.id });
    for (const board of persona.boards) {
      await tx
        .insert(staffMemberships)
        .values({ personId: person!.id, boardCountyCode: board.countyCode, roles: board.roles })
        .onConflictDoNothing();
    }
  }
}
