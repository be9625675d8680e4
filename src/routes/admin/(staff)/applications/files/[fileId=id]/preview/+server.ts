import type { RequestHandler } from './$types';
import { photoResponse } from '../../photo-response';

/** An applicant's photo at screen size for the application's page (see photo-response.ts). */
export const GET: RequestHandler = (event) => photoResponse(event, 'preview');
