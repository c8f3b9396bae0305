export { alignGrids, buildBiometricGrid, GRID_SLOTS, slotLabel, slotModality, slotOf } from "./biometric-grid";
export type { AlignedRow, BiometricGrid, CellState, GridCell, GridExtra, GridModality, GridOptions, GridSlot } from "./biometric-grid";
