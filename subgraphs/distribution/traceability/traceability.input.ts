import { Field, ID, InputType, Int } from 'type-graphql';

@InputType({ description: 'D-06: one pack’s traceability code on a delivery line.' })
export class TraceabilityCodeInput {
  @Field(() => Int, { description: 'The order line the pack is delivered on.' })
  lineNo: number;

  @Field(() => String, { description: 'The 20-digit traceability code (追溯码) printed on the pack.' })
  code: string;

  @Field(() => String, { nullable: true, description: 'Production batch number (批号), 1–40 letters, digits or hyphens.' })
  batchNumber?: string;
}

@InputType({ description: 'D-06: the calling distributor records the traceability codes of the packs on one of its deliveries.' })
export class RecordTraceabilityCodesInput {
  @Field(() => ID, { description: 'The delivery; one of the caller’s own.' })
  deliveryId: string;

  @Field(() => [TraceabilityCodeInput], { description: 'The codes, 1–5,000, each once. A code already recorded on the same line is kept as it is.' })
  codes: TraceabilityCodeInput[];
}
