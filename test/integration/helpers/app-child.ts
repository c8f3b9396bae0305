// A whole MAS instance without its web server, for graceful-stop.test.ts: the same boot as instrumentation.ts
// (bridge, downloads, publisher, periodic tasks) and the same SIGTERM handling. Prints "ready" once booted.
import { ready } from "@/lib/boot/boot-app";
import { handleStopSignals } from "@/lib/boot/handle-stop-signals";
import { getEnv } from "@/lib/env/get-env";

const log = (l: string) => console.log(l);
await ready(log);
if (!handleStopSignals(getEnv().stopGraceSeconds * 1000, log)) throw new Error("NEXT_MANUAL_SIG_HANDLE=true is needed");
console.log("ready");
