/**
 * The practice ERP's goods: a few hundred goods with specs, realistic names and EAN-13 barcodes (some specs
 * with several, some with none), a handful of suites (组合装), a few deleted specs, and every spec code the
 * vendor examples, the app's document examples and its end-to-end tests use, so the 练习环境 shows a name
 * beside each. Deterministic: the same `now` gives the same data.
 */
import { practiceDirectory } from './directory';
import { ean13, seededRandom, type Random } from './ean';
import type { MasterData, MdGoods, MdSpec, MdSuite } from './types';

const DAY = 86_400_000;
const YEARS = 3;

interface Family {
  readonly code: string;
  readonly className: string;
  readonly unit: string;
  readonly products: readonly string[];
  /** Spec names to choose from. */
  readonly variants: readonly string[];
  readonly brands: readonly string[];
  readonly price: readonly [number, number];
}

const FAMILIES: readonly Family[] = [
  {
    code: 'YL',
    className: '饮料',
    unit: '瓶',
    products: ['矿泉水', '无糖乌龙茶', '柠檬茶', '椰子水', '橙汁', '苏打水', '冰红茶', '燕麦奶'],
    variants: ['330ml', '500ml', '550ml', '1.5L', '330ml*24瓶', '500ml*12瓶'],
    brands: ['农夫山泉', '康师傅', '统一', '元气森林', '怡宝'],
    price: [2, 80],
  },
  {
    code: 'SP',
    className: '休闲食品',
    unit: '袋',
    products: ['原味薯片', '每日坚果', '牛肉干', '海苔脆', '芒果干', '夏威夷果', '苏打饼干', '肉松饼'],
    variants: ['70g', '150g', '250g', '500g', '家庭装1kg', '礼盒装'],
    brands: ['三只松鼠', '良品铺子', '百草味', '来伊份'],
    price: [5, 120],
  },
  {
    code: 'RY',
    className: '日用百货',
    unit: '件',
    products: ['抽纸', '洗衣凝珠', '厨房湿巾', '保鲜袋', '垃圾袋', '牙膏', '洗手液', '衣架'],
    variants: ['单包', '3包装', '6包装', '12包装', '大号', '中号', '小号'],
    brands: ['心相印', '蓝月亮', '维达', '妙洁', '云南白药'],
    price: [3, 90],
  },
  {
    code: 'FZ',
    className: '服装',
    unit: '件',
    products: ['纯棉短袖T恤', '修身牛仔裤', '连帽卫衣', '轻薄羽绒服', '运动短裤', '针织开衫', '衬衫'],
    variants: ['白色 S', '白色 M', '白色 L', '黑色 M', '黑色 L', '黑色 XL', '灰色 L', '藏青 XL'],
    brands: ['优衣库', '森马', '海澜之家', '李宁'],
    price: [39, 599],
  },
  {
    code: 'SM',
    className: '数码配件',
    unit: '个',
    products: ['快充数据线', '无线蓝牙耳机', '充电宝', '手机壳', '钢化膜', '车载支架', '氮化镓充电器'],
    variants: ['1米', '2米', '白色', '黑色', '10000mAh', '20000mAh', '65W'],
    brands: ['小米', '绿联', '倍思', '安克'],
    price: [9, 399],
  },
  {
    code: 'MY',
    className: '母婴用品',
    unit: '包',
    products: ['纸尿裤', '婴儿湿巾', '奶瓶', '儿童牙刷', '宝宝洗发沐浴露'],
    variants: ['S码', 'M码', 'L码', 'XL码', '80抽', '240ml'],
    brands: ['帮宝适', '好奇', '贝亲', '全棉时代'],
    price: [15, 260],
  },
];

/** Example goods: [goods_no, goods_name, class, brand, [spec_no, spec_name, barcodes]...]. */
type ExampleSpec = readonly [specNo: string, specName: string, barcodes: readonly string[] | 'ean' | 'none'];
const EXAMPLES: readonly (readonly [string, string, string, string, readonly ExampleSpec[]])[] = [
  [
    'DFAQT1',
    '防护安全帽',
    '劳保用品',
    '代尔塔',
    [
      ['DFAQT101', 'ABS 白色', 'ean'],
      ['DFAQT102', 'ABS 红色', 'ean'],
      ['DFAQT103', 'ABS 黄色', 'ean'],
      ['DFAQT104', 'ABS 蓝色', 'ean'],
      ['DFAQT105', '玻璃钢 白色', 'none'],
    ],
  ],
  [
    'DFAQT1SN',
    '手持无线扫码枪',
    '数码配件',
    '新大陆',
    [
      ['DFAQT106', '一维码款', 'ean'],
      ['DFAQT107', '二维码款', 'ean'],
      ['DFAQT108', '二维码带底座', 'ean'],
      ['DFAQT109', '工业级', 'ean'],
      ['DFAQT110', '蓝牙款', 'ean'],
    ],
  ],
  ['DFAQT2', '防割手套', '劳保用品', '代尔塔', [['DFAQT201', 'L码 10双装', 'ean']]],
  ['DFAQT3', '反光背心', '劳保用品', '代尔塔', [['DFAQT301', '荧光黄 均码', 'ean']]],
  ['DFAQT9', '一次性医用口罩', '劳保用品', '稳健', [['DFAQT900', '50只/盒', 'ean']]],
  ['daj', '三人位布艺沙发', '大件家具', '源氏木语', [['daj1', '浅灰 2.1米', 'ean']]],
  ['daba', '实木餐桌', '大件家具', '源氏木语', [['daba1', '1.4米 原木色', 'ean']]],
  ['hcf', '黑茶饼', '茶叶', '白沙溪', [['hcf', '357g', 'ean']]],
  ['lz1', '兰州百合', '干货', '陇原', [['lz11', '250g 袋装', 'ean']]],
  ['009', '智能门锁', '五金', '德施曼', [['009', '指纹款 黑色', 'ean']]],
  ['SNTEST', '序列号测试商品', '数码配件', '测试品牌', [['SNTEST', '默认规格', 'none']]],
  ['wangdiantong', 'wangdiantong', '短袖1', '发发拉', [['wangdiantong', '暂无', ['wangdiantong']]]],
  [
    'xiangyin',
    '相印',
    '日用百货',
    '心相印',
    [
      ['xiangyin01', '', ['xiaowanzi01']],
      ['xiangyin02', '', ['xiaowanzi02']],
    ],
  ],
];

interface PracticeDataOptions {
  /** The simulator's clock (ms) the times are spread before; Date.now() by default. */
  readonly now?: number;
}

export function practiceMasterData(options: PracticeDataOptions = {}): MasterData {
  const now = options.now ?? Date.now();
  const random = seededRandom(20_140_601);
  let barcodeSeq = 0;
  const nextEan = (): string =>
    ean13(`69${String(37_000 + (barcodeSeq % 97)).padStart(5, '0')}${String(barcodeSeq++).padStart(5, '0')}`);
  const times = timeSource(now, random);
  const goods: MdGoods[] = [];
  let specId = 1;

  for (let index = 0; index < 300; index += 1) {
    const family = FAMILIES[index % FAMILIES.length] as Family;
    const product = random.pick(family.products);
    const brand = random.pick(family.brands);
    const goodsId = index + 1;
    const goodsNo = `${family.code}${String(goodsId).padStart(4, '0')}`;
    const stamp = times();
    const specCount = 1 + random.below(3);
    const names = shuffled(family.variants, random).slice(0, specCount);
    const specs = names.map((specName, n): MdSpec => {
      const specStamp = times(stamp.created);
      const roll = random.next();
      const barcodeCount = roll < 0.1 ? 0 : roll < 0.75 ? 1 : roll < 0.95 ? 2 : 3;
      return {
        specId: specId++,
        goodsId,
        specNo: `${goodsNo}${String(n + 1).padStart(2, '0')}`,
        specName,
        specCode: '',
        barcodes: Array.from({ length: barcodeCount }, nextEan),
        retailPrice: priceIn(random, family.price),
        weight: Math.round(random.next() * 2000) / 1000,
        deleted: 0,
        ...specStamp,
      };
    });
    goods.push({
      goodsId,
      goodsNo,
      goodsName: `${brand}${product}`,
      shortName: product,
      brandName: brand,
      className: family.className,
      unitName: family.unit,
      deleted: 0,
      ...stamp,
      specs,
    });
  }

  for (const [goodsNo, goodsName, className, brandName, specRows] of EXAMPLES) {
    const goodsId = goods.length + 1;
    const stamp = times();
    goods.push({
      goodsId,
      goodsNo,
      goodsName,
      shortName: goodsName,
      brandName,
      className,
      unitName: '个',
      deleted: 0,
      ...stamp,
      specs: specRows.map(([specNo, specName, barcodes]): MdSpec => ({
        specId: specId++,
        goodsId,
        specNo,
        specName,
        specCode: specNo,
        barcodes: barcodes === 'ean' ? [nextEan()] : barcodes === 'none' ? [] : [...barcodes],
        retailPrice: priceIn(random, [10, 500]),
        weight: 0.5,
        deleted: 0,
        ...times(stamp.created),
      })),
    });
  }

  // A few deleted specs, and one goods deleted with all its specs, for hide_deleted and incremental sync.
  for (const goodsIndex of [11, 47, 103, 158, 211]) {
    const spec = goods[goodsIndex]?.specs[0];
    if (spec) spec.deleted = spec.specId;
  }
  const gone = goods[250];
  if (gone) {
    gone.deleted = gone.goodsId;
    for (const spec of gone.specs) spec.deleted = spec.specId;
  }

  return { goods, suites: practiceSuites(goods, times, nextEan), ...practiceDirectory(now, random, YEARS) };
}

function practiceSuites(goods: readonly MdGoods[], times: TimeSource, nextEan: () => string): MdSuite[] {
  const live = goods.filter((g) => g.deleted === 0).flatMap((g) => g.specs.filter((s) => s.deleted === 0));
  const specAt = (index: number): MdSpec => live[index % live.length] as MdSpec;
  const suites: MdSuite[] = [];
  const names = [
    '囤货装',
    '家庭装',
    '尝鲜组合',
    '节日礼盒',
    '办公室套装',
    '开学季组合',
    '618特惠装',
    '双11组合',
  ];
  names.forEach((label, index) => {
    const first = specAt(index * 37 + 3);
    const second = specAt(index * 53 + 11);
    const parts = index % 3 === 0 ? [first, second, specAt(index * 71 + 29)] : [first, second];
    const owner = goods[first.goodsId - 1];
    suites.push({
      suiteId: 5001 + index,
      suiteNo: `ZH${String(index + 1).padStart(3, '0')}`,
      suiteName: `${owner?.shortName ?? ''}${label}`,
      barcode: nextEan(),
      brandName: owner?.brandName ?? '',
      className: '组合装',
      retailPrice: 99 + index * 10,
      details: parts.map((spec, n) => ({ specNo: spec.specNo, num: n === 0 ? 2 : 1 })),
      deleted: index === names.length - 1 ? 5001 + index : 0,
      ...times(),
    });
  });
  suites.push({
    suiteId: 5757,
    suiteNo: 'xiangyin01+02',
    suiteName: '相印',
    barcode: 'xiangyin01+02',
    brandName: 'BM',
    className: '无',
    retailPrice: 0,
    details: [
      { specNo: 'xiangyin01', num: 1 },
      { specNo: 'xiangyin02', num: 1 },
    ],
    deleted: 0,
    ...times(),
  });
  return suites;
}

/** A created/modified pair, created after `after` when given; modified never before created. */
type TimeSource = (after?: number) => { created: number; modified: number };

/** created/modified pairs within the last YEARS before now. */
function timeSource(now: number, random: Random): TimeSource {
  const span = YEARS * 365 * DAY;
  return (after) => {
    const earliest = after ?? now - span;
    const created = earliest + random.below(Math.max(1, now - DAY - earliest));
    return { created, modified: created + random.below(Math.max(1, now - created)) };
  };
}

function priceIn(random: Random, [low, high]: readonly [number, number]): number {
  return Math.round((low + random.next() * (high - low)) * 10) / 10;
}

function shuffled<T>(items: readonly T[], random: Random): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = random.below(i + 1);
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}
