// Synthetic applicants' demographics in MOSIP's ID-schema shape (fixture identity/ID.json), with
// every language-tagged value in English ("eng") and Arabic ("ara"). Names are random pairings of
// common given and family names, places are real regions with invented streets and numbers, phone
// numbers and e-mail addresses use ranges/domains reserved for examples: no real person.

import type { Rng } from "./prng";

export interface Bilingual {
  eng: string;
  ara: string;
}

export type Gender = "MALE" | "FEMALE";

interface Zone extends Bilingual {}
interface City extends Bilingual {
  postalBase: number;
  zones: Zone[];
}
interface Province extends Bilingual {
  cities: City[];
}
interface Region extends Bilingual {
  provinces: Province[];
}

const MALE: Bilingual[] = [
  { eng: "Ahmed", ara: "أحمد" },
  { eng: "Mohammed", ara: "محمد" },
  { eng: "Youssef", ara: "يوسف" },
  { eng: "Omar", ara: "عمر" },
  { eng: "Karim", ara: "كريم" },
  { eng: "Hassan", ara: "حسن" },
  { eng: "Ali", ara: "علي" },
  { eng: "Khalid", ara: "خالد" },
  { eng: "Tariq", ara: "طارق" },
  { eng: "Samir", ara: "سمير" },
  { eng: "Nabil", ara: "نبيل" },
  { eng: "Rachid", ara: "رشيد" },
  { eng: "Mehdi", ara: "مهدي" },
  { eng: "Amine", ara: "أمين" },
  { eng: "Hamza", ara: "حمزة" },
  { eng: "Ibrahim", ara: "إبراهيم" },
];

const FEMALE: Bilingual[] = [
  { eng: "Fatima", ara: "فاطمة" },
  { eng: "Aicha", ara: "عائشة" },
  { eng: "Khadija", ara: "خديجة" },
  { eng: "Salma", ara: "سلمى" },
  { eng: "Nadia", ara: "نادية" },
  { eng: "Layla", ara: "ليلى" },
  { eng: "Zineb", ara: "زينب" },
  { eng: "Meryem", ara: "مريم" },
  { eng: "Houda", ara: "هدى" },
  { eng: "Samira", ara: "سميرة" },
  { eng: "Amina", ara: "أمينة" },
  { eng: "Rania", ara: "رانيا" },
  { eng: "Yasmine", ara: "ياسمين" },
  { eng: "Hanane", ara: "حنان" },
  { eng: "Imane", ara: "إيمان" },
  { eng: "Sara", ara: "سارة" },
];

const FAMILY: Bilingual[] = [
  { eng: "El Amrani", ara: "العمراني" },
  { eng: "Benali", ara: "بن علي" },
  { eng: "Alaoui", ara: "العلوي" },
  { eng: "Bennani", ara: "بناني" },
  { eng: "Tazi", ara: "التازي" },
  { eng: "El Idrissi", ara: "الإدريسي" },
  { eng: "Berrada", ara: "برادة" },
  { eng: "Chraibi", ara: "الشرايبي" },
  { eng: "El Fassi", ara: "الفاسي" },
  { eng: "Haddad", ara: "الحداد" },
  { eng: "Mansouri", ara: "المنصوري" },
  { eng: "Naciri", ara: "الناصري" },
  { eng: "Ouazzani", ara: "الوزاني" },
  { eng: "Saidi", ara: "السعيدي" },
  { eng: "Zerouali", ara: "الزروالي" },
  { eng: "Kettani", ara: "الكتاني" },
];

const STREETS: Bilingual[] = [
  { eng: "Rue Al Massira", ara: "شارع المسيرة" },
  { eng: "Rue Ibn Sina", ara: "شارع ابن سينا" },
  { eng: "Avenue Al Qods", ara: "شارع القدس" },
  { eng: "Rue Al Andalous", ara: "شارع الأندلس" },
  { eng: "Rue Annasr", ara: "شارع النصر" },
  { eng: "Avenue Al Joulane", ara: "شارع الجولان" },
  { eng: "Rue Al Mansour", ara: "شارع المنصور" },
  { eng: "Rue Al Wahda", ara: "شارع الوحدة" },
];

const RESIDENCES: Bilingual[] = [
  { eng: "Residence Al Amal", ara: "إقامة الأمل" },
  { eng: "Residence Nour", ara: "إقامة النور" },
  { eng: "Residence Yasmine", ara: "إقامة الياسمين" },
  { eng: "Residence Al Bahr", ara: "إقامة البحر" },
  { eng: "Residence Assalam", ara: "إقامة السلام" },
];

const REGIONS: Region[] = [
  {
    eng: "Rabat Sale Kenitra",
    ara: "الرباط سلا القنيطرة",
    provinces: [
      {
        eng: "Rabat",
        ara: "الرباط",
        cities: [
          {
            eng: "Rabat",
            ara: "الرباط",
            postalBase: 10000,
            zones: [
              { eng: "Agdal", ara: "أكدال" },
              { eng: "Hassan", ara: "حسان" },
              { eng: "Souissi", ara: "السويسي" },
            ],
          },
        ],
      },
      {
        eng: "Kenitra",
        ara: "القنيطرة",
        cities: [
          {
            eng: "Kenitra",
            ara: "القنيطرة",
            postalBase: 14000,
            zones: [
              { eng: "Mehdia", ara: "المهدية" },
              { eng: "Saknia", ara: "الساكنية" },
            ],
          },
        ],
      },
    ],
  },
  {
    eng: "Casablanca Settat",
    ara: "الدار البيضاء سطات",
    provinces: [
      {
        eng: "Casablanca",
        ara: "الدار البيضاء",
        cities: [
          {
            eng: "Casablanca",
            ara: "الدار البيضاء",
            postalBase: 20000,
            zones: [
              { eng: "Maarif", ara: "المعاريف" },
              { eng: "Anfa", ara: "أنفا" },
              { eng: "Ain Sebaa", ara: "عين السبع" },
            ],
          },
        ],
      },
      {
        eng: "Settat",
        ara: "سطات",
        cities: [{ eng: "Settat", ara: "سطات", postalBase: 26000, zones: [{ eng: "Ben Ahmed", ara: "بن أحمد" }] }],
      },
    ],
  },
  {
    eng: "Fes Meknes",
    ara: "فاس مكناس",
    provinces: [
      {
        eng: "Fes",
        ara: "فاس",
        cities: [
          {
            eng: "Fes",
            ara: "فاس",
            postalBase: 30000,
            zones: [
              { eng: "Saiss", ara: "سايس" },
              { eng: "Fes Medina", ara: "فاس المدينة" },
            ],
          },
        ],
      },
      {
        eng: "Meknes",
        ara: "مكناس",
        cities: [{ eng: "Meknes", ara: "مكناس", postalBase: 50000, zones: [{ eng: "Hamria", ara: "الحمرية" }] }],
      },
    ],
  },
  {
    eng: "Marrakech Safi",
    ara: "مراكش آسفي",
    provinces: [
      {
        eng: "Marrakech",
        ara: "مراكش",
        cities: [
          {
            eng: "Marrakech",
            ara: "مراكش",
            postalBase: 40000,
            zones: [
              { eng: "Gueliz", ara: "جليز" },
              { eng: "Medina", ara: "المدينة" },
            ],
          },
        ],
      },
      {
        eng: "Safi",
        ara: "آسفي",
        cities: [{ eng: "Safi", ara: "آسفي", postalBase: 46000, zones: [{ eng: "Biada", ara: "البياضة" }] }],
      },
    ],
  },
];

const GENDER_TEXT: Record<Gender, Bilingual> = {
  MALE: { eng: "Male", ara: "ذكر" },
  FEMALE: { eng: "Female", ara: "أنثى" },
};

const RESIDENCE_STATUS: Bilingual[] = [
  { eng: "Non-Foreigner", ara: "مواطن" },
  { eng: "Foreigner", ara: "أجنبي" },
];

/** Everything needed to write one applicant's identity; kept structured so duplicates can vary it. */
export interface PersonProfile {
  gender: Gender;
  given: Bilingual;
  family: Bilingual;
  dateOfBirth: { year: number; month: number; day: number };
  region: Bilingual;
  province: Bilingual;
  city: Bilingual;
  zone: Bilingual;
  postalCode: string;
  street: Bilingual;
  houseNumber: number;
  residence: Bilingual;
  apartment: number;
  phone: string;
  emailUser: string;
  residenceStatus: Bilingual;
}

export function generateProfile(rng: Rng, referenceYear = 2025): PersonProfile {
  const gender: Gender = rng.chance(0.5) ? "MALE" : "FEMALE";
  const given = rng.pick(gender === "MALE" ? MALE : FEMALE);
  const family = rng.pick(FAMILY);
  const year = referenceYear - rng.int(18, 80);
  const place = pickPlace(rng);
  const profile: PersonProfile = {
    gender,
    given,
    family,
    dateOfBirth: { year, month: rng.int(1, 12), day: rng.int(1, 28) },
    ...place,
    street: rng.pick(STREETS),
    houseNumber: rng.int(1, 250),
    residence: rng.pick(RESIDENCES),
    apartment: rng.int(1, 40),
    phone: syntheticPhone(rng),
    emailUser: "",
    residenceStatus: rng.chance(0.9) ? RESIDENCE_STATUS[0] : RESIDENCE_STATUS[1],
  };
  profile.emailUser = emailUser(profile, rng);
  return profile;
}

/**
 * The same person registering again: same birth date and gender; the name is kept or changed
 * (an attempt under another given name), the address and phone usually changed. This is what an
 * officer has to see through, so the biometrics, not the demographics, carry the match.
 */
export function duplicateProfile(p: PersonProfile, rng: Rng): PersonProfile {
  const alias = rng.chance(0.4);
  const moved = rng.chance(0.6);
  const place = moved ? pickPlace(rng) : pick(p, ["region", "province", "city", "zone", "postalCode"]);
  const next: PersonProfile = {
    ...p,
    given: alias ? rng.pick((p.gender === "MALE" ? MALE : FEMALE).filter((n) => n.eng !== p.given.eng)) : p.given,
    ...place,
    street: moved ? rng.pick(STREETS) : p.street,
    houseNumber: moved ? rng.int(1, 250) : p.houseNumber,
    apartment: moved ? rng.int(1, 40) : p.apartment,
    phone: rng.chance(0.5) ? syntheticPhone(rng) : p.phone,
  };
  next.emailUser = emailUser(next, rng);
  return next;
}

/** A different person who looks alike on paper: same family name, gender and city, near birth date. */
export function lookAlikeProfile(p: PersonProfile, rng: Rng): PersonProfile {
  const names = p.gender === "MALE" ? MALE : FEMALE;
  const shift = rng.int(-3, 3) || 1;
  const next: PersonProfile = {
    ...p,
    given: rng.chance(0.5) ? p.given : rng.pick(names),
    dateOfBirth: { year: p.dateOfBirth.year + shift, month: rng.int(1, 12), day: rng.int(1, 28) },
    street: rng.pick(STREETS),
    houseNumber: rng.int(1, 250),
    residence: rng.pick(RESIDENCES),
    apartment: rng.int(1, 40),
    phone: syntheticPhone(rng),
    residenceStatus: p.residenceStatus,
  };
  next.emailUser = emailUser(next, rng);
  return next;
}

export type LanguageTagged = { language: string; value: string }[];

/** The `identity` object of a packet's ID.json: real JSON values (language arrays, objects). */
export function toIdentityJson(p: PersonProfile, opts: { documents?: readonly string[] } = {}): Record<string, unknown> {
  const d = p.dateOfBirth;
  const identity: Record<string, unknown> = {
    IDSchemaVersion: 0.2,
    fullName: tagged({ eng: `${p.given.eng} ${p.family.eng}`, ara: `${p.given.ara} ${p.family.ara}` }),
    dateOfBirth: `${d.year}/${pad2(d.month)}/${pad2(d.day)}`,
    gender: tagged(GENDER_TEXT[p.gender]),
    residenceStatus: tagged(p.residenceStatus),
    addressLine1: tagged({ eng: `${p.houseNumber} ${p.street.eng}`, ara: `${p.houseNumber} ${p.street.ara}` }),
    addressLine2: tagged({ eng: `${p.residence.eng}`, ara: `${p.residence.ara}` }),
    addressLine3: tagged({ eng: `Apartment ${p.apartment}`, ara: `شقة ${p.apartment}` }),
    region: tagged(p.region),
    province: tagged(p.province),
    city: tagged(p.city),
    zone: tagged(p.zone),
    postalCode: p.postalCode,
    phone: p.phone,
    email: `${p.emailUser}@example.org`,
    individualBiometrics: { format: "cbeff", version: 1.0, value: "individualBiometrics_bio_CBEFF" },
  };
  for (const doc of opts.documents ?? []) {
    identity[doc] = { value: doc, type: DOC_TYPES[doc] ?? "DOC001", format: doc === "proofOfIdentity" ? "pdf" : "png" };
  }
  return identity;
}

const DOC_TYPES: Record<string, string> = { proofOfAddress: "DOC006", proofOfIdentity: "DOC003" };

/**
 * What the packet-source datashare carries (packet manager PacketReaderImpl#getAll, contract notes
 * 4.3): strings as-is, numbers via toString, arrays and objects as compact JSON text.
 */
export function flattenIdentity(identity: Record<string, unknown>): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const [key, value] of Object.entries(identity)) {
    if (value === null || value === undefined) out[key] = null;
    else if (typeof value === "string") out[key] = value;
    else if (typeof value === "number" || typeof value === "boolean") out[key] = String(value);
    else out[key] = JSON.stringify(value);
  }
  return out;
}

function tagged(v: Bilingual): LanguageTagged {
  return [
    { language: "eng", value: v.eng },
    { language: "ara", value: v.ara },
  ];
}

function pickPlace(rng: Rng): Pick<PersonProfile, "region" | "province" | "city" | "zone" | "postalCode"> {
  const region = rng.pick(REGIONS);
  const province = rng.pick(region.provinces);
  const city = rng.pick(province.cities);
  const zone = rng.pick(city.zones);
  return {
    region: names(region),
    province: names(province),
    city: names(city),
    zone: names(zone),
    postalCode: String(city.postalBase + rng.int(0, 99) * 10).padStart(5, "0"),
  };
}

function names(v: Bilingual): Bilingual {
  return { eng: v.eng, ara: v.ara };
}

/** 0600 000 000 - 0600 999 999: a block used here only for synthetic data. */
function syntheticPhone(rng: Rng): string {
  return `0600${String(rng.int(0, 999999)).padStart(6, "0")}`;
}

function emailUser(p: PersonProfile, rng: Rng): string {
  const slug = (s: string) => s.toLowerCase().replace(/[^a-z]+/g, "");
  return `${slug(p.given.eng)}.${slug(p.family.eng)}${rng.int(1, 999)}`;
}

function pick<T extends object, K extends keyof T>(obj: T, keys: K[]): Pick<T, K> {
  const out = {} as Pick<T, K>;
  for (const k of keys) out[k] = obj[k];
  return out;
}

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}
