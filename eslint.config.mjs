import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      ".next*/**",
      "node_modules/**",
      ".data/**",
      "drizzle/**",
      "test-results/**",
      "playwright-report/**",
      "bench-results/**",
      "next-env.d.ts",
      "lib/text/pos-classes.generated.ts",
    ],
  },
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      // Pages and components reach the database only through lib/<domain>/queries.ts.
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["drizzle-orm", "drizzle-orm/*"], message: "SQL belongs in lib/<domain>/queries.ts" }] },
      ],
    },
  },
  { files: ["lib/**", "scripts/**", "drizzle.config.ts"], rules: { "no-restricted-imports": "off" } },
  { files: ["e2e/**", "**/*.test.ts"], rules: { "react-hooks/rules-of-hooks": "off" } },
];

export default config;
