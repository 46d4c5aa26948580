/**
 * Calls back when the page moves to another address without loading (client-side navigation),
 * so a page that was not an article can be looked at again. The Navigation API where the
 * browser has it; otherwise `popstate` and a check of the address once a second.
 */
export function watchNavigation(onNavigate: () => void, settleMs = 750): void {
  let last = location.href;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const changed = () => {
    if (location.href === last) return;
    last = location.href;
    clearTimeout(timer);
    // Give the page time to render the new content before looking at it.
    timer = setTimeout(onNavigate, settleMs);
  };
  const navigation = (window as { navigation?: EventTarget }).navigation;
  if (navigation) navigation.addEventListener('navigatesuccess', changed);
  else {
    addEventListener('popstate', changed);
    setInterval(changed, 1000);
  }
}
