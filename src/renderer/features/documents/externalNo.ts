/**
 * A fresh external document number: "WD" + local yyyyMMddHHmmss + random base36. The ERP refuses a number it
 * has seen (外部单号重复!), so a number made once per document turns an accidental resend into a harmless
 * refusal instead of a second document.
 */
export function generateExternalNo(now: Date, random: () => number = Math.random, maxLength = 40): string {
  const pad = (value: number, width = 2): string => String(value).padStart(width, '0');
  const stamp =
    `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}` +
    `${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`;
  let suffix = '';
  for (let index = 0; index < 3; index += 1) suffix += Math.floor(random() * 36).toString(36);
  return `WD${stamp}${suffix.toUpperCase()}`.slice(0, Math.max(1, maxLength));
}
