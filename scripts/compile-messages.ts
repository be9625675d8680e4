/** Compiles the interface strings (as the build does), so types can be checked on a fresh clone. */
import { compile } from '@inlang/paraglide-js';
import { paraglideOptions } from '../paraglide.options.js';

await compile(paraglideOptions);
