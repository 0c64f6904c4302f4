/**
 * The policy documents behind the demo policies (shared/seeds), with the region each binds and the day
 * it took effect. Every subgraph's demo data cites these, so one document reads the same everywhere.
 */
export const POLICY_DOCUMENTS = {
  national: {
    regionCode: '000000',
    effectiveFrom: '2019-01-01',
    effectiveTo: null,
    document: '国务院办公厅《国家组织药品集中采购和使用试点方案》(国办发〔2019〕2号), national default',
  },
  chongqing: {
    regionCode: '500000',
    effectiveFrom: '2019-03-08',
    effectiveTo: null,
    document: '重庆市人民政府办公厅 渝府办发〔2019〕29号 (Chongqing plan)',
  },
  shaoguan: {
    regionCode: '440200',
    effectiveFrom: '2019-12-24',
    effectiveTo: null,
    document: '韶关市医疗保障局等七部门 韶医保〔2019〕96号 (Shaoguan plan)',
  },
  guichi: {
    regionCode: '341702',
    effectiveFrom: '2021-04-28',
    effectiveTo: null,
    document: '池州市贵池区人民政府办公室 贵政办〔2021〕19号 (Guichi plan)',
  },
  shanxi: {
    regionCode: '140000',
    effectiveFrom: '2021-12-17',
    effectiveTo: null,
    document: '山西省医疗保障局等四部门 晋医保发〔2021〕22号 (Shanxi notice)',
  },
  lvliang: {
    regionCode: '141100',
    effectiveFrom: '2022-01-11',
    effectiveTo: null,
    document: '吕梁市医疗保障局等四部门 吕医保发〔2022〕5号, forwarding 晋医保发〔2021〕22号 (Lüliang)',
  },
  guangdong2025: {
    regionCode: '440000',
    effectiveFrom: '2025-12-01',
    effectiveTo: '2030-11-30',
    document: '广东省医疗保障局《关于进一步完善药品和医用耗材采购工作的指导意见》, in force 2025-12-01 for 5 years (Guangdong 2025)',
  },
} as const;

export type PolicyDocument = (typeof POLICY_DOCUMENTS)[keyof typeof POLICY_DOCUMENTS];

/** The identifying columns of a jurisdiction_policy row for `doc`. */
export function policyRowHead(doc: PolicyDocument) {
  return { region_code: doc.regionCode, effective_from: doc.effectiveFrom, effective_to: doc.effectiveTo, document: doc.document };
}
