// What a person does on the hosted onboarding page, as code: opens an account link, fills the form
// with Stripe's test values and submits it. For tests and demo data that need an onboarded account
// the way a user would onboard it (over HTTP, through the page).

export const TEST_ONBOARDING_ANSWERS: Record<string, string> = {
  first_name: 'Jenny',
  last_name: 'Rosen',
  email: 'jenny@example.com',
  dob: '1990-01-01',
  phone: '0000000000',
  ssn_last_4: '0000',
  address_line1: 'address_full_match',
  url: 'https://example.com',
  routing_number: '110000000',
  account_number: '000123456789',
};

/**
 * Fills the onboarding page an account link URL opens; resolves with where the page sends the
 * browser after submitting (the link's return_url), or throws with the page's answer.
 */
export async function fillOnboarding(
  linkUrl: string,
  answers: Record<string, string> = TEST_ONBOARDING_ANSWERS,
): Promise<string> {
  const pageRes = await fetch(linkUrl, { redirect: 'manual' });
  const html = await pageRes.text();
  const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
  if (pageRes.status !== 200 || action === undefined) {
    throw new Error(`onboarding page answered ${pageRes.status}`);
  }
  const res = await fetch(new URL(action, linkUrl), {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(answers).toString(),
  });
  const location = res.headers.get('location');
  if (res.status !== 303 || location === null) {
    throw new Error(`onboarding form answered ${res.status}`);
  }
  return location;
}
