import { Column, Entity, PrimaryColumn } from 'typeorm';
import { ENTITY_DESCRIPTIONS } from '../../shared/graphql/entity-descriptions';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';

/** The kinds of medical institution DOMAIN.md names; private ones take part voluntarily. */
export enum InstitutionType {
  HOSPITAL = 'HOSPITAL',
  TOWNSHIP_HEALTH_CENTRE = 'TOWNSHIP_HEALTH_CENTRE',
  VILLAGE_CLINIC = 'VILLAGE_CLINIC',
  MILITARY_HOSPITAL = 'MILITARY_HOSPITAL',
  PRIVATE = 'PRIVATE',
}
registerEnumType(InstitutionType, {
  name: 'InstitutionType',
  description: 'Kind of medical institution (医疗机构类型).',
  valuesConfig: {
    HOSPITAL: { description: 'Public hospital (公立医院).' },
    TOWNSHIP_HEALTH_CENTRE: { description: 'Township health centre (乡镇卫生院).' },
    VILLAGE_CLINIC: { description: 'Village clinic (村卫生室).' },
    MILITARY_HOSPITAL: { description: 'Military hospital (军队医疗机构).' },
    PRIVATE: { description: 'Private institution taking part voluntarily (民营医疗机构).' },
  },
});

/** A medical institution that commits to agreed volumes, orders, receives and pays. */
@Entity({ name: 'institution' })
@ObjectType({ description: ENTITY_DESCRIPTIONS.Institution })
@Directive('@key(fields: "id")')
export class Institution {
  @PrimaryColumn('uuid')
  @Field(() => ID, { description: 'Institution id.' })
  id: string;

  @Column({ type: 'text' })
  @Field(() => String, { description: 'Registered name (机构名称).' })
  name: string;

  @Column({ type: 'text' })
  @Field(() => InstitutionType, { description: 'Kind of institution.' })
  type: InstitutionType;

  @Column({ name: 'region_code', type: 'text' })
  @Field(() => String, { description: 'GB/T 2260 code of the district or county where it stands (行政区划代码).' })
  regionCode: string;

  @Column({ name: 'medical_community_id', type: 'uuid', nullable: true })
  medicalCommunityId: string | null;
}
