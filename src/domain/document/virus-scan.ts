/** What a virus scanner says of a file: clean, or the name of what it found. */
export type VirusScanResult = 'clean' | { infected: string }

/**
 * The hook for a virus scanner (e.g. ClamAV's clamd): it gets the path of the uploaded file,
 * complete on disk and not yet stored, and an infected file is refused.
 */
export type VirusScanner = (filePath: string) => Promise<VirusScanResult>

/** The default when no scanner is set up: every file passes. */
export const noVirusScan: VirusScanner = async () => 'clean'
