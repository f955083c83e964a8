export interface Layer { readonly name: string; readonly mayImport: readonly string[] }
export declare const LAYERS: readonly Layer[];
export declare const PURE_LAYERS: readonly string[];
