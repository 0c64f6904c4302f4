import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** A row of `procurement.medical_community`. */
export interface MedicalCommunityRow {
  id: string;
  name: string;
  region_code: string;
  lead_institution_id: string;
}

/** P-06: a county medical community (医共体) whose lead unit may reallocate agreed volume between its members. */
@ObjectType({ description: 'A county medical community (县域医共体), P-06: a lead unit (牵头单位) and its member institutions, which may reallocate agreed volume among themselves. Federation entity keyed by id.' })
@Directive('@key(fields: "id")')
export class MedicalCommunity {
  @Field(() => ID, { description: 'Medical community id.' })
  id: string;

  @Field(() => String, { description: 'Name (医共体名称).' })
  name: string;

  @Field(() => String, { description: 'GB/T 2260 code of the county or district it serves.' })
  regionCode: string;

  leadInstitutionId: string;
}

export function medicalCommunityFromRow(row: MedicalCommunityRow): MedicalCommunity {
  return Object.assign(new MedicalCommunity(), { id: row.id, name: row.name, regionCode: row.region_code, leadInstitutionId: row.lead_institution_id });
}
