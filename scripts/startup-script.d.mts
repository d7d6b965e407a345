// Types for the build's start-up file helpers, so tests in TypeScript can use them.

export declare function asAscii(text: string): string;
export declare function asStartupScript(text: string): string;
