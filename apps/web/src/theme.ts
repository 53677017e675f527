import { createSystem, defaultConfig, defineConfig } from '@chakra-ui/react';

/**
 * Chakra's default system with the brand palette darkened where the default fails WCAG AA
 * contrast (white text on teal.500 is 3.1:1; on teal.700 it is 5.9:1), and a field's error text
 * (red.500 on white is 3.8:1; red.700 is 6.5:1).
 */
export const system = createSystem(
  defaultConfig,
  defineConfig({
    theme: {
      semanticTokens: {
        colors: {
          fg: { error: { value: '{colors.red.700}' } },
          teal: {
            solid: { value: '{colors.teal.700}' },
            fg: { value: '{colors.teal.800}' },
            emphasized: { value: '{colors.teal.800}' },
          },
        },
      },
    },
  }),
);
