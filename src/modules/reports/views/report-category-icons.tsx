import type { ComponentChildren, JSX } from 'preact';

/**
 * A simple line icon for each kind of problem (the category choices of /report): drawn here, so the page
 * loads no icon font or image from anywhere. Decorative: the choice's label says what it is. A category
 * without its own icon gets the road cone.
 */

function Icon({ children }: { children: ComponentChildren }) {
  return (
    <svg
      class="ow-category__icon"
      viewBox="0 0 48 48"
      width="48"
      height="48"
      aria-hidden="true"
      focusable="false"
      fill="none"
      stroke="currentColor"
      stroke-width="3"
      stroke-linecap="round"
      stroke-linejoin="round"
    >
      {children}
    </svg>
  );
}

const icons: Record<string, () => JSX.Element> = {
  // A road with a hole in it.
  'pothole-report': () => (
    <Icon>
      <path d="M14 4 6 44M34 4l8 40M24 6v6M24 18v4" />
      <path d="M15 32c2-4 6-5 9-4s8 0 9 3-3 6-9 6-11-1-9-5Z" />
    </Icon>
  ),
  // A street lamp.
  'street-light-repair': () => (
    <Icon>
      <path d="M16 44h12M22 44V10c0-3 2-5 5-5h6c3 0 5 2 5 5v2" />
      <path d="M32 12h12l-3 6h-6Z" />
      <path d="M38 22v3M32 22l-2 3M44 22l2 3" />
    </Icon>
  ),
  // A tree.
  'street-tree-pruning': () => (
    <Icon>
      <path d="M24 44V28M24 34l-6-5M24 31l6-4" />
      <path d="M24 4c-7 0-12 5-12 11-4 2-5 6-3 9s6 4 9 3c2 2 4 2 6 2s4 0 6-2c3 1 7 0 9-3s1-7-3-9c0-6-5-11-12-11Z" />
    </Icon>
  ),
  // A park bench.
  'park-facility-damage': () => (
    <Icon>
      <path d="M6 22h36M6 16h36M10 28h28M12 28v12M36 28v12M8 22v6M40 22v6" />
    </Icon>
  ),
  // Paving stones, one broken.
  'sidewalk-arcade-damage': () => (
    <Icon>
      <path d="M4 40h40M4 28h40M16 28v12M32 28v12M24 16v12" />
      <path d="M8 16h32M28 16l3 5-4 3 3 4" />
    </Icon>
  ),
};

function RoadCone() {
  return (
    <Icon>
      <path d="M8 42h32M12 42l9-34h6l9 34M16 30h16M18 20h12" />
    </Icon>
  );
}

export function CategoryIcon({ code }: { code: string }) {
  const draw = Object.hasOwn(icons, code) ? icons[code] : undefined;
  return draw === undefined ? <RoadCone /> : draw();
}
