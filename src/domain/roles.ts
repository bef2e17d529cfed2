import { ROLES, type Role, type RoleSlug } from "../data/roles.js";
import { namedList } from "./named-list.js";

export type { Role, RoleSlug };

const roles = namedList(ROLES, "role");

export const allRoles = (): readonly Role[] => ROLES;
export const isRoleSlug = (value: string): value is RoleSlug => roles.is(value);
export const getRole = (slug: RoleSlug): Role => roles.get(slug);
/** The role someone typed or picked ("catal" is enough), or a ValidationError naming the closest ones. */
export const resolveRole = (input: string): Role => roles.resolve(input);
/** Roles ranked by how well they match what someone typed, for autocomplete and "did you mean". */
export const suggestRoles = (input: string, limit = 3): Role[] => roles.suggest(input, limit);
