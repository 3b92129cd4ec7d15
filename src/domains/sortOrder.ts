/** Translates between the List's sort column and direction and the API's `sort` parameter. */
import type { DomainSort } from '../api/types';

export type SortableColumn = 'name' | 'routed' | 'state';
export type SortDirection = 'ASC' | 'DESC';

export function sortFromList(column: string, direction: SortDirection): DomainSort {
  const key: SortableColumn = column === 'routed' || column === 'state' ? column : 'name';
  return direction === 'DESC' ? `-${key}` : key;
}

export function listFromSort(
  sort: DomainSort,
): { column: SortableColumn; direction: SortDirection } {
  return sort.startsWith('-')
    ? { column: sort.slice(1) as SortableColumn, direction: 'DESC' }
    : { column: sort as SortableColumn, direction: 'ASC' };
}
