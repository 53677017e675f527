// Generated from the server's OpenAPI document by `npm run api:types`. Do not edit.
export interface paths {
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Liveness: the process answers
         * @description Public.
         */
        get: operations["HealthController_alive"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Readiness: database reachable and every migration applied
         * @description Public.
         */
        get: operations["HealthController_ready"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Prometheus metrics (text exposition format)
         * @description Public.
         */
        get: operations["HealthController_scrape"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/ledger/check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Check every invariant of the books now (as npm run ledger:verify does), each with its result; at most 6 runs a minute for all admins (admin)
         * @description Requires a bearer token with role ADMIN.
         */
        post: operations["BooksController_check"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create an account (USER or MERCHANT) and sign in
         * @description Public.
         */
        post: operations["AuthController_register"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in with e-mail and password
         * @description Public.
         */
        post: operations["AuthController_login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Exchange a refresh token for a new pair (the old one is spent)
         * @description Public.
         */
        post: operations["AuthController_refresh"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * End this session and the given refresh token's (or every session without one): their refresh and access tokens stop working at once
         * @description Requires a bearer token.
         */
        post: operations["AuthController_logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The signed-in user
         * @description Requires a bearer token.
         */
        get: operations["AuthController_me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List users (admin), newest first (`q`: text in e-mail or names; `role`)
         * @description Requires a bearer token with role ADMIN.
         */
        get: operations["UsersController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A user: yourself, or anyone for an admin
         * @description Requires a bearer token.
         */
        get: operations["UsersController_get"];
        put?: never;
        post?: never;
        /**
         * Soft-delete an account (self or admin); its sessions are revoked
         * @description Requires a bearer token.
         */
        delete: operations["UsersController_remove"];
        options?: never;
        head?: never;
        /**
         * Change names (self) or role and active flag (admin)
         * @description Requires a bearer token.
         */
        patch: operations["UsersController_update"];
        trace?: never;
    };
    "/api/v1/companies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List companies (admin), newest first
         * @description Requires a bearer token with role ADMIN.
         */
        get: operations["CompaniesController_list"];
        put?: never;
        /**
         * Create an operator company (admin)
         * @description Requires a bearer token with role ADMIN.
         */
        post: operations["CompaniesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/companies/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A company: any for an admin, their own for an operator
         * @description Requires a bearer token.
         */
        get: operations["CompaniesController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/companies/{id}/operators": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The company's operators
         * @description Requires a bearer token.
         */
        get: operations["CompaniesController_operators"];
        put?: never;
        /**
         * Attach a user to the company as an OPERATOR (admin)
         * @description Requires a bearer token with role ADMIN.
         */
        post: operations["CompaniesController_attach"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/companies/{id}/operators/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Detach an operator; they become a USER (admin)
         * @description Requires a bearer token with role ADMIN.
         */
        delete: operations["CompaniesController_detach"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/jobs/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Queue depth: jobs per queue waiting (created), running (active), waiting for a retry, failed, and dead letters not replayed
         * @description Requires a bearer token with role ADMIN.
         */
        get: operations["JobsController_stats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/jobs/dead-letters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Dead letters (jobs that failed every retry), newest first; `?queue=` filters
         * @description Requires a bearer token with role ADMIN.
         */
        get: operations["JobsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/jobs/dead-letters/{id}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a dead letter to its queue again (once: a second replay is 409)
         * @description Requires a bearer token with role ADMIN.
         */
        post: operations["JobsController_replay"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/config": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The web app's card entry (public): Stripe Elements with a publishable key, or the sandbox's framed card form
         * @description Public.
         */
        get: operations["ClientConfigController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments/create-intent": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A payment intent for your booking (or order), confirmed by your browser with the client secret; the amount is the payable’s. Again: the same open intent, or a new one if the amount changed (the old one cancelled)
         * @description Requires a bearer token.
         */
        post: operations["ClientIntentsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments/intent/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A payment intent of yours as the provider has it now (read server-side, so its payable follows)
         * @description Requires a bearer token.
         */
        get: operations["ClientIntentsController_read"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * All payments (admin): filter by status, method, payable and date
         * @description Requires a bearer token with role ADMIN.
         */
        get: operations["PaymentsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments/methods": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The signed-in user's saved cards
         * @description Requires a bearer token.
         */
        get: operations["PaymentsController_cards"];
        put?: never;
        /**
         * Save a card (a pm_… token from the provider) for later off-session payments; `REQUIRES_ACTION`: send the user to `nextActionUrl` (3-D Secure), which returns to /payments/methods/return
         * @description Requires a bearer token.
         */
        post: operations["PaymentsController_saveCard"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments/methods/return": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Return target after a card setup needed 3-D Secure (link from POST /payments/methods): the setup outcome (a browser asking for HTML is redirected to the web app's cards page)
         * @description Public.
         */
        get: operations["PaymentsController_setupReturned"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments/methods/setups/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One of your card setups (from POST /payments/methods), as the provider has it
         * @description Requires a bearer token.
         */
        get: operations["PaymentsController_setup"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments/methods/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove one of your saved cards
         * @description Requires a bearer token.
         */
        delete: operations["PaymentsController_removeCard"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A payment: its owner or an admin
         * @description Requires a bearer token.
         */
        get: operations["PaymentsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments/{id}/return": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Return target after 3-D Secure (the link carries its token): the payment, read from the provider at most every few seconds (a browser asking for HTML is redirected to the web app's payment page)
         * @description Public.
         */
        get: operations["PaymentsController_returned"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/stripe": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Stripe webhooks: signature checked, stored once, applied by a job
         * @description Public.
         */
        post: operations["WebhooksController_receive[0]"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stripe/webhook": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Stripe webhooks: signature checked, stored once, applied by a job
         * @description Public.
         */
        post: operations["WebhooksController_receive[1]"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments/webhook": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Stripe webhooks: signature checked, stored once, applied by a job
         * @description Public.
         */
        post: operations["WebhooksController_receive[2]"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/payments/{id}/refund": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Refund part (amount) or all of what is left of a payment (admin)
         * @description Requires a bearer token with role ADMIN.
         */
        post: operations["PaymentsAdminController_refund"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/payments/reconcile": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Run reconciliation now (it also runs every minute)
         * @description Requires a bearer token with role ADMIN.
         */
        post: operations["PaymentsAdminController_reconcile"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/payments/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * This node's last provider audit report (404 before its first run)
         * @description Requires a bearer token with role ADMIN.
         */
        get: operations["PaymentsAdminController_lastAudit"];
        put?: never;
        /**
         * Compare recent payments with the provider (captured, refunded, disputed) now; differences are named and the provider applied (also hourly)
         * @description Requires a bearer token with role ADMIN.
         */
        post: operations["PaymentsAdminController_audit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/payments/{id}/transitions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A payment's status and amount changes, oldest first, with their cause (admin)
         * @description Requires a bearer token with role ADMIN.
         */
        get: operations["PaymentTransitionsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/payments/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Per day (in `timeZone`, `from`–`to` inclusive, default the last 30 days): payments by status, success rate, captured volume per currency (admin)
         * @description Requires a bearer token with role ADMIN.
         */
        get: operations["PaymentStatsController_perDay"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/webhooks/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Webhook events, newest first: `?type`, `?state` (PENDING, APPLIED, FAILED), `?paymentId` (events about that payment) (admin)
         * @description Requires a bearer token with role ADMIN.
         */
        get: operations["WebhookEventsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/webhooks/events/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One webhook event: its payload, processing state, attempts and last error (admin)
         * @description Requires a bearer token with role ADMIN.
         */
        get: operations["WebhookEventsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/webhooks/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Per day (in `timeZone`, `from`–`to` inclusive): webhook events received, applied and failed (admin)
         * @description Requires a bearer token with role ADMIN.
         */
        get: operations["WebhookEventsController_perDay"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/wallet": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your wallet: balance, pending, available and debt, in minor units
         * @description Requires a bearer token.
         */
        get: operations["WalletController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/wallet/transactions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your wallet history (from the journal), newest first
         * @description Requires a bearer token.
         */
        get: operations["WalletController_transactions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/wallet/deposit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add funds by card (paymentMethodId) or on a hosted page; credited when the payment succeeds
         * @description Requires a bearer token.
         */
        post: operations["WalletController_deposit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/wallet/payout-account": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your payout account and its onboarding status (not_started, pending, active)
         * @description Requires a bearer token.
         */
        get: operations["WalletController_getPayoutAccount"];
        put?: never;
        /**
         * Create your payout account (a Stripe Connect Express account) once; later calls return it
         * @description Requires a bearer token.
         */
        post: operations["WalletController_createPayoutAccount"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/wallet/payout-account/onboarding-link": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A single-use link (minutes) to the provider's hosted onboarding of your payout account, created if needed; it returns to /wallet
         * @description Requires a bearer token.
         */
        post: operations["WalletController_onboardingLink"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/wallet/withdrawals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your withdrawals, newest first (optionally of one currency)
         * @description Requires a bearer token.
         */
        get: operations["WalletController_withdrawals"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/wallet/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Withdraw to your payout account by Connect transfer: PAID, FAILED (money returned) or PENDING (retried)
         * @description Requires a bearer token.
         */
        post: operations["WalletController_withdraw"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/wallets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A user's wallets with balances, debt and lock state, newest first (admin)
         * @description Requires a bearer token with role ADMIN.
         */
        get: operations["WalletAdminController_ofOwner"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/wallets/in-debt": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Wallets below zero (disputed or force-refunded deposits), newest first (admin)
         * @description Requires a bearer token with role ADMIN.
         */
        get: operations["WalletAdminController_inDebt"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/wallets/{id}/lock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Lock a wallet: it refuses every movement (admin)
         * @description Requires a bearer token with role ADMIN.
         */
        post: operations["WalletAdminController_lock"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/wallets/{id}/unlock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Unlock a wallet (admin)
         * @description Requires a bearer token with role ADMIN.
         */
        post: operations["WalletAdminController_unlock"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/products": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Active products, newest first (cached up to 60 s: stock shown may lag)
         * @description Public.
         */
        get: operations["ProductsController_list"];
        put?: never;
        /**
         * Create a product (merchant; admins may name a merchantId)
         * @description Requires a bearer token with role MERCHANT or ADMIN.
         */
        post: operations["ProductsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/products/mine": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your own products, newest first, inactive ones included (`q`: text in name or description; admins may name a merchantId)
         * @description Requires a bearer token with role MERCHANT or ADMIN.
         */
        get: operations["ProductsController_mine"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/products/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A product; inactive or deleted ones only for their merchant or an admin
         * @description Public.
         */
        get: operations["ProductsController_get"];
        put?: never;
        post?: never;
        /**
         * Soft-delete a product (merchant or admin)
         * @description Requires a bearer token.
         */
        delete: operations["ProductsController_remove"];
        options?: never;
        head?: never;
        /**
         * Edit (merchant or admin): name, description, price, currency, isActive, addUnits to restock
         * @description Requires a bearer token.
         */
        patch: operations["ProductsController_update"];
        trace?: never;
    };
    "/api/v1/admin/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * E-mail messages, newest first: `?status` (QUEUED, SENT, FAILED), `?kind`, `?reference` (admin)
         * @description Requires a bearer token with role ADMIN.
         */
        get: operations["NotificationsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/notifications/{id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Queue a FAILED message again, with a fresh set of retries (409 if not FAILED) (admin)
         * @description Requires a bearer token with role ADMIN.
         */
        post: operations["NotificationsController_retry"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your orders, newest first (`as=merchant`: your sales; `from`/`to`: placed in [from, to))
         * @description Requires a bearer token.
         */
        get: operations["OrdersController_list"];
        put?: never;
        /**
         * Buy a product: WALLET pays at once (402 insufficient_funds, 409 out_of_stock); GATEWAY answers a checkoutUrl to pay on
         * @description Requires a bearer token.
         */
        post: operations["OrdersController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/earnings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your net earnings per day and currency from your sales (`from`/`to`: calendar days, inclusive, in `timeZone`; default the last 30)
         * @description Requires a bearer token with role MERCHANT or ADMIN.
         */
        get: operations["OrdersController_earningsOf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One order (its buyer, the merchant, or an admin)
         * @description Requires a bearer token.
         */
        get: operations["OrdersController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/refund": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Refund all or part of an order (merchant or admin); `restock` gives its units back once
         * @description Requires a bearer token.
         */
        post: operations["OrdersController_refund"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments/success": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Checkout success redirect (link with its token): the order and its state (a browser asking for HTML is redirected to the web app's order page)
         * @description Public.
         */
        get: operations["OrderReturnsController_success"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Checkout cancel redirect (link with its token): expires the checkout and releases the order (CANCELLED) unless it was paid (a browser asking for HTML is redirected to the web app's order page)
         * @description Public.
         */
        get: operations["OrderReturnsController_cancel"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Stations, newest first
         * @description Requires a bearer token with role OPERATOR or ADMIN.
         */
        get: operations["StationsController_list"];
        put?: never;
        /**
         * Create a charging station
         * @description Requires a bearer token with role OPERATOR or ADMIN.
         */
        post: operations["StationsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A station
         * @description Requires a bearer token with role OPERATOR or ADMIN.
         */
        get: operations["StationsController_get"];
        put?: never;
        post?: never;
        /**
         * Delete a station without chargers
         * @description Requires a bearer token with role OPERATOR or ADMIN.
         */
        delete: operations["StationsController_remove"];
        options?: never;
        head?: never;
        /**
         * Edit a station
         * @description Requires a bearer token with role OPERATOR or ADMIN.
         */
        patch: operations["StationsController_update"];
        trace?: never;
    };
    "/api/v1/tariffs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Tariffs, newest first
         * @description Requires a bearer token with role OPERATOR or ADMIN.
         */
        get: operations["TariffsController_list"];
        put?: never;
        /**
         * Create a tariff
         * @description Requires a bearer token with role OPERATOR or ADMIN.
         */
        post: operations["TariffsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tariffs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A tariff
         * @description Requires a bearer token with role OPERATOR or ADMIN.
         */
        get: operations["TariffsController_get"];
        put?: never;
        post?: never;
        /**
         * Delete a tariff no station or charger uses
         * @description Requires a bearer token with role OPERATOR or ADMIN.
         */
        delete: operations["TariffsController_remove"];
        options?: never;
        head?: never;
        /**
         * Edit a tariff (not its currency)
         * @description Requires a bearer token with role OPERATOR or ADMIN.
         */
        patch: operations["TariffsController_update"];
        trace?: never;
    };
    "/api/v1/chargers/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Live events of the company's chargers (an admin's: every company's) as server-sent events, optionally of one station or charger
         * @description Requires a bearer token with role OPERATOR or ADMIN.
         */
        get: operations["ChargerEventsController_stream"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/chargers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Chargers, newest first
         * @description Requires a bearer token with role OPERATOR or ADMIN.
         */
        get: operations["ChargersController_list"];
        put?: never;
        /**
         * Register a charger at a station
         * @description Requires a bearer token with role OPERATOR or ADMIN.
         */
        post: operations["ChargersController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/chargers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A charger, with what its last BootNotification said
         * @description Requires a bearer token with role OPERATOR or ADMIN.
         */
        get: operations["ChargersController_get"];
        put?: never;
        post?: never;
        /**
         * Delete a charger and its connectors
         * @description Requires a bearer token with role OPERATOR or ADMIN.
         */
        delete: operations["ChargersController_remove"];
        options?: never;
        head?: never;
        /**
         * Edit a charger (password null removes it)
         * @description Requires a bearer token with role OPERATOR or ADMIN.
         */
        patch: operations["ChargersController_update"];
        trace?: never;
    };
    "/api/v1/chargers/{id}/connectors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The charger's connectors
         * @description Requires a bearer token with role OPERATOR or ADMIN.
         */
        get: operations["ChargersController_listConnectors"];
        put?: never;
        /**
         * Describe a connector of the charger
         * @description Requires a bearer token with role OPERATOR or ADMIN.
         */
        post: operations["ChargersController_addConnector"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/chargers/{id}/commands": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send an OCPP command to the charger and return its answer
         * @description Requires a bearer token with role OPERATOR or ADMIN.
         */
        post: operations["ChargersController_command"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/chargers/{id}/ocpp-messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every OCPP frame to and from the charger, newest first
         * @description Requires a bearer token with role OPERATOR or ADMIN.
         */
        get: operations["ChargersController_ocppMessages"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/connectors/{id}/qr": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The connector's QR code, to print on the charger: it opens the driver's page for this connector (`?format=svg` (default) or `png`)
         * @description Requires a bearer token with role OPERATOR or ADMIN.
         */
        get: operations["ConnectorsController_qr"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/connectors/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A connector and its OCPP status
         * @description Requires a bearer token with role OPERATOR or ADMIN.
         */
        get: operations["ConnectorsController_get"];
        put?: never;
        post?: never;
        /**
         * Delete a connector
         * @description Requires a bearer token with role OPERATOR or ADMIN.
         */
        delete: operations["ConnectorsController_remove"];
        options?: never;
        head?: never;
        /**
         * Edit a connector (type, maxPowerW)
         * @description Requires a bearer token with role OPERATOR or ADMIN.
         */
        patch: operations["ConnectorsController_update"];
        trace?: never;
    };
    "/api/v1/sessions/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One session live, as server-sent events: its driver, an operator of its company, an admin (Bearer token) or a guest with the session’s key (header X-Session-Key); ends once the session has ended and its hold is settled
         * @description Public.
         */
        get: operations["SessionEventsController_stream"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start charging at a connector: holds the tariff’s hold amount on a saved card (402 if declined, nothing sent to the charger), then starts the charger remotely; STARTING until the charger’s StartTransaction
         * @description Requires a bearer token.
         */
        post: operations["SessionsController_start"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions/stop": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Stop a charging session (its driver, an operator of its company, an admin): the charger is stopped remotely; the session completes with its StopTransaction (energy, cost) and the cost is captured
         * @description Requires a bearer token.
         */
        post: operations["SessionsController_stop"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Sessions, newest first: a driver’s own, an operator’s company’s, every one for an admin; by status, capture status (`captureStatus=FAILED`: captures that need attention), station, creation time
         * @description Requires a bearer token.
         */
        get: operations["SessionsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions/{id}/retry-capture": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * An operator of its company or an admin: run the capture of a session whose capture failed now, through the capture job (one waiting retry per session, however often asked); a session already settled is answered as it is
         * @description Requires a bearer token.
         */
        post: operations["SessionsController_retryCapture"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A session with its live energy (Wh) and cost
         * @description Requires a bearer token.
         */
        get: operations["SessionsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions/{id}/receipt": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The session’s receipt: the pricing engine’s lines, total, tax and what was captured (the cost so far while charging)
         * @description Requires a bearer token.
         */
        get: operations["SessionsController_receipt"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/charging/stations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Stations for drivers, nearest first when `lat` and `lng` are given (else by name), with free connectors and the price, tax included; public, rate-limited
         * @description Public.
         */
        get: operations["DirectoryController_stations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/charging/connectors/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A connector’s public page (the QR code’s link): its status, station and price before the start; public, rate-limited
         * @description Public.
         */
        get: operations["DirectoryController_connector"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reservations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Reservations, newest first: a driver’s own, an operator’s company’s, all for an admin
         * @description Requires a bearer token.
         */
        get: operations["ReservationsController_list"];
        put?: never;
        /**
         * Reserve an Available connector for 5–60 minutes (ReserveNow): only you can start on it until it expires; one live reservation per connector and per driver
         * @description Requires a bearer token.
         */
        post: operations["ReservationsController_reserve"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reservations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A reservation
         * @description Requires a bearer token.
         */
        get: operations["ReservationsController_get"];
        put?: never;
        post?: never;
        /**
         * Cancel a live reservation (CancelReservation); its driver, an operator of its company, an admin
         * @description Requires a bearer token.
         */
        delete: operations["ReservationsController_cancel"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/charging/stats/daily": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Completed sessions, energy (Wh) and revenue (gross captured, platform fee, net) per station per day in the station’s time zone, per currency; an operator’s company’s stations, any for an admin; at most 366 days
         * @description Requires a bearer token.
         */
        get: operations["ChargingStatsController_daily"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/session/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start charging (seed 000; public, signed in or not, per-IP rate limit): `card` holds the tariff’s hold amount on a saved card (signed-in drivers; 402 if declined); `link` holds nothing, caps the session at the hold amount and is paid after the stop by a checkout link (card or USDC; USDC pre-checked: 402 `precheck_failed`). A guest gets an access key, once
         * @description Public.
         */
        post: operations["PayerSessionsController_start"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/session/stop": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Stop a session (its driver or access key, an operator of its company, an admin) and wait (≤ 10 s) for the StopTransaction: 200 with the final cost and — link sessions — the checkout link; 202 while STOPPING (the link follows: GET /payment/link/{sessionId})
         * @description Public.
         */
        post: operations["PayerSessionsController_stop"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/session/{id}/receipt": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The session’s receipt, as GET /sessions/{id}/receipt (the pricing engine’s lines, total, tax, captured; the cost so far while charging); for its driver or access key, its company’s operators, admins
         * @description Public.
         */
        get: operations["PayerSessionsController_receipt"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/session/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A session as GET /sessions/{id} shows it, with how it is paid (and its link); for its driver or access key, its company’s operators, admins
         * @description Public.
         */
        get: operations["PayerSessionsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payment/link/{sessionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A session’s payment links: the latest’s status (PENDING, PAID, FAILED, EXPIRED, REFUNDED, PARTIALLY_REFUNDED), URL and expiry, and every link, newest first; 404 `payment_link_not_found` before the first
         * @description Public.
         */
        get: operations["PaymentLinksController_link"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payment/recreate-link": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A new payment link when the latest expired or failed (an open one is expired at the provider first; `method` switches card ↔ crypto); 409 `payment_link_paid` once paid
         * @description Public.
         */
        post: operations["PaymentLinksController_recreate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payment/refund": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Refund a session’s collected payment (ADMIN): all of it, or `amount` minor units; the ledger entries are reversed when the provider confirms. Answers the link view (link sessions) or the session
         * @description Requires a bearer token with role ADMIN.
         */
        post: operations["PaymentLinksController_refund"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/spaces": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Spaces, newest first (admins may include inactive ones)
         * @description Requires a bearer token.
         */
        get: operations["SpacesController_list"];
        put?: never;
        /**
         * Create a space (room, desks, day pass): capacity, hourly or daily price, opening hours in its time zone, buffer, cancellation policy, hold window
         * @description Requires a bearer token with role ADMIN.
         */
        post: operations["SpacesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/spaces/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A space
         * @description Requires a bearer token.
         */
        get: operations["SpacesController_get"];
        put?: never;
        post?: never;
        /**
         * Deactivate a space: no new bookings; live ones stand
         * @description Requires a bearer token with role ADMIN.
         */
        delete: operations["SpacesController_deactivate"];
        options?: never;
        head?: never;
        /**
         * Change a space (capacity only grows; live bookings keep the cancellation policy they were made under)
         * @description Requires a bearer token with role ADMIN.
         */
        patch: operations["SpacesController_update"];
        trace?: never;
    };
    "/api/v1/spaces/{id}/availability": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The free slots of a day (date in the space’s time zone, default today): one-hour slots every half hour, or the whole day for daily spaces, each with its free seats and price
         * @description Requires a bearer token.
         */
        get: operations["SpacesController_availability"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/bookings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Bookings, newest first: your own; all for an admin
         * @description Requires a bearer token.
         */
        get: operations["BookingsController_list"];
        put?: never;
        /**
         * Book a seat of a space from start to end (within one day’s opening hours): PENDING_PAYMENT with the server’s amount, held for the space’s hold window; pay it with POST /payments/create-intent {bookingId}. Never double-books: 409 slot_unavailable
         * @description Requires a bearer token.
         */
        post: operations["BookingsController_book"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/bookings/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A booking of yours (any for an admin)
         * @description Requires a bearer token.
         */
        get: operations["BookingsController_get"];
        put?: never;
        post?: never;
        /**
         * Cancel a booking under its policy: unpaid → released; paid → the seat freed and refunded in full up to N hours before, the late refund or all but the fee after, nothing from the start. Cancelling again answers the cancelled booking
         * @description Requires a bearer token.
         */
        delete: operations["BookingsController_cancel"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payment/precheck": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Can this wallet pay `amount` USDC on this chain? Its USDC and native balances and a USDC transfer's fee (gas estimate + 20 %, × the current max fee per gas), with what is missing; public, per-IP rate limit
         * @description Public.
         */
        post: operations["PrecheckController_check"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/memberships/plans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The membership plans on offer
         * @description Public.
         */
        get: operations["MembershipsController_listPlans"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/memberships/subscribe": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Subscribe: the membership (incomplete) and its first invoice client secret for the card form
         * @description Requires a bearer token.
         */
        post: operations["MembershipsController_subscribe"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/memberships/subscription/pay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Pay the first invoice with a card from the card form (pm_…); ACTIVE once invoice.paid arrives
         * @description Requires a bearer token.
         */
        post: operations["MembershipsController_pay"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/memberships/subscription": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your membership: plan, status, period, credits left per type
         * @description Requires a bearer token.
         */
        get: operations["MembershipsController_subscription"];
        put?: never;
        post?: never;
        /**
         * Cancel at period end, or now with ?now=true
         * @description Requires a bearer token.
         */
        delete: operations["MembershipsController_cancel"];
        options?: never;
        head?: never;
        /**
         * Change plan (prorated onto the next invoice, as Stripe does)
         * @description Requires a bearer token.
         */
        patch: operations["MembershipsController_change"];
        trace?: never;
    };
    "/api/v1/admin/membership-plans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every membership plan, retired ones too
         * @description Requires a bearer token with role ADMIN.
         */
        get: operations["MembershipPlansAdminController_list"];
        put?: never;
        /**
         * Create a plan (its provider prices are created with it)
         * @description Requires a bearer token with role ADMIN.
         */
        post: operations["MembershipPlansAdminController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/membership-plans/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a plan’s name, credits, caps or access, or retire it (prices are fixed)
         * @description Requires a bearer token with role ADMIN.
         */
        patch: operations["MembershipPlansAdminController_update"];
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Error: {
            error: {
                /** @enum {string} */
                type: "invalid_request_error" | "authentication_error" | "card_error" | "permission_error" | "conflict_error" | "idempotency_error" | "rate_limit_error" | "api_error";
                /**
                 * @description Stable machine-readable code
                 * @example validation_failed
                 */
                code: string;
                /** @description For humans; may change */
                message: string;
                /** @description The request field at fault, dotted (`items.0`) */
                param?: string;
                /** @description The provider decline code (402 only) */
                decline_code?: string;
                /** @description What to fix beyond the message (402 `precheck_failed`: `shortfalls`) */
                details?: Record<string, never>;
            };
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    HealthController_alive: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "ok";
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    HealthController_ready: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "ready";
                        /** @enum {string} */
                        database: "ok";
                        migrations: {
                            expected: number;
                            applied: number;
                        };
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    HealthController_scrape: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    BooksController_check: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        ranAt: string;
                        durationMs: number;
                        passed: boolean;
                        invariants: {
                            invariant: string;
                            passed: boolean;
                            violationCount: number;
                            violations: string[];
                        }[];
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token’s role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than BODY_LIMIT_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not application/json in UTF-8 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    AuthController_register: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    email: string;
                    password: string;
                    firstName?: string;
                    lastName?: string;
                    /** @enum {string} */
                    role?: "USER" | "MERCHANT";
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        user: {
                            id: string;
                            email: string;
                            /** @enum {string} */
                            role: "USER" | "MERCHANT" | "OPERATOR" | "ADMIN";
                            firstName: string | null;
                            lastName: string | null;
                            isActive: boolean;
                            companyId: string | null;
                            lastLogin: string | null;
                            createdAt: string;
                            updatedAt: string;
                        };
                        accessToken: string;
                        refreshToken: string;
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than BODY_LIMIT_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not application/json in UTF-8 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    AuthController_login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    email: string;
                    password: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        user: {
                            id: string;
                            email: string;
                            /** @enum {string} */
                            role: "USER" | "MERCHANT" | "OPERATOR" | "ADMIN";
                            firstName: string | null;
                            lastName: string | null;
                            isActive: boolean;
                            companyId: string | null;
                            lastLogin: string | null;
                            createdAt: string;
                            updatedAt: string;
                        };
                        accessToken: string;
                        refreshToken: string;
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than BODY_LIMIT_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not application/json in UTF-8 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    AuthController_refresh: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    refreshToken: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        user: {
                            id: string;
                            email: string;
                            /** @enum {string} */
                            role: "USER" | "MERCHANT" | "OPERATOR" | "ADMIN";
                            firstName: string | null;
                            lastName: string | null;
                            isActive: boolean;
                            companyId: string | null;
                            lastLogin: string | null;
                            createdAt: string;
                            updatedAt: string;
                        };
                        accessToken: string;
                        refreshToken: string;
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than BODY_LIMIT_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not application/json in UTF-8 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    AuthController_logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    refreshToken?: string;
                };
            };
        };
        responses: {
            /** @description Success */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than BODY_LIMIT_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not application/json in UTF-8 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    AuthController_me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        email: string;
                        /** @enum {string} */
                        role: "USER" | "MERCHANT" | "OPERATOR" | "ADMIN";
                        firstName: string | null;
                        lastName: string | null;
                        isActive: boolean;
                        companyId: string | null;
                        lastLogin: string | null;
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    UsersController_list: {
        parameters: {
            query?: {
                limit?: number;
                startingAfter?: string;
                role?: "USER" | "MERCHANT" | "OPERATOR" | "ADMIN";
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            id: string;
                            email: string;
                            /** @enum {string} */
                            role: "USER" | "MERCHANT" | "OPERATOR" | "ADMIN";
                            firstName: string | null;
                            lastName: string | null;
                            isActive: boolean;
                            companyId: string | null;
                            lastLogin: string | null;
                            createdAt: string;
                            updatedAt: string;
                        }[];
                        hasMore: boolean;
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token’s role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    UsersController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        email: string;
                        /** @enum {string} */
                        role: "USER" | "MERCHANT" | "OPERATOR" | "ADMIN";
                        firstName: string | null;
                        lastName: string | null;
                        isActive: boolean;
                        companyId: string | null;
                        lastLogin: string | null;
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource (or not yours), or no such route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    UsersController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource (or not yours), or no such route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    UsersController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    firstName?: string | null;
                    lastName?: string | null;
                    /** @enum {string} */
                    role?: "USER" | "MERCHANT" | "OPERATOR" | "ADMIN";
                    isActive?: boolean;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        email: string;
                        /** @enum {string} */
                        role: "USER" | "MERCHANT" | "OPERATOR" | "ADMIN";
                        firstName: string | null;
                        lastName: string | null;
                        isActive: boolean;
                        companyId: string | null;
                        lastLogin: string | null;
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource (or not yours), or no such route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than BODY_LIMIT_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not application/json in UTF-8 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    CompaniesController_list: {
        parameters: {
            query?: {
                limit?: number;
                startingAfter?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            id: string;
                            name: string;
                            createdAt: string;
                            updatedAt: string;
                        }[];
                        hasMore: boolean;
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token’s role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    CompaniesController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token’s role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than BODY_LIMIT_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not application/json in UTF-8 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    CompaniesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource (or not yours), or no such route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    CompaniesController_operators: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        email: string;
                        /** @enum {string} */
                        role: "USER" | "MERCHANT" | "OPERATOR" | "ADMIN";
                        firstName: string | null;
                        lastName: string | null;
                        isActive: boolean;
                        companyId: string | null;
                        lastLogin: string | null;
                        createdAt: string;
                        updatedAt: string;
                    }[];
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource (or not yours), or no such route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    CompaniesController_attach: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    userId: string;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        email: string;
                        /** @enum {string} */
                        role: "USER" | "MERCHANT" | "OPERATOR" | "ADMIN";
                        firstName: string | null;
                        lastName: string | null;
                        isActive: boolean;
                        companyId: string | null;
                        lastLogin: string | null;
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token’s role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource (or not yours), or no such route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than BODY_LIMIT_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not application/json in UTF-8 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    CompaniesController_detach: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        email: string;
                        /** @enum {string} */
                        role: "USER" | "MERCHANT" | "OPERATOR" | "ADMIN";
                        firstName: string | null;
                        lastName: string | null;
                        isActive: boolean;
                        companyId: string | null;
                        lastLogin: string | null;
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token’s role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource (or not yours), or no such route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    JobsController_stats: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            queue: string;
                            created: number;
                            active: number;
                            retry: number;
                            failed: number;
                            deadLetters: number;
                        }[];
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token’s role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    JobsController_list: {
        parameters: {
            query?: {
                limit?: number;
                startingAfter?: string;
                queue?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            id: string;
                            queue: string;
                            data: unknown;
                            error: {
                                name: string | null;
                                message: string;
                            } | null;
                            /** @enum {string} */
                            status: "dead" | "replayed";
                            /** Format: date-time */
                            deadAt: string;
                            /** Format: date-time */
                            replayedAt: string | null;
                            replayJobId: string | null;
                        }[];
                        hasMore: boolean;
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token’s role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    JobsController_replay: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        queue: string;
                        data: unknown;
                        error: {
                            name: string | null;
                            message: string;
                        } | null;
                        /** @enum {string} */
                        status: "dead" | "replayed";
                        /** Format: date-time */
                        deadAt: string;
                        /** Format: date-time */
                        replayedAt: string | null;
                        replayJobId: string | null;
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token’s role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource (or not yours), or no such route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than BODY_LIMIT_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not application/json in UTF-8 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ClientConfigController_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        cardEntry: "stripe" | "sandbox";
                        publishableKey?: string;
                        sandboxUrl?: string;
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ClientIntentsController_create: {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique key (1–255 printable ASCII characters, e.g. a UUID) making a retry safe: the same key and body replay the first response (with `Idempotent-Replayed: true`) for 24 h; another body is a 422; a retry while the first request still runs is a 409. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    bookingId?: string;
                    orderId?: string;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        clientSecret: string;
                        paymentIntentId: string;
                        paymentId: string;
                        /**
                         * @description Integer minor units (2000 = €20.00)
                         * @example 2000
                         */
                        amount: number;
                        currency: string;
                        /** @enum {string} */
                        status: "CREATED" | "REQUIRES_ACTION" | "PROCESSING" | "AUTHORIZED" | "SUCCEEDED" | "PARTIALLY_REFUNDED" | "REFUNDED" | "FAILED" | "EXPIRED" | "CANCELLED";
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource (or not yours), or no such route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the current state, or a request with the same Idempotency-Key is still running */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than BODY_LIMIT_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not application/json in UTF-8 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The Idempotency-Key was used for a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ClientIntentsController_read: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        paymentIntentId: string;
                        paymentId: string;
                        payableType: string;
                        payableId: string;
                        /**
                         * @description Integer minor units (2000 = €20.00)
                         * @example 2000
                         */
                        amount: number;
                        currency: string;
                        /** @enum {string} */
                        status: "CREATED" | "REQUIRES_ACTION" | "PROCESSING" | "AUTHORIZED" | "SUCCEEDED" | "PARTIALLY_REFUNDED" | "REFUNDED" | "FAILED" | "EXPIRED" | "CANCELLED";
                        /**
                         * @description Integer minor units (2000 = €20.00)
                         * @example 2000
                         */
                        amountReceived: number;
                        /**
                         * @description Integer minor units (2000 = €20.00)
                         * @example 2000
                         */
                        amountRefunded: number;
                        failureCode: string | null;
                        failureMessage: string | null;
                        declineCode: string | null;
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource (or not yours), or no such route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    PaymentsController_list: {
        parameters: {
            query?: {
                limit?: number;
                startingAfter?: string;
                status?: "CREATED" | "REQUIRES_ACTION" | "PROCESSING" | "AUTHORIZED" | "SUCCEEDED" | "PARTIALLY_REFUNDED" | "REFUNDED" | "FAILED" | "EXPIRED" | "CANCELLED";
                method?: "CARD" | "CARD_LINK" | "CRYPTO_LINK" | "WALLET";
                payableType?: string;
                payableId?: string;
                userId?: string;
                currency?: string;
                createdFrom?: string;
                createdTo?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            id: string;
                            payableType: string;
                            payableId: string;
                            userId: string | null;
                            /** @enum {string} */
                            method: "CARD" | "CARD_LINK" | "CRYPTO_LINK" | "WALLET";
                            /** @enum {string} */
                            status: "CREATED" | "REQUIRES_ACTION" | "PROCESSING" | "AUTHORIZED" | "SUCCEEDED" | "PARTIALLY_REFUNDED" | "REFUNDED" | "FAILED" | "EXPIRED" | "CANCELLED";
                            currency: string;
                            /**
                             * @description Integer minor units (2000 = €20.00)
                             * @example 2000
                             */
                            amount: number;
                            /**
                             * @description Integer minor units (2000 = €20.00)
                             * @example 2000
                             */
                            amountCapturable: number;
                            /**
                             * @description Integer minor units (2000 = €20.00)
                             * @example 2000
                             */
                            amountCaptured: number;
                            /**
                             * @description Integer minor units (2000 = €20.00)
                             * @example 2000
                             */
                            amountRefunded: number;
                            /** @enum {string} */
                            captureMethod: "AUTOMATIC" | "MANUAL";
                            incrementalAuthorization: boolean;
                            captureBefore: string | null;
                            nextActionUrl: string | null;
                            failureCode: string | null;
                            failureMessage: string | null;
                            declineCode: string | null;
                            providerIntentId: string | null;
                            providerSessionId: string | null;
                            expiresAt: string | null;
                            createdAt: string;
                            updatedAt: string;
                        }[];
                        hasMore: boolean;
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token’s role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    PaymentsController_cards: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            id: string;
                            brand: string;
                            last4: string;
                            expMonth: number;
                            expYear: number;
                        }[];
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    PaymentsController_saveCard: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    paymentMethodId: string;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        setupIntentId: string;
                        status: string;
                        nextActionUrl: string | null;
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than BODY_LIMIT_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not application/json in UTF-8 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    PaymentsController_setupReturned: {
        parameters: {
            query?: {
                user?: string;
                token?: string;
                setup_intent?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        setupIntentId: string;
                        status: string;
                        paymentMethodId: string | null;
                        failureCode: string | null;
                        failureMessage: string | null;
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    PaymentsController_setup: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        setupIntentId: string;
                        status: string;
                        paymentMethodId: string | null;
                        failureCode: string | null;
                        failureMessage: string | null;
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource (or not yours), or no such route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    PaymentsController_removeCard: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource (or not yours), or no such route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    PaymentsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        payableType: string;
                        payableId: string;
                        userId: string | null;
                        /** @enum {string} */
                        method: "CARD" | "CARD_LINK" | "CRYPTO_LINK" | "WALLET";
                        /** @enum {string} */
                        status: "CREATED" | "REQUIRES_ACTION" | "PROCESSING" | "AUTHORIZED" | "SUCCEEDED" | "PARTIALLY_REFUNDED" | "REFUNDED" | "FAILED" | "EXPIRED" | "CANCELLED";
                        currency: string;
                        /**
                         * @description Integer minor units (2000 = €20.00)
                         * @example 2000
                         */
                        amount: number;
                        /**
                         * @description Integer minor units (2000 = €20.00)
                         * @example 2000
                         */
                        amountCapturable: number;
                        /**
                         * @description Integer minor units (2000 = €20.00)
                         * @example 2000
                         */
                        amountCaptured: number;
                        /**
                         * @description Integer minor units (2000 = €20.00)
                         * @example 2000
                         */
                        amountRefunded: number;
                        /** @enum {string} */
                        captureMethod: "AUTOMATIC" | "MANUAL";
                        incrementalAuthorization: boolean;
                        captureBefore: string | null;
                        nextActionUrl: string | null;
                        failureCode: string | null;
                        failureMessage: string | null;
                        declineCode: string | null;
                        providerIntentId: string | null;
                        providerSessionId: string | null;
                        expiresAt: string | null;
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource (or not yours), or no such route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    PaymentsController_returned: {
        parameters: {
            query?: {
                token?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        status: string;
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource (or not yours), or no such route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "WebhooksController_receive[0]": {
        parameters: {
            query?: never;
            header: {
                "stripe-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        received: true;
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than BODY_LIMIT_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not application/json in UTF-8 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "WebhooksController_receive[1]": {
        parameters: {
            query?: never;
            header: {
                "stripe-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        received: true;
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than BODY_LIMIT_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not application/json in UTF-8 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    "WebhooksController_receive[2]": {
        parameters: {
            query?: never;
            header: {
                "stripe-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        received: true;
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than BODY_LIMIT_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not application/json in UTF-8 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    PaymentsAdminController_refund: {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique key (1–255 printable ASCII characters, e.g. a UUID) making a retry safe: the same key and body replay the first response (with `Idempotent-Replayed: true`) for 24 h; another body is a 422; a retry while the first request still runs is a 409. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description Integer minor units (2000 = €20.00)
                     * @example 2000
                     */
                    amount?: number;
                    reason?: string;
                    force?: boolean;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        paymentId: string;
                        /**
                         * @description Integer minor units (2000 = €20.00)
                         * @example 2000
                         */
                        amount: number;
                        status: string;
                        reason: string | null;
                        createdAt: string;
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token’s role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource (or not yours), or no such route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the current state, or a request with the same Idempotency-Key is still running */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than BODY_LIMIT_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not application/json in UTF-8 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The Idempotency-Key was used for a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    PaymentsAdminController_reconcile: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token’s role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than BODY_LIMIT_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not application/json in UTF-8 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    PaymentsAdminController_lastAudit: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        ranAt: string;
                        checked: number;
                        errors: number;
                        differences: {
                            paymentId: string;
                            /** @enum {string} */
                            field: "captured" | "refunded" | "disputed";
                            recorded: string;
                            provider: string;
                        }[];
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token’s role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    PaymentsAdminController_audit: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        ranAt: string;
                        checked: number;
                        errors: number;
                        differences: {
                            paymentId: string;
                            /** @enum {string} */
                            field: "captured" | "refunded" | "disputed";
                            recorded: string;
                            provider: string;
                        }[];
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token’s role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than BODY_LIMIT_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not application/json in UTF-8 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    PaymentTransitionsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            id: string;
                            /** @enum {string} */
                            fromStatus: "CREATED" | "REQUIRES_ACTION" | "PROCESSING" | "AUTHORIZED" | "SUCCEEDED" | "PARTIALLY_REFUNDED" | "REFUNDED" | "FAILED" | "EXPIRED" | "CANCELLED";
                            /** @enum {string} */
                            toStatus: "CREATED" | "REQUIRES_ACTION" | "PROCESSING" | "AUTHORIZED" | "SUCCEEDED" | "PARTIALLY_REFUNDED" | "REFUNDED" | "FAILED" | "EXPIRED" | "CANCELLED";
                            /**
                             * @description Integer minor units (2000 = €20.00)
                             * @example 2000
                             */
                            fromAmount: number | null;
                            /**
                             * @description Integer minor units (2000 = €20.00)
                             * @example 2000
                             */
                            toAmount: number | null;
                            cause: string;
                            createdAt: string;
                        }[];
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token’s role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource (or not yours), or no such route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    PaymentStatsController_perDay: {
        parameters: {
            query?: {
                from?: string;
                to?: string;
                timeZone?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        from: string;
                        to: string;
                        timeZone: string;
                        days: {
                            day: string;
                            byStatus: {
                                CREATED: number;
                                REQUIRES_ACTION: number;
                                PROCESSING: number;
                                AUTHORIZED: number;
                                SUCCEEDED: number;
                                PARTIALLY_REFUNDED: number;
                                REFUNDED: number;
                                FAILED: number;
                                EXPIRED: number;
                                CANCELLED: number;
                            };
                            succeeded: number;
                            unsuccessful: number;
                            successRate: number | null;
                        }[];
                        volume: {
                            day: string;
                            currency: string;
                            captured: number;
                            payments: number;
                        }[];
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token’s role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    WebhookEventsController_list: {
        parameters: {
            query?: {
                limit?: number;
                startingAfter?: string;
                type?: string;
                state?: "PENDING" | "APPLIED" | "FAILED";
                paymentId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            id: string;
                            provider: string;
                            type: string;
                            /** @enum {string} */
                            state: "PENDING" | "APPLIED" | "FAILED";
                            objectId: string | null;
                            receivedAt: string;
                            processedAt: string | null;
                            attempts: number;
                            lastError: string | null;
                        }[];
                        hasMore: boolean;
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token’s role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    WebhookEventsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        provider: string;
                        type: string;
                        /** @enum {string} */
                        state: "PENDING" | "APPLIED" | "FAILED";
                        objectId: string | null;
                        receivedAt: string;
                        processedAt: string | null;
                        attempts: number;
                        lastError: string | null;
                        payload: unknown;
                        paymentId: string | null;
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token’s role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource (or not yours), or no such route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    WebhookEventsController_perDay: {
        parameters: {
            query?: {
                from?: string;
                to?: string;
                timeZone?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        from: string;
                        to: string;
                        timeZone: string;
                        days: {
                            day: string;
                            received: number;
                            applied: number;
                            failed: number;
                        }[];
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token’s role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    WalletController_get: {
        parameters: {
            query?: {
                currency?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        ownerId: string;
                        /** @enum {string} */
                        type: "USER_WALLET" | "MERCHANT_WALLET";
                        /**
                         * @description Integer minor units (2000 = €20.00)
                         * @example 2000
                         */
                        balance: number;
                        pending: number;
                        available: number;
                        debt: number;
                        currency: string;
                        isLocked: boolean;
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    WalletController_transactions: {
        parameters: {
            query?: {
                limit?: number;
                startingAfter?: string;
                type?: "DEPOSIT" | "WITHDRAWAL" | "PAYMENT" | "EARNING" | "REFUND" | "DISPUTE";
                from?: string;
                to?: string;
                currency?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            id: string;
                            /** @enum {string} */
                            type: "DEPOSIT" | "WITHDRAWAL" | "PAYMENT" | "EARNING" | "REFUND" | "DISPUTE";
                            /** @enum {string} */
                            status: "PENDING" | "COMPLETED" | "FAILED" | "REVERSED";
                            /**
                             * @description Integer minor units (2000 = €20.00)
                             * @example 2000
                             */
                            amount: number;
                            /**
                             * @description Integer minor units (2000 = €20.00)
                             * @example 2000
                             */
                            balanceBefore: number;
                            /**
                             * @description Integer minor units (2000 = €20.00)
                             * @example 2000
                             */
                            balanceAfter: number;
                            currency: string;
                            description: string;
                            referenceType: string | null;
                            referenceId: string | null;
                            metadata: {
                                [key: string]: string;
                            };
                            createdAt: string;
                        }[];
                        hasMore: boolean;
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    WalletController_deposit: {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique key (1–255 printable ASCII characters, e.g. a UUID) making a retry safe: the same key and body replay the first response (with `Idempotent-Replayed: true`) for 24 h; another body is a 422; a retry while the first request still runs is a 409. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description Integer minor units (2000 = €20.00)
                     * @example 2000
                     */
                    amount: number;
                    currency?: string;
                    paymentMethodId?: string;
                    /** Format: uri */
                    successUrl?: string;
                    /** Format: uri */
                    cancelUrl?: string;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        payableType: string;
                        payableId: string;
                        userId: string | null;
                        /** @enum {string} */
                        method: "CARD" | "CARD_LINK" | "CRYPTO_LINK" | "WALLET";
                        /** @enum {string} */
                        status: "CREATED" | "REQUIRES_ACTION" | "PROCESSING" | "AUTHORIZED" | "SUCCEEDED" | "PARTIALLY_REFUNDED" | "REFUNDED" | "FAILED" | "EXPIRED" | "CANCELLED";
                        currency: string;
                        /**
                         * @description Integer minor units (2000 = €20.00)
                         * @example 2000
                         */
                        amount: number;
                        /**
                         * @description Integer minor units (2000 = €20.00)
                         * @example 2000
                         */
                        amountCapturable: number;
                        /**
                         * @description Integer minor units (2000 = €20.00)
                         * @example 2000
                         */
                        amountCaptured: number;
                        /**
                         * @description Integer minor units (2000 = €20.00)
                         * @example 2000
                         */
                        amountRefunded: number;
                        /** @enum {string} */
                        captureMethod: "AUTOMATIC" | "MANUAL";
                        incrementalAuthorization: boolean;
                        captureBefore: string | null;
                        nextActionUrl: string | null;
                        failureCode: string | null;
                        failureMessage: string | null;
                        declineCode: string | null;
                        providerIntentId: string | null;
                        providerSessionId: string | null;
                        expiresAt: string | null;
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the current state, or a request with the same Idempotency-Key is still running */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than BODY_LIMIT_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not application/json in UTF-8 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The Idempotency-Key was used for a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    WalletController_getPayoutAccount: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        accountId: string | null;
                        /** @enum {string} */
                        status: "not_started" | "pending" | "active";
                        currentlyDue: string[];
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    WalletController_createPayoutAccount: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        accountId: string;
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than BODY_LIMIT_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not application/json in UTF-8 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    WalletController_onboardingLink: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        url: string;
                        expiresAt: string;
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than BODY_LIMIT_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not application/json in UTF-8 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    WalletController_withdrawals: {
        parameters: {
            query?: {
                limit?: number;
                startingAfter?: string;
                currency?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            id: string;
                            /**
                             * @description Integer minor units (2000 = €20.00)
                             * @example 2000
                             */
                            amount: number;
                            currency: string;
                            destination: string;
                            /** @enum {string} */
                            status: "PENDING" | "PAID" | "FAILED";
                            failureReason: string | null;
                            waitingReason: string | null;
                            /**
                             * @description Integer minor units (2000 = €20.00)
                             * @example 2000
                             */
                            amountReversed: number;
                            createdAt: string;
                        }[];
                        hasMore: boolean;
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    WalletController_withdraw: {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique key (1–255 printable ASCII characters, e.g. a UUID) making a retry safe: the same key and body replay the first response (with `Idempotent-Replayed: true`) for 24 h; another body is a 422; a retry while the first request still runs is a 409. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description Integer minor units (2000 = €20.00)
                     * @example 2000
                     */
                    amount: number;
                    currency?: string;
                    destination?: string;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /**
                         * @description Integer minor units (2000 = €20.00)
                         * @example 2000
                         */
                        amount: number;
                        currency: string;
                        destination: string;
                        /** @enum {string} */
                        status: "PENDING" | "PAID" | "FAILED";
                        failureReason: string | null;
                        waitingReason: string | null;
                        /**
                         * @description Integer minor units (2000 = €20.00)
                         * @example 2000
                         */
                        amountReversed: number;
                        createdAt: string;
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the current state, or a request with the same Idempotency-Key is still running */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than BODY_LIMIT_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not application/json in UTF-8 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The Idempotency-Key was used for a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    WalletAdminController_ofOwner: {
        parameters: {
            query: {
                limit?: number;
                startingAfter?: string;
                ownerId: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            id: string;
                            ownerId: string;
                            /** @enum {string} */
                            type: "USER_WALLET" | "MERCHANT_WALLET";
                            /**
                             * @description Integer minor units (2000 = €20.00)
                             * @example 2000
                             */
                            balance: number;
                            pending: number;
                            available: number;
                            debt: number;
                            currency: string;
                            isLocked: boolean;
                        }[];
                        hasMore: boolean;
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token’s role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    WalletAdminController_inDebt: {
        parameters: {
            query?: {
                limit?: number;
                startingAfter?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            id: string;
                            ownerId: string;
                            /** @enum {string} */
                            type: "USER_WALLET" | "MERCHANT_WALLET";
                            /**
                             * @description Integer minor units (2000 = €20.00)
                             * @example 2000
                             */
                            balance: number;
                            pending: number;
                            available: number;
                            debt: number;
                            currency: string;
                            isLocked: boolean;
                        }[];
                        hasMore: boolean;
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token’s role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    WalletAdminController_lock: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token’s role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource (or not yours), or no such route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than BODY_LIMIT_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not application/json in UTF-8 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    WalletAdminController_unlock: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token’s role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource (or not yours), or no such route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than BODY_LIMIT_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not application/json in UTF-8 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ProductsController_list: {
        parameters: {
            query?: {
                limit?: number;
                startingAfter?: string;
                merchantId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            id: string;
                            merchantId: string;
                            name: string;
                            description: string;
                            /**
                             * @description Integer minor units (2000 = €20.00)
                             * @example 2000
                             */
                            price: number;
                            currency: string;
                            availableUnits: number;
                            initialUnits: number;
                            isActive: boolean;
                            version: number;
                            createdAt: string;
                            updatedAt: string;
                            deletedAt: string | null;
                        }[];
                        hasMore: boolean;
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ProductsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    description?: string;
                    /**
                     * @description Integer minor units (2000 = €20.00)
                     * @example 2000
                     */
                    price: number;
                    currency?: string;
                    initialUnits: number;
                    availableUnits?: number;
                    isActive?: boolean;
                    merchantId?: string;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        merchantId: string;
                        name: string;
                        description: string;
                        /**
                         * @description Integer minor units (2000 = €20.00)
                         * @example 2000
                         */
                        price: number;
                        currency: string;
                        availableUnits: number;
                        initialUnits: number;
                        isActive: boolean;
                        version: number;
                        createdAt: string;
                        updatedAt: string;
                        deletedAt: string | null;
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token’s role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than BODY_LIMIT_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not application/json in UTF-8 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ProductsController_mine: {
        parameters: {
            query?: {
                limit?: number;
                startingAfter?: string;
                merchantId?: string;
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            id: string;
                            merchantId: string;
                            name: string;
                            description: string;
                            /**
                             * @description Integer minor units (2000 = €20.00)
                             * @example 2000
                             */
                            price: number;
                            currency: string;
                            availableUnits: number;
                            initialUnits: number;
                            isActive: boolean;
                            version: number;
                            createdAt: string;
                            updatedAt: string;
                            deletedAt: string | null;
                        }[];
                        hasMore: boolean;
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token’s role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ProductsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        merchantId: string;
                        name: string;
                        description: string;
                        /**
                         * @description Integer minor units (2000 = €20.00)
                         * @example 2000
                         */
                        price: number;
                        currency: string;
                        availableUnits: number;
                        initialUnits: number;
                        isActive: boolean;
                        version: number;
                        createdAt: string;
                        updatedAt: string;
                        deletedAt: string | null;
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource (or not yours), or no such route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ProductsController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource (or not yours), or no such route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ProductsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    description?: string;
                    /**
                     * @description Integer minor units (2000 = €20.00)
                     * @example 2000
                     */
                    price?: number;
                    currency?: string;
                    isActive?: boolean;
                    addUnits?: number;
                    version?: number;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        merchantId: string;
                        name: string;
                        description: string;
                        /**
                         * @description Integer minor units (2000 = €20.00)
                         * @example 2000
                         */
                        price: number;
                        currency: string;
                        availableUnits: number;
                        initialUnits: number;
                        isActive: boolean;
                        version: number;
                        createdAt: string;
                        updatedAt: string;
                        deletedAt: string | null;
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource (or not yours), or no such route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than BODY_LIMIT_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not application/json in UTF-8 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    NotificationsController_list: {
        parameters: {
            query?: {
                limit?: number;
                startingAfter?: string;
                status?: "QUEUED" | "SENT" | "FAILED";
                kind?: string;
                reference?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            id: string;
                            kind: string;
                            reference: string;
                            to: string;
                            subject: string;
                            /** @enum {string} */
                            status: "QUEUED" | "SENT" | "FAILED";
                            attempts: number;
                            lastError: string | null;
                            createdAt: string;
                            sentAt: string | null;
                        }[];
                        hasMore: boolean;
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token’s role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    NotificationsController_retry: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        kind: string;
                        reference: string;
                        to: string;
                        subject: string;
                        /** @enum {string} */
                        status: "QUEUED" | "SENT" | "FAILED";
                        attempts: number;
                        lastError: string | null;
                        createdAt: string;
                        sentAt: string | null;
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token’s role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource (or not yours), or no such route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the current state, or a request with the same Idempotency-Key is still running */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than BODY_LIMIT_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not application/json in UTF-8 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    OrdersController_list: {
        parameters: {
            query?: {
                limit?: number;
                startingAfter?: string;
                as?: "buyer" | "merchant";
                status?: "PENDING" | "PAYMENT_PROCESSING" | "COMPLETED" | "FAILED" | "CANCELLED" | "REFUNDED";
                from?: string;
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            id: string;
                            userId: string;
                            productId: string;
                            merchantId: string;
                            quantity: number;
                            /**
                             * @description Integer minor units (2000 = €20.00)
                             * @example 2000
                             */
                            amount: number;
                            /**
                             * @description Integer minor units (2000 = €20.00)
                             * @example 2000
                             */
                            fee: number;
                            currency: string;
                            /** @enum {string} */
                            paymentMethod: "WALLET" | "GATEWAY";
                            /** @enum {string} */
                            status: "PENDING" | "PAYMENT_PROCESSING" | "COMPLETED" | "FAILED" | "CANCELLED" | "REFUNDED";
                            paymentId: string | null;
                            /**
                             * @description Integer minor units (2000 = €20.00)
                             * @example 2000
                             */
                            refundedAmount: number;
                            unitsRestored: boolean;
                            completedAt: string | null;
                            failedAt: string | null;
                            failureReason: string | null;
                            metadata: {
                                [key: string]: string;
                            };
                            createdAt: string;
                            updatedAt: string;
                        }[];
                        hasMore: boolean;
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    OrdersController_create: {
        parameters: {
            query?: never;
            header: {
                /** @description A unique key (1–255 printable ASCII characters, e.g. a UUID) making a retry safe: the same key and body replay the first response (with `Idempotent-Replayed: true`) for 24 h; another body is a 422; a retry while the first request still runs is a 409. */
                "Idempotency-Key": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    productId: string;
                    /** @default 1 */
                    quantity?: number;
                    /** @enum {string} */
                    paymentMethod: "WALLET" | "GATEWAY";
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        userId: string;
                        productId: string;
                        merchantId: string;
                        quantity: number;
                        /**
                         * @description Integer minor units (2000 = €20.00)
                         * @example 2000
                         */
                        amount: number;
                        /**
                         * @description Integer minor units (2000 = €20.00)
                         * @example 2000
                         */
                        fee: number;
                        currency: string;
                        /** @enum {string} */
                        paymentMethod: "WALLET" | "GATEWAY";
                        /** @enum {string} */
                        status: "PENDING" | "PAYMENT_PROCESSING" | "COMPLETED" | "FAILED" | "CANCELLED" | "REFUNDED";
                        paymentId: string | null;
                        /**
                         * @description Integer minor units (2000 = €20.00)
                         * @example 2000
                         */
                        refundedAmount: number;
                        unitsRestored: boolean;
                        completedAt: string | null;
                        failedAt: string | null;
                        failureReason: string | null;
                        metadata: {
                            [key: string]: string;
                        };
                        createdAt: string;
                        updatedAt: string;
                        checkoutUrl: string | null;
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The card was declined or the wallet cannot cover the amount */
            402: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the current state, or a request with the same Idempotency-Key is still running */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than BODY_LIMIT_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not application/json in UTF-8 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The Idempotency-Key was used for a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The payment provider or a dependency is unavailable; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    OrdersController_earningsOf: {
        parameters: {
            query?: {
                from?: string;
                to?: string;
                timeZone?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        from: string;
                        to: string;
                        timeZone: string;
                        days: {
                            date: string;
                            currency: string;
                            orders: number;
                            gross: number;
                            /**
                             * @description Integer minor units (2000 = €20.00)
                             * @example 2000
                             */
                            fees: number;
                            refunded: number;
                            net: number;
                        }[];
                        totals: {
                            currency: string;
                            orders: number;
                            gross: number;
                            /**
                             * @description Integer minor units (2000 = €20.00)
                             * @example 2000
                             */
                            fees: number;
                            refunded: number;
                            net: number;
                        }[];
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token’s role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    OrdersController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        userId: string;
                        productId: string;
                        merchantId: string;
                        quantity: number;
                        /**
                         * @description Integer minor units (2000 = €20.00)
                         * @example 2000
                         */
                        amount: number;
                        /**
                         * @description Integer minor units (2000 = €20.00)
                         * @example 2000
                         */
                        fee: number;
                        currency: string;
                        /** @enum {string} */
                        paymentMethod: "WALLET" | "GATEWAY";
                        /** @enum {string} */
                        status: "PENDING" | "PAYMENT_PROCESSING" | "COMPLETED" | "FAILED" | "CANCELLED" | "REFUNDED";
                        paymentId: string | null;
                        /**
                         * @description Integer minor units (2000 = €20.00)
                         * @example 2000
                         */
                        refundedAmount: number;
                        unitsRestored: boolean;
                        completedAt: string | null;
                        failedAt: string | null;
                        failureReason: string | null;
                        metadata: {
                            [key: string]: string;
                        };
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource (or not yours), or no such route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    OrdersController_refund: {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique key (1–255 printable ASCII characters, e.g. a UUID) making a retry safe: the same key and body replay the first response (with `Idempotent-Replayed: true`) for 24 h; another body is a 422; a retry while the first request still runs is a 409. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description Integer minor units (2000 = €20.00)
                     * @example 2000
                     */
                    amount?: number;
                    restock?: boolean;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        userId: string;
                        productId: string;
                        merchantId: string;
                        quantity: number;
                        /**
                         * @description Integer minor units (2000 = €20.00)
                         * @example 2000
                         */
                        amount: number;
                        /**
                         * @description Integer minor units (2000 = €20.00)
                         * @example 2000
                         */
                        fee: number;
                        currency: string;
                        /** @enum {string} */
                        paymentMethod: "WALLET" | "GATEWAY";
                        /** @enum {string} */
                        status: "PENDING" | "PAYMENT_PROCESSING" | "COMPLETED" | "FAILED" | "CANCELLED" | "REFUNDED";
                        paymentId: string | null;
                        /**
                         * @description Integer minor units (2000 = €20.00)
                         * @example 2000
                         */
                        refundedAmount: number;
                        unitsRestored: boolean;
                        completedAt: string | null;
                        failedAt: string | null;
                        failureReason: string | null;
                        metadata: {
                            [key: string]: string;
                        };
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource (or not yours), or no such route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the current state, or a request with the same Idempotency-Key is still running */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than BODY_LIMIT_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not application/json in UTF-8 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The Idempotency-Key was used for a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    OrderReturnsController_success: {
        parameters: {
            query?: {
                order?: string;
                token?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        orderId: string;
                        /** @enum {string} */
                        status: "PENDING" | "PAYMENT_PROCESSING" | "COMPLETED" | "FAILED" | "CANCELLED" | "REFUNDED";
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    OrderReturnsController_cancel: {
        parameters: {
            query?: {
                order?: string;
                token?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        orderId: string;
                        /** @enum {string} */
                        status: "PENDING" | "PAYMENT_PROCESSING" | "COMPLETED" | "FAILED" | "CANCELLED" | "REFUNDED";
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    StationsController_list: {
        parameters: {
            query?: {
                limit?: number;
                startingAfter?: string;
                companyId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            id: string;
                            companyId: string;
                            name: string;
                            address: string;
                            latitude: number;
                            longitude: number;
                            timeZone: string;
                            tariffId: string | null;
                            createdAt: string;
                            updatedAt: string;
                        }[];
                        hasMore: boolean;
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token’s role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    StationsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    address: string;
                    latitude: number;
                    longitude: number;
                    timeZone: string;
                    tariffId?: string | null;
                    companyId?: string;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        companyId: string;
                        name: string;
                        address: string;
                        latitude: number;
                        longitude: number;
                        timeZone: string;
                        tariffId: string | null;
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token’s role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than BODY_LIMIT_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not application/json in UTF-8 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    StationsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        companyId: string;
                        name: string;
                        address: string;
                        latitude: number;
                        longitude: number;
                        timeZone: string;
                        tariffId: string | null;
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token’s role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource (or not yours), or no such route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    StationsController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token’s role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource (or not yours), or no such route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the current state, or a request with the same Idempotency-Key is still running */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    StationsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    address?: string;
                    latitude?: number;
                    longitude?: number;
                    timeZone?: string;
                    tariffId?: string | null;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        companyId: string;
                        name: string;
                        address: string;
                        latitude: number;
                        longitude: number;
                        timeZone: string;
                        tariffId: string | null;
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token’s role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource (or not yours), or no such route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than BODY_LIMIT_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not application/json in UTF-8 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    TariffsController_list: {
        parameters: {
            query?: {
                limit?: number;
                startingAfter?: string;
                companyId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            id: string;
                            companyId: string;
                            name: string;
                            currency: string;
                            /**
                             * @description Integer minor units (2000 = €20.00)
                             * @example 2000
                             */
                            energyPricePerKwh: number;
                            /**
                             * @description Integer minor units (2000 = €20.00)
                             * @example 2000
                             */
                            timePricePerMinute: number;
                            /**
                             * @description Integer minor units (2000 = €20.00)
                             * @example 2000
                             */
                            idlePricePerMinute: number;
                            idleGraceMinutes: number;
                            /**
                             * @description Integer minor units (2000 = €20.00)
                             * @example 2000
                             */
                            sessionFee: number;
                            taxRateBasisPoints: number;
                            taxInclusive: boolean;
                            /**
                             * @description Integer minor units (2000 = €20.00)
                             * @example 2000
                             */
                            holdAmount: number;
                            periods: {
                                name: string;
                                days: number[];
                                start: string;
                                end: string;
                                /**
                                 * @description Integer minor units (2000 = €20.00)
                                 * @example 2000
                                 */
                                energyPricePerKwh: number;
                                /**
                                 * @description Integer minor units (2000 = €20.00)
                                 * @example 2000
                                 */
                                timePricePerMinute: number;
                            }[];
                            createdAt: string;
                            updatedAt: string;
                        }[];
                        hasMore: boolean;
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token’s role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    TariffsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    currency: string;
                    /**
                     * @description Integer minor units (2000 = €20.00)
                     * @example 2000
                     */
                    energyPricePerKwh: number;
                    /**
                     * @description Integer minor units (2000 = €20.00)
                     * @example 2000
                     */
                    timePricePerMinute?: number;
                    /**
                     * @description Integer minor units (2000 = €20.00)
                     * @example 2000
                     */
                    idlePricePerMinute?: number;
                    idleGraceMinutes?: number;
                    /**
                     * @description Integer minor units (2000 = €20.00)
                     * @example 2000
                     */
                    sessionFee?: number;
                    taxRateBasisPoints?: number;
                    taxInclusive?: boolean;
                    /**
                     * @description Integer minor units (2000 = €20.00)
                     * @example 2000
                     */
                    holdAmount: number;
                    periods?: {
                        name: string;
                        days: number[];
                        start: string;
                        end: string;
                        /**
                         * @description Integer minor units (2000 = €20.00)
                         * @example 2000
                         */
                        energyPricePerKwh: number;
                        /**
                         * @description Integer minor units (2000 = €20.00)
                         * @example 2000
                         */
                        timePricePerMinute?: number;
                    }[];
                    companyId?: string;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        companyId: string;
                        name: string;
                        currency: string;
                        /**
                         * @description Integer minor units (2000 = €20.00)
                         * @example 2000
                         */
                        energyPricePerKwh: number;
                        /**
                         * @description Integer minor units (2000 = €20.00)
                         * @example 2000
                         */
                        timePricePerMinute: number;
                        /**
                         * @description Integer minor units (2000 = €20.00)
                         * @example 2000
                         */
                        idlePricePerMinute: number;
                        idleGraceMinutes: number;
                        /**
                         * @description Integer minor units (2000 = €20.00)
                         * @example 2000
                         */
                        sessionFee: number;
                        taxRateBasisPoints: number;
                        taxInclusive: boolean;
                        /**
                         * @description Integer minor units (2000 = €20.00)
                         * @example 2000
                         */
                        holdAmount: number;
                        periods: {
                            name: string;
                            days: number[];
                            start: string;
                            end: string;
                            /**
                             * @description Integer minor units (2000 = €20.00)
                             * @example 2000
                             */
                            energyPricePerKwh: number;
                            /**
                             * @description Integer minor units (2000 = €20.00)
                             * @example 2000
                             */
                            timePricePerMinute: number;
                        }[];
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token’s role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than BODY_LIMIT_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not application/json in UTF-8 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    TariffsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        companyId: string;
                        name: string;
                        currency: string;
                        /**
                         * @description Integer minor units (2000 = €20.00)
                         * @example 2000
                         */
                        energyPricePerKwh: number;
                        /**
                         * @description Integer minor units (2000 = €20.00)
                         * @example 2000
                         */
                        timePricePerMinute: number;
                        /**
                         * @description Integer minor units (2000 = €20.00)
                         * @example 2000
                         */
                        idlePricePerMinute: number;
                        idleGraceMinutes: number;
                        /**
                         * @description Integer minor units (2000 = €20.00)
                         * @example 2000
                         */
                        sessionFee: number;
                        taxRateBasisPoints: number;
                        taxInclusive: boolean;
                        /**
                         * @description Integer minor units (2000 = €20.00)
                         * @example 2000
                         */
                        holdAmount: number;
                        periods: {
                            name: string;
                            days: number[];
                            start: string;
                            end: string;
                            /**
                             * @description Integer minor units (2000 = €20.00)
                             * @example 2000
                             */
                            energyPricePerKwh: number;
                            /**
                             * @description Integer minor units (2000 = €20.00)
                             * @example 2000
                             */
                            timePricePerMinute: number;
                        }[];
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token’s role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource (or not yours), or no such route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    TariffsController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token’s role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource (or not yours), or no such route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the current state, or a request with the same Idempotency-Key is still running */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    TariffsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    /**
                     * @description Integer minor units (2000 = €20.00)
                     * @example 2000
                     */
                    energyPricePerKwh?: number;
                    /**
                     * @description Integer minor units (2000 = €20.00)
                     * @example 2000
                     */
                    timePricePerMinute?: number;
                    /**
                     * @description Integer minor units (2000 = €20.00)
                     * @example 2000
                     */
                    idlePricePerMinute?: number;
                    idleGraceMinutes?: number;
                    /**
                     * @description Integer minor units (2000 = €20.00)
                     * @example 2000
                     */
                    sessionFee?: number;
                    taxRateBasisPoints?: number;
                    taxInclusive?: boolean;
                    /**
                     * @description Integer minor units (2000 = €20.00)
                     * @example 2000
                     */
                    holdAmount?: number;
                    periods?: {
                        name: string;
                        days: number[];
                        start: string;
                        end: string;
                        /**
                         * @description Integer minor units (2000 = €20.00)
                         * @example 2000
                         */
                        energyPricePerKwh: number;
                        /**
                         * @description Integer minor units (2000 = €20.00)
                         * @example 2000
                         */
                        timePricePerMinute?: number;
                    }[];
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        companyId: string;
                        name: string;
                        currency: string;
                        /**
                         * @description Integer minor units (2000 = €20.00)
                         * @example 2000
                         */
                        energyPricePerKwh: number;
                        /**
                         * @description Integer minor units (2000 = €20.00)
                         * @example 2000
                         */
                        timePricePerMinute: number;
                        /**
                         * @description Integer minor units (2000 = €20.00)
                         * @example 2000
                         */
                        idlePricePerMinute: number;
                        idleGraceMinutes: number;
                        /**
                         * @description Integer minor units (2000 = €20.00)
                         * @example 2000
                         */
                        sessionFee: number;
                        taxRateBasisPoints: number;
                        taxInclusive: boolean;
                        /**
                         * @description Integer minor units (2000 = €20.00)
                         * @example 2000
                         */
                        holdAmount: number;
                        periods: {
                            name: string;
                            days: number[];
                            start: string;
                            end: string;
                            /**
                             * @description Integer minor units (2000 = €20.00)
                             * @example 2000
                             */
                            energyPricePerKwh: number;
                            /**
                             * @description Integer minor units (2000 = €20.00)
                             * @example 2000
                             */
                            timePricePerMinute: number;
                        }[];
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token’s role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource (or not yours), or no such route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than BODY_LIMIT_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not application/json in UTF-8 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ChargerEventsController_stream: {
        parameters: {
            query?: {
                stationId?: string;
                chargerId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description text/event-stream: events `charger.online`, `charger.offline`, `charger.status`, `connector.status`, `session.updated`, each `data` one JSON object (docs/api.md); a comment line every 15 s */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token’s role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ChargersController_list: {
        parameters: {
            query?: {
                limit?: number;
                startingAfter?: string;
                stationId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            id: string;
                            stationId: string;
                            companyId: string;
                            ocppId: string;
                            hasPassword: boolean;
                            tariffId: string | null;
                            vendor: string | null;
                            model: string | null;
                            serialNumber: string | null;
                            firmwareVersion: string | null;
                            lastBootAt: string | null;
                            lastHeartbeatAt: string | null;
                            online: boolean;
                            status: string | null;
                            errorCode: string | null;
                            firmwareStatus: string | null;
                            firmwareStatusAt: string | null;
                            diagnosticsStatus: string | null;
                            diagnosticsStatusAt: string | null;
                            createdAt: string;
                            updatedAt: string;
                        }[];
                        hasMore: boolean;
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token’s role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ChargersController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    stationId: string;
                    ocppId: string;
                    password?: string;
                    tariffId?: string;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        stationId: string;
                        companyId: string;
                        ocppId: string;
                        hasPassword: boolean;
                        tariffId: string | null;
                        vendor: string | null;
                        model: string | null;
                        serialNumber: string | null;
                        firmwareVersion: string | null;
                        lastBootAt: string | null;
                        lastHeartbeatAt: string | null;
                        online: boolean;
                        status: string | null;
                        errorCode: string | null;
                        firmwareStatus: string | null;
                        firmwareStatusAt: string | null;
                        diagnosticsStatus: string | null;
                        diagnosticsStatusAt: string | null;
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token’s role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the current state, or a request with the same Idempotency-Key is still running */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than BODY_LIMIT_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not application/json in UTF-8 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ChargersController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        stationId: string;
                        companyId: string;
                        ocppId: string;
                        hasPassword: boolean;
                        tariffId: string | null;
                        vendor: string | null;
                        model: string | null;
                        serialNumber: string | null;
                        firmwareVersion: string | null;
                        lastBootAt: string | null;
                        lastHeartbeatAt: string | null;
                        online: boolean;
                        status: string | null;
                        errorCode: string | null;
                        firmwareStatus: string | null;
                        firmwareStatusAt: string | null;
                        diagnosticsStatus: string | null;
                        diagnosticsStatusAt: string | null;
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token’s role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource (or not yours), or no such route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ChargersController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token’s role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource (or not yours), or no such route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ChargersController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    stationId?: string;
                    ocppId?: string;
                    password?: string | null;
                    tariffId?: string | null;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        stationId: string;
                        companyId: string;
                        ocppId: string;
                        hasPassword: boolean;
                        tariffId: string | null;
                        vendor: string | null;
                        model: string | null;
                        serialNumber: string | null;
                        firmwareVersion: string | null;
                        lastBootAt: string | null;
                        lastHeartbeatAt: string | null;
                        online: boolean;
                        status: string | null;
                        errorCode: string | null;
                        firmwareStatus: string | null;
                        firmwareStatusAt: string | null;
                        diagnosticsStatus: string | null;
                        diagnosticsStatusAt: string | null;
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token’s role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource (or not yours), or no such route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the current state, or a request with the same Idempotency-Key is still running */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than BODY_LIMIT_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not application/json in UTF-8 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ChargersController_listConnectors: {
        parameters: {
            query?: {
                limit?: number;
                startingAfter?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            id: string;
                            chargerId: string;
                            companyId: string;
                            connectorId: number;
                            type: string | null;
                            maxPowerW: number | null;
                            status: string;
                            errorCode: string;
                            vendorErrorCode: string | null;
                            info: string | null;
                            statusAt: string | null;
                            createdAt: string;
                            updatedAt: string;
                        }[];
                        hasMore: boolean;
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token’s role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource (or not yours), or no such route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ChargersController_addConnector: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    connectorId: number;
                    /** @enum {string} */
                    type: "TYPE_1" | "TYPE_2" | "CCS_1" | "CCS_2" | "CHADEMO" | "NACS" | "GB_T" | "SCHUKO";
                    maxPowerW: number;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        chargerId: string;
                        companyId: string;
                        connectorId: number;
                        type: string | null;
                        maxPowerW: number | null;
                        status: string;
                        errorCode: string;
                        vendorErrorCode: string | null;
                        info: string | null;
                        statusAt: string | null;
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token’s role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource (or not yours), or no such route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the current state, or a request with the same Idempotency-Key is still running */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than BODY_LIMIT_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not application/json in UTF-8 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ChargersController_command: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    action: "RemoteStartTransaction" | "RemoteStopTransaction" | "UnlockConnector" | "ChangeAvailability" | "Reset" | "GetConfiguration" | "ChangeConfiguration" | "TriggerMessage" | "ClearCache" | "ReserveNow" | "CancelReservation" | "SendLocalList" | "GetLocalListVersion" | "SetChargingProfile" | "ClearChargingProfile" | "GetCompositeSchedule" | "UpdateFirmware" | "GetDiagnostics" | "DataTransfer";
                    /** @default {} */
                    payload?: {
                        [key: string]: unknown;
                    };
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        action: string;
                        result: {
                            [key: string]: unknown;
                        } | null;
                        error: {
                            code: string;
                            description: string;
                        } | null;
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token’s role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource (or not yours), or no such route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the current state, or a request with the same Idempotency-Key is still running */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than BODY_LIMIT_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not application/json in UTF-8 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The payment provider or a dependency is unavailable; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ChargersController_ocppMessages: {
        parameters: {
            query?: {
                limit?: number;
                startingAfter?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            id: string;
                            /** @enum {string} */
                            direction: "IN" | "OUT";
                            frame: unknown;
                            receivedAt: string;
                        }[];
                        hasMore: boolean;
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token’s role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource (or not yours), or no such route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ConnectorsController_qr: {
        parameters: {
            query?: {
                format?: "svg" | "png";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token’s role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource (or not yours), or no such route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ConnectorsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        chargerId: string;
                        companyId: string;
                        connectorId: number;
                        type: string | null;
                        maxPowerW: number | null;
                        status: string;
                        errorCode: string;
                        vendorErrorCode: string | null;
                        info: string | null;
                        statusAt: string | null;
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token’s role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource (or not yours), or no such route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ConnectorsController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token’s role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource (or not yours), or no such route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ConnectorsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    type?: "TYPE_1" | "TYPE_2" | "CCS_1" | "CCS_2" | "CHADEMO" | "NACS" | "GB_T" | "SCHUKO";
                    maxPowerW?: number;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        chargerId: string;
                        companyId: string;
                        connectorId: number;
                        type: string | null;
                        maxPowerW: number | null;
                        status: string;
                        errorCode: string;
                        vendorErrorCode: string | null;
                        info: string | null;
                        statusAt: string | null;
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token’s role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource (or not yours), or no such route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than BODY_LIMIT_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not application/json in UTF-8 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    SessionEventsController_stream: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description text/event-stream: `session.updated` events, each `data` one JSON object (docs/api.md) — the first is the session as it is now; a comment line every 15 s */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource (or not yours), or no such route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    SessionsController_start: {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique key (1–255 printable ASCII characters, e.g. a UUID) making a retry safe: the same key and body replay the first response (with `Idempotent-Replayed: true`) for 24 h; another body is a 422; a retry while the first request still runs is a 409. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    connectorId: string;
                    paymentMethodId?: string;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** @enum {string} */
                        status: "AUTHORIZING" | "STARTING" | "CHARGING" | "STOPPING" | "COMPLETED" | "FAILED" | "START_TIMED_OUT";
                        driverId: string | null;
                        companyId: string;
                        chargerId: string;
                        connectorId: string;
                        connectorNumber: number;
                        currency: string;
                        tariff: {
                            tariffId: string;
                            name: string;
                            /**
                             * @description Integer minor units (2000 = €20.00)
                             * @example 2000
                             */
                            energyPricePerKwh: number;
                            /**
                             * @description Integer minor units (2000 = €20.00)
                             * @example 2000
                             */
                            timePricePerMinute: number;
                            /**
                             * @description Integer minor units (2000 = €20.00)
                             * @example 2000
                             */
                            idlePricePerMinute: number;
                            idleGraceMinutes: number;
                            /**
                             * @description Integer minor units (2000 = €20.00)
                             * @example 2000
                             */
                            sessionFee: number;
                            taxRateBasisPoints: number;
                            taxInclusive: boolean;
                            /**
                             * @description Integer minor units (2000 = €20.00)
                             * @example 2000
                             */
                            holdAmount: number;
                        };
                        ocppTransactionId: number | null;
                        energyWh: number;
                        cost: number;
                        /**
                         * @description Integer minor units (2000 = €20.00)
                         * @example 2000
                         */
                        authorizedAmount: number | null;
                        /**
                         * @description Integer minor units (2000 = €20.00)
                         * @example 2000
                         */
                        capturedAmount: number | null;
                        /** @enum {string} */
                        captureStatus: "NONE" | "PENDING" | "CAPTURED" | "RELEASED" | "FAILED";
                        captureError: string | null;
                        paymentId: string | null;
                        failureCode: string | null;
                        failureMessage: string | null;
                        stopCause: string | null;
                        captureBefore: string | null;
                        startedAt: string | null;
                        stopRequestedAt: string | null;
                        endedAt: string | null;
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The card was declined or the wallet cannot cover the amount */
            402: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the current state, or a request with the same Idempotency-Key is still running */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than BODY_LIMIT_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not application/json in UTF-8 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The Idempotency-Key was used for a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The payment provider or a dependency is unavailable; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    SessionsController_stop: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    sessionId: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** @enum {string} */
                        status: "AUTHORIZING" | "STARTING" | "CHARGING" | "STOPPING" | "COMPLETED" | "FAILED" | "START_TIMED_OUT";
                        driverId: string | null;
                        companyId: string;
                        chargerId: string;
                        connectorId: string;
                        connectorNumber: number;
                        currency: string;
                        tariff: {
                            tariffId: string;
                            name: string;
                            /**
                             * @description Integer minor units (2000 = €20.00)
                             * @example 2000
                             */
                            energyPricePerKwh: number;
                            /**
                             * @description Integer minor units (2000 = €20.00)
                             * @example 2000
                             */
                            timePricePerMinute: number;
                            /**
                             * @description Integer minor units (2000 = €20.00)
                             * @example 2000
                             */
                            idlePricePerMinute: number;
                            idleGraceMinutes: number;
                            /**
                             * @description Integer minor units (2000 = €20.00)
                             * @example 2000
                             */
                            sessionFee: number;
                            taxRateBasisPoints: number;
                            taxInclusive: boolean;
                            /**
                             * @description Integer minor units (2000 = €20.00)
                             * @example 2000
                             */
                            holdAmount: number;
                        };
                        ocppTransactionId: number | null;
                        energyWh: number;
                        cost: number;
                        /**
                         * @description Integer minor units (2000 = €20.00)
                         * @example 2000
                         */
                        authorizedAmount: number | null;
                        /**
                         * @description Integer minor units (2000 = €20.00)
                         * @example 2000
                         */
                        capturedAmount: number | null;
                        /** @enum {string} */
                        captureStatus: "NONE" | "PENDING" | "CAPTURED" | "RELEASED" | "FAILED";
                        captureError: string | null;
                        paymentId: string | null;
                        failureCode: string | null;
                        failureMessage: string | null;
                        stopCause: string | null;
                        captureBefore: string | null;
                        startedAt: string | null;
                        stopRequestedAt: string | null;
                        endedAt: string | null;
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the current state, or a request with the same Idempotency-Key is still running */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than BODY_LIMIT_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not application/json in UTF-8 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The payment provider or a dependency is unavailable; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    SessionsController_list: {
        parameters: {
            query?: {
                limit?: number;
                startingAfter?: string;
                status?: "AUTHORIZING" | "STARTING" | "CHARGING" | "STOPPING" | "COMPLETED" | "FAILED" | "START_TIMED_OUT";
                captureStatus?: "NONE" | "PENDING" | "CAPTURED" | "RELEASED" | "FAILED";
                companyId?: string;
                stationId?: string;
                from?: string;
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            id: string;
                            /** @enum {string} */
                            status: "AUTHORIZING" | "STARTING" | "CHARGING" | "STOPPING" | "COMPLETED" | "FAILED" | "START_TIMED_OUT";
                            driverId: string | null;
                            companyId: string;
                            chargerId: string;
                            connectorId: string;
                            connectorNumber: number;
                            currency: string;
                            tariff: {
                                tariffId: string;
                                name: string;
                                /**
                                 * @description Integer minor units (2000 = €20.00)
                                 * @example 2000
                                 */
                                energyPricePerKwh: number;
                                /**
                                 * @description Integer minor units (2000 = €20.00)
                                 * @example 2000
                                 */
                                timePricePerMinute: number;
                                /**
                                 * @description Integer minor units (2000 = €20.00)
                                 * @example 2000
                                 */
                                idlePricePerMinute: number;
                                idleGraceMinutes: number;
                                /**
                                 * @description Integer minor units (2000 = €20.00)
                                 * @example 2000
                                 */
                                sessionFee: number;
                                taxRateBasisPoints: number;
                                taxInclusive: boolean;
                                /**
                                 * @description Integer minor units (2000 = €20.00)
                                 * @example 2000
                                 */
                                holdAmount: number;
                            };
                            ocppTransactionId: number | null;
                            energyWh: number;
                            cost: number;
                            /**
                             * @description Integer minor units (2000 = €20.00)
                             * @example 2000
                             */
                            authorizedAmount: number | null;
                            /**
                             * @description Integer minor units (2000 = €20.00)
                             * @example 2000
                             */
                            capturedAmount: number | null;
                            /** @enum {string} */
                            captureStatus: "NONE" | "PENDING" | "CAPTURED" | "RELEASED" | "FAILED";
                            captureError: string | null;
                            paymentId: string | null;
                            failureCode: string | null;
                            failureMessage: string | null;
                            stopCause: string | null;
                            captureBefore: string | null;
                            startedAt: string | null;
                            stopRequestedAt: string | null;
                            endedAt: string | null;
                            createdAt: string;
                            updatedAt: string;
                        }[];
                        hasMore: boolean;
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    SessionsController_retryCapture: {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique key (1–255 printable ASCII characters, e.g. a UUID) making a retry safe: the same key and body replay the first response (with `Idempotent-Replayed: true`) for 24 h; another body is a 422; a retry while the first request still runs is a 409. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** @enum {string} */
                        status: "AUTHORIZING" | "STARTING" | "CHARGING" | "STOPPING" | "COMPLETED" | "FAILED" | "START_TIMED_OUT";
                        driverId: string | null;
                        companyId: string;
                        chargerId: string;
                        connectorId: string;
                        connectorNumber: number;
                        currency: string;
                        tariff: {
                            tariffId: string;
                            name: string;
                            /**
                             * @description Integer minor units (2000 = €20.00)
                             * @example 2000
                             */
                            energyPricePerKwh: number;
                            /**
                             * @description Integer minor units (2000 = €20.00)
                             * @example 2000
                             */
                            timePricePerMinute: number;
                            /**
                             * @description Integer minor units (2000 = €20.00)
                             * @example 2000
                             */
                            idlePricePerMinute: number;
                            idleGraceMinutes: number;
                            /**
                             * @description Integer minor units (2000 = €20.00)
                             * @example 2000
                             */
                            sessionFee: number;
                            taxRateBasisPoints: number;
                            taxInclusive: boolean;
                            /**
                             * @description Integer minor units (2000 = €20.00)
                             * @example 2000
                             */
                            holdAmount: number;
                        };
                        ocppTransactionId: number | null;
                        energyWh: number;
                        cost: number;
                        /**
                         * @description Integer minor units (2000 = €20.00)
                         * @example 2000
                         */
                        authorizedAmount: number | null;
                        /**
                         * @description Integer minor units (2000 = €20.00)
                         * @example 2000
                         */
                        capturedAmount: number | null;
                        /** @enum {string} */
                        captureStatus: "NONE" | "PENDING" | "CAPTURED" | "RELEASED" | "FAILED";
                        captureError: string | null;
                        paymentId: string | null;
                        failureCode: string | null;
                        failureMessage: string | null;
                        stopCause: string | null;
                        captureBefore: string | null;
                        startedAt: string | null;
                        stopRequestedAt: string | null;
                        endedAt: string | null;
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource (or not yours), or no such route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the current state, or a request with the same Idempotency-Key is still running */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than BODY_LIMIT_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not application/json in UTF-8 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The Idempotency-Key was used for a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    SessionsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** @enum {string} */
                        status: "AUTHORIZING" | "STARTING" | "CHARGING" | "STOPPING" | "COMPLETED" | "FAILED" | "START_TIMED_OUT";
                        driverId: string | null;
                        companyId: string;
                        chargerId: string;
                        connectorId: string;
                        connectorNumber: number;
                        currency: string;
                        tariff: {
                            tariffId: string;
                            name: string;
                            /**
                             * @description Integer minor units (2000 = €20.00)
                             * @example 2000
                             */
                            energyPricePerKwh: number;
                            /**
                             * @description Integer minor units (2000 = €20.00)
                             * @example 2000
                             */
                            timePricePerMinute: number;
                            /**
                             * @description Integer minor units (2000 = €20.00)
                             * @example 2000
                             */
                            idlePricePerMinute: number;
                            idleGraceMinutes: number;
                            /**
                             * @description Integer minor units (2000 = €20.00)
                             * @example 2000
                             */
                            sessionFee: number;
                            taxRateBasisPoints: number;
                            taxInclusive: boolean;
                            /**
                             * @description Integer minor units (2000 = €20.00)
                             * @example 2000
                             */
                            holdAmount: number;
                        };
                        ocppTransactionId: number | null;
                        energyWh: number;
                        cost: number;
                        /**
                         * @description Integer minor units (2000 = €20.00)
                         * @example 2000
                         */
                        authorizedAmount: number | null;
                        /**
                         * @description Integer minor units (2000 = €20.00)
                         * @example 2000
                         */
                        capturedAmount: number | null;
                        /** @enum {string} */
                        captureStatus: "NONE" | "PENDING" | "CAPTURED" | "RELEASED" | "FAILED";
                        captureError: string | null;
                        paymentId: string | null;
                        failureCode: string | null;
                        failureMessage: string | null;
                        stopCause: string | null;
                        captureBefore: string | null;
                        startedAt: string | null;
                        stopRequestedAt: string | null;
                        endedAt: string | null;
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource (or not yours), or no such route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    SessionsController_receipt: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        sessionId: string;
                        /** @enum {string} */
                        status: "AUTHORIZING" | "STARTING" | "CHARGING" | "STOPPING" | "COMPLETED" | "FAILED" | "START_TIMED_OUT";
                        currency: string;
                        lines: {
                            /** @enum {string} */
                            kind: "energy" | "time" | "idle" | "session_fee" | "tax";
                            period?: string;
                            quantity: number;
                            /** @enum {string} */
                            unit: "Wh" | "s" | "session" | "basis_point";
                            /**
                             * @description Integer minor units (2000 = €20.00)
                             * @example 2000
                             */
                            amount: number;
                        }[];
                        total: number;
                        tax: number;
                        captured: number | null;
                        energyWh: number;
                        startedAt: string | null;
                        endedAt: string | null;
                        final: boolean;
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource (or not yours), or no such route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the current state, or a request with the same Idempotency-Key is still running */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    DirectoryController_stations: {
        parameters: {
            query?: {
                lat?: number;
                lng?: number;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            id: string;
                            name: string;
                            address: string;
                            latitude: number;
                            longitude: number;
                            timeZone: string;
                            distanceMeters: number | null;
                            connectors: number;
                            available: number;
                            price: {
                                currency: string;
                                /**
                                 * @description Integer minor units (2000 = €20.00)
                                 * @example 2000
                                 */
                                energyPricePerKwh: number;
                                /**
                                 * @description Integer minor units (2000 = €20.00)
                                 * @example 2000
                                 */
                                timePricePerMinute: number;
                                /**
                                 * @description Integer minor units (2000 = €20.00)
                                 * @example 2000
                                 */
                                idlePricePerMinute: number;
                                idleGraceMinutes: number;
                                /**
                                 * @description Integer minor units (2000 = €20.00)
                                 * @example 2000
                                 */
                                sessionFee: number;
                                taxRateBasisPoints: number;
                                taxInclusive: boolean;
                                /**
                                 * @description Integer minor units (2000 = €20.00)
                                 * @example 2000
                                 */
                                holdAmount: number;
                                periods: {
                                    name: string;
                                    days: number[];
                                    start: string;
                                    end: string;
                                    /**
                                     * @description Integer minor units (2000 = €20.00)
                                     * @example 2000
                                     */
                                    energyPricePerKwh: number;
                                    /**
                                     * @description Integer minor units (2000 = €20.00)
                                     * @example 2000
                                     */
                                    timePricePerMinute: number;
                                }[];
                            } | null;
                        }[];
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    DirectoryController_connector: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        connectorNumber: number;
                        type: string | null;
                        maxPowerW: number | null;
                        status: string;
                        chargerOnline: boolean;
                        available: boolean;
                        station: {
                            id: string;
                            name: string;
                            address: string;
                            latitude: number;
                            longitude: number;
                            timeZone: string;
                        };
                        price: {
                            currency: string;
                            /**
                             * @description Integer minor units (2000 = €20.00)
                             * @example 2000
                             */
                            energyPricePerKwh: number;
                            /**
                             * @description Integer minor units (2000 = €20.00)
                             * @example 2000
                             */
                            timePricePerMinute: number;
                            /**
                             * @description Integer minor units (2000 = €20.00)
                             * @example 2000
                             */
                            idlePricePerMinute: number;
                            idleGraceMinutes: number;
                            /**
                             * @description Integer minor units (2000 = €20.00)
                             * @example 2000
                             */
                            sessionFee: number;
                            taxRateBasisPoints: number;
                            taxInclusive: boolean;
                            /**
                             * @description Integer minor units (2000 = €20.00)
                             * @example 2000
                             */
                            holdAmount: number;
                            periods: {
                                name: string;
                                days: number[];
                                start: string;
                                end: string;
                                /**
                                 * @description Integer minor units (2000 = €20.00)
                                 * @example 2000
                                 */
                                energyPricePerKwh: number;
                                /**
                                 * @description Integer minor units (2000 = €20.00)
                                 * @example 2000
                                 */
                                timePricePerMinute: number;
                            }[];
                        } | null;
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource (or not yours), or no such route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ReservationsController_list: {
        parameters: {
            query?: {
                limit?: number;
                startingAfter?: string;
                status?: "PENDING" | "ACTIVE" | "FAILED" | "CANCELLED" | "EXPIRED" | "USED";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            id: string;
                            /** @enum {string} */
                            status: "PENDING" | "ACTIVE" | "FAILED" | "CANCELLED" | "EXPIRED" | "USED";
                            driverId: string;
                            chargerId: string;
                            connectorId: string;
                            failureCode: string | null;
                            expiresAt: string;
                            createdAt: string;
                            updatedAt: string;
                        }[];
                        hasMore: boolean;
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ReservationsController_reserve: {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique key (1–255 printable ASCII characters, e.g. a UUID) making a retry safe: the same key and body replay the first response (with `Idempotent-Replayed: true`) for 24 h; another body is a 422; a retry while the first request still runs is a 409. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    connectorId: string;
                    /** @default 15 */
                    minutes?: number;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** @enum {string} */
                        status: "PENDING" | "ACTIVE" | "FAILED" | "CANCELLED" | "EXPIRED" | "USED";
                        driverId: string;
                        chargerId: string;
                        connectorId: string;
                        failureCode: string | null;
                        expiresAt: string;
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the current state, or a request with the same Idempotency-Key is still running */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than BODY_LIMIT_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not application/json in UTF-8 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The Idempotency-Key was used for a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The payment provider or a dependency is unavailable; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ReservationsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** @enum {string} */
                        status: "PENDING" | "ACTIVE" | "FAILED" | "CANCELLED" | "EXPIRED" | "USED";
                        driverId: string;
                        chargerId: string;
                        connectorId: string;
                        failureCode: string | null;
                        expiresAt: string;
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource (or not yours), or no such route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ReservationsController_cancel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** @enum {string} */
                        status: "PENDING" | "ACTIVE" | "FAILED" | "CANCELLED" | "EXPIRED" | "USED";
                        driverId: string;
                        chargerId: string;
                        connectorId: string;
                        failureCode: string | null;
                        expiresAt: string;
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource (or not yours), or no such route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the current state, or a request with the same Idempotency-Key is still running */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ChargingStatsController_daily: {
        parameters: {
            query?: {
                stationId?: string;
                companyId?: string;
                from?: string;
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        from: string;
                        to: string;
                        stations: {
                            id: string;
                            name: string;
                            companyId: string;
                            timeZone: string;
                        }[];
                        days: {
                            stationId: string;
                            day: string;
                            currency: string;
                            sessions: number;
                            energyWh: number;
                            gross: number;
                            /**
                             * @description Integer minor units (2000 = €20.00)
                             * @example 2000
                             */
                            platformFee: number;
                            net: number;
                        }[];
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    PayerSessionsController_start: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key is the same session (a guest’s replay gets a new access key) */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    connectorId: string;
                    payment: {
                        /** @enum {string} */
                        type: "card";
                        paymentMethodId: string;
                    } | {
                        /** @enum {string} */
                        type: "link";
                        /** @enum {string} */
                        method: "card" | "crypto";
                        walletAddress?: string;
                        /** @enum {string} */
                        chain?: "ethereum" | "polygon";
                    };
                    /** Format: email */
                    email?: string;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        sessionId: string;
                        /** @enum {string} */
                        status: "AUTHORIZING" | "STARTING" | "CHARGING" | "STOPPING" | "COMPLETED" | "FAILED" | "START_TIMED_OUT";
                        accessKey?: string;
                        sessionUrl?: string;
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The card was declined or the wallet cannot cover the amount */
            402: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the current state, or a request with the same Idempotency-Key is still running */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than BODY_LIMIT_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not application/json in UTF-8 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The Idempotency-Key was used for a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The payment provider or a dependency is unavailable; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    PayerSessionsController_stop: {
        parameters: {
            query?: never;
            header?: {
                /** @description A guest’s access key (from the start’s answer); signed-in callers send a token */
                "X-Session-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    sessionId: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        sessionId: string;
                        /** @enum {string} */
                        status: "AUTHORIZING" | "STARTING" | "CHARGING" | "STOPPING" | "COMPLETED" | "FAILED" | "START_TIMED_OUT";
                        /**
                         * @description Integer minor units (2000 = €20.00)
                         * @example 2000
                         */
                        amount: number;
                        currency: string;
                        paymentUrl: string | null;
                        expiresAt: string | null;
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource (or not yours), or no such route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the current state, or a request with the same Idempotency-Key is still running */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than BODY_LIMIT_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not application/json in UTF-8 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The payment provider or a dependency is unavailable; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    PayerSessionsController_receipt: {
        parameters: {
            query?: never;
            header?: {
                /** @description A guest’s access key (from the start’s answer); signed-in callers send a token */
                "X-Session-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        sessionId: string;
                        /** @enum {string} */
                        status: "AUTHORIZING" | "STARTING" | "CHARGING" | "STOPPING" | "COMPLETED" | "FAILED" | "START_TIMED_OUT";
                        currency: string;
                        lines: {
                            /** @enum {string} */
                            kind: "energy" | "time" | "idle" | "session_fee" | "tax";
                            period?: string;
                            quantity: number;
                            /** @enum {string} */
                            unit: "Wh" | "s" | "session" | "basis_point";
                            /**
                             * @description Integer minor units (2000 = €20.00)
                             * @example 2000
                             */
                            amount: number;
                        }[];
                        total: number;
                        tax: number;
                        captured: number | null;
                        energyWh: number;
                        startedAt: string | null;
                        endedAt: string | null;
                        final: boolean;
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource (or not yours), or no such route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the current state, or a request with the same Idempotency-Key is still running */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    PayerSessionsController_get: {
        parameters: {
            query?: never;
            header?: {
                /** @description A guest’s access key (from the start’s answer); signed-in callers send a token */
                "X-Session-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** @enum {string} */
                        status: "AUTHORIZING" | "STARTING" | "CHARGING" | "STOPPING" | "COMPLETED" | "FAILED" | "START_TIMED_OUT";
                        driverId: string | null;
                        companyId: string;
                        chargerId: string;
                        connectorId: string;
                        connectorNumber: number;
                        currency: string;
                        tariff: {
                            tariffId: string;
                            name: string;
                            /**
                             * @description Integer minor units (2000 = €20.00)
                             * @example 2000
                             */
                            energyPricePerKwh: number;
                            /**
                             * @description Integer minor units (2000 = €20.00)
                             * @example 2000
                             */
                            timePricePerMinute: number;
                            /**
                             * @description Integer minor units (2000 = €20.00)
                             * @example 2000
                             */
                            idlePricePerMinute: number;
                            idleGraceMinutes: number;
                            /**
                             * @description Integer minor units (2000 = €20.00)
                             * @example 2000
                             */
                            sessionFee: number;
                            taxRateBasisPoints: number;
                            taxInclusive: boolean;
                            /**
                             * @description Integer minor units (2000 = €20.00)
                             * @example 2000
                             */
                            holdAmount: number;
                        };
                        ocppTransactionId: number | null;
                        energyWh: number;
                        cost: number;
                        /**
                         * @description Integer minor units (2000 = €20.00)
                         * @example 2000
                         */
                        authorizedAmount: number | null;
                        /**
                         * @description Integer minor units (2000 = €20.00)
                         * @example 2000
                         */
                        capturedAmount: number | null;
                        /** @enum {string} */
                        captureStatus: "NONE" | "PENDING" | "CAPTURED" | "RELEASED" | "FAILED";
                        captureError: string | null;
                        paymentId: string | null;
                        failureCode: string | null;
                        failureMessage: string | null;
                        stopCause: string | null;
                        captureBefore: string | null;
                        startedAt: string | null;
                        stopRequestedAt: string | null;
                        endedAt: string | null;
                        createdAt: string;
                        updatedAt: string;
                        /**
                         * @description Integer minor units (2000 = €20.00)
                         * @example 2000
                         */
                        capAmount: number | null;
                        payment: {
                            /** @enum {string} */
                            type: "card" | "link";
                            /** @enum {string} */
                            method: "card" | "crypto";
                            link: {
                                sessionId: string;
                                /** @enum {string} */
                                status: "PENDING" | "PAID" | "FAILED" | "EXPIRED" | "REFUNDED" | "PARTIALLY_REFUNDED";
                                paymentUrl: string | null;
                                /**
                                 * @description Integer minor units (2000 = €20.00)
                                 * @example 2000
                                 */
                                amount: number;
                                /**
                                 * @description Integer minor units (2000 = €20.00)
                                 * @example 2000
                                 */
                                amountRefunded: number;
                                currency: string;
                                expiresAt: string | null;
                                /** @enum {string} */
                                method: "card" | "crypto";
                                links: {
                                    id: string;
                                    /** @enum {string} */
                                    status: "PENDING" | "PAID" | "FAILED" | "EXPIRED" | "REFUNDED" | "PARTIALLY_REFUNDED";
                                    paymentUrl: string | null;
                                    /**
                                     * @description Integer minor units (2000 = €20.00)
                                     * @example 2000
                                     */
                                    amount: number;
                                    /**
                                     * @description Integer minor units (2000 = €20.00)
                                     * @example 2000
                                     */
                                    amountRefunded: number;
                                    /** @enum {string} */
                                    method: "card" | "crypto";
                                    expiresAt: string | null;
                                    createdAt: string;
                                }[];
                            } | null;
                        };
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource (or not yours), or no such route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    PaymentLinksController_link: {
        parameters: {
            query?: never;
            header?: {
                /** @description A guest’s access key (from the start’s answer); signed-in callers send a token */
                "X-Session-Key"?: string;
            };
            path: {
                sessionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        sessionId: string;
                        /** @enum {string} */
                        status: "PENDING" | "PAID" | "FAILED" | "EXPIRED" | "REFUNDED" | "PARTIALLY_REFUNDED";
                        paymentUrl: string | null;
                        /**
                         * @description Integer minor units (2000 = €20.00)
                         * @example 2000
                         */
                        amount: number;
                        /**
                         * @description Integer minor units (2000 = €20.00)
                         * @example 2000
                         */
                        amountRefunded: number;
                        currency: string;
                        expiresAt: string | null;
                        /** @enum {string} */
                        method: "card" | "crypto";
                        links: {
                            id: string;
                            /** @enum {string} */
                            status: "PENDING" | "PAID" | "FAILED" | "EXPIRED" | "REFUNDED" | "PARTIALLY_REFUNDED";
                            paymentUrl: string | null;
                            /**
                             * @description Integer minor units (2000 = €20.00)
                             * @example 2000
                             */
                            amount: number;
                            /**
                             * @description Integer minor units (2000 = €20.00)
                             * @example 2000
                             */
                            amountRefunded: number;
                            /** @enum {string} */
                            method: "card" | "crypto";
                            expiresAt: string | null;
                            createdAt: string;
                        }[];
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource (or not yours), or no such route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    PaymentLinksController_recreate: {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique key (1–255 printable ASCII characters, e.g. a UUID) making a retry safe: the same key and body replay the first response (with `Idempotent-Replayed: true`) for 24 h; another body is a 422; a retry while the first request still runs is a 409. */
                "Idempotency-Key"?: string;
                /** @description A guest’s access key (from the start’s answer); signed-in callers send a token */
                "X-Session-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    sessionId: string;
                    /** @enum {string} */
                    method?: "card" | "crypto";
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        sessionId: string;
                        /** @enum {string} */
                        status: "PENDING" | "PAID" | "FAILED" | "EXPIRED" | "REFUNDED" | "PARTIALLY_REFUNDED";
                        paymentUrl: string | null;
                        /**
                         * @description Integer minor units (2000 = €20.00)
                         * @example 2000
                         */
                        amount: number;
                        /**
                         * @description Integer minor units (2000 = €20.00)
                         * @example 2000
                         */
                        amountRefunded: number;
                        currency: string;
                        expiresAt: string | null;
                        /** @enum {string} */
                        method: "card" | "crypto";
                        links: {
                            id: string;
                            /** @enum {string} */
                            status: "PENDING" | "PAID" | "FAILED" | "EXPIRED" | "REFUNDED" | "PARTIALLY_REFUNDED";
                            paymentUrl: string | null;
                            /**
                             * @description Integer minor units (2000 = €20.00)
                             * @example 2000
                             */
                            amount: number;
                            /**
                             * @description Integer minor units (2000 = €20.00)
                             * @example 2000
                             */
                            amountRefunded: number;
                            /** @enum {string} */
                            method: "card" | "crypto";
                            expiresAt: string | null;
                            createdAt: string;
                        }[];
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource (or not yours), or no such route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the current state, or a request with the same Idempotency-Key is still running */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than BODY_LIMIT_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not application/json in UTF-8 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The Idempotency-Key was used for a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The payment provider or a dependency is unavailable; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    PaymentLinksController_refund: {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique key (1–255 printable ASCII characters, e.g. a UUID) making a retry safe: the same key and body replay the first response (with `Idempotent-Replayed: true`) for 24 h; another body is a 422; a retry while the first request still runs is a 409. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    sessionId?: string;
                    paymentId?: string;
                    /**
                     * @description Integer minor units (2000 = €20.00)
                     * @example 2000
                     */
                    amount?: number;
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        sessionId: string;
                        /** @enum {string} */
                        status: "PENDING" | "PAID" | "FAILED" | "EXPIRED" | "REFUNDED" | "PARTIALLY_REFUNDED";
                        paymentUrl: string | null;
                        /**
                         * @description Integer minor units (2000 = €20.00)
                         * @example 2000
                         */
                        amount: number;
                        /**
                         * @description Integer minor units (2000 = €20.00)
                         * @example 2000
                         */
                        amountRefunded: number;
                        currency: string;
                        expiresAt: string | null;
                        /** @enum {string} */
                        method: "card" | "crypto";
                        links: {
                            id: string;
                            /** @enum {string} */
                            status: "PENDING" | "PAID" | "FAILED" | "EXPIRED" | "REFUNDED" | "PARTIALLY_REFUNDED";
                            paymentUrl: string | null;
                            /**
                             * @description Integer minor units (2000 = €20.00)
                             * @example 2000
                             */
                            amount: number;
                            /**
                             * @description Integer minor units (2000 = €20.00)
                             * @example 2000
                             */
                            amountRefunded: number;
                            /** @enum {string} */
                            method: "card" | "crypto";
                            expiresAt: string | null;
                            createdAt: string;
                        }[];
                    } | {
                        id: string;
                        /** @enum {string} */
                        status: "AUTHORIZING" | "STARTING" | "CHARGING" | "STOPPING" | "COMPLETED" | "FAILED" | "START_TIMED_OUT";
                        driverId: string | null;
                        companyId: string;
                        chargerId: string;
                        connectorId: string;
                        connectorNumber: number;
                        currency: string;
                        tariff: {
                            tariffId: string;
                            name: string;
                            /**
                             * @description Integer minor units (2000 = €20.00)
                             * @example 2000
                             */
                            energyPricePerKwh: number;
                            /**
                             * @description Integer minor units (2000 = €20.00)
                             * @example 2000
                             */
                            timePricePerMinute: number;
                            /**
                             * @description Integer minor units (2000 = €20.00)
                             * @example 2000
                             */
                            idlePricePerMinute: number;
                            idleGraceMinutes: number;
                            /**
                             * @description Integer minor units (2000 = €20.00)
                             * @example 2000
                             */
                            sessionFee: number;
                            taxRateBasisPoints: number;
                            taxInclusive: boolean;
                            /**
                             * @description Integer minor units (2000 = €20.00)
                             * @example 2000
                             */
                            holdAmount: number;
                        };
                        ocppTransactionId: number | null;
                        energyWh: number;
                        cost: number;
                        /**
                         * @description Integer minor units (2000 = €20.00)
                         * @example 2000
                         */
                        authorizedAmount: number | null;
                        /**
                         * @description Integer minor units (2000 = €20.00)
                         * @example 2000
                         */
                        capturedAmount: number | null;
                        /** @enum {string} */
                        captureStatus: "NONE" | "PENDING" | "CAPTURED" | "RELEASED" | "FAILED";
                        captureError: string | null;
                        paymentId: string | null;
                        failureCode: string | null;
                        failureMessage: string | null;
                        stopCause: string | null;
                        captureBefore: string | null;
                        startedAt: string | null;
                        stopRequestedAt: string | null;
                        endedAt: string | null;
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token’s role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource (or not yours), or no such route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the current state, or a request with the same Idempotency-Key is still running */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than BODY_LIMIT_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not application/json in UTF-8 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The Idempotency-Key was used for a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The payment provider or a dependency is unavailable; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    SpacesController_list: {
        parameters: {
            query?: {
                limit?: number;
                startingAfter?: string;
                includeInactive?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            id: string;
                            name: string;
                            description: string;
                            /** @enum {string} */
                            kind: "ROOM" | "DESK" | "DAY_PASS";
                            capacity: number;
                            /** @enum {string} */
                            priceUnit: "HOUR" | "DAY";
                            /**
                             * @description Integer minor units (2000 = €20.00)
                             * @example 2000
                             */
                            price: number;
                            currency: string;
                            timeZone: string;
                            openingHours: {
                                /** @description ISO weekday: 1 = Monday … 7 = Sunday */
                                day: number;
                                /**
                                 * @description HH:MM local time
                                 * @example 08:00
                                 */
                                open: string;
                                /**
                                 * @description HH:MM local time
                                 * @example 20:00
                                 */
                                close: string;
                            }[];
                            bufferMinutes: number;
                            cancellation: {
                                fullRefundHours: number;
                                lateRefundPercent: number | null;
                                /**
                                 * @description Integer minor units (2000 = €20.00)
                                 * @example 2000
                                 */
                                lateCancellationFee: number | null;
                            };
                            holdMinutes: number;
                            active: boolean;
                            createdAt: string;
                            updatedAt: string;
                        }[];
                        hasMore: boolean;
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    SpacesController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    /** @default  */
                    description?: string;
                    /** @enum {string} */
                    kind: "ROOM" | "DESK" | "DAY_PASS";
                    capacity: number;
                    /** @enum {string} */
                    priceUnit: "HOUR" | "DAY";
                    /**
                     * @description Integer minor units (2000 = €20.00)
                     * @example 2000
                     */
                    price: number;
                    currency: string;
                    timeZone: string;
                    openingHours: {
                        day: number;
                        open: string;
                        close: string;
                    }[];
                    /** @default 0 */
                    bufferMinutes?: number;
                    cancellation: {
                        fullRefundHours: number;
                        lateRefundPercent?: number;
                        /**
                         * @description Integer minor units (2000 = €20.00)
                         * @example 2000
                         */
                        lateCancellationFee?: number;
                    };
                    /** @default 15 */
                    holdMinutes?: number;
                    /** @default true */
                    active?: boolean;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        description: string;
                        /** @enum {string} */
                        kind: "ROOM" | "DESK" | "DAY_PASS";
                        capacity: number;
                        /** @enum {string} */
                        priceUnit: "HOUR" | "DAY";
                        /**
                         * @description Integer minor units (2000 = €20.00)
                         * @example 2000
                         */
                        price: number;
                        currency: string;
                        timeZone: string;
                        openingHours: {
                            /** @description ISO weekday: 1 = Monday … 7 = Sunday */
                            day: number;
                            /**
                             * @description HH:MM local time
                             * @example 08:00
                             */
                            open: string;
                            /**
                             * @description HH:MM local time
                             * @example 20:00
                             */
                            close: string;
                        }[];
                        bufferMinutes: number;
                        cancellation: {
                            fullRefundHours: number;
                            lateRefundPercent: number | null;
                            /**
                             * @description Integer minor units (2000 = €20.00)
                             * @example 2000
                             */
                            lateCancellationFee: number | null;
                        };
                        holdMinutes: number;
                        active: boolean;
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token’s role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than BODY_LIMIT_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not application/json in UTF-8 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    SpacesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        description: string;
                        /** @enum {string} */
                        kind: "ROOM" | "DESK" | "DAY_PASS";
                        capacity: number;
                        /** @enum {string} */
                        priceUnit: "HOUR" | "DAY";
                        /**
                         * @description Integer minor units (2000 = €20.00)
                         * @example 2000
                         */
                        price: number;
                        currency: string;
                        timeZone: string;
                        openingHours: {
                            /** @description ISO weekday: 1 = Monday … 7 = Sunday */
                            day: number;
                            /**
                             * @description HH:MM local time
                             * @example 08:00
                             */
                            open: string;
                            /**
                             * @description HH:MM local time
                             * @example 20:00
                             */
                            close: string;
                        }[];
                        bufferMinutes: number;
                        cancellation: {
                            fullRefundHours: number;
                            lateRefundPercent: number | null;
                            /**
                             * @description Integer minor units (2000 = €20.00)
                             * @example 2000
                             */
                            lateCancellationFee: number | null;
                        };
                        holdMinutes: number;
                        active: boolean;
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource (or not yours), or no such route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    SpacesController_deactivate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        description: string;
                        /** @enum {string} */
                        kind: "ROOM" | "DESK" | "DAY_PASS";
                        capacity: number;
                        /** @enum {string} */
                        priceUnit: "HOUR" | "DAY";
                        /**
                         * @description Integer minor units (2000 = €20.00)
                         * @example 2000
                         */
                        price: number;
                        currency: string;
                        timeZone: string;
                        openingHours: {
                            /** @description ISO weekday: 1 = Monday … 7 = Sunday */
                            day: number;
                            /**
                             * @description HH:MM local time
                             * @example 08:00
                             */
                            open: string;
                            /**
                             * @description HH:MM local time
                             * @example 20:00
                             */
                            close: string;
                        }[];
                        bufferMinutes: number;
                        cancellation: {
                            fullRefundHours: number;
                            lateRefundPercent: number | null;
                            /**
                             * @description Integer minor units (2000 = €20.00)
                             * @example 2000
                             */
                            lateCancellationFee: number | null;
                        };
                        holdMinutes: number;
                        active: boolean;
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token’s role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource (or not yours), or no such route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    SpacesController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    description?: string;
                    /** @enum {string} */
                    kind?: "ROOM" | "DESK" | "DAY_PASS";
                    capacity?: number;
                    /** @enum {string} */
                    priceUnit?: "HOUR" | "DAY";
                    /**
                     * @description Integer minor units (2000 = €20.00)
                     * @example 2000
                     */
                    price?: number;
                    currency?: string;
                    timeZone?: string;
                    openingHours?: {
                        day: number;
                        open: string;
                        close: string;
                    }[];
                    bufferMinutes?: number;
                    cancellation?: {
                        fullRefundHours: number;
                        lateRefundPercent?: number;
                        /**
                         * @description Integer minor units (2000 = €20.00)
                         * @example 2000
                         */
                        lateCancellationFee?: number;
                    };
                    holdMinutes?: number;
                    active?: boolean;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        description: string;
                        /** @enum {string} */
                        kind: "ROOM" | "DESK" | "DAY_PASS";
                        capacity: number;
                        /** @enum {string} */
                        priceUnit: "HOUR" | "DAY";
                        /**
                         * @description Integer minor units (2000 = €20.00)
                         * @example 2000
                         */
                        price: number;
                        currency: string;
                        timeZone: string;
                        openingHours: {
                            /** @description ISO weekday: 1 = Monday … 7 = Sunday */
                            day: number;
                            /**
                             * @description HH:MM local time
                             * @example 08:00
                             */
                            open: string;
                            /**
                             * @description HH:MM local time
                             * @example 20:00
                             */
                            close: string;
                        }[];
                        bufferMinutes: number;
                        cancellation: {
                            fullRefundHours: number;
                            lateRefundPercent: number | null;
                            /**
                             * @description Integer minor units (2000 = €20.00)
                             * @example 2000
                             */
                            lateCancellationFee: number | null;
                        };
                        holdMinutes: number;
                        active: boolean;
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token’s role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource (or not yours), or no such route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the current state, or a request with the same Idempotency-Key is still running */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than BODY_LIMIT_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not application/json in UTF-8 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    SpacesController_availability: {
        parameters: {
            query?: {
                date?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        spaceId: string;
                        date: string;
                        timeZone: string;
                        open: {
                            start: string;
                            end: string;
                        } | null;
                        slots: {
                            start: string;
                            end: string;
                            seatsFree: number;
                            /**
                             * @description Integer minor units (2000 = €20.00)
                             * @example 2000
                             */
                            price: number;
                        }[];
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource (or not yours), or no such route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    BookingsController_list: {
        parameters: {
            query?: {
                limit?: number;
                startingAfter?: string;
                status?: "PENDING_PAYMENT" | "CONFIRMED" | "CANCELLED" | "EXPIRED" | "FAILED" | "REFUNDED";
                spaceId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            id: string;
                            userId: string;
                            spaceId: string;
                            /** @enum {string} */
                            status: "PENDING_PAYMENT" | "CONFIRMED" | "CANCELLED" | "EXPIRED" | "FAILED" | "REFUNDED";
                            start: string;
                            end: string;
                            /**
                             * @description Integer minor units (2000 = €20.00)
                             * @example 2000
                             */
                            amount: number;
                            currency: string;
                            /**
                             * @description Integer minor units (2000 = €20.00)
                             * @example 2000
                             */
                            amountPaid: number;
                            /**
                             * @description Integer minor units (2000 = €20.00)
                             * @example 2000
                             */
                            amountRefunded: number;
                            /**
                             * @description Integer minor units (2000 = €20.00)
                             * @example 2000
                             */
                            amountDisputed: number;
                            refundIfCancelledNow: number;
                            refundDue: number | null;
                            holdExpiresAt: string;
                            failureCode: string | null;
                            failureMessage: string | null;
                            cancelledAt: string | null;
                            createdAt: string;
                            updatedAt: string;
                        }[];
                        hasMore: boolean;
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    BookingsController_book: {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique key (1–255 printable ASCII characters, e.g. a UUID) making a retry safe: the same key and body replay the first response (with `Idempotent-Replayed: true`) for 24 h; another body is a 422; a retry while the first request still runs is a 409. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    spaceId: string;
                    /**
                     * Format: date-time
                     * @example 2030-01-07T09:00:00+01:00
                     */
                    start: string;
                    /**
                     * Format: date-time
                     * @example 2030-01-07T09:00:00+01:00
                     */
                    end: string;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        userId: string;
                        spaceId: string;
                        /** @enum {string} */
                        status: "PENDING_PAYMENT" | "CONFIRMED" | "CANCELLED" | "EXPIRED" | "FAILED" | "REFUNDED";
                        start: string;
                        end: string;
                        /**
                         * @description Integer minor units (2000 = €20.00)
                         * @example 2000
                         */
                        amount: number;
                        currency: string;
                        /**
                         * @description Integer minor units (2000 = €20.00)
                         * @example 2000
                         */
                        amountPaid: number;
                        /**
                         * @description Integer minor units (2000 = €20.00)
                         * @example 2000
                         */
                        amountRefunded: number;
                        /**
                         * @description Integer minor units (2000 = €20.00)
                         * @example 2000
                         */
                        amountDisputed: number;
                        refundIfCancelledNow: number;
                        refundDue: number | null;
                        holdExpiresAt: string;
                        failureCode: string | null;
                        failureMessage: string | null;
                        cancelledAt: string | null;
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the current state, or a request with the same Idempotency-Key is still running */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than BODY_LIMIT_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not application/json in UTF-8 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The Idempotency-Key was used for a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    BookingsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        userId: string;
                        spaceId: string;
                        /** @enum {string} */
                        status: "PENDING_PAYMENT" | "CONFIRMED" | "CANCELLED" | "EXPIRED" | "FAILED" | "REFUNDED";
                        start: string;
                        end: string;
                        /**
                         * @description Integer minor units (2000 = €20.00)
                         * @example 2000
                         */
                        amount: number;
                        currency: string;
                        /**
                         * @description Integer minor units (2000 = €20.00)
                         * @example 2000
                         */
                        amountPaid: number;
                        /**
                         * @description Integer minor units (2000 = €20.00)
                         * @example 2000
                         */
                        amountRefunded: number;
                        /**
                         * @description Integer minor units (2000 = €20.00)
                         * @example 2000
                         */
                        amountDisputed: number;
                        refundIfCancelledNow: number;
                        refundDue: number | null;
                        holdExpiresAt: string;
                        failureCode: string | null;
                        failureMessage: string | null;
                        cancelledAt: string | null;
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource (or not yours), or no such route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    BookingsController_cancel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        userId: string;
                        spaceId: string;
                        /** @enum {string} */
                        status: "PENDING_PAYMENT" | "CONFIRMED" | "CANCELLED" | "EXPIRED" | "FAILED" | "REFUNDED";
                        start: string;
                        end: string;
                        /**
                         * @description Integer minor units (2000 = €20.00)
                         * @example 2000
                         */
                        amount: number;
                        currency: string;
                        /**
                         * @description Integer minor units (2000 = €20.00)
                         * @example 2000
                         */
                        amountPaid: number;
                        /**
                         * @description Integer minor units (2000 = €20.00)
                         * @example 2000
                         */
                        amountRefunded: number;
                        /**
                         * @description Integer minor units (2000 = €20.00)
                         * @example 2000
                         */
                        amountDisputed: number;
                        refundIfCancelledNow: number;
                        refundDue: number | null;
                        holdExpiresAt: string;
                        failureCode: string | null;
                        failureMessage: string | null;
                        cancelledAt: string | null;
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource (or not yours), or no such route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the current state, or a request with the same Idempotency-Key is still running */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    PrecheckController_check: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description 0x and 40 hex digits; mixed case must be a valid EIP-55 checksum
                     * @example 0x52908400098527886E0F7030069857D2E4169EE7
                     */
                    walletAddress: string;
                    /** @enum {string} */
                    chain: "ethereum" | "polygon";
                    /**
                     * @description USDC to pay, as a decimal string of dollars with at most 6 decimals (never a JSON number)
                     * @example 12.50
                     */
                    amount: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The wallet holds the USDC and the gas for the transfer */
                        ok: boolean;
                        /** @enum {string} */
                        chain: "ethereum" | "polygon";
                        chainId: number;
                        /** @description EIP-55 checksummed */
                        walletAddress: string;
                        /** @description The USDC contract read */
                        usdcAddress: string;
                        amount: {
                            /**
                             * @description Integer smallest units (USDC: 10^-6, ETH/POL: wei)
                             * @example 500000
                             */
                            minor: string;
                            decimals: number;
                            /**
                             * @description The same value in whole tokens
                             * @example 0.5
                             */
                            formatted: string;
                            /** @example USDC */
                            symbol: string;
                        };
                        usdcBalance: {
                            /**
                             * @description Integer smallest units (USDC: 10^-6, ETH/POL: wei)
                             * @example 500000
                             */
                            minor: string;
                            decimals: number;
                            /**
                             * @description The same value in whole tokens
                             * @example 0.5
                             */
                            formatted: string;
                            /** @example USDC */
                            symbol: string;
                        };
                        nativeBalance: {
                            /**
                             * @description Integer smallest units (USDC: 10^-6, ETH/POL: wei)
                             * @example 500000
                             */
                            minor: string;
                            decimals: number;
                            /**
                             * @description The same value in whole tokens
                             * @example 0.5
                             */
                            formatted: string;
                            /** @example USDC */
                            symbol: string;
                        };
                        estimatedFee: {
                            /**
                             * @description Integer smallest units (USDC: 10^-6, ETH/POL: wei)
                             * @example 500000
                             */
                            minor: string;
                            decimals: number;
                            /**
                             * @description The same value in whole tokens
                             * @example 0.5
                             */
                            formatted: string;
                            /** @example USDC */
                            symbol: string;
                            /** @description Gas of a USDC transfer, margin included */
                            gasLimit: string;
                            /** @description Wei per gas a transaction must offer now */
                            maxFeePerGas: string;
                            /**
                             * @description estimate: the node simulated the transfer; typical: it could not (the wallet lacks the USDC), so a typical USDC transfer's gas
                             * @enum {string}
                             */
                            basis: "estimate" | "typical";
                        };
                        /** @description What is missing and by how much; empty when ok */
                        shortfalls: {
                            /** @enum {string} */
                            asset: "USDC" | "NATIVE";
                            /** @enum {string} */
                            code: "insufficient_usdc" | "insufficient_native_for_gas";
                            required: {
                                /**
                                 * @description Integer smallest units (USDC: 10^-6, ETH/POL: wei)
                                 * @example 500000
                                 */
                                minor: string;
                                decimals: number;
                                /**
                                 * @description The same value in whole tokens
                                 * @example 0.5
                                 */
                                formatted: string;
                                /** @example USDC */
                                symbol: string;
                            };
                            available: {
                                /**
                                 * @description Integer smallest units (USDC: 10^-6, ETH/POL: wei)
                                 * @example 500000
                                 */
                                minor: string;
                                decimals: number;
                                /**
                                 * @description The same value in whole tokens
                                 * @example 0.5
                                 */
                                formatted: string;
                                /** @example USDC */
                                symbol: string;
                            };
                            missing: {
                                /**
                                 * @description Integer smallest units (USDC: 10^-6, ETH/POL: wei)
                                 * @example 500000
                                 */
                                minor: string;
                                decimals: number;
                                /**
                                 * @description The same value in whole tokens
                                 * @example 0.5
                                 */
                                formatted: string;
                                /** @example USDC */
                                symbol: string;
                            };
                        }[];
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than BODY_LIMIT_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not application/json in UTF-8 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The payment provider or a dependency is unavailable; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    MembershipsController_listPlans: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            id: string;
                            name: string;
                            currency: string;
                            /**
                             * @description Integer minor units (2000 = €20.00)
                             * @example 2000
                             */
                            monthlyPrice: number;
                            /**
                             * @description Integer minor units (2000 = €20.00)
                             * @example 2000
                             */
                            holderPrice: number | null;
                            credits: {
                                [key: string]: number;
                            };
                            rolloverCaps: {
                                [key: string]: number;
                            };
                            pastDueAccess: boolean;
                            active: boolean;
                        }[];
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    MembershipsController_subscribe: {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique key (1–255 printable ASCII characters, e.g. a UUID) making a retry safe: the same key and body replay the first response (with `Idempotent-Replayed: true`) for 24 h; another body is a 422; a retry while the first request still runs is a 409. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    planId: string;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        plan: {
                            id: string;
                            name: string;
                            currency: string;
                            /**
                             * @description Integer minor units (2000 = €20.00)
                             * @example 2000
                             */
                            monthlyPrice: number;
                            /**
                             * @description Integer minor units (2000 = €20.00)
                             * @example 2000
                             */
                            holderPrice: number | null;
                            credits: {
                                [key: string]: number;
                            };
                            rolloverCaps: {
                                [key: string]: number;
                            };
                            pastDueAccess: boolean;
                            active: boolean;
                        };
                        status: string;
                        access: boolean;
                        currentPeriodStart: string | null;
                        currentPeriodEnd: string | null;
                        cancelAtPeriodEnd: boolean;
                        clientSecret: string | null;
                        subscriptionId: string | null;
                        credits: {
                            type: string;
                            remaining: number;
                            allocated: number;
                            expiresAt: string;
                        }[];
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the current state, or a request with the same Idempotency-Key is still running */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than BODY_LIMIT_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not application/json in UTF-8 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The Idempotency-Key was used for a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The payment provider or a dependency is unavailable; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    MembershipsController_pay: {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique key (1–255 printable ASCII characters, e.g. a UUID) making a retry safe: the same key and body replay the first response (with `Idempotent-Replayed: true`) for 24 h; another body is a 422; a retry while the first request still runs is a 409. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    paymentMethodId: string;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        membership: {
                            id: string;
                            plan: {
                                id: string;
                                name: string;
                                currency: string;
                                /**
                                 * @description Integer minor units (2000 = €20.00)
                                 * @example 2000
                                 */
                                monthlyPrice: number;
                                /**
                                 * @description Integer minor units (2000 = €20.00)
                                 * @example 2000
                                 */
                                holderPrice: number | null;
                                credits: {
                                    [key: string]: number;
                                };
                                rolloverCaps: {
                                    [key: string]: number;
                                };
                                pastDueAccess: boolean;
                                active: boolean;
                            };
                            status: string;
                            access: boolean;
                            currentPeriodStart: string | null;
                            currentPeriodEnd: string | null;
                            cancelAtPeriodEnd: boolean;
                            clientSecret: string | null;
                            subscriptionId: string | null;
                            credits: {
                                type: string;
                                remaining: number;
                                allocated: number;
                                expiresAt: string;
                            }[];
                        };
                        payment: {
                            status: string;
                            nextActionUrl: string | null;
                        };
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The card was declined or the wallet cannot cover the amount */
            402: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the current state, or a request with the same Idempotency-Key is still running */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than BODY_LIMIT_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not application/json in UTF-8 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The Idempotency-Key was used for a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The payment provider or a dependency is unavailable; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    MembershipsController_subscription: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        plan: {
                            id: string;
                            name: string;
                            currency: string;
                            /**
                             * @description Integer minor units (2000 = €20.00)
                             * @example 2000
                             */
                            monthlyPrice: number;
                            /**
                             * @description Integer minor units (2000 = €20.00)
                             * @example 2000
                             */
                            holderPrice: number | null;
                            credits: {
                                [key: string]: number;
                            };
                            rolloverCaps: {
                                [key: string]: number;
                            };
                            pastDueAccess: boolean;
                            active: boolean;
                        };
                        status: string;
                        access: boolean;
                        currentPeriodStart: string | null;
                        currentPeriodEnd: string | null;
                        cancelAtPeriodEnd: boolean;
                        clientSecret: string | null;
                        subscriptionId: string | null;
                        credits: {
                            type: string;
                            remaining: number;
                            allocated: number;
                            expiresAt: string;
                        }[];
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    MembershipsController_cancel: {
        parameters: {
            query?: {
                now?: "true" | "false";
            };
            header?: {
                /** @description A unique key (1–255 printable ASCII characters, e.g. a UUID) making a retry safe: the same key and body replay the first response (with `Idempotent-Replayed: true`) for 24 h; another body is a 422; a retry while the first request still runs is a 409. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        plan: {
                            id: string;
                            name: string;
                            currency: string;
                            /**
                             * @description Integer minor units (2000 = €20.00)
                             * @example 2000
                             */
                            monthlyPrice: number;
                            /**
                             * @description Integer minor units (2000 = €20.00)
                             * @example 2000
                             */
                            holderPrice: number | null;
                            credits: {
                                [key: string]: number;
                            };
                            rolloverCaps: {
                                [key: string]: number;
                            };
                            pastDueAccess: boolean;
                            active: boolean;
                        };
                        status: string;
                        access: boolean;
                        currentPeriodStart: string | null;
                        currentPeriodEnd: string | null;
                        cancelAtPeriodEnd: boolean;
                        clientSecret: string | null;
                        subscriptionId: string | null;
                        credits: {
                            type: string;
                            remaining: number;
                            allocated: number;
                            expiresAt: string;
                        }[];
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the current state, or a request with the same Idempotency-Key is still running */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The Idempotency-Key was used for a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The payment provider or a dependency is unavailable; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    MembershipsController_change: {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique key (1–255 printable ASCII characters, e.g. a UUID) making a retry safe: the same key and body replay the first response (with `Idempotent-Replayed: true`) for 24 h; another body is a 422; a retry while the first request still runs is a 409. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    planId: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        plan: {
                            id: string;
                            name: string;
                            currency: string;
                            /**
                             * @description Integer minor units (2000 = €20.00)
                             * @example 2000
                             */
                            monthlyPrice: number;
                            /**
                             * @description Integer minor units (2000 = €20.00)
                             * @example 2000
                             */
                            holderPrice: number | null;
                            credits: {
                                [key: string]: number;
                            };
                            rolloverCaps: {
                                [key: string]: number;
                            };
                            pastDueAccess: boolean;
                            active: boolean;
                        };
                        status: string;
                        access: boolean;
                        currentPeriodStart: string | null;
                        currentPeriodEnd: string | null;
                        cancelAtPeriodEnd: boolean;
                        clientSecret: string | null;
                        subscriptionId: string | null;
                        credits: {
                            type: string;
                            remaining: number;
                            allocated: number;
                            expiresAt: string;
                        }[];
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the current state, or a request with the same Idempotency-Key is still running */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than BODY_LIMIT_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not application/json in UTF-8 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The Idempotency-Key was used for a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The payment provider or a dependency is unavailable; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    MembershipPlansAdminController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            id: string;
                            name: string;
                            currency: string;
                            /**
                             * @description Integer minor units (2000 = €20.00)
                             * @example 2000
                             */
                            monthlyPrice: number;
                            /**
                             * @description Integer minor units (2000 = €20.00)
                             * @example 2000
                             */
                            holderPrice: number | null;
                            credits: {
                                [key: string]: number;
                            };
                            rolloverCaps: {
                                [key: string]: number;
                            };
                            pastDueAccess: boolean;
                            active: boolean;
                        }[];
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token’s role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    MembershipPlansAdminController_create: {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique key (1–255 printable ASCII characters, e.g. a UUID) making a retry safe: the same key and body replay the first response (with `Idempotent-Replayed: true`) for 24 h; another body is a 422; a retry while the first request still runs is a 409. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    currency: string;
                    /**
                     * @description Integer minor units (2000 = €20.00)
                     * @example 2000
                     */
                    monthlyPrice: number;
                    /**
                     * @description Integer minor units (2000 = €20.00)
                     * @example 2000
                     */
                    holderPrice?: number;
                    /** @default {} */
                    credits?: {
                        [key: string]: number;
                    };
                    /** @default {} */
                    rolloverCaps?: {
                        [key: string]: number;
                    };
                    /** @default true */
                    pastDueAccess?: boolean;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        currency: string;
                        /**
                         * @description Integer minor units (2000 = €20.00)
                         * @example 2000
                         */
                        monthlyPrice: number;
                        /**
                         * @description Integer minor units (2000 = €20.00)
                         * @example 2000
                         */
                        holderPrice: number | null;
                        credits: {
                            [key: string]: number;
                        };
                        rolloverCaps: {
                            [key: string]: number;
                        };
                        pastDueAccess: boolean;
                        active: boolean;
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token’s role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict with the current state, or a request with the same Idempotency-Key is still running */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than BODY_LIMIT_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not application/json in UTF-8 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The Idempotency-Key was used for a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    MembershipPlansAdminController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    credits?: {
                        [key: string]: number;
                    };
                    rolloverCaps?: {
                        [key: string]: number;
                    };
                    pastDueAccess?: boolean;
                    active?: boolean;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        currency: string;
                        /**
                         * @description Integer minor units (2000 = €20.00)
                         * @example 2000
                         */
                        monthlyPrice: number;
                        /**
                         * @description Integer minor units (2000 = €20.00)
                         * @example 2000
                         */
                        holderPrice: number | null;
                        credits: {
                            [key: string]: number;
                        };
                        rolloverCaps: {
                            [key: string]: number;
                        };
                        pastDueAccess: boolean;
                        active: boolean;
                    };
                };
            };
            /** @description Invalid request: a field fails validation, text holds U+0000, JSON is malformed or nested deeper than 32, the URL is badly encoded */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token’s role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource (or not yours), or no such route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than BODY_LIMIT_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not application/json in UTF-8 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error (details only in the server log, by request id) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
}
