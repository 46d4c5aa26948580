/** What the recognizer finds: typed spans over the text model's string. */

export type EntityType = 'PERSON' | 'ORG' | 'PLACE' | 'DATE' | 'TERM';

export const ENTITY_TYPES: readonly EntityType[] = ['PERSON', 'ORG', 'PLACE', 'DATE', 'TERM'];

/** What the reader sees a type called (the page panel, the popup's settings). */
export const ENTITY_TYPE_LABELS: Readonly<Record<EntityType, string>> = {
  PERSON: 'People',
  ORG: 'Organizations',
  PLACE: 'Places',
  DATE: 'Dates',
  TERM: 'Policy terms',
};

/** What one entity of a type is called (a row of the library's table, an entity's page). */
export const ENTITY_TYPE_SINGULAR: Readonly<Record<EntityType, string>> = {
  PERSON: 'Person',
  ORG: 'Organization',
  PLACE: 'Place',
  DATE: 'Date',
  TERM: 'Policy term',
};

export interface EntitySpan {
  /** Offsets into the text: [start, end). */
  start: number;
  end: number;
  type: EntityType;
  /**
   * What the mention refers to, so every mention of one entity groups together: "Kim Jong-un",
   * "Kim Jong Un" and a later "Kim" share one key; so do "U.S." and "United States".
   */
  key: string;
  /** For TERM: the id of the term list that matched. */
  list?: string;
}
