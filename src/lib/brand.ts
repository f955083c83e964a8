/** A nominal type: a number or string that cannot be mixed up with another of the same shape. */
declare const brand: unique symbol;
export type Brand<T, B extends string> = T & { readonly [brand]: B };
