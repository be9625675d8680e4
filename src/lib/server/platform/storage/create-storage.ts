import type { Config } from '../config';
import { DiskStorage } from './disk-storage';
import type { ObjectStorage } from './object-storage';

/** The storage the configuration names: today the data folder itself (keys such as media/… are its subfolders). */
export function createObjectStorage(config: Pick<Config, 'dataDir'>): ObjectStorage {
	return new DiskStorage(config.dataDir);
}
