// Linted as a platform file: platform/ must not import a domain module, not even its public face.
import { Public } from '../../identity';

export const decorator = Public;
