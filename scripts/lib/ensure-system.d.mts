export function ensureSystemPackages(): void;
export function debianKubectl(): string;
