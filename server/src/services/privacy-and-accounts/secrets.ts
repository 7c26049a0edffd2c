/**
 * Random tokens, their stored hashes, and the sealed voter (or booking) token
 * that lets a retried join (or booking) return the same answer without storing
 * the token in clear.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { pooledRandomBytes } from "../../random-bytes.ts";

export const newToken = (): string => pooledRandomBytes(32).toString("base64url");

export const sha256 = (s: string): string => createHash("sha256").update(s).digest("hex");

export const tokenHash = (token: string): string => sha256(`token:${token}`);

const sealKey = (requestId: string): Buffer => createHash("sha256").update(`seal:${requestId}`).digest();

/** Encrypts a voter (or booking) token under a key only the sender of requestId can derive. */
export function sealWithRequestId(secret: string, requestId: string): string {
  const iv = pooledRandomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", sealKey(requestId), iv);
  const body = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url");
}

export function openWithRequestId(sealed: string, requestId: string): string | null {
  try {
    const raw = Buffer.from(sealed, "base64url");
    const decipher = createDecipheriv("aes-256-gcm", sealKey(requestId), raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}

/** 8 characters without look-alikes (no 0/O, 1/I/L), for tracking codes read over the phone. */
export function trackingCode(): string {
  const alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
  const bytes = randomBytes(8);
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join("");
}
