// Drives the sandbox's HTML pages the way a browser does: load the page, fill in a form found
// in it, submit it, and follow the redirect manually so tests can see where it points.
export interface PageResult {
  status: number;
  html: string;
  location: string | null;
}

export async function load(url: string): Promise<PageResult> {
  const res = await fetch(url, { redirect: 'manual' });
  return { status: res.status, html: await res.text(), location: res.headers.get('location') };
}

interface FormSpec {
  action: string;
  fields: Record<string, string>;
}

/** Finds the form (by id, or the one containing `submitValue`) and its hidden inputs. */
function findForm(html: string, opts: { id?: string; contains?: string }): FormSpec {
  const forms = [...html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)];
  const match = forms.find((f) =>
    opts.id !== undefined ? f[1]!.includes(`id="${opts.id}"`) : f[2]!.includes(opts.contains ?? ''),
  );
  if (match === undefined) throw new Error(`form not found in page: ${JSON.stringify(opts)}`);
  const action = /action="([^"]*)"/.exec(match[1]!)?.[1] ?? '';
  const fields: Record<string, string> = {};
  for (const input of match[2]!.matchAll(/<input\b([^>]*)>/g)) {
    const name = /name="([^"]*)"/.exec(input[1]!)?.[1];
    const value = /value="([^"]*)"/.exec(input[1]!)?.[1] ?? '';
    if (name !== undefined) fields[name] = value.replace(/&amp;/g, '&').replace(/&quot;/g, '"');
  }
  return { action, fields };
}

export async function submit(
  pageUrl: string,
  html: string,
  opts: { id?: string; contains?: string },
  values: Record<string, string> = {},
): Promise<PageResult> {
  const form = findForm(html, opts);
  const target = new URL(form.action, pageUrl).toString();
  const res = await fetch(target, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ...form.fields, ...values }).toString(),
  });
  return { status: res.status, html: await res.text(), location: res.headers.get('location') };
}

/** Completes or fails the 3-D Secure challenge at `url`; returns the redirect (if any). */
export async function threeDSecure(url: string, result: 'approve' | 'fail'): Promise<PageResult> {
  const page = await load(url);
  if (page.status !== 200) throw new Error(`3DS page answered ${page.status}`);
  return submit(url, page.html, { contains: `value="${result}"` });
}
