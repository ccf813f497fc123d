// Cart totals and limits: stock, the 99-per-line cap, the balance.
import { describe, expect, it } from 'vitest';
import {
  cartProblem,
  itemCount,
  quantityOf,
  refreshCart,
  setQuantity,
  toRedeemItems,
  totalPoints,
  type Cart,
} from './cart';

const rice = { id: 'prod_1', name: '大米（5公斤）', pointsPrice: 120, stock: 3 };
const oil = { id: 'prod_2', name: '食用油', pointsPrice: 80, stock: 200 };
const soap = { id: 'prod_3', name: '肥皂', pointsPrice: 5, stock: 0 };

describe('cart', () => {
  it('adds up totals and counts', () => {
    let cart: Cart = {};
    cart = setQuantity(cart, rice, 2);
    cart = setQuantity(cart, oil, 1);
    expect(totalPoints(cart)).toBe(320);
    expect(itemCount(cart)).toBe(3);
    expect(toRedeemItems(cart)).toEqual([
      { productId: 'prod_1', quantity: 2 },
      { productId: 'prod_2', quantity: 1 },
    ]);
  });
  it('clamps quantities to stock and to 99, and removes at zero', () => {
    let cart = setQuantity({}, rice, 10);
    expect(quantityOf(cart, 'prod_1')).toBe(3);
    cart = setQuantity(cart, oil, 150);
    expect(quantityOf(cart, 'prod_2')).toBe(99);
    cart = setQuantity(cart, rice, 0);
    expect(quantityOf(cart, 'prod_1')).toBe(0);
    expect(setQuantity({}, soap, 1)).toEqual({});
    expect(setQuantity({}, oil, Number.NaN)).toEqual({});
  });
  it('says what stops a redemption', () => {
    expect(cartProblem({}, 1000)).toBe('EMPTY');
    const cart = setQuantity({}, rice, 2);
    expect(cartProblem(cart, 239)).toBe('OVER_BALANCE');
    expect(cartProblem(cart, 240)).toBeNull();
  });
  it('shrinks lines when fresh stock is lower', () => {
    const cart = setQuantity(setQuantity({}, rice, 3), oil, 2);
    const fresh = refreshCart(cart, [{ ...rice, stock: 1 }]);
    expect(quantityOf(fresh, 'prod_1')).toBe(1);
    expect(quantityOf(fresh, 'prod_2')).toBe(0);
    expect(cartProblem({ prod_1: { product: { ...rice, stock: 1 }, quantity: 2 } }, 1000)).toBe('OVER_STOCK');
  });
});
