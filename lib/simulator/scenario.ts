// A reproducible batch of MOSIP requests with a known answer: N manual-adjudication requests, each
// an applicant plus K gallery candidates of which some are the same person registered before
// (true duplicates) and the rest look-alikes on paper; optional verification requests; optional
// gallery entries whose datashare MOSIP failed to create (referenceURL null); optional re-sends
// that supersede an earlier request. Pure: datashare bodies are built later, on demand, from the
// subjects recorded here (see subject-datashare.ts).

import { MANUAL_ADJUDICATION_ID, VERIFICATION_ID } from "@/lib/mosip/message-ids";
import { formatMosipTime } from "@/lib/mosip/mosip-time";
import { createRng, hashSeed, uuidFrom, type Rng } from "./prng";
import { duplicateProfile, generateProfile, lookAlikeProfile, type PersonProfile } from "./synthetic-identity";

export type UrlForm = "plain" | "lts" | "array";

export interface ScenarioOptions {
  seed: number;
  adjudications: number;
  /** Gallery size per request (default 3). */
  candidates?: number;
  /** Share of adjudication requests with at least one true duplicate (default 0.5). */
  duplicateRate?: number;
  verifications?: number;
  /** Share of gallery entries sent with referenceURL null (default 0). */
  nullUrlRate?: number;
  /** How referenceURL is written in adjudication requests; "mixed" rotates through all three. Default "lts" (MOSIP's default). */
  urlForm?: UrlForm | "mixed";
  /** Base URL of the datashare server as the MAS will reach it, e.g. http://127.0.0.1:8089. */
  publicUrl: string;
  policyId?: string;
  subscriberId?: string;
  /** requesttime of the first request; later ones follow a few seconds apart. Default: now. */
  startTime?: Date;
  /** Adjudication requests MOSIP re-sends with a new requestId (the first one is superseded). */
  resends?: number;
  /** Mark this many fingers as exceptions on verification subjects (default 4). */
  verificationExceptions?: number;
  /**
   * Registrations MOSIP already holds (subjects of earlier requests): adjudication galleries are drawn from them
   * and a true duplicate is one of their people registering again, as ABIS finds earlier registrations. Each is
   * served again under a new share key with the same RID, person and capture. Empty or absent: every gallery
   * entry is a new registration made for its request.
   */
  registered?: readonly SimSubject[];
}

export interface SimSubject {
  rid: string;
  /** Same value for all registrations of one person: the ground truth of identity. */
  personSeed: number;
  captureSeed: number;
  female: boolean;
  profile: PersonProfile;
  /** "PROCESSED" subjects already hold a UIN: MOSIP serves them from the ID repository. */
  status: "PROCESSING" | "PROCESSED";
  source: "packet" | "idrepo";
  /** Null when MOSIP could not create the datashare. */
  shareKey: string | null;
  url: string | null;
  kind: "APPLICANT" | "CANDIDATE" | "VERIFICATION";
}

export interface SimRequest {
  kind: "ADJUDICATION" | "VERIFICATION";
  requestId: string;
  referenceId: string;
  /** Exactly what goes on the queue. */
  body: string;
  applicant: SimSubject;
  gallery: SimSubject[];
  /** requestId of the earlier request this one replaces (MOSIP re-send). */
  supersedes: string | null;
  urlForm: UrlForm;
}

export interface RequestTruth {
  kind: "ADJUDICATION" | "VERIFICATION";
  /** Gallery RIDs that are the applicant. */
  duplicates: string[];
  /** Gallery RIDs without data (referenceURL null): a human cannot confirm them. */
  unavailable: string[];
  /** Set when a later request replaced this one: MOSIP will ignore any answer to it. */
  supersededBy: string | null;
}

export interface Scenario {
  seed: number;
  requests: SimRequest[];
  /** Subjects with a datashare, by share key. */
  shares: Map<string, SimSubject>;
  truth: Map<string, RequestTruth>;
  policyId: string;
  subscriberId: string;
}

export const DEFAULT_POLICY_ID = "mpolicy-default-adjudication";
export const DEFAULT_SUBSCRIBER_ID = "mpartner-default-adjudication";

export function createScenario(opts: ScenarioOptions): Scenario {
  const rng = createRng(opts.seed);
  const policyId = opts.policyId ?? DEFAULT_POLICY_ID;
  const subscriberId = opts.subscriberId ?? DEFAULT_SUBSCRIBER_ID;
  const base = opts.publicUrl.replace(/\/+$/, "");
  const start = opts.startTime ?? new Date();
  const K = opts.candidates ?? 3;
  const shares = new Map<string, SimSubject>();
  const truth = new Map<string, RequestTruth>();
  const requests: SimRequest[] = [];
  let clock = start.getTime();
  let personCounter = 0;

  const newSubject = (
    r: Rng,
    person: { personSeed: number; female: boolean },
    profile: PersonProfile,
    kind: SimSubject["kind"],
    status: SimSubject["status"],
    withUrl: boolean,
    registeredAt: Date,
  ): SimSubject => {
    const shareKey = withUrl ? shareKeyFrom(r) : null;
    const subject: SimSubject = {
      rid: makeRid(r, registeredAt),
      personSeed: person.personSeed,
      captureSeed: r.int(0, 2 ** 31),
      female: person.female,
      profile,
      status,
      source: status === "PROCESSED" ? "idrepo" : "packet",
      shareKey,
      url: shareKey ? `${base}/v1/datashare/get/${policyId}/${subscriberId}/${shareKey}` : null,
      kind,
    };
    if (shareKey) shares.set(shareKey, subject);
    return subject;
  };

  /** The same registration served again: its RID, person and capture, under a new share key. */
  const servedAgain = (r: Rng, earlier: SimSubject, withUrl: boolean): SimSubject => {
    const shareKey = withUrl ? shareKeyFrom(r) : null;
    const subject: SimSubject = {
      ...earlier,
      kind: "CANDIDATE",
      shareKey,
      url: shareKey ? `${base}/v1/datashare/get/${policyId}/${subscriberId}/${shareKey}` : null,
    };
    if (shareKey) shares.set(shareKey, subject);
    return subject;
  };
  const registered = (opts.registered ?? []).filter((s) => s.kind !== "VERIFICATION");

  const forms: UrlForm[] = ["plain", "lts", "array"];
  for (let i = 0; i < opts.adjudications; i++) {
    const r = rng.fork(`adjudication-${i}`);
    const duplicates = (n: number) => (r.chance(opts.duplicateRate ?? 0.5) ? (n >= 3 && r.chance(0.25) ? 2 : Math.min(1, n)) : 0);
    let applicant: SimSubject;
    let gallery: SimSubject[];
    if (registered.length === 0 || K === 0) {
      const profile = generateProfile(r.fork("profile"), start.getUTCFullYear());
      const person = { personSeed: hashSeed(opts.seed, "person", personCounter++), female: profile.gender === "FEMALE" };
      applicant = newSubject(r, person, profile, "APPLICANT", "PROCESSING", true, new Date(clock - 3_600_000));
      const slots = Array.from({ length: K }, (_, j) => j < duplicates(K));
      shuffle(slots, r);
      gallery = slots.map((isDuplicate, j) => {
        const cr = r.fork(`candidate-${j}`);
        const registeredAt = new Date(clock - cr.int(30, 900) * 86_400_000);
        const withUrl = !cr.chance(opts.nullUrlRate ?? 0);
        const status = cr.chance(0.7) ? "PROCESSED" : "PROCESSING";
        if (isDuplicate) return newSubject(cr, person, duplicateProfile(profile, cr), "CANDIDATE", status, withUrl, registeredAt);
        const other = lookAlikeProfile(profile, cr);
        const lookAlike = { personSeed: hashSeed(opts.seed, "person", personCounter++), female: other.gender === "FEMALE" };
        return newSubject(cr, lookAlike, other, "CANDIDATE", status, withUrl, registeredAt);
      });
    } else {
      // The gallery from earlier registrations. A true duplicate: someone registered before registers again, under
      // a changed name or address. Otherwise a new person who looks like one of the candidates on paper (same family
      // name, gender and city, near birth date), so that the biometrics, not the demographics, decide.
      const anchor = r.pick(registered);
      const wanted = duplicates(K);
      const person =
        wanted > 0
          ? { personSeed: anchor.personSeed, female: anchor.female }
          : { personSeed: hashSeed(opts.seed, "person", personCounter++), female: anchor.female };
      const profile =
        wanted > 0 ? duplicateProfile(anchor.profile, r.fork("profile")) : lookAlikeProfile(anchor.profile, r.fork("profile"));
      applicant = newSubject(r, person, profile, "APPLICANT", "PROCESSING", true, new Date(clock - 3_600_000));
      const withUrl = (j: number) => !r.fork(`url-${j}`).chance(opts.nullUrlRate ?? 0);
      gallery = [servedAgain(r, anchor, withUrl(0))];
      if (wanted === 2) {
        // A third registration of the same person: an earlier one when MOSIP holds it, else one made now.
        const again = registered.find((s) => s.personSeed === anchor.personSeed && s.rid !== anchor.rid);
        const cr = r.fork("candidate-1");
        const status = cr.chance(0.7) ? "PROCESSED" : "PROCESSING";
        const registeredAt = new Date(clock - cr.int(30, 900) * 86_400_000);
        gallery.push(
          again
            ? servedAgain(r, again, withUrl(1))
            : newSubject(cr, person, duplicateProfile(anchor.profile, cr), "CANDIDATE", status, withUrl(1), registeredAt),
        );
      }
      // Others: distinct people, not the applicant, the applicant's gender first (as look-alikes would be).
      const others = registered.filter((s) => s.personSeed !== person.personSeed && s.personSeed !== anchor.personSeed);
      shuffle(others, r);
      others.sort((a, b) => Number(b.female === person.female) - Number(a.female === person.female));
      const seen = new Set<number>();
      for (const s of others) {
        if (gallery.length >= K) break;
        if (seen.has(s.personSeed)) continue;
        seen.add(s.personSeed);
        gallery.push(servedAgain(r, s, withUrl(gallery.length)));
      }
      // Too few registrations held: new look-alikes of the applicant, as without any.
      for (let j = gallery.length; j < K; j++) {
        const cr = r.fork(`candidate-${j}`);
        const other = lookAlikeProfile(profile, cr);
        const lookAlike = { personSeed: hashSeed(opts.seed, "person", personCounter++), female: other.gender === "FEMALE" };
        const status = cr.chance(0.7) ? "PROCESSED" : "PROCESSING";
        gallery.push(newSubject(cr, lookAlike, other, "CANDIDATE", status, withUrl(j), new Date(clock - cr.int(30, 900) * 86_400_000)));
      }
      shuffle(gallery, r);
    }
    const urlForm = opts.urlForm === "mixed" ? forms[i % 3] : (opts.urlForm ?? "lts");
    const requestId = uuidFrom(r);
    const body = adjudicationBody(requestId, applicant, gallery, urlForm, new Date(clock));
    requests.push({ kind: "ADJUDICATION", requestId, referenceId: applicant.rid, body, applicant, gallery, supersedes: null, urlForm });
    truth.set(requestId, {
      kind: "ADJUDICATION",
      duplicates: gallery.filter((g) => g.personSeed === applicant.personSeed).map((g) => g.rid),
      unavailable: gallery.filter((g) => g.url === null).map((g) => g.rid),
      supersededBy: null,
    });
    clock += 2_000 + r.int(0, 3_000);
  }

  // Re-sends: MOSIP got returnValue 2 or the reprocessor fired, so the same RID comes again with a
  // new requestId (and, since datashares expire, new shares of the same subjects).
  const adjudicationCount = requests.length;
  for (let i = 0; i < Math.min(opts.resends ?? 0, adjudicationCount); i++) {
    const r = rng.fork(`resend-${i}`);
    const original = requests[i];
    const reshare = (s: SimSubject): SimSubject => {
      const shareKey = s.shareKey ? shareKeyFrom(r) : null;
      const copy: SimSubject = {
        ...s,
        shareKey,
        url: shareKey ? `${base}/v1/datashare/get/${policyId}/${subscriberId}/${shareKey}` : null,
      };
      if (shareKey) shares.set(shareKey, copy);
      return copy;
    };
    const applicant = reshare(original.applicant);
    const gallery = original.gallery.map(reshare);
    const requestId = uuidFrom(r);
    const body = adjudicationBody(requestId, applicant, gallery, original.urlForm, new Date(clock));
    requests.push({
      kind: "ADJUDICATION",
      requestId,
      referenceId: applicant.rid,
      body,
      applicant,
      gallery,
      supersedes: original.requestId,
      urlForm: original.urlForm,
    });
    const old = truth.get(original.requestId)!;
    old.supersededBy = requestId;
    truth.set(requestId, { ...old, supersededBy: null });
    clock += 2_000;
  }

  for (let i = 0; i < (opts.verifications ?? 0); i++) {
    const r = rng.fork(`verification-${i}`);
    const profile = generateProfile(r.fork("profile"), start.getUTCFullYear());
    const person = { personSeed: hashSeed(opts.seed, "person", personCounter++), female: profile.gender === "FEMALE" };
    const applicant = newSubject(r, person, profile, "VERIFICATION", "PROCESSING", true, new Date(clock - 3_600_000));
    // The verification stage always sends a plain URL and reuses requestIds per workflow; a UUID it is.
    const requestId = uuidFrom(r);
    const body = verificationBody(requestId, applicant, new Date(clock));
    requests.push({
      kind: "VERIFICATION",
      requestId,
      referenceId: applicant.rid,
      body,
      applicant,
      gallery: [],
      supersedes: null,
      urlForm: "plain",
    });
    truth.set(requestId, { kind: "VERIFICATION", duplicates: [], unavailable: [], supersededBy: null });
    clock += 2_000;
  }

  return { seed: opts.seed, requests, shares, truth, policyId, subscriberId };
}

/** The request's body as MOSIP sends it at `at`: a prepared request keeps its content but is sent now. */
export function restampRequest(request: SimRequest, at: Date): string {
  // JSON.parse keeps key order, so the body stays in Jackson's order with only requesttime changed.
  return JSON.stringify({ ...JSON.parse(request.body), requesttime: formatMosipTime(at) });
}

/** referenceURL as the MA stage writes it for one subject. */
export function referenceUrlValue(subject: SimSubject, form: UrlForm): unknown {
  if (subject.url === null) return null;
  if (form === "plain") return subject.url;
  const entries = [{ source: subject.source, status: subject.status, url: subject.url }];
  return form === "lts" ? JSON.stringify(entries) : entries;
}

function adjudicationBody(requestId: string, applicant: SimSubject, gallery: SimSubject[], form: UrlForm, at: Date): string {
  // Key order and explicit nulls as Jackson serialises ManualAdjudicationRequestDTO.
  return JSON.stringify({
    id: MANUAL_ADJUDICATION_ID,
    version: "1.0",
    requestId,
    referenceId: applicant.rid,
    requesttime: formatMosipTime(at),
    referenceURL: referenceUrlValue(applicant, form),
    addtional: null,
    gallery: { referenceIds: gallery.map((g) => ({ referenceId: g.rid, referenceURL: referenceUrlValue(g, form) })) },
  });
}

function verificationBody(requestId: string, applicant: SimSubject, at: Date): string {
  return JSON.stringify({
    id: VERIFICATION_ID,
    version: "1.0",
    requestId,
    referenceId: applicant.rid,
    requesttime: formatMosipTime(at),
    referenceURL: applicant.url,
    addtional: null,
  });
}

/** MOSIP RID: centre id (5) + machine id (5) + sequence (5) + yyyyMMddHHmmss (14) = 29 digits. */
export function makeRid(rng: Rng, at: Date): string {
  const d = at.toISOString();
  const stamp = d.slice(0, 19).replace(/[-T:]/g, "");
  return `${rng.int(10001, 10099)}${rng.int(10001, 10999)}${String(rng.int(1, 99999)).padStart(5, "0")}${stamp}`;
}

/** Shaped like the datashare service's random share key (guessable from the scenario seed: a simulator, not a vault). */
function shareKeyFrom(rng: Rng): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  let key = "";
  for (let i = 0; i < 24; i++) key += alphabet[Math.floor(rng.next() * alphabet.length)];
  return key;
}

function shuffle<T>(items: T[], rng: Rng): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [items[i], items[j]] = [items[j], items[i]];
  }
}
