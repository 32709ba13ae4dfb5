import { useEffect, useRef } from "preact/hooks";
import type uPlot from "uplot";
import "uplot/dist/uPlot.min.css";

/** Options built once uPlot is loaded (series paths such as bars come from the module). */
export type ChartOptions = (lib: typeof uPlot, width: number) => uPlot.Options;

/** A uPlot chart, loaded on first use so that pages without charts do not fetch it. */
export function Chart({
  options,
  data,
  class: className,
}: {
  options: ChartOptions;
  data: uPlot.AlignedData;
  class: string;
}) {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let chart: uPlot | undefined;
    let cancelled = false;
    import("uplot").then(({ default: lib }) => {
      const el = container.current;
      if (cancelled || !el) return;
      chart = new lib(options(lib, Math.min(760, el.clientWidth || 760)), data, el);
    });
    return () => {
      cancelled = true;
      chart?.destroy();
    };
  }, [options, data]);
  return <div ref={container} class={className} />;
}

export const DAY_SECONDS = 86_400;
export const seconds = (day: string) => Date.parse(`${day}T00:00:00Z`) / 1000;
