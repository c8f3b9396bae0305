"use client";
import { useEffect } from "react";
import { getSession } from "next-auth/react";

const THROTTLE_MS = 60_000;

/**
 * Sessions expire after an idle time (MAS_SESSION_IDLE_MINUTES). Asking for the session re-issues the cookie,
 * so do that on real activity only: an open but untouched tab lets the session lapse.
 */
export function SessionKeepAlive() {
  useEffect(() => {
    let last = Date.now();
    const onActivity = () => {
      const now = Date.now();
      if (now - last < THROTTLE_MS) return;
      last = now;
      void getSession();
    };
    const events = ["keydown", "pointerdown", "wheel"] as const;
    for (const e of events) window.addEventListener(e, onActivity, { passive: true });
    return () => {
      for (const e of events) window.removeEventListener(e, onActivity);
    };
  }, []);
  return null;
}
