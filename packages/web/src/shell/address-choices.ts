import { useSearchParams } from 'react-router';

/**
 * A view's choices kept in the address (?doc=…&mode=…), so a view can be linked. A change is
 * applied synchronously (flushSync) rather than as a transition: a controlled radio or select bound
 * to the address would otherwise snap back to its old value until the transition commits.
 * An empty value removes the key.
 */
export function useAddressChoices(): [URLSearchParams, (changes: Record<string, string>) => void] {
  const [params, setParams] = useSearchParams();
  const choose = (changes: Record<string, string>) =>
    setParams(
      (p) => {
        for (const [k, v] of Object.entries(changes)) {
          if (v) p.set(k, v);
          else p.delete(k);
        }
        return p;
      },
      { flushSync: true },
    );
  return [params, choose];
}
