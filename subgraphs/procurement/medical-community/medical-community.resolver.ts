import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { ProcurementContext } from '../context';
import { Institution } from '../institution/institution.entity';
import { MedicalCommunity } from './medical-community.entity';

@Resolver(() => MedicalCommunity)
export class MedicalCommunityResolver {
  @FieldResolver(() => Institution, { nullable: true, description: 'The lead unit (牵头单位); null when the caller may not see it.' })
  leadInstitution(@Root() community: MedicalCommunity, @Ctx() ctx: ProcurementContext) {
    return ctx.loaders.institutionById.load(community.leadInstitutionId);
  }

  @FieldResolver(() => [Institution], { description: 'The member units (成员单位), the lead unit included, as far as the caller may see them.' })
  members(@Root() community: MedicalCommunity, @Ctx() ctx: ProcurementContext) {
    return ctx.loaders.communityMembers.load(community.id);
  }
}

/** Procurement's institution fields about medical communities. */
@Resolver(() => Institution)
export class InstitutionCommunityResolver {
  @FieldResolver(() => MedicalCommunity, { nullable: true, description: 'The county medical community (医共体) it belongs to; null when none.' })
  medicalCommunity(@Root() institution: Institution, @Ctx() ctx: ProcurementContext) {
    return institution.medicalCommunityId ? ctx.loaders.medicalCommunityById.load(institution.medicalCommunityId) : null;
  }
}
