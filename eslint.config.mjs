import { readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import js from "@eslint/js";
import tseslint from "typescript-eslint";

const manifest = JSON.parse(readFileSync(new URL("package.json", import.meta.url), "utf8"));
const declared = new Set([...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.devDependencies ?? {})]);
const packageOf = (specifier) => (specifier.startsWith("@") ? specifier.split("/").slice(0, 2).join("/") : specifier.split("/")[0]);

/** A package imported must be declared in package.json: one that only arrives with another may go when that one changes. */
const declaredDependencies = {
  meta: { type: "problem", messages: { undeclared: "'{{name}}' is not in package.json: declare it, or import what is" } },
  create(context) {
    const check = (node) => {
      const specifier = node.source?.value;
      if (typeof specifier !== "string" || specifier.startsWith(".") || specifier.startsWith("node:") || builtinModules.includes(specifier))
        return;
      const name = packageOf(specifier);
      if (!declared.has(name)) context.report({ node: node.source, messageId: "undeclared", data: { name } });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};

export default tseslint.config(
  { ignores: [".build/**", ".data/**", "prisma/generated/**", "node_modules/**", "bench/results/**", "coverage/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { hub: { rules: { "declared-dependencies": declaredDependencies } } },
    rules: {
      "hub/declared-dependencies": "error",
      "no-restricted-syntax": [
        "error",
        { selector: "TSAsExpression > TSNeverKeyword", message: "`as never` silences the type checker: give the value its type" },
      ],
      "no-restricted-imports": [
        "error",
        {
          patterns: [{ group: ["*/dist/*", "**/dist/**"], message: "import a package's public entry points, not files inside its dist/" }],
        },
      ],
      // Apollo's plugin hooks and Express handlers are async by contract, awaiting or not.
      "@typescript-eslint/require-await": "off",
      // Ids arrive as strings (SQL rows, GraphQL arguments, file cells): comparing them with an enum's members is how they are recognised.
      "@typescript-eslint/no-unsafe-enum-comparison": "off",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
    },
  },
  {
    files: ["**/*.mjs"],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      parserOptions: { projectService: false, project: false },
      globals: { process: "readonly", console: "readonly", URL: "readonly", setTimeout: "readonly" },
    },
  },
  {
    // Tests read answers as `any` on purpose: they check the JSON the hub sends, whatever its shape.
    files: ["tests/**"],
    rules: {
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-return": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
    },
  },
);
