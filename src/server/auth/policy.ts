// Declarative, deny-by-default policies: one per resource, each action a rule.
import type { Principal } from "./principal";
import { AppError } from "../lib/errors";

export type Rule<R> = (p: Principal, resource: R) => boolean;

export type Policy<A extends string, R> = {
  readonly name: string;
  can(p: Principal | null | undefined, action: A, resource: R): boolean;
  /** Throws `forbidden` when the action is not allowed at all for this principal. */
  authorize(p: Principal | null | undefined, action: A, resource: R): Principal;
};

export function definePolicy<A extends string, R = undefined>(name: string, rules: Record<A, Rule<R>>): Policy<A, R> {
  const can = (p: Principal | null | undefined, action: A, resource: R): boolean => {
    if (!p) return false;
    const rule = Object.hasOwn(rules, action) ? rules[action] : undefined;
    return rule ? rule(p, resource) === true : false;
  };
  return {
    name,
    can,
    authorize(p, action, resource) {
      if (!p) throw new AppError("unauthenticated");
      if (!can(p, action, resource)) throw new AppError("forbidden");
      return p;
    },
  };
}
