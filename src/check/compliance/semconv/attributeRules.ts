import type { AttributeValue, Span } from '../../../model/Span.ts';
import type { ConventionRule, ConventionSignal, SpanRole, StabilityMode } from './ConventionRule.ts';

/** The type of an attribute as the conventions give it. */
export type AttributeType = 'string' | 'int' | 'boolean' | 'string[]';

/**
 * An attribute a role's spans must have (or must have when `when` holds), with its type: one row of a signal's
 * attribute table.
 */
export interface AttributeRequirement {
  readonly role: SpanRole;
  readonly key: string;
  readonly type: AttributeType;
  /** Conditionally required: the condition, as a test and in words. */
  readonly when?: { readonly test: (span: Span) => boolean; readonly says: string };
  readonly section: string;
}

/** Rules from a table of required attributes: present (when the condition holds) and of the right type. */
export function attributeRules(
  signal: ConventionSignal,
  modes: readonly StabilityMode[],
  requirements: readonly AttributeRequirement[],
): ConventionRule[] {
  return requirements.flatMap((requirement): ConventionRule[] => {
    const { key, type, when, role, section } = requirement;
    return [
      {
        id: `${role}:${key}`,
        signal,
        role,
        modes,
        says: `${role} spans have ${key} (${type})${when ? ` ${when.says}` : ''}`,
        section,
        problem: (span) => {
          const value = span.attributes[key];
          if (value === undefined) {
            return when === undefined || when.test(span)
              ? `${key} is missing${when ? ` (${when.says})` : ''}`
              : undefined;
          }
          return hasType(value, type) ? undefined : `${key} is ${describe(value)}, not ${article(type)}`;
        },
      },
    ];
  });
}

function hasType(value: AttributeValue, type: AttributeType): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'int':
      return typeof value === 'number' && Number.isInteger(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'string[]':
      return Array.isArray(value) && value.every((item) => typeof item === 'string');
  }
}

function describe(value: AttributeValue): string {
  if (Array.isArray(value)) return `an array ${JSON.stringify(value)}`;
  if (typeof value === 'number') return Number.isInteger(value) ? `the int ${value}` : `the double ${value}`;
  return `the ${typeof value} ${JSON.stringify(value)}`;
}

function article(type: AttributeType): string {
  return type === 'int' ? 'an int' : type === 'string[]' ? 'a string array' : `a ${type}`;
}
