// The overview contract (services/Contracts/Dashboard/ExecutiveDashboardData.cs), camelCase.
// Every field is present; numbers are null where undefined or where their section is degraded.

export type Timeframe = '24h' | '7d' | '30d' | '90d' | 'all';
export const TIMEFRAMES: readonly Timeframe[] = ['24h', '7d', '30d', '90d', 'all'];

export type Unit = 'count' | 'currency' | 'percent' | 'seconds' | 'ratio';
export type ChangeUnit = 'percent' | 'pp';

export interface MetricInfo {
  unit: Unit;
  changeUnit: ChangeUnit | null;
  higherIsBetter: boolean;
  description: string;
}

export interface TimeSeriesPoint {
  timestamp: string;
  value: number;
  label?: string | null;
  successful?: number;
  failed?: number;
}

export interface TopAgent {
  id: string;
  /** An agent id is unique only within its workspace. */
  workspaceId: string;
  name: string | null;
  runs: number;
  successRate: number | null;
  avgRuntime: number | null;
}

export interface TopUser {
  id: string;
  workspaceId: string;
  name: string | null;
  runs: number;
  creditsUsed: number;
  lastActiveAt: string | null;
}

export type Severity = 'low' | 'medium' | 'high' | 'critical';

export interface ActiveAlert {
  id: string;
  type: string;
  message: string;
  severity: Severity | string;
  triggeredAt: string;
}

export type AnnotationKind = 'deploy' | 'incident' | 'campaign' | 'note';

/** A note on the timeline (POST /api/annotations): scope is its workspace, or 'all' for a platform-wide one. */
export interface Annotation {
  id: string;
  at: string;
  scope: string;
  kind: AnnotationKind | string;
  text: string;
}

/** Every goal metric is higher-is-better: reaching the target meets the goal. */
export type GoalMetric = 'mrr' | 'arr' | 'runs' | 'successRate' | 'paidWorkspaces' | 'dau';
export type GoalStatus = 'met' | 'onTrack' | 'atRisk' | 'offTrack';

/** A goal with its latest evaluation (docs/alerts.md, Goals); null fields until the alerts service first evaluates it. */
export interface Goal {
  id: string;
  workspaceId: string;
  metric: GoalMetric;
  target: number;
  /** yyyy-MM-dd, UTC: due by the end of that day. */
  targetDate: string;
  baseline: number | null;
  current: number | null;
  projected: number | null;
  /** 0–1, of the way from the baseline to the target. */
  progress: number | null;
  status: GoalStatus | null;
  evaluatedAt: string | null;
}

export interface ExecutiveDashboardData {
  timeframe: Timeframe;
  period: { start: string; end: string };
  userMetrics: {
    dau: number | null; dauChange: number | null;
    wau: number | null; wauChange: number | null;
    mau: number | null; mauChange: number | null;
    newUsers: number | null; churnedUsers: number | null; activeRate: number | null;
  };
  executionMetrics: {
    totalRuns: number | null; totalRunsChange: number | null;
    successfulRuns: number | null; failedRuns: number | null;
    successRate: number | null; successRateChange: number | null;
    avgRuntime: number | null; p95Runtime: number | null;
    totalCreditsUsed: number | null; creditsChange: number | null;
  };
  businessMetrics: {
    mrr: number | null; mrrChange: number | null; arr: number | null;
    ltv: number | null; cac: number | null; ltvCacRatio: number | null;
    activeWorkspaces: number | null; paidWorkspaces: number | null; trialWorkspaces: number | null;
    churnRate: number | null;
  };
  agentMetrics: { totalAgents: number | null; activeAgents: number | null; topAgents: TopAgent[] };
  trends: {
    execution: TimeSeriesPoint[];
    users: TimeSeriesPoint[];
    revenue: TimeSeriesPoint[];
    errors: TimeSeriesPoint[];
  };
  activeAlerts: ActiveAlert[];
  /** The scope's and the platform's annotations with `at` in the period, oldest first; every chart marks them. */
  annotations: Annotation[];
  /** The scope's goals with their latest evaluation. */
  goals: Goal[];
  topUsers: TopUser[];
  mrrMovements: {
    new: number | null; expansion: number | null; contraction: number | null;
    churned: number | null; reactivation: number | null;
  };
  meta: {
    generatedAt: string;
    asOf: string;
    cached: boolean;
    degraded: string[];
    catchingUp: string[];
    metricInfo: Record<string, MetricInfo>;
    /** Only in an answer to ?sections=…: the sections it holds; the others are empty. */
    sections?: string[];
  };
}

// /ws frames (docs/realtime.md).
export interface MetricsUpdateFrame { event: 'metrics_update'; workspaceId: string; sections: string[]; at: string }
export interface ActivityFrame { event: 'activity'; id?: string; workspaceId: string; kind: string; text: string; at: string }
export interface SubscribedFrame { event: 'subscribed'; workspaceId: string; at: string }
export type LiveFrame = MetricsUpdateFrame | ActivityFrame | SubscribedFrame;
