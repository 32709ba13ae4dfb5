/** The allow and disallow rules of robots.txt (RFC 9309) that apply to one user agent. */
export interface RobotsRules {
  readonly rules: ReadonlyArray<{ readonly allow: boolean; readonly pattern: string }>;
}

export const ALLOW_ALL: RobotsRules = { rules: [] };

/**
 * The rules of the group naming `agent` (a case-insensitive product token such as "relata"), or of
 * the `*` group when none does. Groups with the same agent are merged, as the RFC asks.
 */
export function parseRobots(text: string, agent: string): RobotsRules {
  const token = agent.toLowerCase();
  const groups: { agents: string[]; rules: { allow: boolean; pattern: string }[] }[] = [];
  let current: (typeof groups)[number] | undefined;
  let inAgents = false;
  for (const raw of text.split(/\r\n?|\n/)) {
    const line = raw.replace(/#.*/, "").trim();
    const match = line.match(/^([A-Za-z-]+)\s*:\s*(.*)$/);
    if (!match) continue;
    const key = (match[1] as string).toLowerCase();
    const value = (match[2] as string).trim();
    if (key === "user-agent") {
      if (!inAgents || !current) {
        current = { agents: [], rules: [] };
        groups.push(current);
      }
      current.agents.push(value.toLowerCase());
      inAgents = true;
    } else if ((key === "allow" || key === "disallow") && current) {
      inAgents = false;
      if (value) current.rules.push({ allow: key === "allow", pattern: value });
    }
  }
  const named = groups.filter((g) => g.agents.some((a) => a !== "*" && token.includes(a)));
  const chosen = named.length > 0 ? named : groups.filter((g) => g.agents.includes("*"));
  return { rules: chosen.flatMap((g) => g.rules) };
}

/** Whether a path (with its query) may be fetched: the longest matching rule wins, allow on a tie. */
export function robotsAllows(robots: RobotsRules, path: string): boolean {
  let best: { allow: boolean; length: number } | undefined;
  for (const rule of robots.rules) {
    if (!patternMatches(rule.pattern, path)) continue;
    const length = rule.pattern.length;
    if (!best || length > best.length || (length === best.length && rule.allow))
      best = { allow: rule.allow, length };
  }
  return best?.allow ?? true;
}

/** A robots.txt path pattern: a prefix, where `*` matches any run of characters and a final `$` anchors. */
function patternMatches(pattern: string, path: string): boolean {
  const anchored = pattern.endsWith("$");
  const body = (anchored ? pattern.slice(0, -1) : pattern)
    .split("*")
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
    .join(".*");
  return new RegExp(`^${body}${anchored ? "$" : ""}`).test(path);
}
