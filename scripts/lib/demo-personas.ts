import { Department, Identity, Role } from '../../subgraphs/shared/auth/identity';
import { DEMO } from '../../subgraphs/shared/demo/ids';

/** Who to act as in the demo: a regulator of each department, a hospital, a manufacturer, a distributor. */
export const DEMO_PERSONAS: Record<string, { description: string; identity: Identity }> = {
  'insurance-regulator': {
    description: 'Guangdong medical insurance bureau (广东省医疗保障局), region 440000',
    identity: { subject: 'demo-gd-insurance', role: Role.REGULATOR, department: Department.MEDICAL_INSURANCE, region: '440000' },
  },
  'health-regulator': {
    description: 'Shaoguan health commission (韶关市卫生健康局), region 440200',
    identity: { subject: 'demo-sg-health', role: Role.REGULATOR, department: Department.HEALTH_COMMISSION, region: '440200' },
  },
  'market-regulator': {
    description: 'Guangdong drug/market regulation (广东省药品监督管理局), region 440000',
    identity: { subject: 'demo-gd-market', role: Role.REGULATOR, department: Department.MARKET_REGULATION, region: '440000' },
  },
  'industry-regulator': {
    description: 'Shanxi industry and IT department (山西省工业和信息化厅), region 140000',
    identity: { subject: 'demo-sx-industry', role: Role.REGULATOR, department: Department.INDUSTRY, region: '140000' },
  },
  'commerce-regulator': {
    description: 'Chongqing commerce commission (重庆市商务委员会), region 500000',
    identity: { subject: 'demo-cq-commerce', role: Role.REGULATOR, department: Department.COMMERCE, region: '500000' },
  },
  'finance-regulator': {
    description: 'Guichi district finance bureau (贵池区财政局), region 341702',
    identity: { subject: 'demo-gc-finance', role: Role.REGULATOR, department: Department.FINANCE, region: '341702' },
  },
  hospital: {
    description: 'A Shaoguan district hospital (韶关市武江区人民医院, demo), region 440203',
    identity: { subject: 'demo-sg-hospital', role: Role.INSTITUTION, region: '440203', org: DEMO.institutions.shaoguanHospital },
  },
  manufacturer: {
    description: 'Lingnan Pharmaceutical (岭南制药, demo manufacturer), region 440100',
    identity: { subject: 'demo-lingnan', role: Role.MANUFACTURER, region: '440100', org: DEMO.enterprises.lingnanPharma },
  },
  distributor: {
    description: 'Yuebei Pharma Distribution (粤北医药配送, demo distributor), region 440200',
    identity: { subject: 'demo-yuebei', role: Role.DISTRIBUTOR, region: '440200', org: DEMO.enterprises.yuebeiDistribution },
  },
};
