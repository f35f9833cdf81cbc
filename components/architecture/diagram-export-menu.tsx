'use client';
/**
 * "Export ▾" in the diagram toolbar: the whole diagram as a standalone SVG or a 2× PNG, with a
 * title line and the legend, on a light background by default (what documents and slides
 * want) or a dark one. A disclosure, not a menu: Tab reaches every control, Escape closes it
 * and returns focus to the button.
 */
import { type KeyboardEvent, type RefObject, useEffect, useId, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { Button } from '@/components/ui/button';
import { type ExportFormat, type ExportLayout, type ExportTheme, type ExportTitle, exportFileName, exportLayout, exportTitle, provenanceOf } from '@/lib/ui/diagram-export';
import { diagramBounds, saveFile, standaloneSvg, svgToPng } from '@/lib/ui/diagram-export-dom';
import type { DiagramFilter } from '@/lib/ui/diagram-filter';
import { usePaths } from '@/lib/ui/paths-context';
import { cn } from '@/lib/utils/cn';
import { DiagramExportFrame } from './diagram-export-frame';

/** What the toolbar needs from the diagram to export it. */
export interface DiagramExportSource {
  svgRef: RefObject<SVGSVGElement | null>;
  context: string;
  collectedAt?: string;
}

const THEMES: { value: ExportTheme; label: string }[] = [
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

export function DiagramExportMenu({ source, filter }: { source: DiagramExportSource; filter: DiagramFilter }) {
  const id = useId();
  const paths = usePaths();
  const [open, setOpen] = useState(false);
  const [theme, setTheme] = useState<ExportTheme>('light');
  const [busy, setBusy] = useState<ExportFormat | undefined>();
  const [message, setMessage] = useState('');
  const [frame, setFrame] = useState<{ layout: ExportLayout; title: ExportTitle } | undefined>();
  const wrapRef = useRef<HTMLDivElement>(null);
  const frameRef = useRef<SVGSVGElement>(null);

  // A click anywhere else closes the panel.
  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      if (!wrapRef.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onDown);
    return () => document.removeEventListener('pointerdown', onDown);
  }, [open]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'Escape' || !open) return;
    e.stopPropagation();
    setOpen(false);
    wrapRef.current?.querySelector('button')?.focus();
  };

  const run = async (format: ExportFormat) => {
    const diagram = source.svgRef.current;
    if (!diagram || busy) return;
    const fileName = exportFileName(source.context, source.collectedAt, format);
    setBusy(format);
    setMessage(format === 'png' ? 'Drawing the PNG…' : '');
    try {
      const title = exportTitle({ context: source.context, collectedAt: source.collectedAt, provenance: provenanceOf(paths.overview(source.context)), filter });
      const layout = exportLayout(diagramBounds(diagram), title);
      // Render the frame now, so its computed styles can be read in this same task.
      flushSync(() => setFrame({ layout, title }));
      const frameEl = frameRef.current;
      if (!frameEl) throw new Error('the export frame did not render');
      const text = standaloneSvg({ diagram, frame: frameEl, theme, title });
      setFrame(undefined);
      const blob = format === 'svg' ? new Blob([text], { type: 'image/svg+xml' }) : await svgToPng(text, layout.width, layout.height);
      saveFile(blob, fileName);
      setMessage(`Saved ${fileName}`);
    } catch (err) {
      setFrame(undefined);
      setMessage(`Could not export the diagram: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <div ref={wrapRef} className="relative" onKeyDown={onKeyDown}>
      {/* At 1280 px the toolbar is full: the word and chevron show only where it has room; the name always. */}
      <Button variant="secondary" aria-expanded={open} aria-controls={`${id}-panel`} onClick={() => setOpen(!open)} aria-label="Export diagram" title="Export the whole diagram as SVG or PNG">
        <svg viewBox="0 0 16 16" className="size-4" aria-hidden="true">
          <path d="M8 2v8m-3.5-3.5L8 10l3.5-3.5M2.5 11v2.5h11V11" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
        <span className="hidden @5xl:inline">Export</span>
        <svg viewBox="0 0 16 16" className="hidden size-3 @5xl:block" aria-hidden="true">
          <path d="m4 6 4 4 4-4" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      </Button>
      <div
        id={`${id}-panel`}
        role="group"
        aria-label="Export the diagram"
        hidden={!open}
        className={cn(open ? 'grid' : 'hidden', 'absolute top-full right-0 z-30 mt-1 w-72 gap-3 rounded-lg border border-zinc-200 bg-white p-3 text-sm text-zinc-800 shadow-lg dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100')}
      >
        <p className="text-xs text-zinc-600 dark:text-zinc-400">The whole diagram with a title and the legend, as drawn now (filters and expanded groups included).</p>
        <fieldset className="flex items-center gap-3">
          <legend className="float-left mr-1 text-xs font-medium">Background</legend>
          {THEMES.map((t) => (
            <label key={t.value} className="flex items-center gap-1">
              <input type="radio" name={`${id}-theme`} value={t.value} checked={theme === t.value} onChange={() => setTheme(t.value)} />
              {t.label}
            </label>
          ))}
        </fieldset>
        {/* aria-disabled, not disabled, while busy: a disabled button would drop the keyboard focus. */}
        <div className="flex gap-2">
          <Button variant="primary" onClick={() => void run('svg')} aria-disabled={busy ? true : undefined} aria-label="Download the diagram as SVG">
            SVG
          </Button>
          <Button variant="primary" onClick={() => void run('png')} aria-disabled={busy ? true : undefined} aria-label="Download the diagram as PNG">
            PNG
          </Button>
        </div>
        <p className="min-h-4 text-xs text-zinc-600 dark:text-zinc-400" role="status">
          {message}
        </p>
      </div>
      {frame ? (
        <div aria-hidden="true" className="pointer-events-none fixed top-0 left-0 size-0 overflow-hidden">
          <DiagramExportFrame ref={frameRef} layout={frame.layout} title={frame.title} />
        </div>
      ) : null}
    </div>
  );
}
