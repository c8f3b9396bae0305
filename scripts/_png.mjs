import sharp from "sharp";
import { readFileSync } from "node:fs";
const [w,h] = process.argv.slice(2).map(Number);
const raw = readFileSync("/tmp/dbg.raw");
const out = Buffer.alloc(w*3*h);
for (let p=0;p<3;p++) for (let y=0;y<h;y++) for (let x=0;x<w;x++) out[y*w*3+p*w+x]=raw[p*w*h+y*w+x];
await sharp(out,{raw:{width:w*3,height:h,channels:1}}).png().toFile("/tmp/dbg.png");
