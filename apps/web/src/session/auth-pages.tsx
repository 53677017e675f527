import { Button, Field, Input, Link, Stack, Text } from '@chakra-ui/react';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link as RouterLink, useNavigate, useSearchParams } from 'react-router';
import { api, call } from '../api/client';
import { ErrorState, Page } from '../shell/page';
import { useSession } from './store';

/** Only a path of this app: `next` must not send the user to another site. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function LoginPage() {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const signIn = useSession((s) => s.signIn);
  const login = useMutation({
    mutationFn: () => call(() => api.POST('/api/v1/auth/login', { body: { email, password } })),
    onSuccess: (s) => {
      signIn(s);
      void navigate(safeNext(params.get('next')), { replace: true });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    login.mutate();
  };
  return (
    <Page title="Sign in">
      <Stack asChild gap={4} maxW="sm">
        <form onSubmit={submit} noValidate>
          {login.isError && <ErrorState error={login.error} />}
          <Field.Root required>
            <Field.Label>E-mail</Field.Label>
            <Input
              type="email"
              autoComplete="email"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          </Field.Root>
          <Field.Root required>
            <Field.Label>Password</Field.Label>
            <Input
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </Field.Root>
          <Button
            type="submit"
            colorPalette="teal"
            loading={login.isPending}
            loadingText="Signing in"
          >
            Sign in
          </Button>
          <Text fontSize="sm">
            New here?{' '}
            <Link asChild color="teal.700">
              {/* The way back (a charger's page, a product) survives a detour through sign-up. */}
              <RouterLink
                to={
                  params.get('next')
                    ? `/signup?next=${encodeURIComponent(params.get('next')!)}`
                    : '/signup'
                }
              >
                Create an account
              </RouterLink>
            </Link>
          </Text>
        </form>
      </Stack>
    </Page>
  );
}

export function SignupPage() {
  const [form, setForm] = useState({ email: '', password: '', firstName: '', merchant: false });
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const signIn = useSession((s) => s.signIn);
  const tooShort = form.password.length > 0 && form.password.length < 8;
  const register = useMutation({
    mutationFn: () =>
      call(() =>
        api.POST('/api/v1/auth/register', {
          body: {
            email: form.email,
            password: form.password,
            ...(form.firstName ? { firstName: form.firstName } : {}),
            role: form.merchant ? 'MERCHANT' : 'USER',
          },
        }),
      ),
    onSuccess: (s) => {
      signIn(s);
      void navigate(safeNext(params.get('next')), { replace: true });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!tooShort) register.mutate();
  };
  return (
    <Page title="Create an account">
      <Stack asChild gap={4} maxW="sm">
        <form onSubmit={submit} noValidate>
          {register.isError && <ErrorState error={register.error} />}
          <Field.Root>
            <Field.Label>First name</Field.Label>
            <Input
              autoComplete="given-name"
              value={form.firstName}
              onChange={(e) => setForm({ ...form, firstName: e.target.value })}
            />
          </Field.Root>
          <Field.Root required>
            <Field.Label>E-mail</Field.Label>
            <Input
              type="email"
              autoComplete="email"
              value={form.email}
              onChange={(e) => setForm({ ...form, email: e.target.value })}
            />
          </Field.Root>
          <Field.Root required invalid={tooShort}>
            <Field.Label>Password</Field.Label>
            <Input
              type="password"
              autoComplete="new-password"
              value={form.password}
              onChange={(e) => setForm({ ...form, password: e.target.value })}
            />
            {tooShort ? (
              <Field.ErrorText>At least 8 characters.</Field.ErrorText>
            ) : (
              <Field.HelperText>At least 8 characters.</Field.HelperText>
            )}
          </Field.Root>
          <label style={{ display: 'flex', gap: '0.5rem', alignItems: 'center' }}>
            <input
              type="checkbox"
              checked={form.merchant}
              onChange={(e) => setForm({ ...form, merchant: e.target.checked })}
            />
            I want to sell (merchant account)
          </label>
          <Button
            type="submit"
            colorPalette="teal"
            loading={register.isPending}
            loadingText="Creating account"
          >
            Create account
          </Button>
        </form>
      </Stack>
    </Page>
  );
}
