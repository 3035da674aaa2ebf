/**
 * The drawn chart as a file, in the browser (nothing leaves the page): the SVG
 * Recharts rendered, made standalone (namespace, size, white background, a
 * title), or that SVG painted onto a canvas at twice its size for a PNG.
 */
export function standaloneSvg(container: HTMLElement, title: string): { text: string; width: number; height: number } | null {
  const svg = container.querySelector<SVGSVGElement>('.recharts-wrapper > svg');
  if (!svg) return null;
  const box = svg.getBoundingClientRect();
  const width = Math.round(box.width);
  const height = Math.round(box.height);
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height + 24));
  clone.setAttribute('viewBox', `0 -24 ${width} ${height + 24}`);
  clone.setAttribute('font-family', 'Arial, Helvetica, sans-serif');
  const ns = 'http://www.w3.org/2000/svg';
  const bg = document.createElementNS(ns, 'rect');
  bg.setAttribute('x', '0');
  bg.setAttribute('y', '-24');
  bg.setAttribute('width', String(width));
  bg.setAttribute('height', String(height + 24));
  bg.setAttribute('fill', '#ffffff');
  clone.insertBefore(bg, clone.firstChild);
  const heading = document.createElementNS(ns, 'text');
  heading.setAttribute('x', '8');
  heading.setAttribute('y', '-8');
  heading.setAttribute('font-size', '13');
  heading.setAttribute('font-weight', '600');
  heading.textContent = title;
  clone.appendChild(heading);
  return { text: new XMLSerializer().serializeToString(clone), width, height: height + 24 };
}

function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadSvg(container: HTMLElement, title: string, filename: string): boolean {
  const svg = standaloneSvg(container, title);
  if (!svg) return false;
  download(new Blob([svg.text], { type: 'image/svg+xml' }), filename);
  return true;
}

export async function downloadPng(container: HTMLElement, title: string, filename: string): Promise<boolean> {
  const svg = standaloneSvg(container, title);
  if (!svg) return false;
  const img = new Image();
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg.text)}`;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = svg.width * 2;
  canvas.height = svg.height * 2;
  const ctx = canvas.getContext('2d');
  if (!ctx) return false;
  ctx.scale(2, 2);
  ctx.drawImage(img, 0, 0);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) return false;
  download(blob, filename);
  return true;
}
