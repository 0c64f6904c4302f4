import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { ENTITY_DESCRIPTIONS } from '../../shared/graphql/entity-descriptions';

/** Drug (药品) or medical consumable (医用耗材). */
export enum ProductKind {
  DRUG = 'DRUG',
  CONSUMABLE = 'CONSUMABLE',
}
registerEnumType(ProductKind, {
  name: 'ProductKind',
  description: 'Whether a product is a drug (药品) or a medical consumable (医用耗材).',
  valuesConfig: {
    DRUG: { description: 'A drug (药品), identified by generic name, dosage form, strength and manufacturer.' },
    CONSUMABLE: { description: 'A medical consumable (医用耗材), identified by category, function group, specification and manufacturer.' },
  },
});

/** P-01: a catalogue product, the thing every other department's data is about. */
@Entity({ name: 'product' })
@ObjectType({ description: ENTITY_DESCRIPTIONS.Product })
@Directive('@key(fields: "id")')
export class Product {
  @PrimaryColumn('uuid')
  @Field(() => ID, { description: 'Product id.' })
  id: string;

  @Column({ type: 'text' })
  @Field(() => ProductKind, { description: 'Drug or consumable.' })
  kind: ProductKind;

  @Column({ type: 'text' })
  @Field(() => String, { description: 'Product name as registered (产品名称).' })
  name: string;

  @Column({ name: 'generic_name', type: 'text' })
  @Field(() => String, { description: 'Generic name (通用名) of a drug, or the product name class of a consumable.' })
  genericName: string;

  @Column({ name: 'dosage_form', type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Dosage form (剂型) of a drug, e.g. 片剂; null for consumables.' })
  dosageForm: string | null;

  @Column({ type: 'text' })
  @Field(() => String, { description: 'Strength or specification (规格), e.g. 20mg.' })
  specification: string;

  @Column({ type: 'text' })
  @Field(() => String, { description: 'Pack (包装), e.g. 7片/盒.' })
  pack: string;

  @Column({ name: 'manufacturer_id', type: 'uuid' })
  manufacturerId: string;

  @Column({ name: 'nhsa_code', type: 'text' })
  @Field(() => String, { description: 'National Healthcare Security Administration code (医保药品/耗材编码).' })
  nhsaCode: string;

  @Column({ name: 'is_originator', type: 'boolean' })
  @Field(() => Boolean, { description: 'Originator drug (原研药).' })
  isOriginator: boolean;

  @Column({ name: 'is_reference_drug', type: 'boolean' })
  @Field(() => Boolean, { description: 'Reference listed drug (参比制剂).' })
  isReferenceDrug: boolean;

  @Column({ name: 'passed_consistency_evaluation', type: 'boolean' })
  @Field(() => Boolean, { description: 'Generic that passed the quality and efficacy consistency evaluation (通过一致性评价).' })
  passedConsistencyEvaluation: boolean;

  @Column({ name: 'consumable_category', type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Consumable category (耗材分类); null for drugs.' })
  consumableCategory: string | null;

  @Column({ name: 'function_group', type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Consumable function group (功能类别), the unit I-04 compares prices in; null for drugs.' })
  functionGroup: string | null;
}
