import colors from 'tailwindcss/colors';

// WCAG contrast of Tailwind colour classes, from the oklch values of the Tailwind build the page uses, converted to
// sRGB as https://bottosson.github.io/posts/oklab/ gives it (clipped to the sRGB gamut).
const OKLCH: Record<string, [number, number, number]> = { white: [1, 0, 0], black: [0, 0, 0] };
for (const [family, shades] of Object.entries(colors)) {
  if (typeof shades !== 'object') continue;
  for (const [shade, value] of Object.entries(shades as Record<string, string>)) {
    const m = /^oklch\(([\d.]+)%\s+([\d.]+)\s+([\d.]+)\)$/.exec(value);
    if (m) OKLCH[`${family}-${shade}`] = [Number(m[1]) / 100, Number(m[2]), Number(m[3])];
  }
}

function linearRgb(colour: string): number[] {
  const lch = OKLCH[colour];
  if (!lch) throw new Error(`No Tailwind colour ${colour}`);
  const [L, C, h] = lch;
  const a = C * Math.cos((h * Math.PI) / 180), b = C * Math.sin((h * Math.PI) / 180);
  const l = (L + 0.3963377774 * a + 0.2158037573 * b) ** 3;
  const m = (L - 0.1055613458 * a - 0.0638541728 * b) ** 3;
  const s = (L - 0.0894841775 * a - 1.291485548 * b) ** 3;
  return [
    4.0767416621 * l - 3.3077115913 * m + 0.2309699292 * s,
    -1.2684380046 * l + 2.6097574011 * m - 0.3413193965 * s,
    -0.0041960863 * l - 0.7034186147 * m + 1.707614701 * s,
  ].map((v) => Math.min(1, Math.max(0, v)));
}

const luminance = (colour: string) => {
  const [r, g, b] = linearRgb(colour);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};

/** The contrast ratio of two colours named as in classes ("white", "orange-700"). */
export function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}

/** Text and background colours of a class list, light and dark (a `dark:` class overrides its light one). */
export function colours(classes: string): { light: { text: string; bg: string }; dark: { text: string; bg: string } } {
  const pick = (prefix: string) => classes.split(/\s+/).find((c) => c.startsWith(prefix))?.slice(prefix.length);
  const text = pick('text-'), bg = pick('bg-');
  if (!text || !bg) throw new Error(`No text or background colour in "${classes}"`);
  return { light: { text, bg }, dark: { text: pick('dark:text-') ?? text, bg: pick('dark:bg-') ?? bg } };
}
