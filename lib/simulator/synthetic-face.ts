// A drawn, passport-style face (480x640, plain light background, frontal pose) as SVG for sharp
// to rasterise. Clearly synthetic on purpose: no photograph of anyone is involved.
//
// The *face* comes from the person's seed: head shape and proportions, skin tone, eye shape, spacing and tilt,
// brows, nose, mouth and lips, ears, hair style and colour, beard, glasses, headscarf, a mole. The *capture*
// varies as two photos of one person do: head position, size and roll, a slight turn or nod, the expression
// (smile, raised brows, squint) and the lighting (direction, brightness, colour cast). Identity ranges are wide
// enough that a face-recognition model tells two simulated people apart (docs/decisions/0026-face-similarity.md:
// the earlier narrow ranges made every impostor pair closer than the model's threshold).

import { createRng, hashSeed, type Rng } from "./prng";

export const FACE_WIDTH = 480;
export const FACE_HEIGHT = 640;

/** Skin tones from light to dark; a person's tone lies anywhere between two neighbours. */
const SKIN = ["#f6d5bd", "#f1c7a5", "#e0ac84", "#c68b62", "#a86f4c", "#8a5a3b", "#6b4329", "#4f3020"];
const HAIR = ["#1d1612", "#2e2119", "#4a3222", "#6d4c30", "#8b6f4e", "#3b3b3b", "#a5682a", "#c9b27c", "#9a9a9a"];
const IRIS_COLOURS = ["#3d2b1f", "#5a3e2b", "#2f4f4f", "#4d6b3c", "#6b8fb3", "#1f1a17"];
const CLOTHES = ["#2f3e5c", "#4a4a4a", "#6b2d2d", "#2d5a4a", "#5c4a2f", "#d9d9d9", "#7a6a9a", "#b5651d"];
const SCARVES = ["#2b2b40", "#7a4b5c", "#3f5e63", "#5e4f3a", "#8c8c8c", "#1b1b1b", "#a33b3b"];
const FRAMES = ["#111111", "#5a3a22", "#8a8a8a", "#2a3f6b", "#7a1f2b"];
const BACKGROUNDS = ["#e9eef2", "#eef0f0", "#e4ebf2"];

type HairStyle = "short" | "long" | "bald" | "curly" | "sidePart" | "buzz" | "bun";

export interface FaceIdentity {
  female: boolean;
  skin: string;
  /** Lips' darkening of the skin colour, 0.15-0.5. */
  lipShade: number;
  hair: string;
  iris: string;
  clothes: string;
  scarf: string | null;
  beard: "none" | "stubble" | "full" | "goatee";
  moustache: boolean;
  hairStyle: HairStyle;
  /** Where the hair starts on the forehead, as a share of the half head height above the centre (0.4-0.8). */
  hairline: number;
  glasses: { round: boolean; frame: string; width: number; height: number } | null;
  mole: { x: number; y: number; r: number } | null;
  headWidth: number;
  headHeight: number;
  /** Chin width against the head's (0.4-0.9). */
  jaw: number;
  /** Where the face is widest, as a share of the half height below the centre (0.2-0.7). */
  cheek: number;
  eyeGap: number;
  eyeY: number;
  eyeSize: number;
  /** Eye height against its width (0.55-1.15). */
  eyeOpen: number;
  /** Outer corners up (+) or down (-), in pixels. */
  eyeTilt: number;
  browThickness: number;
  browArch: number;
  /** Brow height above the eye. */
  browRaise: number;
  browLength: number;
  noseLength: number;
  noseWidth: number;
  nostril: number;
  mouthWidth: number;
  /** Mouth height between nose tip and chin (0.3-0.6). */
  mouthAt: number;
  upperLip: number;
  lowerLip: number;
  earSize: number;
}

export interface FaceCapture {
  dx: number;
  dy: number;
  /** Degrees of roll. */
  tilt: number;
  scale: number;
  /** A slight turn of the head: -1 (to its right) .. 1; moves the features sideways. */
  yaw: number;
  /** A slight nod: -1 (up) .. 1 (down); moves the features up or down. */
  pitch: number;
  smile: number;
  /** Raised brows, pixels. */
  browLift: number;
  /** Narrowed eyes, 0..0.25 of their height. */
  squint: number;
  /** Light from the left (-) or right (+), -0.3..0.3. */
  light: number;
  /** Exposure: -0.15 (darker) .. 0.15 (brighter). */
  exposure: number;
  /** A warm (+) or cool (-) colour cast. */
  warmth: number;
  background: string;
}

export function faceIdentity(personSeed: number, female: boolean): FaceIdentity {
  const rng = createRng(hashSeed(personSeed, "face"));
  const scarf = female && rng.chance(0.35) ? rng.pick(SCARVES) : null;
  const tone = rng.float(0, SKIN.length - 1);
  const skin = mix(SKIN[Math.floor(tone)], SKIN[Math.min(SKIN.length - 1, Math.floor(tone) + 1)], tone % 1);
  const styles: HairStyle[] = female
    ? ["long", "long", "curly", "bun", "sidePart", "short"]
    : ["short", "bald", "curly", "sidePart", "buzz", "short"];
  const glasses = rng.chance(0.3)
    ? { round: rng.chance(0.5), frame: rng.pick(FRAMES), width: rng.float(30, 40), height: rng.float(20, 30) }
    : null;
  return {
    female,
    skin,
    lipShade: rng.float(0.15, 0.5),
    hair: rng.pick(HAIR),
    iris: rng.pick(IRIS_COLOURS),
    clothes: rng.pick(CLOTHES),
    scarf,
    beard: female ? "none" : rng.pick(["none", "none", "stubble", "full", "goatee"] as const),
    moustache: !female && rng.chance(0.4),
    hairStyle: rng.pick(styles),
    hairline: rng.float(0.4, 0.8),
    glasses,
    mole: rng.chance(0.35) ? { x: rng.float(-0.7, 0.7), y: rng.float(-0.1, 0.6), r: rng.float(2, 4.5) } : null,
    headWidth: rng.float(122, 194),
    headHeight: rng.float(178, 250),
    jaw: rng.float(0.4, 0.9),
    cheek: rng.float(0.2, 0.7),
    eyeGap: rng.float(46, 86),
    eyeY: rng.float(-32, 4),
    eyeSize: rng.float(9, 21),
    eyeOpen: rng.float(0.55, 1.15),
    eyeTilt: rng.float(-5, 6),
    browThickness: rng.float(2.5, 9),
    browArch: rng.float(0, 12),
    browRaise: rng.float(14, 30),
    browLength: rng.float(30, 50),
    noseLength: rng.float(30, 66),
    noseWidth: rng.float(11, 30),
    nostril: rng.float(2, 6),
    mouthWidth: rng.float(32, 78),
    mouthAt: rng.float(0.3, 0.6),
    upperLip: rng.float(2, 8),
    lowerLip: rng.float(3, 12),
    earSize: rng.float(22, 38),
  };
}

export function faceCapture(rng: Rng, strength = 1): FaceCapture {
  return {
    dx: rng.float(-12, 12) * strength,
    dy: rng.float(-12, 12) * strength,
    tilt: rng.float(-4, 4) * strength,
    scale: 1 + rng.float(-0.06, 0.06) * strength,
    yaw: rng.float(-1, 1) * strength,
    pitch: rng.float(-1, 1) * strength,
    smile: rng.float(-0.3, 1),
    browLift: rng.float(0, 4),
    squint: rng.float(0, 0.25),
    light: rng.float(-0.3, 0.3),
    exposure: rng.float(-0.15, 0.15),
    warmth: rng.float(-1, 1),
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
  // The turn and nod move the inner features; the nose tip, nearest the camera, moves further.
  const fx = cx + c.yaw * 9;
  const fy = c.pitch * 6;
  const eyeY = cy + f.eyeY + fy;
  const lx = fx - f.eyeGap / 2;
  const rx = fx + f.eyeGap / 2;
  const shade = shadeColour(f.skin, -0.22);
  const lightSide = c.light > 0 ? 1 : -1;
  const jawY = cy + hh;
  const noseTip = cy + f.noseLength + fy;
  const mouthY = noseTip + (jawY - noseTip) * f.mouthAt;
  const chinW = hw * f.jaw;
  const cheekY = cy + hh * f.cheek;

  const head = `M ${cx - hw} ${cy - 20}
    C ${cx - hw} ${cy - hh - 10}, ${cx + hw} ${cy - hh - 10}, ${cx + hw} ${cy - 20}
    C ${cx + hw} ${cheekY}, ${cx + chinW} ${jawY}, ${cx} ${jawY}
    C ${cx - chinW} ${jawY}, ${cx - hw} ${cheekY}, ${cx - hw} ${cy - 20} Z`;

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
  } else if (f.hairStyle === "curly") {
    parts.push(`<ellipse cx="${cx}" cy="${cy - hh * 0.45}" rx="${hw + 34}" ry="${hh * 0.85}" fill="${f.hair}"/>`);
  } else if (f.hairStyle === "bun") {
    parts.push(`<circle cx="${cx}" cy="${cy - hh - 22}" r="${hw * 0.45}" fill="${f.hair}"/>`);
  }
  if (!f.scarf) {
    // Ears: the turn hides a little of the far one.
    for (const side of [-1, 1]) {
      const ex = cx + side * (hw - 2);
      const turn = 1 - Math.max(0, side * c.yaw) * 0.25;
      parts.push(`<ellipse cx="${ex}" cy="${eyeY + 18}" rx="${f.earSize * 0.45 * turn}" ry="${f.earSize}" fill="${shade}"/>`);
    }
  }
  parts.push(`<path d="${head}" fill="url(#skin)"/>`);
  // Cheek shading on the side away from the light.
  parts.push(
    `<ellipse cx="${cx - lightSide * hw * 0.55}" cy="${cheekY}" rx="${hw * 0.35}" ry="${hh * 0.35}" fill="${shade}" opacity="${(Math.abs(c.light) * 0.6).toFixed(3)}"/>`,
  );
  if (f.mole)
    parts.push(`<circle cx="${fx + f.mole.x * hw}" cy="${cy + f.mole.y * hh}" r="${f.mole.r}" fill="${shadeColour(f.skin, -0.55)}"/>`);
  if (!f.scarf && f.hairStyle !== "bald") {
    const top = cy - hh - 14;
    const fringe = cy - hh * f.hairline;
    if (f.hairStyle === "buzz") {
      parts.push(
        `<path d="M ${cx - hw} ${cy - 24} C ${cx - hw - 2} ${top - 12}, ${cx + hw + 2} ${top - 12}, ${cx + hw} ${cy - 24} C ${cx + hw * 0.6} ${fringe}, ${cx - hw * 0.6} ${fringe}, ${cx - hw} ${cy - 24} Z" fill="${f.hair}" opacity="0.75"/>`,
      );
    } else if (f.hairStyle === "sidePart") {
      parts.push(
        `<path d="M ${cx - hw - 6} ${cy - 18} C ${cx - hw - 12} ${top - 24}, ${cx + hw + 12} ${top - 24}, ${cx + hw + 6} ${cy - 18} C ${cx + hw - 4} ${fringe - 10}, ${cx - hw * 0.3} ${fringe - 30}, ${cx - hw * 0.45} ${fringe + 4} C ${cx - hw * 0.7} ${fringe + 10}, ${cx - hw} ${fringe}, ${cx - hw - 6} ${cy - 18} Z" fill="${f.hair}"/>`,
      );
    } else {
      parts.push(
        `<path d="M ${cx - hw - 6} ${cy - 18} C ${cx - hw - 12} ${top - 20}, ${cx + hw + 12} ${top - 20}, ${cx + hw + 6} ${cy - 18} C ${cx + hw - 10} ${fringe}, ${cx + 20} ${fringe - 18}, ${cx - 10} ${fringe - 6} C ${cx - 50} ${fringe + 6}, ${cx - hw + 6} ${fringe}, ${cx - hw - 6} ${cy - 18} Z" fill="${f.hair}"/>`,
      );
    }
  }
  if (f.beard === "full" || f.beard === "stubble") {
    const opacity = f.beard === "full" ? 0.9 : 0.35;
    parts.push(
      `<path d="M ${cx - hw + 4} ${cy + 10} C ${cx - hw + 6} ${cy + hh * 0.6}, ${cx - chinW} ${jawY + 6}, ${cx} ${jawY + 8} C ${cx + chinW} ${jawY + 6}, ${cx + hw - 6} ${cy + hh * 0.6}, ${cx + hw - 4} ${cy + 10} C ${cx + hw - 20} ${mouthY + 30}, ${cx - hw + 20} ${mouthY + 30}, ${cx - hw + 4} ${cy + 10} Z" fill="${f.hair}" opacity="${opacity}"/>`,
    );
  } else if (f.beard === "goatee") {
    parts.push(
      `<path d="M ${fx - f.mouthWidth * 0.35} ${mouthY + 10} Q ${fx} ${mouthY + 4} ${fx + f.mouthWidth * 0.35} ${mouthY + 10} L ${fx + chinW * 0.5} ${jawY - 4} Q ${fx} ${jawY + 12} ${fx - chinW * 0.5} ${jawY - 4} Z" fill="${f.hair}" opacity="0.9"/>`,
    );
  }
  // Brows.
  const browY = eyeY - f.browRaise - c.browLift;
  for (const [x, side] of [
    [lx, -1],
    [rx, 1],
  ] as const) {
    const inner = x - side * f.browLength * 0.45;
    const outer = x + side * f.browLength * 0.55;
    parts.push(
      `<path d="M ${inner} ${browY + 2} Q ${x + side * 4} ${browY - f.browArch} ${outer} ${browY + 3 - f.eyeTilt * 0.5}" stroke="${f.hair}" stroke-width="${f.browThickness}" fill="none" stroke-linecap="round"/>`,
    );
  }
  // Eyes: almond shapes with their own openness and tilt; a smile and a squint narrow them.
  const open = f.eyeOpen * (1 - c.squint - Math.max(0, c.smile) * 0.1);
  for (const [x, side] of [
    [lx, -1],
    [rx, 1],
  ] as const) {
    const s = f.eyeSize;
    const innerX = x - side * s * 1.35;
    const outerX = x + side * s * 1.35;
    const outerY = eyeY - f.eyeTilt;
    const top = eyeY - s * open;
    const bottom = eyeY + s * open * 0.8;
    const lid = `M ${innerX} ${eyeY} Q ${x} ${top} ${outerX} ${outerY}`;
    const eye = `${lid} Q ${x} ${bottom} ${innerX} ${eyeY} Z`;
    const clip = side < 0 ? "eye-l" : "eye-r";
    parts.push(`<clipPath id="${clip}"><path d="${eye}"/></clipPath>`, `<path d="${eye}" fill="#f7f4ef"/>`);
    // The iris is cut to the eye's opening.
    const ir = s * 0.52;
    const ix = x + c.yaw * 2;
    parts.push(
      `<g clip-path="url(#${clip})"><circle cx="${ix}" cy="${eyeY}" r="${ir}" fill="${f.iris}"/><circle cx="${ix}" cy="${eyeY}" r="${ir * 0.46}" fill="#111"/><circle cx="${ix + s * 0.18}" cy="${eyeY - s * 0.18}" r="${s * 0.1}" fill="#fff"/></g>`,
    );
    parts.push(`<path d="${lid}" stroke="#2a1d16" stroke-width="2" fill="none"/>`);
  }
  if (f.glasses) {
    const g = f.glasses;
    for (const x of [lx, rx]) {
      parts.push(
        g.round
          ? `<ellipse cx="${x}" cy="${eyeY + 2}" rx="${g.width / 2}" ry="${g.height / 2}" stroke="${g.frame}" stroke-width="3" fill="#ffffff" fill-opacity="0.08"/>`
          : `<rect x="${x - g.width / 2}" y="${eyeY + 2 - g.height / 2}" width="${g.width}" height="${g.height}" rx="5" stroke="${g.frame}" stroke-width="3" fill="#ffffff" fill-opacity="0.08"/>`,
      );
    }
    parts.push(
      `<path d="M ${lx + g.width / 2} ${eyeY} Q ${fx} ${eyeY - 6} ${rx - g.width / 2} ${eyeY}" stroke="${g.frame}" stroke-width="3" fill="none"/>`,
      `<path d="M ${lx - g.width / 2} ${eyeY} L ${cx - hw + 2} ${eyeY - 4} M ${rx + g.width / 2} ${eyeY} L ${cx + hw - 2} ${eyeY - 4}" stroke="${g.frame}" stroke-width="3" fill="none"/>`,
    );
  }
  // Nose: the bridge on the shaded side, the tip and nostrils.
  const noseTop = eyeY + 8;
  const tipX = fx + c.yaw * 6;
  parts.push(
    `<path d="M ${fx - lightSide * 4} ${noseTop} C ${fx - lightSide * 6} ${noseTip - 20}, ${tipX - f.noseWidth} ${noseTip - 6}, ${tipX - f.noseWidth * 0.7} ${noseTip + 4} Q ${tipX} ${noseTip + 12} ${tipX + f.noseWidth * 0.7} ${noseTip + 4}" stroke="${shade}" stroke-width="2.5" fill="none" stroke-linecap="round"/>`,
  );
  for (const side of [-1, 1]) {
    parts.push(
      `<ellipse cx="${tipX + side * f.noseWidth * 0.35}" cy="${noseTip + 5}" rx="${f.nostril}" ry="${f.nostril * 0.6}" fill="${shadeColour(f.skin, -0.45)}"/>`,
    );
  }
  if (f.moustache) {
    parts.push(
      `<path d="M ${fx - f.mouthWidth / 2 - 4} ${mouthY - 6} Q ${fx} ${mouthY - 22} ${fx + f.mouthWidth / 2 + 4} ${mouthY - 6} Q ${fx} ${mouthY - 12} ${fx - f.mouthWidth / 2 - 4} ${mouthY - 6} Z" fill="${f.hair}"/>`,
    );
  }
  // Mouth: upper and lower lips of their own fullness; the smile lifts the corners and bends the lip line.
  const mw = (f.mouthWidth / 2) * (1 + Math.max(0, c.smile) * 0.08);
  const corner = mouthY - c.smile * 5;
  const bend = 2 + c.smile * 6;
  const lips = shadeColour(f.skin, -f.lipShade);
  parts.push(
    `<path d="M ${fx - mw} ${corner} Q ${fx} ${mouthY - f.upperLip * 1.6} ${fx + mw} ${corner} Q ${fx} ${mouthY + bend} ${fx - mw} ${corner} Z" fill="${lips}"/>`,
    `<path d="M ${fx - mw} ${corner} Q ${fx} ${mouthY + bend + f.lowerLip * 1.4} ${fx + mw} ${corner} Q ${fx} ${mouthY + bend} ${fx - mw} ${corner} Z" fill="${shadeColour(lips, 0.08)}"/>`,
    `<path d="M ${fx - mw} ${corner} Q ${fx} ${mouthY + bend} ${fx + mw} ${corner}" stroke="#5a2e24" stroke-width="1.5" fill="none"/>`,
  );

  const light = Math.abs(c.light);
  // Exposure and colour cast over the whole photo, as a camera's would be.
  const exposure = c.exposure >= 0 ? `#ffffff` : `#000000`;
  const cast = c.warmth >= 0 ? "#ff9a3c" : "#3c8cff";
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
<rect width="${W}" height="${H}" fill="${exposure}" opacity="${Math.abs(c.exposure).toFixed(3)}"/>
<rect width="${W}" height="${H}" fill="${cast}" opacity="${(Math.abs(c.warmth) * 0.06).toFixed(3)}"/>
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

/** The colour `t` of the way from `a` to `b`. */
function mix(a: string, b: string, t: number): string {
  const ca = Number.parseInt(a.slice(1), 16);
  const cb = Number.parseInt(b.slice(1), 16);
  const ch = [16, 8, 0].map((s) => Math.round(((ca >> s) & 255) * (1 - t) + ((cb >> s) & 255) * t));
  return `#${ch.map((v) => v.toString(16).padStart(2, "0")).join("")}`;
}
