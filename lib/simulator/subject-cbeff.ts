// One subject's synthetic images -> ISO records -> CBEFF XML, i.e. the packet's
// individualBiometrics as the datashare carries it.

import { FINGER_POSITIONS, type SingleFingerPosition } from "@/lib/biometrics/positions";
import { encodeWsq } from "@/lib/biometrics/wsq/encode-wsq";
import { writeFaceRecord } from "./iso/write-face-record";
import { writeFingerRecord, type FingerCompression } from "./iso/write-finger-record";
import { writeIrisRecord } from "./iso/write-iris-record";
import { createRng, hashSeed, uuidFrom } from "./prng";
import { generateBiometricImages, type BiometricSubject } from "./synthetic-images";
import { writeCbeff, type CbeffEntry } from "./write-cbeff";

export interface SubjectCbeffOptions {
  /** Biometrics marked as exceptions (not captured): finger positions and/or "LEFT_IRIS"/"RIGHT_IRIS". */
  exceptions?: readonly (SingleFingerPosition | "LEFT_IRIS" | "RIGHT_IRIS")[];
  /** PNG (default, lossless and cheap) or WSQ (what many MOSIP finger devices send). */
  fingerCodec?: FingerCompression;
  /** Leave modalities out entirely (a policy filter), as opposed to marking exceptions. */
  modalities?: readonly ("Finger" | "Face" | "Iris")[];
  captureDate?: Date;
}

export async function generateSubjectCbeff(subject: BiometricSubject, opts: SubjectCbeffOptions = {}): Promise<string> {
  const exceptions = new Set<string>(opts.exceptions ?? []);
  const modalities = new Set(opts.modalities ?? ["Finger", "Face", "Iris"]);
  const captured = FINGER_POSITIONS.filter((p) => !exceptions.has(p));
  const eyes = (["LEFT", "RIGHT"] as const).filter((e) => !exceptions.has(`${e}_IRIS`));
  const images = await generateBiometricImages(subject, {
    fingers: modalities.has("Finger") ? captured : [],
    irises: modalities.has("Iris") ? eyes : [],
    face: modalities.has("Face"),
  });
  const date = opts.captureDate ?? new Date();
  const ids = createRng(hashSeed(subject.captureSeed, "bdb-index"));
  const entries: CbeffEntry[] = [];

  if (modalities.has("Finger")) {
    for (const position of FINGER_POSITIONS) {
      const img = images.fingers.find((f) => f.position === position);
      if (!img) {
        entries.push({ modality: "Finger", position, bdb: null, quality: 0, exception: true, index: uuidFrom(ids), creationDate: date });
        continue;
      }
      const codec = opts.fingerCodec ?? "PNG";
      const grey = img.image.grey;
      const data = codec === "WSQ" && grey ? encodeWsq(grey.data, grey.width, grey.height, { ppi: img.ppi }) : img.image.data;
      const record = writeFingerRecord({
        positionCode: FINGER_POSITIONS.indexOf(position) + 1,
        compression: codec,
        width: img.image.width,
        height: img.image.height,
        image: data,
        ppi: img.ppi,
        quality: [{ score: img.image.quality }],
        captureDate: date,
      });
      entries.push({ modality: "Finger", position, bdb: record, quality: img.image.quality, index: uuidFrom(ids), creationDate: date });
    }
  }
  if (modalities.has("Iris")) {
    for (const eye of ["LEFT", "RIGHT"] as const) {
      const img = images.irises.find((i) => i.eye === eye);
      if (!img) {
        entries.push({ modality: "Iris", position: eye, bdb: null, quality: 0, exception: true, index: uuidFrom(ids), creationDate: date });
        continue;
      }
      const record = writeIrisRecord({
        eye,
        format: img.image.format === "JPEG" ? "MONO_JPEG" : "MONO_PNG",
        width: img.image.width,
        height: img.image.height,
        image: img.image.data,
        quality: [{ score: img.image.quality }],
        captureDate: date,
      });
      entries.push({ modality: "Iris", position: eye, bdb: record, quality: img.image.quality, index: uuidFrom(ids), creationDate: date });
    }
  }
  if (images.face) {
    const record = writeFaceRecord({
      dataType: "PNG",
      width: images.face.width,
      height: images.face.height,
      image: images.face.data,
      colourSpace: 1,
      gender: subject.female ? 2 : 1,
      quality: [{ score: images.face.quality }],
      captureDate: date,
    });
    entries.push({ modality: "Face", position: null, bdb: record, quality: images.face.quality, index: uuidFrom(ids), creationDate: date });
  }
  return writeCbeff(entries);
}
