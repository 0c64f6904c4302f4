/**
 * Descriptions of the entities more than one subgraph declares. Composition keeps one description per
 * type, so every subgraph uses the same words (and the supergraph shows the owner's meaning).
 */
export const ENTITY_DESCRIPTIONS = {
  Product:
    'A catalogue product (产品), drug or consumable, as P-01 describes it; owned by procurement, extended by insurance (payment standard) and quality (inspections). Federation entity keyed by id.',
  Enterprise:
    'A manufacturer (生产企业) and/or distributor (配送企业), D-01; owned by the distribution subgraph. Federation entity keyed by id.',
  Institution: 'A medical institution (医疗机构); owned by the procurement subgraph. Federation entity keyed by id.',
  Order: 'A purchase order (采购订单) of a medical institution, P-12; owned by the procurement subgraph. Federation entity keyed by id.',
  Delivery:
    'A delivery (配送单) of an order by its distributor and the institution’s confirmation of receipt, D-03 and G-05; owned by the distribution subgraph. Federation entity keyed by id.',
  JurisdictionPolicy:
    'The policy in force in a region on a date (地区政策参数). Each subgraph contributes the DOMAIN.md section G parameters it owns, each inherited district → city → province → national default. Federation entity keyed by region code and date.',
} as const;
