export { BiometricGrid } from "./biometric-grid";
export type { BiometricSubject } from "./biometric-grid";
