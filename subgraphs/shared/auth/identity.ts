import { z } from 'zod';
import { isRegionCode } from '../region';

/** Who a caller is, as the verified token says (DOMAIN.md, "Actors and departments"). */
export const Role = {
  REGULATOR: 'REGULATOR',
  INSTITUTION: 'INSTITUTION',
  MANUFACTURER: 'MANUFACTURER',
  DISTRIBUTOR: 'DISTRIBUTOR',
  /** The gateway itself, when it composes the supergraph in development; may read `_service` only. */
  SERVICE: 'SERVICE',
} as const;
export type Role = (typeof Role)[keyof typeof Role];
export const PERSONA_ROLES = [Role.REGULATOR, Role.INSTITUTION, Role.MANUFACTURER, Role.DISTRIBUTOR] as const;

/** Regulator departments (医保局, 卫健委, 市场监管局/药监局, 工信局, 商务局, 财政局). */
export const Department = {
  MEDICAL_INSURANCE: 'MEDICAL_INSURANCE',
  HEALTH_COMMISSION: 'HEALTH_COMMISSION',
  MARKET_REGULATION: 'MARKET_REGULATION',
  INDUSTRY: 'INDUSTRY',
  COMMERCE: 'COMMERCE',
  FINANCE: 'FINANCE',
} as const;
export type Department = (typeof Department)[keyof typeof Department];

export interface Identity {
  /** The person or system that acts (token `sub`). */
  subject: string;
  role: Role;
  /** Regulators only. */
  department?: Department;
  /** GB/T 2260 code: a regulator's jurisdiction, an organisation's seat. */
  region?: string;
  /** Institution or enterprise id, for every role but REGULATOR and SERVICE. */
  org?: string;
}

const uuid = z.string().uuid('org must be a UUID');
const region = z.string().refine(isRegionCode, 'region must be a six-digit GB/T 2260 code');

/**
 * The claims each role must carry and may not carry. A token whose claims disagree with its role is
 * refused outright rather than read with a wider scope than its issuer meant.
 */
/** A claim the role must not carry. */
const absent = z.never({ message: 'must not be present for this role' }).optional();

const claimsSchema = z.discriminatedUnion('role', [
  z.object({ sub: z.string().min(1), role: z.literal(Role.REGULATOR), department: z.nativeEnum(Department), region, org: absent }).strict(),
  z.object({ sub: z.string().min(1), role: z.literal(Role.INSTITUTION), department: absent, region, org: uuid }).strict(),
  z.object({ sub: z.string().min(1), role: z.literal(Role.MANUFACTURER), department: absent, region, org: uuid }).strict(),
  z.object({ sub: z.string().min(1), role: z.literal(Role.DISTRIBUTOR), department: absent, region, org: uuid }).strict(),
  z.object({ sub: z.string().min(1), role: z.literal(Role.SERVICE), department: absent, region: absent, org: absent }).strict(),
]);

/** The registered JWT claims, which verification has already checked and the identity does not keep. */
const REGISTERED = ['iss', 'aud', 'exp', 'iat', 'nbf', 'jti'];

/** Turns verified claims into an Identity, or explains why they do not make one. */
export function identityFromClaims(payload: Record<string, unknown>): { identity?: Identity; problem?: string } {
  const own = Object.fromEntries(Object.entries(payload).filter(([k]) => !REGISTERED.includes(k)));
  const parsed = claimsSchema.safeParse(own);
  if (!parsed.success) {
    return { problem: parsed.error.issues.map((i) => `${i.path.join('.') || 'claims'}: ${i.message}`).join('; ') };
  }
  const c = parsed.data;
  return { identity: { subject: c.sub, role: c.role, department: c.department, region: c.region, org: c.org } };
}
