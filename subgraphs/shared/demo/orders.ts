import { decimalText, Money } from '../graphql/scalars';
import { DEMO, demoId } from './ids';

/**
 * The demo order book, shared by the three subgraphs that each keep their part of it (procurement the
 * orders, distribution the deliveries, insurance the payables). Dates are relative to the day the demo
 * is loaded, so there is always a paid, an overdue and a due payable, a delivery awaiting confirmation
 * and an order awaiting shipment.
 */
export interface DemoOrder {
  id: string;
  deliveryId: string | null;
  settlementId: string | null;
  institutionId: string;
  regionCode: string;
  distributorId: string;
  lines: Array<{ productId: string; manufacturerId: string; name: string; specification: string; dosageForm: string | null; pack: string; quantity: number; unitPrice: string }>;
  placedDaysAgo: number;
  shippedDaysAgo: number | null;
  acceptedDaysAgo: number | null;
  paidDaysAgo: number | null;
}

const P = DEMO.products;
const E = DEMO.enterprises;
const I = DEMO.institutions;

const atorvastatin = { productId: P.atorvastatinLingnan, manufacturerId: E.lingnanPharma, name: '阿托伐他汀钙片', specification: '20mg', dosageForm: '片剂', pack: '7片/盒' };
const amlodipine = { productId: P.amlodipineHuayue, manufacturerId: E.huayuePharma, name: '苯磺酸氨氯地平片', specification: '5mg', dosageForm: '片剂', pack: '28片/盒' };
const metformin = { productId: P.metforminJintong, manufacturerId: E.jintongPharma, name: '盐酸二甲双胍片', specification: '0.5g', dosageForm: '片剂', pack: '48片/盒' };

function order(name: string, rest: Omit<DemoOrder, 'id' | 'deliveryId' | 'settlementId'>): DemoOrder {
  return {
    id: demoId('order', name),
    deliveryId: rest.shippedDaysAgo === null ? null : demoId('delivery', name),
    settlementId: rest.acceptedDaysAgo === null ? null : demoId('settlement', name),
    ...rest,
  };
}

const shaoguan = { institutionId: I.shaoguanHospital, regionCode: '440203', distributorId: E.yuebeiDistribution };

export const DEMO_ORDERS: DemoOrder[] = [
  order('sg-paid', { ...shaoguan, lines: [{ ...atorvastatin, quantity: 1400, unitPrice: '0.1200' }, { ...amlodipine, quantity: 560, unitPrice: '0.0580' }], placedDaysAgo: 64, shippedDaysAgo: 63, acceptedDaysAgo: 62, paidDaysAgo: 40 }),
  order('sg-overdue', { ...shaoguan, lines: [{ ...atorvastatin, quantity: 2100, unitPrice: '0.1200' }], placedDaysAgo: 48, shippedDaysAgo: 47, acceptedDaysAgo: 45, paidDaysAgo: null }),
  order('sg-due', { ...shaoguan, lines: [{ ...amlodipine, quantity: 840, unitPrice: '0.0560' }], placedDaysAgo: 8, shippedDaysAgo: 7, acceptedDaysAgo: 5, paidDaysAgo: null }),
  order('sg-shipped', { ...shaoguan, lines: [{ ...atorvastatin, quantity: 700, unitPrice: '0.1200' }], placedDaysAgo: 2, shippedDaysAgo: 1, acceptedDaysAgo: null, paidDaysAgo: null }),
  order('sg-placed', { ...shaoguan, lines: [{ ...amlodipine, quantity: 280, unitPrice: '0.0580' }], placedDaysAgo: 0, shippedDaysAgo: null, acceptedDaysAgo: null, paidDaysAgo: null }),
  // D-04: placed days ago and still not shipped, past Guangdong's delivery time limit: an overdue warning.
  order('sg-late', { ...shaoguan, lines: [{ ...amlodipine, quantity: 560, unitPrice: '0.0580' }], placedDaysAgo: 4, shippedDaysAgo: null, acceptedDaysAgo: null, paidDaysAgo: null }),
  order('lvliang-due', { institutionId: I.lvliangHospital, regionCode: '141102', distributorId: E.jintongPharma, lines: [{ ...metformin, quantity: 960, unitPrice: '0.0950' }], placedDaysAgo: 12, shippedDaysAgo: 11, acceptedDaysAgo: 10, paidDaysAgo: null }),
];

/** A day `days` before `now`, as YYYY-MM-DD in China. */
export function daysAgo(days: number, now = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000 - days * 86_400_000).toISOString().slice(0, 10);
}

/** Noon China time `days` before `now`, as an instant. */
export function noonDaysAgo(days: number, now = new Date()): string {
  return new Date(`${daysAgo(days, now)}T12:00:00+08:00`).toISOString();
}

/** Line amounts and the order total, exactly. */
export function priced(o: DemoOrder) {
  const lines = o.lines.map((l, i) => ({ ...l, lineNo: i + 1, amount: decimalText(new Money(l.unitPrice).times(l.quantity)) }));
  return { lines, total: decimalText(lines.reduce((sum, l) => sum.plus(l.amount), new Money(0))) };
}
