// A drawn, passport-style face (480x640, plain light background, frontal pose) as SVG for sharp
// to rasterise. Clearly synthetic on purpose: no photograph of anyone is involved.
//
// The *face* (skin tone, head shape, eye spacing, nose, hair, beard, headscarf) comes from the
// person's seed; the *capture* (head position, tilt, lighting, expression) varies, so the same
// person's two registrations look like two photos of one face.

import { createRng, hashSeed, type Rng } from "./prng";

export const FACE_WIDTH = 480;
export const FACE_HEIGHT = 640;

const SKIN = ["#f1c7a5", "#e0ac84", "#c68b62", "#a86f4c", "#8a5a3b", "#6b4329"];
const HAIR = ["#1d1612", "#2e2119", "#4a3222", "#6d4c30", "#8b6f4e", "#3b3b3b"];
const IRIS_COLOURS = ["#3d2b1f", "#5a3e2b", "#2f4f4f", "#4d6b3c", "#6b8fb3"];
const CLOTHES = ["#2f3e5c", "#4a4a4a", "#6b2d2d", "#2d5a4a", "#5c4a2f", "#d9d9d9"];
const SCARVES = ["#2b2b40", "#7a4b5c", "#3f5e63", "#5e4f3a", "#8c8c8c"];
const BACKGROUNDS = ["#e9eef2", "#eef0f0", "#e4ebf2"];

export interface FaceIdentity {
  female: boolean;
  skin: string;
  hair: string;
  iris: string;
  clothes: string;
  scarf: string | null;
  beard: "none" | "stubble" | "full";
  moustache: boolean;
  hairStyle: "short" | "long" | "bald";
  headWidth: number;
  headHeight: number;
  eyeGap: number;
  eyeY: number;
  eyeSize: number;
  noseLength: number;
  noseWidth: number;
  mouthWidth: number;
  lipFullness: number;
  browArch: number;
  jaw: number;
  earSize: number;
}

export interface FaceCapture {
  dx: number;
  dy: number;
  /** Degrees. */
  tilt: number;
  scale: number;
  smile: number;
  light: number;
  background: string;
}

export function faceIdentity(personSeed: number, female: boolean): FaceIdentity {
  const rng = createRng(hashSeed(personSeed, "face"));
  const scarf = female && rng.chance(0.45) ? rng.pick(SCARVES) : null;
  return {
    female,
    skin: rng.pick(SKIN),
    hair: rng.pick(HAIR),
    iris: rng.pick(IRIS_COLOURS),
    clothes: rng.pick(CLOTHES),
    scarf,
    beard: female ? "none" : rng.pick(["none", "none", "stubble", "full"] as const),
    moustache: !female && rng.chance(0.4),
    hairStyle: female ? "long" : rng.chance(0.12) ? "bald" : "short",
    headWidth: rng.float(142, 172),
    headHeight: rng.float(196, 224),
    eyeGap: rng.float(56, 70),
    eyeY: rng.float(-18, -4),
    eyeSize: rng.float(13, 17),
    noseLength: rng.float(40, 52),
    noseWidth: rng.float(15, 24),
    mouthWidth: rng.float(44, 62),
    lipFullness: rng.float(4, 9),
    browArch: rng.float(3, 9),
    jaw: rng.float(0.55, 0.8),
    earSize: rng.float(26, 34),
  };
}

export function faceCapture(rng: Rng, strength = 1): FaceCapture {
  return {
    dx: rng.float(-12, 12) * strength,
    dy: rng.float(-12, 12) * strength,
    tilt: rng.float(-3, 3) * strength,
    scale: 1 + rng.float(-0.05, 0.05) * strength,
    smile: rng.float(-0.3, 1),
    light: rng.float(-0.25, 0.25),
    background: rng.pick(BACKGROUNDS),
  };
}

/** SVG text of the portrait; no text elements, so rendering does not depend on installed fonts. */
export function faceSvg(f: FaceIdentity, c: FaceCapture): string {
  const W = FACE_WIDTH;
  const H = FACE_HEIGHT;
  const cx = W / 2;
  const cy = 270;
  const hw = f.headWidth / 2;
  const hh = f.headHeight / 2;
  const eyeY = cy + f.eyeY;
  const lx = cx - f.eyeGap / 2;
  const rx = cx + f.eyeGap / 2;
  const shade = shadeColour(f.skin, -0.22);
  const lightSide = c.light > 0 ? 1 : -1;
  const jawY = cy + hh;
  const mouthY = cy + f.noseLength + (hh - f.noseLength) * 0.42;
  const chinW = hw * f.jaw;

  const head = `M ${cx - hw} ${cy - 20}
    C ${cx - hw} ${cy - hh - 10}, ${cx + hw} ${cy - hh - 10}, ${cx + hw} ${cy - 20}
    C ${cx + hw} ${cy + hh * 0.55}, ${cx + chinW} ${jawY}, ${cx} ${jawY}
    C ${cx - chinW} ${jawY}, ${cx - hw} ${cy + hh * 0.55}, ${cx - hw} ${cy - 20} Z`;

  const parts: string[] = [];
  // Shoulders and clothing, drawn past the frame so scaling never uncovers their lower edge.
  const sy = jawY + 62;
  parts.push(
    `<path d="M ${cx - 230} ${sy + 260} C ${cx - 215} ${sy + 40}, ${cx - 130} ${sy + 8}, ${cx - 55} ${sy} L ${cx + 55} ${sy} C ${cx + 130} ${sy + 8}, ${cx + 215} ${sy + 40}, ${cx + 230} ${sy + 260} Z" fill="${f.clothes}"/>`,
  );
  parts.push(
    `<path d="M ${cx - 40} ${jawY - 40} L ${cx - 44} ${sy + 4} Q ${cx} ${sy + 30} ${cx + 44} ${sy + 4} L ${cx + 40} ${jawY - 40} Z" fill="${shade}"/>`,
  );
  if (f.scarf) {
    parts.push(
      `<path d="M ${cx - hw - 34} ${cy - 10} C ${cx - hw - 40} ${cy - hh - 70}, ${cx + hw + 40} ${cy - hh - 70}, ${cx + hw + 34} ${cy - 10} C ${cx + hw + 40} ${jawY + 40}, ${cx + 120} ${sy + 20}, ${cx + 150} ${sy + 260} L ${cx - 150} ${sy + 260} C ${cx - 120} ${sy + 20}, ${cx - hw - 40} ${jawY + 40}, ${cx - hw - 34} ${cy - 10} Z" fill="${f.scarf}"/>`,
    );
  } else if (f.hairStyle === "long") {
    parts.push(
      `<path d="M ${cx - hw - 22} ${cy - 30} C ${cx - hw - 30} ${cy - hh - 55}, ${cx + hw + 30} ${cy - hh - 55}, ${cx + hw + 22} ${cy - 30} L ${cx + hw + 30} ${jawY + 60} L ${cx - hw - 30} ${jawY + 60} Z" fill="${f.hair}"/>`,
    );
  }
  if (!f.scarf) {
    // Ears.
    for (const side of [-1, 1]) {
      const ex = cx + side * (hw - 2);
      parts.push(`<ellipse cx="${ex}" cy="${eyeY + 18}" rx="${f.earSize * 0.45}" ry="${f.earSize}" fill="${shade}"/>`);
    }
  }
  parts.push(`<path d="${head}" fill="url(#skin)"/>`);
  if (!f.scarf && f.hairStyle !== "bald") {
    const top = cy - hh - 14;
    const fringe = f.hairStyle === "long" ? cy - hh * 0.45 : cy - hh * 0.62;
    parts.push(
      `<path d="M ${cx - hw - 6} ${cy - 18} C ${cx - hw - 12} ${top - 20}, ${cx + hw + 12} ${top - 20}, ${cx + hw + 6} ${cy - 18} C ${cx + hw - 10} ${fringe}, ${cx + 20} ${fringe - 18}, ${cx - 10} ${fringe - 6} C ${cx - 50} ${fringe + 6}, ${cx - hw + 6} ${fringe}, ${cx - hw - 6} ${cy - 18} Z" fill="${f.hair}"/>`,
    );
  }
  if (f.beard !== "none") {
    const opacity = f.beard === "full" ? 0.9 : 0.35;
    parts.push(
      `<path d="M ${cx - hw + 4} ${cy + 10} C ${cx - hw + 6} ${cy + hh * 0.6}, ${cx - chinW} ${jawY + 6}, ${cx} ${jawY + 8} C ${cx + chinW} ${jawY + 6}, ${cx + hw - 6} ${cy + hh * 0.6}, ${cx + hw - 4} ${cy + 10} C ${cx + hw - 20} ${mouthY + 30}, ${cx - hw + 20} ${mouthY + 30}, ${cx - hw + 4} ${cy + 10} Z" fill="${f.hair}" opacity="${opacity}"/>`,
    );
  }
  // Brows.
  for (const [x, side] of [
    [lx, -1],
    [rx, 1],
  ] as const) {
    parts.push(
      `<path d="M ${x - 20} ${eyeY - 20} Q ${x + side * 2} ${eyeY - 22 - f.browArch} ${x + 20} ${eyeY - 19}" stroke="${f.hair}" stroke-width="${f.female ? 4 : 6}" fill="none" stroke-linecap="round"/>`,
    );
  }
  // Eyes.
  for (const x of [lx, rx]) {
    const s = f.eyeSize;
    parts.push(
      `<path d="M ${x - s * 1.35} ${eyeY} Q ${x} ${eyeY - s} ${x + s * 1.35} ${eyeY} Q ${x} ${eyeY + s * 0.8} ${x - s * 1.35} ${eyeY} Z" fill="#f7f4ef"/>`,
    );
    parts.push(`<circle cx="${x}" cy="${eyeY}" r="${s * 0.52}" fill="${f.iris}"/>`);
    parts.push(`<circle cx="${x}" cy="${eyeY}" r="${s * 0.24}" fill="#111"/>`);
    parts.push(`<circle cx="${x + s * 0.18}" cy="${eyeY - s * 0.18}" r="${s * 0.1}" fill="#fff"/>`);
    parts.push(
      `<path d="M ${x - s * 1.35} ${eyeY} Q ${x} ${eyeY - s} ${x + s * 1.35} ${eyeY}" stroke="#2a1d16" stroke-width="2" fill="none"/>`,
    );
  }
  // Nose.
  const noseTop = eyeY + 8;
  const noseTip = cy + f.noseLength;
  parts.push(
    `<path d="M ${cx - 4} ${noseTop} C ${cx - 6} ${noseTip - 20}, ${cx - f.noseWidth} ${noseTip - 6}, ${cx - f.noseWidth * 0.7} ${noseTip + 4} Q ${cx} ${noseTip + 12} ${cx + f.noseWidth * 0.7} ${noseTip + 4}" stroke="${shade}" stroke-width="2.5" fill="none" stroke-linecap="round"/>`,
  );
  if (f.moustache) {
    parts.push(
      `<path d="M ${cx - f.mouthWidth / 2 - 4} ${mouthY - 6} Q ${cx} ${mouthY - 22} ${cx + f.mouthWidth / 2 + 4} ${mouthY - 6} Q ${cx} ${mouthY - 12} ${cx - f.mouthWidth / 2 - 4} ${mouthY - 6} Z" fill="${f.hair}"/>`,
    );
  }
  // Mouth: the smile bends the lip line.
  const mw = f.mouthWidth / 2;
  const bend = 4 + c.smile * 8;
  parts.push(
    `<path d="M ${cx - mw} ${mouthY} Q ${cx} ${mouthY + bend + f.lipFullness} ${cx + mw} ${mouthY} Q ${cx} ${mouthY - f.lipFullness * 0.6} ${cx - mw} ${mouthY} Z" fill="${shadeColour(f.skin, -0.35)}"/>`,
    `<path d="M ${cx - mw} ${mouthY} Q ${cx} ${mouthY + bend * 0.6} ${cx + mw} ${mouthY}" stroke="#5a2e24" stroke-width="1.5" fill="none"/>`,
  );

  const light = Math.abs(c.light);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">
<defs>
  <radialGradient id="skin" cx="${50 + lightSide * 12 * light * 4}%" cy="40%" r="70%">
    <stop offset="0%" stop-color="${shadeColour(f.skin, 0.1 + light * 0.2)}"/>
    <stop offset="70%" stop-color="${f.skin}"/>
    <stop offset="100%" stop-color="${shade}"/>
  </radialGradient>
</defs>
<rect width="${W}" height="${H}" fill="${c.background}"/>
<g transform="translate(${c.dx} ${c.dy}) rotate(${c.tilt} ${cx} ${cy}) translate(${cx} ${cy}) scale(${c.scale * 1.38}) translate(${-cx} ${-cy})">
${parts.join("\n")}
</g>
</svg>`;
}

function shadeColour(hex: string, amount: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  const ch = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((v) => {
    const out = amount >= 0 ? v + (255 - v) * amount : v * (1 + amount);
    return Math.max(0, Math.min(255, Math.round(out)));
  });
  return `#${ch.map((v) => v.toString(16).padStart(2, "0")).join("")}`;
}
