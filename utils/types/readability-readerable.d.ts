// The readerable check alone (~8 KB), without the rest of Readability (~40 KB more), for the
// content script. The file is CommonJS and exports the function itself.
declare module '@mozilla/readability/Readability-readerable.js' {
  import type { isProbablyReaderable } from '@mozilla/readability';
  const check: typeof isProbablyReaderable;
  export default check;
}
