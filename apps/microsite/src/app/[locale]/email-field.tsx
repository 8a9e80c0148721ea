/** The e-mail address field of the microsite's forms (new link, report download): label above, no JS. */
export function EmailField({ id, label }: { id: string; label: string }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="font-semibold">
        {label}
      </label>
      <input
        id={id}
        name="email"
        type="email"
        required
        autoComplete="email"
        maxLength={320}
        className="max-w-md rounded-md border border-slate-500 px-3 py-2 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-blue-700"
      />
    </div>
  );
}
