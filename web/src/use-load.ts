import { useEffect, useState } from "preact/hooks";

/** Loads when the key changes; a failure becomes an error message. */
export function useLoad<T>(load: () => Promise<T>, key: string): { data: T | null; error: string } {
  const [state, setState] = useState<{ data: T | null; error: string }>({ data: null, error: "" });
  useEffect(() => {
    setState({ data: null, error: "" });
    load().then(
      (data) => setState({ data, error: "" }),
      (e: Error) => setState({ data: null, error: e.message }),
    );
  }, [key]);
  return state;
}
