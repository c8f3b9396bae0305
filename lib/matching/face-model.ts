import "server-only";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import * as tf from "@tensorflow/tfjs-core";
// face-api calls tensor methods (t.as3D(), t.toFloat(), ...), which tfjs-core's ES build leaves unregistered.
import "@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops";
import { setWasmPaths } from "@tensorflow/tfjs-backend-wasm";
import * as faceapi from "@vladmandic/face-api/dist/face-api.esm-nobundle.js";
import { FACE_MODEL_UNAVAILABLE } from "./face-distance";

// The face-recognition model of @vladmandic/face-api, run by TensorFlow.js on its WebAssembly backend, one thread,
// on the CPU: SSD MobileNet v1 finds the face, the 68-point landmark net aligns it, and the ResNet-34-like
// recognition net turns the aligned 150x150 face into a 128-number descriptor. Everything is read from the npm
// packages on disk (weights in face-api's model/ folder, the .wasm next to the backend's files): nothing is
// fetched. Runs inside a worker of the face pool (face-worker-entry.ts); the descriptor it returns is biometric
// data, memory only.

/** The weights used, by manifest file (the package's other models, age/gender and expressions, are not loaded). */
const MODELS = {
  detector: "ssd_mobilenetv1_model-weights_manifest.json",
  landmarks: "face_landmark_68_model-weights_manifest.json",
  recognition: "face_recognition_model-weights_manifest.json",
} as const;

/**
 * Lowest detector confidence accepted. Passport-style captures score 0.9+; a backlit or cropped photo may score far
 * lower and is still a face, so the bar is low and the confidence is reported with the descriptor.
 */
export const MIN_DETECTION_CONFIDENCE = 0.1;

export interface FaceDescription {
  /** 128 numbers, L2-normalised by the model (biometric data: memory only). */
  descriptor: Float32Array;
  /** The detector's confidence (0-1) in the face it described. */
  detection: number;
  /** The face's box in the image, in pixels. */
  box: { x: number; y: number; width: number; height: number };
}

const require = createRequire(import.meta.url);

/**
 * A package's folder on disk, found through Node's resolution from this file (or the bundle made from it): by its
 * package.json, so the artifact ships only the files read here, not the package's JavaScript.
 */
function packageDir(name: string, probe: string): string {
  const dir = dirname(require.resolve(`${name}/package.json`));
  if (!existsSync(join(dir, probe))) throw new Error(`${name}: ${probe} not found on disk`);
  return dir;
}

/** face-api's declarations carry their own copy of tfjs-core's types; the tensors are the same at run time. */
type FaceApiWeightMap = Parameters<typeof faceapi.nets.faceRecognitionNet.loadFromWeightMap>[0];

/** Reads one model's weights (manifest + .bin shards) from disk into named tensors. */
function loadWeightMap(modelDir: string, manifestFile: string): FaceApiWeightMap {
  const manifest = JSON.parse(readFileSync(join(modelDir, manifestFile), "utf8")) as tf.io.WeightsManifestConfig;
  const map: tf.NamedTensorMap = {};
  for (const group of manifest) {
    const shards = group.paths.map((p) => readFileSync(join(modelDir, p)));
    const all = Buffer.concat(shards);
    const buffer = all.buffer.slice(all.byteOffset, all.byteOffset + all.byteLength) as ArrayBuffer;
    Object.assign(map, tf.io.decodeWeights(buffer, group.weights));
  }
  return map as unknown as FaceApiWeightMap;
}

let ready: Promise<void> | null = null;

/** Starts the backend and loads the three nets, once per thread; a failed start is retried on the next call. */
export function loadFaceModel(): Promise<void> {
  ready ??= (async () => {
    // One thread per pool worker: the pool, not the backend, spreads the work over the cores.
    tf.env().set("WASM_HAS_MULTITHREAD_SUPPORT", false);
    setWasmPaths(`${join(packageDir("@tensorflow/tfjs-backend-wasm", "dist/tfjs-backend-wasm.wasm"), "dist")}/`);
    if (!(await tf.setBackend("wasm"))) throw new Error("the TensorFlow.js WebAssembly backend did not start");
    await tf.ready();
    const modelDir = join(packageDir("@vladmandic/face-api", "model"), "model");
    faceapi.nets.ssdMobilenetv1.loadFromWeightMap(loadWeightMap(modelDir, MODELS.detector));
    faceapi.nets.faceLandmark68Net.loadFromWeightMap(loadWeightMap(modelDir, MODELS.landmarks));
    faceapi.nets.faceRecognitionNet.loadFromWeightMap(loadWeightMap(modelDir, MODELS.recognition));
  })().catch((e) => {
    ready = null;
    throw Object.assign(new Error(`the face model did not start: ${(e as Error).message}`), { code: FACE_MODEL_UNAVAILABLE });
  });
  return ready;
}

/**
 * The descriptor of the most confident face in an 8-bit RGB image (interleaved, row-major), or null when the
 * detector finds none.
 */
export async function describeFace(rgb: { width: number; height: number; data: Uint8Array }): Promise<FaceDescription | null> {
  await loadFaceModel();
  const input = tf.tensor3d(Int32Array.from(rgb.data), [rgb.height, rgb.width, 3], "int32");
  try {
    const options = new faceapi.SsdMobilenetv1Options({ minConfidence: MIN_DETECTION_CONFIDENCE, maxResults: 5 });
    const found = await faceapi
      .detectSingleFace(input as unknown as faceapi.TNetInput, options)
      .withFaceLandmarks()
      .withFaceDescriptor();
    if (!found) return null;
    const b = found.detection.box;
    return {
      descriptor: Float32Array.from(found.descriptor),
      detection: found.detection.score,
      box: { x: b.x, y: b.y, width: b.width, height: b.height },
    };
  } finally {
    input.dispose();
  }
}
