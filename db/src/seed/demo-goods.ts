// The demo village's supermarket shelf: goods, their prices in points and their stock. Seeded by demo.seed.ts.

export const GOODS: { name: string; pointsPrice: number; stock: number }[] = [
  { name: '大米（5公斤）', pointsPrice: 100, stock: 20 },
  { name: '食用油（1.8升）', pointsPrice: 80, stock: 15 },
  { name: '鸡蛋（一盒10个）', pointsPrice: 40, stock: 30 },
  { name: '洗衣粉（1公斤）', pointsPrice: 30, stock: 25 },
  { name: '毛巾', pointsPrice: 15, stock: 50 },
  { name: '老花镜', pointsPrice: 60, stock: 8 },
];
