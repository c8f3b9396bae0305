// Worker threads do not inherit the main thread's module hooks: register tsx here, then load the worker.
import { register } from "tsx/esm/api";

register();
await import("./bench-match-worker.ts");
