// In-memory file transfer store of the broker stand-in, one per app instance. File content is not
// here: it lives on disk (files.ts). The statuses and their default texts are docs/contracts/dialogporten-broker.md §B.3.

export const TRANSFER_STATUS_TEXT = {
  Initialized: 'Ready for upload',
  UploadStarted: 'Upload started',
  UploadProcessing: 'Processing upload',
  Published: 'Ready for download',
  Cancelled: 'FileTransfer cancelled',
  AllConfirmedDownloaded: 'All downloaded',
  Purged: 'FileTransfer has been purged',
  Failed: 'Upload failed',
} as const;
export type TransferStatus = keyof typeof TRANSFER_STATUS_TEXT;
export const TRANSFER_STATUSES = Object.keys(TRANSFER_STATUS_TEXT) as TransferStatus[];

export const RECIPIENT_STATUS_TEXT = {
  Initialized: 'Initialized',
  DownloadStarted: 'Recipient has attempted to download fileTransfer',
  DownloadConfirmed: 'Recipient has downloaded fileTransfer',
} as const;
export type RecipientStatus = keyof typeof RECIPIENT_STATUS_TEXT;
export const RECIPIENT_STATUSES = Object.keys(RECIPIENT_STATUS_TEXT) as RecipientStatus[];

export interface TransferStatusEvent {
  fileTransferStatus: TransferStatus;
  fileTransferStatusText: string;
  fileTransferStatusChanged: string;
}

export interface RecipientStatusEvent {
  recipient: string;
  recipientFileTransferStatusCode: RecipientStatus;
  recipientFileTransferStatusText: string;
  recipientFileTransferStatusChanged: string;
}

export interface FileTransfer {
  fileTransferId: string;
  /** Without the `urn:altinn:resource:` prefix. */
  resourceId: string;
  fileName: string;
  sendersFileTransferReference: string | null;
  /** Lower-case MD5 hex: given at initialize, or computed at upload when none was given. */
  checksum: string | null;
  useVirusScan: boolean;
  fileTransferSize: number;
  /** `0192:<orgno>` */
  sender: string;
  recipients: string[];
  propertyList: Record<string, string>;
  created: string;
  expirationTime: string;
  published: string | null;
  statusHistory: TransferStatusEvent[];
  recipientHistory: RecipientStatusEvent[];
  /** True once the content is on disk, complete and checked (published). */
  hasFile: boolean;
}

export function currentStatus(t: FileTransfer): TransferStatusEvent {
  return t.statusHistory[t.statusHistory.length - 1] as TransferStatusEvent;
}

export function currentRecipientStatus(t: FileTransfer, recipient: string): RecipientStatusEvent | undefined {
  return t.recipientHistory.filter((e) => e.recipient === recipient).pop();
}

export class FileTransferStore {
  private readonly transfers = new Map<string, FileTransfer>();
  /** Transfers with an upload in flight (one at a time per transfer). */
  private readonly uploading = new Set<string>();

  add(transfer: FileTransfer): void {
    this.transfers.set(transfer.fileTransferId, structuredClone(transfer));
  }

  get(id: string): FileTransfer | undefined {
    const found = this.transfers.get(id.toLowerCase());
    return found ? structuredClone(found) : undefined;
  }

  put(transfer: FileTransfer): void {
    if (!this.transfers.has(transfer.fileTransferId)) throw new Error(`no file transfer ${transfer.fileTransferId}`);
    this.transfers.set(transfer.fileTransferId, structuredClone(transfer));
  }

  all(): FileTransfer[] {
    return [...this.transfers.values()].map((t) => structuredClone(t));
  }

  /** Claims the upload slot of a transfer; false when another upload holds it. */
  beginUpload(id: string): boolean {
    if (this.uploading.has(id)) return false;
    this.uploading.add(id);
    return true;
  }

  endUpload(id: string): void {
    this.uploading.delete(id);
  }
}
