/**
 * Master data at benchmark scale (e.g. 200,000 specs with 400,000 barcodes): plain generated names and
 * unique EAN-13 barcodes, modified times spread evenly over the years before now, so a full sync must
 * walk every 30-day window. Warehouses, suppliers and employees are the practice ones.
 */
import { practiceDirectory } from './directory';
import { ean13, seededRandom } from './ean';
import type { MasterData, MdGoods, MdSpec, MdSuite } from './types';

const DAY = 86_400_000;

interface GeneratedDataOptions {
  readonly specs: number;
  /** Barcodes per spec, exactly; 2 by default. */
  readonly barcodesPerSpec?: number;
  /** 2 by default. */
  readonly specsPerGoods?: number;
  /** Suites of two specs each; 0 by default. */
  readonly suites?: number;
  /** How far back the modified times reach; 3 by default. */
  readonly years?: number;
  /** The simulator's clock (ms); Date.now() by default. */
  readonly now?: number;
  readonly seed?: number;
}

const PRODUCTS = ['保温杯', '收纳盒', '毛巾', '拖鞋', '雨伞', '台灯', '笔记本', '马克杯', '抱枕', '香皂'];
const COLOURS = ['白色', '黑色', '红色', '蓝色', '灰色', '粉色', '绿色', '黄色'];
const SIZES = ['小号', '中号', '大号', '加大号'];
const BRANDS = ['家得宝', '优品', '居家乐', '美然', '简约'];

export function generatedMasterData(options: GeneratedDataOptions): MasterData {
  const specCount = wholeNumber(options.specs, 'specs', 0);
  const perSpec = wholeNumber(options.barcodesPerSpec ?? 2, 'barcodesPerSpec', 0);
  const perGoods = wholeNumber(options.specsPerGoods ?? 2, 'specsPerGoods', 1);
  const suiteCount = wholeNumber(options.suites ?? 0, 'suites', 0);
  if (specCount * perSpec > 9_999_999_999) throw new RangeError('too many barcodes for EAN-13');
  const now = options.now ?? Date.now();
  const span = (options.years ?? 3) * 365 * DAY;
  const random = seededRandom(options.seed ?? 1);
  const goodsCount = Math.ceil(specCount / perGoods);
  const goods: MdGoods[] = new Array<MdGoods>(goodsCount);
  let barcodeSeq = 0;

  for (let g = 0; g < goodsCount; g += 1) {
    const goodsId = g + 1;
    // Uniform over the span (about as many goods per window), and the goods and its specs share one
    // modified time, so a full sync meets each goods in one window only.
    const modified = now - span + Math.floor(random.next() * (span - 1000));
    const created = modified - Math.floor(random.next() * (modified - (now - span)));
    const product = PRODUCTS[g % PRODUCTS.length] as string;
    const brand = BRANDS[g % BRANDS.length] as string;
    const specs: MdSpec[] = [];
    const first = g * perGoods;
    const last = Math.min(specCount, first + perGoods);
    for (let s = first; s < last; s += 1) {
      const barcodes = new Array<string>(perSpec);
      for (let b = 0; b < perSpec; b += 1) barcodes[b] = ean13(`69${String(barcodeSeq++).padStart(10, '0')}`);
      const specNo = `G${String(s + 1).padStart(7, '0')}`;
      specs.push({
        specId: s + 1,
        goodsId,
        specNo,
        specName: `${COLOURS[s % COLOURS.length] ?? ''} ${SIZES[(s >> 3) % SIZES.length] ?? ''}`,
        specCode: '',
        barcodes,
        retailPrice: 10 + (s % 90),
        weight: 0.2,
        deleted: 0,
        created,
        modified,
      });
    }
    goods[g] = {
      goodsId,
      goodsNo: `GN${String(goodsId).padStart(7, '0')}`,
      goodsName: `${brand}${product}${goodsId}`,
      shortName: product,
      brandName: brand,
      className: '家居日用',
      unitName: '个',
      deleted: 0,
      created,
      modified,
      specs,
    };
  }

  const suites: MdSuite[] = [];
  for (let i = 0; i < suiteCount && specCount >= 2; i += 1) {
    const created = now - span + Math.floor(random.next() * (span - DAY));
    suites.push({
      suiteId: i + 1,
      suiteNo: `GZ${String(i + 1).padStart(6, '0')}`,
      suiteName: `组合装${i + 1}`,
      barcode: ean13(`68${String(i).padStart(10, '0')}`),
      brandName: BRANDS[i % BRANDS.length] as string,
      className: '组合装',
      retailPrice: 50,
      details: [
        { specNo: `G${String((i % specCount) + 1).padStart(7, '0')}`, num: 1 },
        { specNo: `G${String(((i + 1) % specCount) + 1).padStart(7, '0')}`, num: 2 },
      ],
      deleted: 0,
      created,
      modified: created + Math.floor(random.next() * (now - created)),
    });
  }
  return { goods, suites, ...practiceDirectory(now, random) };
}

function wholeNumber(value: number, name: string, min: number): number {
  if (!Number.isSafeInteger(value) || value < min)
    throw new RangeError(`${name} must be an integer >= ${min}`);
  return value;
}
