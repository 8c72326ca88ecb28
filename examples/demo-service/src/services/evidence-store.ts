/**
 * Storage for applicants' uploaded evidence (identity documents, benefit
 * letters, photos, medical letters).
 *
 * Uploads go straight from the browser to S3 using a presigned URL. S3 then
 * publishes an `ObjectCreated` event to the scan queue and the scanner tags the
 * object `scan-status=clean|infected` (see ADR-0003). Evidence must not be shown
 * to assessors until it is tagged `clean`.
 *
 * @packageDocumentation
 */

import { GetObjectTaggingCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { randomUUID } from 'node:crypto';
import type { CouncilCode, EvidenceRef } from '../domain/application.js';
import { UpstreamServiceError, ValidationError, type ValidationIssue } from '../http/errors.js';

/** MIME types accepted for evidence. HEIC is converted by the scanner. */
export const ALLOWED_CONTENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png', 'image/heic'] as const;

export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;

/** A presigned upload handed back to the client. */
export interface UploadTicket {
  evidenceId: string;
  /** PUT this URL with the file body and the same `Content-Type`. */
  uploadUrl: string;
  /** ISO 8601 timestamp after which the URL stops working. */
  expiresAt: string;
}

/** Request for a new upload slot. */
export interface UploadRequest {
  councilCode: CouncilCode;
  applicationId: string;
  kind: EvidenceRef['kind'];
  contentType: string;
  sizeBytes: number;
}

/** Port for evidence storage, so that tests can use an in-memory fake. */
export interface EvidenceStore {
  /**
   * Reserves an object key and returns a short-lived presigned upload URL.
   *
   * @param request - What is being uploaded and for which application.
   * @returns A ticket the client uses to upload directly to storage.
   */
  createUpload(request: UploadRequest): Promise<UploadTicket>;

  /**
   * Reads the virus-scan result for a piece of evidence.
   *
   * @param councilCode - Council that owns the application.
   * @param applicationId - Application the evidence belongs to.
   * @param evidenceId - ID returned from {@link EvidenceStore.createUpload}.
   * @returns The scan status; `pending` until the scanner has tagged the object.
   */
  scanStatus(councilCode: CouncilCode, applicationId: string, evidenceId: string): Promise<EvidenceRef['scanStatus']>;
}

/**
 * S3-backed {@link EvidenceStore}.
 *
 * Objects are keyed `<councilCode>/<applicationId>/<evidenceId>` so that a
 * council's data can be exported or deleted as a unit when it leaves the service.
 */
export class S3EvidenceStore implements EvidenceStore {
  /**
   * @param s3 - Configured S3 client.
   * @param bucket - Evidence bucket name, e.g. `bb-evidence-prod`.
   * @param uploadTtlSeconds - Lifetime of presigned URLs. Keep short; 15 minutes is plenty.
   */
  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
    private readonly uploadTtlSeconds = 900,
  ) {}

  async createUpload(request: UploadRequest): Promise<UploadTicket> {
    const issues: ValidationIssue[] = [];
    if (!(ALLOWED_CONTENT_TYPES as readonly string[]).includes(request.contentType)) {
      issues.push({ pointer: '/contentType', message: `Unsupported type ${request.contentType}` });
    }
    if (request.sizeBytes <= 0 || request.sizeBytes > MAX_EVIDENCE_BYTES) {
      issues.push({ pointer: '/sizeBytes', message: 'File must be between 1 byte and 10 MB' });
    }
    if (issues.length > 0) throw new ValidationError(issues);

    const evidenceId = randomUUID();
    const command = new PutObjectCommand({
      Bucket: this.bucket,
      Key: this.key(request.councilCode, request.applicationId, evidenceId),
      ContentType: request.contentType,
      ContentLength: request.sizeBytes,
      Tagging: `evidence-kind=${request.kind}&scan-status=pending`,
      ServerSideEncryption: 'aws:kms',
    });

    try {
      const uploadUrl = await getSignedUrl(this.s3, command, { expiresIn: this.uploadTtlSeconds });
      const expiresAt = new Date(Date.now() + this.uploadTtlSeconds * 1000).toISOString();
      return { evidenceId, uploadUrl, expiresAt };
    } catch (err) {
      throw new UpstreamServiceError('s3', err);
    }
  }

  async scanStatus(councilCode: CouncilCode, applicationId: string, evidenceId: string): Promise<EvidenceRef['scanStatus']> {
    try {
      const result = await this.s3.send(
        new GetObjectTaggingCommand({ Bucket: this.bucket, Key: this.key(councilCode, applicationId, evidenceId) }),
      );
      const tag = result.TagSet?.find((t) => t.Key === 'scan-status')?.Value;
      return tag === 'clean' || tag === 'infected' || tag === 'failed' ? tag : 'pending';
    } catch (err) {
      throw new UpstreamServiceError('s3', err);
    }
  }

  private key(councilCode: CouncilCode, applicationId: string, evidenceId: string): string {
    return `${councilCode}/${applicationId}/${evidenceId}`;
  }
}
