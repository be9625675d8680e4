import type { Config } from '../config';
import { DiskStorage } from './disk-storage';
import type { ObjectStorage } from './object-storage';
import { S3Storage } from './s3-storage';

/**
 * The storage the configuration names: the S3-compatible bucket when S3_* are
 * set, otherwise the data folder itself (keys such as media/… are its subfolders,
 * as they always were).
 */
export function createObjectStorage(config: Pick<Config, 'dataDir' | 's3'>): ObjectStorage {
	return config.s3 ? new S3Storage(config.s3) : new DiskStorage(config.dataDir);
}
