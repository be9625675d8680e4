import type { RequestHandler } from './$types';
import { photoResponse } from '../../photo-response';

/** An applicant's photo as a thumbnail for lists (see photo-response.ts). */
export const GET: RequestHandler = (event) => photoResponse(event, 'thumbnail');
