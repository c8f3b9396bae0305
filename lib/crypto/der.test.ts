import { test } from "node:test";
import assert from "node:assert/strict";
import * as der from "./der";

const hex = (b: Buffer) => b.toString("hex");

test("lengths: short form below 128, minimal long form above", () => {
  assert.equal(hex(der.encodeLength(0)), "00");
  assert.equal(hex(der.encodeLength(127)), "7f");
  assert.equal(hex(der.encodeLength(128)), "8180");
  assert.equal(hex(der.encodeLength(256)), "820100");
  assert.equal(hex(der.encodeLength(70000)), "83011170");
  assert.throws(() => der.encodeLength(-1), RangeError);
});

test("integers are minimal and positive", () => {
  assert.equal(hex(der.smallInteger(0)), "020100");
  assert.equal(hex(der.smallInteger(2)), "020102");
  assert.equal(hex(der.smallInteger(128)), "02020080");
  assert.equal(hex(der.unsignedInteger(Buffer.from("000001", "hex"))), "020101");
  assert.equal(hex(der.unsignedInteger(Buffer.from("ff", "hex"))), "020200ff");
});

test("object identifiers (X.690 8.19) including multi-byte arcs", () => {
  assert.equal(hex(der.objectIdentifier("1.2.840.113549.1.1.11")), "06092a864886f70d01010b");
  assert.equal(hex(der.objectIdentifier("2.5.4.3")), "0603550403");
  assert.equal(hex(der.objectIdentifier("2.5.29.19")), "0603551d13");
  assert.throws(() => der.objectIdentifier("1.x"), RangeError);
  assert.throws(() => der.objectIdentifier("1.40"), RangeError);
});

test("times: UTCTime until 2049, GeneralizedTime from 2050", () => {
  assert.equal(der.time(new Date(Date.UTC(2024, 0, 2, 3, 4, 5))).toString("latin1"), "\x17\x0d240102030405Z");
  assert.equal(der.time(new Date(Date.UTC(2050, 0, 1))).toString("latin1"), "\x18\x0f20500101000000Z");
});

test("bit strings", () => {
  assert.equal(hex(der.bitString(Buffer.from("abcd", "hex"))), "030300abcd");
  // keyUsage digitalSignature(0), keyEncipherment(2), dataEncipherment(3) -> 1011 0000, 4 unused bits
  assert.equal(hex(der.namedBits([0, 2, 3])), "030204b0");
  assert.equal(hex(der.namedBits([8])), "0303070080");
  assert.equal(hex(der.namedBits([])), "030100");
});

test("constructed values", () => {
  assert.equal(hex(der.sequence(der.nullValue(), der.boolean(true))), "30050500" + "0101ff");
  assert.equal(hex(der.set(der.utf8String("é"))), "3104" + "0c02c3a9");
  assert.equal(hex(der.explicit(3, der.nullValue())), "a3020500");
});
