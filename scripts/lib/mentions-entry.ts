/** What the mentions bench runs, bundled as one module for a Chromium page (real IndexedDB). */
export { GlossDb } from '../../utils/db/database';
export { applyPending, writeMentions } from '../../utils/db/mentions-repo';
export { keyDate } from '../../utils/mentions/types';
export { entityPage, listEntities, trends } from '../../utils/db/entity-queries';
export { correctKeys } from '../../utils/db/corrections-repo';
export { recountPeriods } from '../../utils/db/periods-from-mentions';
export { listEntitiesIn } from '../../utils/db/sliced-entities';
export { rangeCounts } from '../../utils/db/slice-ranges';
export { entityWeeks } from '../../utils/db/entity-weeks';
export { keyDateRange, weekOf, weekStart } from '../../utils/mentions/types';
export { searchEntities } from '../../utils/db/name-search';
export { summaryWords } from '../../utils/search/name-words';
