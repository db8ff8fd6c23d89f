// A small developer-experience lexicon. Synonyms are rewritten to one canonical term so that
// "k8s" and "kubernetes" count as one feature; concepts add a broader term next to a specific
// one ("helm" also counts as "kubernetes") so one-word answers still land near their theme.
// Canonical multi-word terms use "_" and are shown with a space in labels.

const SYNONYMS: Record<string, string[]> = {
  kubernetes: ["k8s", "kube", "kubernetes"],
  ci: ["ci", "cicd", "continuous integration", "pipeline", "pipelines", "ci pipeline", "ci pipelines"],
  environment: ["env", "envs", "environment", "environments"],
  pull_request: ["pr", "prs", "pull request", "pull requests", "merge request", "merge requests", "mr", "mrs"],
  documentation: ["docs", "doc", "documentation", "documentations"],
  deploy: [
    "deploy",
    "deploys",
    "deployment",
    "deployments",
    "deploying",
    "deployed",
    "cd",
    "continuous delivery",
    "continuous deployment",
  ],
  repository: ["repo", "repos", "repository", "repositories"],
  infrastructure: ["infra", "infrastructure"],
  permission: ["perm", "perms", "permission", "permissions"],
  configuration: ["config", "configs", "cfg", "configuration", "configurations"],
  dependency: ["dep", "deps", "dependency", "dependencies"],
  database: ["db", "dbs", "database", "databases"],
  production: ["prod", "production"],
  observability: ["o11y", "observability"],
  credentials: ["creds", "cred", "credential", "credentials"],
  authentication: ["auth", "authn", "authentication"],
  end_to_end: ["e2e", "end to end"],
  flaky: ["flaky", "flakey", "flakiness", "flakes", "flake", "flakyness"],
  yaml: ["yaml", "yml"],
  terraform: ["tf", "terraform"],
  github_actions: ["gha", "github actions"],
  minutes: ["min", "mins", "minute", "minutes"],
  hours: ["hr", "hrs", "hour", "hours"],
  seconds: ["sec", "secs", "second", "seconds"],
  upgrade: ["upgrade", "upgrades", "upgrading", "bump", "bumps", "bumping"],
  onboarding: ["onboarding", "onboard", "new hire", "new hires", "new joiner", "new joiners"],
  code_review: ["code review", "code reviews", "review", "reviews", "reviewer", "reviewers", "reviewing"],
  local: ["local", "locally", "localhost"],
};

const CONCEPTS: Record<string, string[]> = {
  kubernetes: [
    "helm",
    "kubectl",
    "pod",
    "pods",
    "namespace",
    "namespaces",
    "ingress",
    "manifest",
    "manifests",
    "kustomize",
    "yaml",
    "sidecar",
    "crashloopbackoff",
  ],
  ci: [
    "build",
    "builds",
    "building",
    "runner",
    "runners",
    "github_actions",
    "jenkins",
    "circleci",
    "buildkite",
    "gitlab",
  ],
  deploy: ["release", "rollout", "rollback", "argo", "argocd", "canary", "spinnaker"],
  documentation: ["readme", "wiki", "confluence", "runbook", "runbooks"],
  observability: [
    "log",
    "logging",
    "metrics",
    "tracing",
    "traces",
    "trace",
    "dashboard",
    "grafana",
    "datadog",
    "prometheus",
    "opentelemetry",
    "otel",
    "alert",
    "alerts",
    "alerting",
    "sentry",
    "splunk",
    "kibana",
  ],
  secret: ["vault", "secrets", "credentials", "password", "passwords", "token", "tokens", "api_key"],
  dependency: ["dependabot", "renovate", "npm", "pip", "maven", "gradle", "lockfile"],
  permission: ["access", "iam", "role", "roles", "rbac", "approval"],
  environment: ["staging", "sandbox", "preview"],
  local: ["docker", "compose", "laptop", "devcontainer"],
  infrastructure: ["terraform", "aws", "gcp", "azure", "cloud"],
};

const MAX_PHRASE = 3;
const phraseToCanonical = new Map<string, string>();
for (const [canonical, variants] of Object.entries(SYNONYMS)) {
  for (const variant of variants) phraseToCanonical.set(variant, canonical);
}
const termToConcepts = new Map<string, string[]>();
for (const [concept, triggers] of Object.entries(CONCEPTS)) {
  for (const trigger of triggers) {
    const key = phraseToCanonical.get(trigger) ?? trigger;
    termToConcepts.set(key, [...(termToConcepts.get(key) ?? []), concept]);
  }
}

/** Rewrites abbreviations and multi-word synonyms (longest match first) to canonical terms. */
export function canonicalizeTokens(tokens: string[]): string[] {
  return canonicalizeTokenSpans(tokens).map((span) => span.term);
}

/** A canonical term and the input tokens [start, end) it was written as. */
export interface TokenSpan {
  term: string;
  start: number;
  end: number;
}

/** canonicalizeTokens, also saying which input tokens each canonical term came from. */
export function canonicalizeTokenSpans(tokens: string[]): TokenSpan[] {
  const out: TokenSpan[] = [];
  for (let i = 0; i < tokens.length;) {
    let matched = false;
    for (let len = Math.min(MAX_PHRASE, tokens.length - i); len >= 1; len--) {
      const canonical = phraseToCanonical.get(tokens.slice(i, i + len).join(" "));
      if (canonical) {
        out.push({ term: canonical, start: i, end: i + len });
        i += len;
        matched = true;
        break;
      }
    }
    if (!matched) {
      out.push({ term: tokens[i], start: i, end: i + 1 });
      i++;
    }
  }
  return out;
}

/** Broader DX concepts implied by canonical terms, each once, e.g. ["helm"] → ["kubernetes"]. */
export function conceptsFor(terms: string[]): string[] {
  const present = new Set(terms);
  const concepts = new Set<string>();
  for (const term of terms) {
    // Triggers are listed in the singular; "pods" and "runners" count too.
    const triggered = termToConcepts.get(term) ?? termToConcepts.get(term.replace(/s$/, "")) ?? [];
    for (const concept of triggered) if (!present.has(concept)) concepts.add(concept);
  }
  return [...concepts];
}

/** "pull_request" → "pull request": canonical terms as people would write them. */
export function displayTerm(term: string): string {
  return term.replace(/_/g, " ");
}
