import { Arg, Ctx, FieldResolver, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Connection, PageInput } from '../../shared/graphql/pagination';
import type { ProcurementContext } from '../context';
import { Institution } from '../institution/institution.entity';
import { MedicalCommunity } from '../medical-community/medical-community.entity';
import { WinningProduct } from '../winning-product/winning-product.entity';
import { AgreedVolume, AgreedVolumeBasis, AgreedVolumeReallocation } from './agreed-volume.entity';
import { AgreedVolumeFilter, ReallocateAgreedVolumeInput, ReallocationFilter, SetAgreedVolumeInput } from './agreed-volume.input';
import { listAgreedVolumes, setAgreedVolume } from './agreed-volume.service';
import { listReallocations, reallocateAgreedVolume } from './reallocation.service';

@ObjectType({ description: 'A page of agreed volumes.' })
export class AgreedVolumeConnection extends Connection(AgreedVolume, 'The agreed volumes of this page, ordered by id.') {}

@ObjectType({ description: 'A page of agreed-volume reallocations.' })
export class AgreedVolumeReallocationConnection extends Connection(AgreedVolumeReallocation, 'The reallocations of this page, ordered by id.') {}

@Resolver(() => AgreedVolume)
export class AgreedVolumeResolver {
  @Query(() => AgreedVolumeConnection, {
    description: 'Agreed volumes (约定采购量), P-04, within the caller’s scope: regulators their region; an institution its own (a medical community lead unit also its members’); a manufacturer those of its winning products.',
  })
  agreedVolumes(
    @Ctx() ctx: ProcurementContext,
    @Arg('filter', () => AgreedVolumeFilter, { nullable: true, description: 'Filters; omitted means every agreed volume in scope.' }) filter?: AgreedVolumeFilter,
    @Arg('page', () => PageInput, { nullable: true, description: 'Which page; default the first 20.' }) page?: PageInput,
  ) {
    return listAgreedVolumes(ctx, filter, page);
  }

  @Mutation(() => AgreedVolume, {
    description:
      'Sets an institution’s agreed volume for a winning product in one contract year (P-04); the medical insurance bureau of the institution’s region only. The institution must lie in a pooling region of the batch. Changing an existing one takes expectedVersion. G-09’s range is shown on AgreedVolume.basis, not enforced. Emits AgreedVolumeSet.',
  })
  setAgreedVolume(@Ctx() ctx: ProcurementContext, @Arg('input', () => SetAgreedVolumeInput, { description: 'The agreed volume.' }) input: SetAgreedVolumeInput) {
    return setAgreedVolume(ctx, input);
  }

  @Mutation(() => AgreedVolumeReallocation, {
    description:
      'Moves agreed volume between two member units of one county medical community (调剂, P-06), for one winning product and contract year; the community total never changes and no member goes below zero. By the community’s lead unit or the medical insurance bureau of its region. Emits AgreedVolumeSet for both members.',
  })
  reallocateAgreedVolume(@Ctx() ctx: ProcurementContext, @Arg('input', () => ReallocateAgreedVolumeInput, { description: 'The move.' }) input: ReallocateAgreedVolumeInput) {
    return reallocateAgreedVolume(ctx, input);
  }

  @Query(() => AgreedVolumeReallocationConnection, { description: 'The history of agreed-volume reallocations (P-06) within the caller’s scope: regulators their region; institutions moves from or to them or, for a lead unit, its members.' })
  agreedVolumeReallocations(
    @Ctx() ctx: ProcurementContext,
    @Arg('filter', () => ReallocationFilter, { nullable: true, description: 'Filters; omitted means every reallocation in scope.' }) filter?: ReallocationFilter,
    @Arg('page', () => PageInput, { nullable: true, description: 'Which page; default the first 20.' }) page?: PageInput,
  ) {
    return listReallocations(ctx, filter, page);
  }

  @FieldResolver(() => Institution, { nullable: true, description: 'The institution that committed to it.' })
  institution(@Root() volume: AgreedVolume, @Ctx() ctx: ProcurementContext) {
    return ctx.loaders.institutionById.load(volume.institutionId);
  }

  @FieldResolver(() => WinningProduct, { nullable: true, description: 'The winning product it is for.' })
  winningProduct(@Root() volume: AgreedVolume, @Ctx() ctx: ProcurementContext) {
    return ctx.loaders.winningProductById.load(volume.winningProductId);
  }

  @FieldResolver(() => AgreedVolumeBasis, { description: 'G-09: last year’s purchases and the policy’s share range, and whether the quantity lies within it.' })
  basis(@Root() volume: AgreedVolume, @Ctx() ctx: ProcurementContext) {
    return ctx.loaders.agreedVolumeBasis.load(volume);
  }
}

@Resolver(() => AgreedVolumeReallocation)
export class AgreedVolumeReallocationResolver {
  @FieldResolver(() => MedicalCommunity, { nullable: true, description: 'The medical community within which it moved.' })
  medicalCommunity(@Root() move: AgreedVolumeReallocation, @Ctx() ctx: ProcurementContext) {
    return ctx.loaders.medicalCommunityById.load(move.medicalCommunityId);
  }

  @FieldResolver(() => WinningProduct, { nullable: true, description: 'The winning product whose volume moved.' })
  winningProduct(@Root() move: AgreedVolumeReallocation, @Ctx() ctx: ProcurementContext) {
    return ctx.loaders.winningProductById.load(move.winningProductId);
  }

  @FieldResolver(() => Institution, { nullable: true, description: 'The member that gave up volume.' })
  fromInstitution(@Root() move: AgreedVolumeReallocation, @Ctx() ctx: ProcurementContext) {
    return ctx.loaders.institutionById.load(move.fromInstitutionId);
  }

  @FieldResolver(() => Institution, { nullable: true, description: 'The member that took it over.' })
  toInstitution(@Root() move: AgreedVolumeReallocation, @Ctx() ctx: ProcurementContext) {
    return ctx.loaders.institutionById.load(move.toInstitutionId);
  }
}
