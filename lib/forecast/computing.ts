/** What a forecast still being computed is computed from, for the page to say so. */
export interface ComputingWhat {
  planStart: string;
  horizonDays: number;
  items: number;
  recipes: number;
  openLines: number;
  scenario: string | null;
}
