/**
 * The institutions an institution acts for, as SQL on a named parameter: itself, and when it leads a
 * county medical community (医共体牵头单位, P-06), every member of that community.
 */
export function institutionsActedForBy(param: string): string {
  return `SELECT m.id FROM procurement.institution m
           WHERE m.id = ${param}
              OR m.medical_community_id IN (SELECT c.id FROM procurement.medical_community c WHERE c.lead_institution_id = ${param})`;
}
