import { Field, ID, InputType, Int } from 'type-graphql';
import { AuthorizationStatus } from './authorization.entity';

@InputType({ description: 'D-02: the calling manufacturer authorises a distributor for one of its winning products in a pooling region.' })
export class AuthorizeDistributorInput {
  @Field(() => ID, { description: 'The winning product (中选产品); it must be the caller’s own.' })
  winningProductId: string;

  @Field(() => ID, { description: 'The distributor (配送企业) chosen; an active enterprise registered as a distributor.' })
  distributorId: string;

  @Field(() => String, { description: 'GB/T 2260 code of the pooling region (统筹地区); within a region the batch covers. G-07 counts per product and pooling region.' })
  poolingRegionCode: string;

  @Field(() => [String], { nullable: true, description: 'The areas it serves (配送范围), 1–100 GB/T 2260 codes within the pooling region. Default: the whole pooling region.' })
  coverageRegionCodes?: string[];
}

@InputType({ description: 'D-02: the calling manufacturer withdraws one of its authorisations.' })
export class RevokeDistributorAuthorizationInput {
  @Field(() => ID, { description: 'The authorisation.' })
  authorizationId: string;

  @Field(() => Int, { nullable: true, description: 'The version the caller read; a different current version is a CONFLICT (nothing written).' })
  expectedVersion?: number;
}

@InputType({ description: 'Filters for distributor authorisations; all given filters must match, within the caller’s scope.' })
export class DistributorAuthorizationFilter {
  @Field(() => ID, { nullable: true, description: 'Only authorisations for this winning product.' })
  winningProductId?: string;

  @Field(() => ID, { nullable: true, description: 'Only authorisations of this distributor.' })
  distributorId?: string;

  @Field(() => String, { nullable: true, description: 'Only pooling regions in or below this GB/T 2260 code.' })
  regionCode?: string;

  @Field(() => AuthorizationStatus, { nullable: true, description: 'Only in force (ACTIVE) or withdrawn (REVOKED).' })
  status?: AuthorizationStatus;
}
