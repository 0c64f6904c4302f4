import { DEMO } from '../../subgraphs/shared/demo/ids';
import { GraphQLResponse } from './graphql-client';
import { eventually } from './eventually';
import type { TestHub } from './hub';
import { tokenFor } from './tokens';

/** Guichi district hospital and Jianghuai Logistics: a pair with G-04 and G-05 in force (Guichi plan). */
export const GUICHI_HOSPITAL = { subject: 't-guichi-hospital', role: 'INSTITUTION' as const, region: '341702', org: DEMO.institutions.guichiHospital };
export const JIANGHUAI = { subject: 't-jianghuai', role: 'DISTRIBUTOR' as const, region: '340100', org: DEMO.enterprises.jianghuaiLogistics };

export function ok<T>(response: GraphQLResponse<T>): T {
  if (response.body.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(response.body.errors)}`);
  return response.body.data as T;
}

export const PLACE_ORDER = `mutation ($input: PlaceOrderInput!) { placeOrder(input: $input) { id state totalAmount lines { lineNo quantity unitPrice amount } } }`;
export const SHIP_ORDER = `mutation ($orderId: ID!) { shipOrder(input: { orderId: $orderId }) { id status order { id } } }`;
export const CONFIRM_RECEIPT = `mutation ($id: ID!, $at: DateTime!) {
  confirmReceipt(input: { deliveryId: $id, warehousedAt: $at }) { id status warehousedAt confirmationDeadline confirmedLate }
}`;

/** Places an order as the Guichi hospital, has Jianghuai ship it once distribution knows it, and returns both ids. */
export async function orderAndShip(hub: TestHub, lines: Array<{ productId: string; quantity: number; unitPrice: string }>) {
  const hospital = { token: await tokenFor(GUICHI_HOSPITAL) };
  const distributor = { token: await tokenFor(JIANGHUAI) };
  const { placeOrder } = ok(await hub.query<{ placeOrder: { id: string } }>(hospital, PLACE_ORDER, { input: { distributorId: JIANGHUAI.org, lines } }));
  const { shipOrder } = await eventually(async () => ok(await hub.query<{ shipOrder: { id: string } }>(distributor, SHIP_ORDER, { orderId: placeOrder.id })));
  return { orderId: placeOrder.id, deliveryId: shipOrder.id, hospital, distributor };
}
