// Draws the Teams icons (192×192 colour, 32×32 white outline on transparent) for each web
// part into teams/, named <component id>_color.png / _outline.png as SPFx expects.
// Run once when a web part is added: node dev/scripts/make-teams-icons.mjs
import { deflateSync } from "zlib";
import { writeFileSync, mkdirSync } from "fs";

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function png(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x / size, y / size);
      raw.set([r, g, b, a], y * (size * 4 + 1) + 1 + x * 4);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk("IHDR", ihdr), chunk("IDAT", deflateSync(raw)), chunk("IEND", Buffer.alloc(0))]);
}

// One simple glyph per web part: two linked rings (agreements), a calendar grid (yearly
// cycle), a person with a card (department portal), bars (results).
const glyphs = {
  "fbc569c9-209f-4bec-b708-b72342d33e77": (x, y) => {
    const ring = (cx) => Math.abs(Math.hypot(x - cx, y - 0.5) - 0.2) < 0.05;
    return ring(0.38) || ring(0.62);
  },
  "1293594f-bbd9-4910-a26d-d6ef042bb5eb": (x, y) =>
    x > 0.2 && x < 0.8 && y > 0.22 && y < 0.8 && (y < 0.34 || Math.abs(((x - 0.2) % 0.15) - 0.075) > 0.05 && Math.abs(((y - 0.34) % 0.15) - 0.075) > 0.05),
  "d0902aaa-5799-4eac-bd91-9a0a2dfd0f3a": (x, y) => Math.hypot(x - 0.5, y - 0.35) < 0.13 || (y > 0.52 && y < 0.8 && Math.abs(x - 0.5) < 0.25 - (0.8 - y) * 0.3),
  "106fd215-1fca-4236-ba32-d10fea1eaf6a": (x, y) =>
    y < 0.8 && ((x > 0.22 && x < 0.34 && y > 0.5) || (x > 0.44 && x < 0.56 && y > 0.3) || (x > 0.66 && x < 0.78 && y > 0.42)),
};

mkdirSync("teams", { recursive: true });
for (const [id, glyph] of Object.entries(glyphs)) {
  writeFileSync(`teams/${id}_color.png`, png(192, (x, y) => (glyph(x, y) ? [255, 255, 255, 255] : [15, 108, 189, 255])));
  writeFileSync(`teams/${id}_outline.png`, png(32, (x, y) => (glyph(x, y) ? [255, 255, 255, 255] : [0, 0, 0, 0])));
}
console.log("teams icons written");
