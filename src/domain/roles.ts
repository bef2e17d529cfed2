import { distance } from "fastest-levenshtein";
import { ROLES, type Role, type RoleSlug } from "../data/roles.js";
import { ValidationError } from "./errors.js";

export type { Role, RoleSlug };

/** Lower case with spaces, hyphens and punctuation removed: "Children's" and "childrens" match. */
const normalize = (input: string): string => input.toLowerCase().replace(/[^a-z0-9]/g, "");

const namesOf = (role: Role): string[] => [role.slug, role.name, ...role.aliases].map(normalize);

const byName = new Map<string, Role>();
for (const role of ROLES) for (const name of namesOf(role)) byName.set(name, role);

export const allRoles = (): readonly Role[] => ROLES;

export const isRoleSlug = (value: string): value is RoleSlug => ROLES.some((role) => role.slug === value);

export function getRole(slug: RoleSlug): Role {
  const role = ROLES.find((each) => each.slug === slug);
  if (!role) throw new Error(`Unknown role slug ${slug}`);
  return role;
}

/** The role someone typed or picked, or a ValidationError (a UserError) naming the closest ones. */
export function resolveRole(input: string): Role {
  const query = normalize(input);
  const role = byName.get(query) ?? onlyRoleStartingWith(query);
  if (role) return role;
  const shown = input.length > 50 ? `${input.slice(0, 49)}…` : input;
  const suggestions = suggestRoles(input, 3)
    .map((candidate) => `${candidate.name} (${candidate.slug})`)
    .join(", ");
  throw new ValidationError(
    "role",
    `I don't know the role "${shown}". Did you mean ${suggestions}? Pick one from the list as you type.`,
  );
}

/** The one role with a name or alias starting with what was typed ("catal"), if only one has. */
function onlyRoleStartingWith(query: string): Role | undefined {
  if (query.length < 3) return undefined;
  const matches = ROLES.filter((role) => namesOf(role).some((name) => name.startsWith(query)));
  return matches.length === 1 ? matches[0] : undefined;
}

/**
 * Roles ranked by how well they match what someone typed: prefix matches of a name or alias first,
 * then substring matches, then by edit distance. Used by autocomplete and for "did you mean".
 */
export function suggestRoles(input: string, limit = 3): Role[] {
  const query = normalize(input);
  if (!query) return ROLES.slice(0, limit);
  const scored = ROLES.map((role) => {
    const best = Math.min(
      ...namesOf(role).map((name) => {
        if (name.startsWith(query)) return name === query ? 0 : 1;
        if (name.includes(query)) return 2;
        return 3 + distance(query, name.slice(0, Math.max(query.length, 3)));
      }),
    );
    return { role, best };
  });
  return scored
    .sort((a, b) => a.best - b.best)
    .slice(0, limit)
    .map(({ role }) => role);
}
