/** The workbench's production build into packages/web/dist. */
export function buildWorkbench(): Promise<unknown>;
