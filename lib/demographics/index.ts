export { buildDemographics, demographicsFromRawIdentity } from "./demographics-view";
export type { DemographicField, DemographicsOptions, DemographicsView, DemographicValue, ReferenceField } from "./demographics-view";
export { compareDemographics, comparableText } from "./compare";
export type { FieldComparison, LanguageComparison, MatchStatus } from "./compare";
export { humaniseKey, indexSchema } from "./labels";
export { htmlLang, isRtlLanguage, textDirection } from "./text-direction";
export type { TextDirection } from "./text-direction";
