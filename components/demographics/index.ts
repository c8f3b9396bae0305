export { DemographicsTable } from "./demographics-table";
export type { DemographicsSubject } from "./demographics-table";
