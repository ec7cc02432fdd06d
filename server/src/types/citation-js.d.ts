// citation-js ships no types; these are the parts Factcheck uses.
declare module '@citation-js/core' {
  export class Cite {
    constructor(data: unknown);
    format(style: 'bibliography', options: { format: 'text' | 'html'; template: string; lang: string }): string;
  }
  export const plugins: {
    input: {
      /** Parses `data` through the registered input formats, down to CSL-JSON (or to `target`). */
      chain(data: unknown, options: { generateGraph?: boolean; forceType?: string; target?: string }): unknown;
      util: {
        /** citation-js's clean-up of CSL-JSON items: corrects types and dates, drops values it cannot read. */
        clean(items: readonly unknown[]): Array<Record<string, unknown>>;
      };
    };
  };
}
declare module '@citation-js/plugin-csl';
declare module '@citation-js/plugin-bibtex';
