// Component tests (vitest project `web-components`): React's act() expects to be told it runs in a
// test environment.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
