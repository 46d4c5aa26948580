/**
 * How readable a piece of Gloss's UI is: the WCAG contrast ratio of an element's text color
 * against the background it is painted on (its own and its ancestors', across shadow roots,
 * translucent layers blended). Runs in the page (`locator.evaluate(contrastOf)`) or, as its
 * source, in Gloss's isolated world (`editor.inGloss`), where closed shadow roots are reachable.
 * Colors must be `rgb()`/`rgba()`, as computed styles give them for Gloss's hex colors.
 */
export function contrastOf(element: Element): number {
  const parse = (color: string) => {
    const [r = 0, g = 0, b = 0, a = 1] = (color.match(/[\d.]+/g) ?? []).map(Number);
    return { r, g, b, a };
  };
  const over = (top: { r: number; g: number; b: number; a: number }, bottom: { r: number; g: number; b: number }) => ({
    r: top.r * top.a + bottom.r * (1 - top.a),
    g: top.g * top.a + bottom.g * (1 - top.a),
    b: top.b * top.a + bottom.b * (1 - top.a),
  });
  const luminance = ({ r, g, b }: { r: number; g: number; b: number }) => {
    const linear = (v: number) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4);
    return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
  };
  const layers = [];
  for (let node: Element | null = element; node; node = node.parentElement ?? ((node.getRootNode() as ShadowRoot).host || null)) {
    const layer = parse(getComputedStyle(node).backgroundColor);
    if (layer.a > 0) layers.push(layer);
    if (layer.a >= 1) break;
  }
  let background = { r: 255, g: 255, b: 255 };
  for (const layer of layers.reverse()) background = over(layer, background);
  const text = over(parse(getComputedStyle(element).color), background);
  const [light, dark] = [luminance(text), luminance(background)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}
