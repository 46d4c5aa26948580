/**
 * Calls back when the page moves to another address without loading (client-side navigation):
 * the Navigation API's `navigatesuccess` where the browser has it; otherwise `popstate` and a look
 * at the address once a second. Nothing is dispatched on the page: it cannot tell it is watched.
 */
export function watchAddress(onChange: () => void, signal?: AbortSignal): void {
  let last = location.href;
  const changed = () => {
    if (location.href === last) return;
    last = location.href;
    onChange();
  };
  const navigation = (window as { navigation?: EventTarget }).navigation;
  if (navigation) {
    navigation.addEventListener('navigatesuccess', changed, { signal });
    return;
  }
  addEventListener('popstate', changed, { signal });
  const timer = setInterval(changed, 1000);
  signal?.addEventListener('abort', () => clearInterval(timer));
}
