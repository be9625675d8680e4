import type { PageServerLoad } from './$types';
import { refuseUnlessDonationsOpen } from '../donations-closed';

export const load: PageServerLoad = () => {
	refuseUnlessDonationsOpen();
};
