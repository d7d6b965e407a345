/**
 * Whether the terminal shows OSC 8 hyperlinks, decided as the supports-hyperlinks package
 * does: FORCE_HYPERLINK says yes or no outright; otherwise only a terminal (not a pipe, not
 * CI) that is known to: Windows Terminal, iTerm2 3.1+, WezTerm, VS Code 1.72+, Ghostty, kitty,
 * alacritty, foot, Konsole, DomTerm, and VTE 0.50.1+ (GNOME Terminal, Tilix…).
 */
export function supportsHyperlinks(env: NodeJS.ProcessEnv, isTTY: boolean): boolean {
  if (env.FORCE_HYPERLINK !== undefined) return !(env.FORCE_HYPERLINK.length > 0 && Number.parseInt(env.FORCE_HYPERLINK, 10) === 0);
  if (!isTTY || env.CI !== undefined || env.TERM === 'dumb') return false;
  if (env.WT_SESSION) return true;
  const program = env.TERM_PROGRAM;
  const version = versionOf(env.TERM_PROGRAM_VERSION);
  if (program === 'iTerm.app') return atLeast(version, [3, 1]);
  if (program === 'WezTerm' || program === 'ghostty') return true;
  if (program === 'vscode') return atLeast(version, [1, 72]);
  if (env.VTE_VERSION) {
    // 0.50.0 crashed on OSC 8 (VTE_VERSION 5000); 0.50.1 is 5001.
    const vte = Number(env.VTE_VERSION);
    return Number.isFinite(vte) && vte >= 5001;
  }
  const term = env.TERM ?? '';
  if (term === 'xterm-kitty' || term === 'alacritty' || term.startsWith('foot') || term === 'xterm-ghostty') return true;
  return env.KONSOLE_VERSION !== undefined || env.DOMTERM !== undefined;
}

function versionOf(text: string | undefined): number[] {
  return (text ?? '').split('.').map((part) => Number.parseInt(part, 10) || 0);
}

function atLeast(version: number[], wanted: number[]): boolean {
  for (let i = 0; i < wanted.length; i++) {
    const have = version[i] ?? 0;
    if (have !== wanted[i]) return have > wanted[i]!;
  }
  return true;
}
