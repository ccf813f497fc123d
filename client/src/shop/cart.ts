// The points-supermarket cart: pure functions over product lines, so the volunteer's shop and the
// clerk's counter share one set of rules (quantities within stock, total within the balance).

export interface CartProduct {
  id: string;
  name: string;
  pointsPrice: number;
  stock: number;
  /** What it is counted in (袋, 瓶); null: plain items. */
  unit?: string | null;
  /** Where its small photo is, if it has one. */
  photoUrl?: string | null;
}

export interface CartLine {
  product: CartProduct;
  quantity: number;
}

/** The API takes 1-99 of a line and 1-20 lines. */
export const MAX_QUANTITY = 99;
export const MAX_LINES = 20;

export type Cart = Record<string, CartLine>;

/** Sets a product's quantity, clamped to 0..min(stock, 99); 0 removes the line. */
export function setQuantity(cart: Cart, product: CartProduct, quantity: number): Cart {
  const q = Math.max(0, Math.min(Math.floor(quantity) || 0, product.stock, MAX_QUANTITY));
  const next = { ...cart };
  if (q === 0) delete next[product.id];
  else next[product.id] = { product, quantity: q };
  return next;
}

export function quantityOf(cart: Cart, productId: string): number {
  return cart[productId]?.quantity ?? 0;
}

export function lines(cart: Cart): CartLine[] {
  return Object.values(cart);
}

export function totalPoints(cart: Cart): number {
  return lines(cart).reduce((sum, l) => sum + l.product.pointsPrice * l.quantity, 0);
}

export function itemCount(cart: Cart): number {
  return lines(cart).reduce((sum, l) => sum + l.quantity, 0);
}

export type CartProblem = 'EMPTY' | 'TOO_MANY_LINES' | 'OVER_STOCK' | 'OVER_BALANCE';

/** What stops this cart from being redeemed, if anything. */
export function cartProblem(cart: Cart, balance: number): CartProblem | null {
  const ls = lines(cart);
  if (ls.length === 0) return 'EMPTY';
  if (ls.length > MAX_LINES) return 'TOO_MANY_LINES';
  if (ls.some((l) => l.quantity > l.product.stock)) return 'OVER_STOCK';
  if (totalPoints(cart) > balance) return 'OVER_BALANCE';
  return null;
}

/** Re-reads the cart against fresh stock: lines beyond the new stock shrink, sold-out ones go. */
export function refreshCart(cart: Cart, products: readonly CartProduct[]): Cart {
  let next: Cart = {};
  for (const line of lines(cart)) {
    const fresh = products.find((p) => p.id === line.product.id);
    if (fresh) next = setQuantity(next, fresh, line.quantity);
  }
  return next;
}

/** The redeem mutation's items. */
export function toRedeemItems(cart: Cart): { productId: string; quantity: number }[] {
  return lines(cart).map((l) => ({ productId: l.product.id, quantity: l.quantity }));
}
