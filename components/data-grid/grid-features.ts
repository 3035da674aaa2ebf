import {
  columnOrderingFeature,
  columnPinningFeature,
  columnResizingFeature,
  columnSizingFeature,
  columnVisibilityFeature,
  rowSortingFeature,
  tableFeatures,
  type useTable,
} from '@tanstack/react-table';
import type { ListRow } from '@/lib/tables/types';

// Column state only: rows are sorted and filtered by the server, never in the browser.
export const gridFeatures = tableFeatures({ columnVisibilityFeature, columnOrderingFeature, columnPinningFeature, columnSizingFeature, columnResizingFeature, rowSortingFeature });

export type GridTable = ReturnType<typeof useTable<typeof gridFeatures, ListRow>>;
