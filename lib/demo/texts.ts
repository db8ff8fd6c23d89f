// Free-text answers written for the demo workspace. Each theme has a weight per quarter (Q1..Q4)
// so the demo shows themes rising and falling (slow CI is fixed in Q3, so it drops in Q4).
export type SeedTheme = {
  theme: string;
  weights: [number, number, number, number];
  onPlatformFactor: number;
  texts: string[];
};

export const seedThemes: SeedTheme[] = [
  {
    theme: "slow-ci",
    weights: [5, 5, 4, 1.2],
    onPlatformFactor: 1,
    texts: [
      "CI takes 40+ minutes for a one-line change",
      "Waiting for the pipeline. Every PR sits in the build queue for ages",
      "our build is so slow I context switch and forget what I was doing",
      "The integration test stage alone takes half an hour",
      "Builds are slow and the cache never seems to hit",
      "make CI faster, please. 35 minutes per push kills my flow",
      "Pipeline runs everything on every change, even docs-only PRs",
      "CI queue times in the afternoon are brutal",
      "Speed up the build. Parallelise the test suite",
    ],
  },
  {
    theme: "flaky-tests",
    weights: [3, 3.5, 3, 3],
    onPlatformFactor: 1,
    texts: [
      "Flaky tests. I re-run the pipeline three times before it goes green",
      "flaky e2e tests that nobody owns",
      "Retrying flaky integration tests by hand",
      "Quarantine flaky tests automatically instead of blocking merges",
      "Half my red builds are flaky tests, not my code",
      "detecting and filing tickets for flaky tests",
      "The checkout e2e suite is flaky and everyone just hits retry",
    ],
  },
  {
    theme: "deploy-wait",
    weights: [4, 3.5, 2.5, 2],
    onPlatformFactor: 0.6,
    texts: [
      "Deploys take 45 minutes and need someone from ops to approve",
      "Releasing to production is a ticket and a two day wait",
      "Deploying still needs a manual approval from the release manager",
      "Rolling back a bad deploy is scary and slow",
      "self-service deploys without a change ticket",
      "We batch releases because deploying is painful, which makes them riskier",
      "Production deploys only happen on Tuesdays and Thursdays",
    ],
  },
  {
    theme: "k8s-config",
    weights: [4, 3.5, 3, 2.5],
    onPlatformFactor: 0.7,
    texts: [
      "Too much Kubernetes YAML for a simple service",
      "three yaml files and a helm chart just to change an env var",
      "k8s manifests copy-pasted between repos and drifting apart",
      "Understanding why my pod is in CrashLoopBackOff needs kubectl skills most of us don't have",
      "Helm values files are a maze",
      "Generate the k8s config from a short service definition",
      "Kubernetes ingress and networking config is a mystery to me",
    ],
  },
  {
    theme: "docs",
    weights: [3, 3, 3, 3],
    onPlatformFactor: 1,
    texts: [
      "I can never find the docs for internal services",
      "Docs are out of date or split across Confluence, READMEs and Slack",
      "Improve the documentation for the platform, with examples",
      "Finding who owns a service and where its runbook lives",
      "The onboarding docs were wrong in half the steps",
      "One searchable place for internal documentation",
      "API docs for internal services are missing or stale",
    ],
  },
  {
    theme: "environments",
    weights: [3, 3, 2.5, 2],
    onPlatformFactor: 0.5,
    texts: [
      "Getting a test environment takes a ticket and three days",
      "Staging is shared and always broken by someone else",
      "Preview environments per pull request",
      "Spinning up a database for a new service means waiting on the DBA team",
      "Ephemeral environments for testing branches",
      "The staging environment is never in sync with production",
    ],
  },
  {
    theme: "local-dev",
    weights: [2.5, 2.5, 2.5, 2.5],
    onPlatformFactor: 1,
    texts: [
      "Local setup takes a full day and breaks after every OS update",
      "Running the service locally needs 12 containers and 16GB of RAM",
      "docker compose setup for local dev is fragile",
      "Can't run the integration tests on my laptop",
      "Hot reload doesn't work in our monorepo",
    ],
  },
  {
    theme: "observability",
    weights: [2.5, 2.5, 2.5, 2.5],
    onPlatformFactor: 0.8,
    texts: [
      "How do I see the logs of my service in production?",
      "Logs, metrics and traces are in three different tools",
      "A service health page: deploys, errors, latency, alerts all in one view",
      "Setting up dashboards and alerts for a new service is all manual",
      "Tracing across services is missing so debugging is guesswork",
    ],
  },
  {
    theme: "code-review",
    weights: [2, 2, 2, 2],
    onPlatformFactor: 1,
    texts: [
      "Waiting days for code review",
      "PRs sit without reviewers, especially across teams",
      "Code review turnaround is the real bottleneck",
      "auto-assign reviewers and nudge stale pull requests",
    ],
  },
  {
    theme: "secrets-access",
    weights: [2, 2, 1.5, 1.5],
    onPlatformFactor: 0.8,
    texts: [
      "Requesting access and permissions takes days of tickets",
      "Rotating secrets by hand across environments",
      "Getting credentials for a new service is a manual process",
      "IAM permission requests go through three approvals",
    ],
  },
  {
    theme: "protect-good",
    weights: [2, 2.5, 3, 3.5],
    onPlatformFactor: 1.6,
    texts: [
      "The golden path template for new services is great, keep it",
      "Trunk-based development and small PRs work well, don't change it",
      "The new deploy pipeline is so much better, protect it",
      "Self-service preview environments are a huge win",
      "Keep the blameless postmortems",
      "The platform team's office hours are genuinely helpful",
      "Feature flags made releasing stress-free",
    ],
  },
];

export const seedNonAnswers = ["n/a", "nothing", "-", "idk", "nothing comes to mind", "all good", "no comment", "."];

export const seedFrictionEntries = [
  "Had to ask in three Slack channels to find out who owns the payments API",
  "CI was red for an hour because of a flaky test in another team's package",
  "Spent the morning fixing my local environment after a dependency bump",
  "Deploy approval took half a day because the release manager was out",
  "Couldn't find the runbook for the search indexer during an incident",
  "Waited two days for a staging database",
  "The helm chart upgrade broke our ingress config again",
  "Build cache missed and the pipeline took 50 minutes",
  "Needed a permissions ticket just to read production logs",
  "Flaky e2e test blocked the release train",
  "Docs for the message queue client are wrong about retries",
  "Preview environment creation timed out twice",
];
