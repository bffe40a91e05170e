/**
 * The test personas of the local identity provider, shared by its login page and by the seed that
 * gives them memberships. Personal identity numbers are Skatteverket's published test numbers
 * (testpersonnummer, dataportal.se dataset 6_67959, and the classic 19121212-1212), never numbers
 * that may belong to real people. Names are obviously fictitious.
 */

export type MemberRole = 'applicant' | 'signatory';
export type StaffRole = 'caseOfficer' | 'decisionMaker' | 'finance' | 'admin';

export interface PublicPersona {
  kind: 'public';
  /** The `sub` the local provider issues. */
  id: string;
  givenName: string;
  familyName: string;
  /** Twelve digits, YYYYMMDDNNNN. */
  personalIdentityNumber: string;
  /** Municipality code, or 'demoFederation' for the fictitious kommunalförbund; null for a first-time applicant. */
  organisation: string | null;
  roles: MemberRole[];
  description: { sv: string; en: string };
}

export interface StaffPersona {
  kind: 'staff';
  id: string;
  givenName: string;
  familyName: string;
  boards: { countyCode: string; roles: StaffRole[] }[];
  description: { sv: string; en: string };
}

export type Persona = PublicPersona | StaffPersona;

export const DEMO_FEDERATION = 'demoFederation';

export const publicPersonas: PublicPersona[] = [
  {
    kind: 'public',
    id: 'sokande-linkoping',
    givenName: 'Tolvan',
    familyName: 'Tolvansson',
    personalIdentityNumber: '191212121212',
    organisation: '0580',
    roles: ['applicant'],
    description: { sv: 'Sökande för Linköpings kommun', en: 'Applicant for Linköping municipality' },
  },
  {
    kind: 'public',
    id: 'sokande-norrkoping',
    givenName: 'Nora',
    familyName: 'Testsson',
    personalIdentityNumber: '199001012385',
    organisation: '0581',
    roles: ['applicant'],
    description: { sv: 'Sökande för Norrköpings kommun', en: 'Applicant for Norrköping municipality' },
  },
  {
    kind: 'public',
    id: 'sokande-goteborg',
    givenName: 'Göta',
    familyName: 'Provsson',
    personalIdentityNumber: '201701012393',
    organisation: '1480',
    roles: ['applicant'],
    description: { sv: 'Sökande för Göteborgs kommun', en: 'Applicant for Gothenburg municipality' },
  },
  {
    kind: 'public',
    id: 'firmatecknare-linkoping',
    givenName: 'Fia',
    familyName: 'Firmasson',
    personalIdentityNumber: '189001019802',
    organisation: '0580',
    roles: ['signatory'],
    description: { sv: 'Firmatecknare för Linköpings kommun', en: 'Signatory for Linköping municipality' },
  },
  {
    kind: 'public',
    id: 'representant-forbund',
    givenName: 'Frans',
    familyName: 'Förbundsson',
    personalIdentityNumber: '190001019801',
    organisation: DEMO_FEDERATION,
    roles: ['applicant', 'signatory'],
    description: {
      sv: 'Företrädare för demokommunalförbundet (påhittat)',
      en: 'Representative of the demo municipal federation (fictitious)',
    },
  },
  {
    kind: 'public',
    id: 'ny-sokande',
    givenName: 'Nyström',
    familyName: 'Testperson',
    personalIdentityNumber: '196408233234',
    organisation: null,
    roles: [],
    description: {
      sv: 'Ny sökande utan behörighet: kan begära behörighet för en kommun',
      en: 'New applicant without access: may request access for a municipality',
    },
  },
];

export const staffPersonas: StaffPersona[] = [
  {
    kind: 'staff',
    id: 'handlaggare-vastra-gotaland',
    givenName: 'Hanna',
    familyName: 'Handläggarsson',
    boards: [{ countyCode: '14', roles: ['caseOfficer'] }],
    description: { sv: 'Handläggare, Länsstyrelsen Västra Götaland', en: 'Case officer, County Board of Västra Götaland' },
  },
  {
    kind: 'staff',
    id: 'beslutsfattare-jonkoping',
    givenName: 'Berit',
    familyName: 'Beslutsson',
    boards: [{ countyCode: '06', roles: ['decisionMaker'] }],
    description: { sv: 'Beslutsfattare, Länsstyrelsen i Jönköpings län', en: 'Decision-maker, County Board of Jönköping' },
  },
  {
    kind: 'staff',
    id: 'ekonomi-jonkoping',
    givenName: 'Erik',
    familyName: 'Ekonomsson',
    boards: [{ countyCode: '06', roles: ['finance'] }],
    description: { sv: 'Ekonomihandläggare, Länsstyrelsen i Jönköpings län', en: 'Finance officer, County Board of Jönköping' },
  },
  {
    kind: 'staff',
    id: 'administrator',
    givenName: 'Ada',
    familyName: 'Administratör',
    boards: [
      { countyCode: '05', roles: ['admin'] },
      { countyCode: '14', roles: ['admin'] },
    ],
    description: {
      sv: 'Administratör, Länsstyrelsen Östergötland och Länsstyrelsen Västra Götaland',
      en: 'Administrator, County Boards of Östergötland and Västra Götaland',
    },
  },
];

export const personas: Persona[] = [...publicPersonas, ...staffPersonas];

/** The issuer recorded for persons of the local provider, independent of the port it runs on. */
export const LOCAL_ISSUER = 'urn:bidragsportalen:lokal-idp';

export const PERSONAL_IDENTITY_NUMBER_CLAIM = 'https://id.oidc.se/claim/personalIdentityNumber';
export const PERSONAL_IDENTITY_NUMBER_SCOPE = 'https://id.oidc.se/scope/naturalPersonNumber';
