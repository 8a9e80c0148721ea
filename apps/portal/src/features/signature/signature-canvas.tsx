"use client";

import { useTranslations } from "next-intl";
import { type RefObject, useEffect, useRef } from "react";
import SignaturePad from "signature_pad";

/**
 * A finger (touch, pen or mouse) signature field that fills its container. The backing store is
 * sized with devicePixelRatio so the stroke stays sharp; a resize keeps what was drawn.
 */
export function SignatureCanvas({
  padRef,
  onChange,
}: {
  padRef: RefObject<SignaturePad | null>;
  onChange: (empty: boolean) => void;
}) {
  const t = useTranslations("signature");
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const pad = new SignaturePad(canvas, {
      backgroundColor: "rgb(255, 255, 255)",
      penColor: "rgb(15, 23, 42)",
      minWidth: 1,
      maxWidth: 3,
    });
    padRef.current = pad;
    const changed = () => onChangeRef.current(pad.isEmpty());
    pad.addEventListener("endStroke", changed);

    let size = { width: 0, height: 0, ratio: 0 };
    const resize = () => {
      const ratio = Math.max(window.devicePixelRatio || 1, 1);
      const width = canvas.offsetWidth;
      const height = canvas.offsetHeight;
      if (width === size.width && height === size.height && ratio === size.ratio) return;
      size = { width, height, ratio };
      const strokes = pad.toData();
      canvas.width = width * ratio;
      canvas.height = height * ratio;
      canvas.getContext("2d")?.scale(ratio, ratio);
      // Changing the size wipes the canvas; draw the strokes again (or just the background).
      pad.clear();
      if (strokes.length > 0) pad.fromData(strokes);
    };
    resize();
    const observer = new ResizeObserver(resize);
    observer.observe(canvas);
    return () => {
      observer.disconnect();
      pad.removeEventListener("endStroke", changed);
      pad.off();
      padRef.current = null;
    };
  }, [padRef]);

  return (
    <div className="space-y-2">
      <canvas
        ref={canvasRef}
        aria-label={t("canvasLabel")}
        data-testid="signature-canvas"
        className="block h-56 w-full touch-none rounded-lg border-2 border-dashed border-slate-400 bg-white sm:h-64"
      />
      <button
        type="button"
        onClick={() => {
          padRef.current?.clear();
          onChange(true);
        }}
        className="min-h-11 rounded border border-slate-300 bg-white px-4 py-2 hover:bg-slate-100"
      >
        {t("clear")}
      </button>
    </div>
  );
}
