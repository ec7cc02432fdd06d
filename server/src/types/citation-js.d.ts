// citation-js ships no types; these are the parts Factcheck uses.
declare module '@citation-js/core' {
  export class Cite {
    constructor(data: unknown);
    format(style: 'bibliography', options: { format: 'text' | 'html'; template: string; lang: string }): string;
  }
}
declare module '@citation-js/plugin-csl';
