// Human names for meta.degraded / meta.catchingUp section names (services/Contracts/Dashboard/Sections.cs).
export const SECTION_NAMES: Record<string, string> = {
  userMetrics: 'User metrics',
  executionMetrics: 'Execution metrics',
  businessMetrics: 'Business metrics',
  'businessMetrics.activeWorkspaces': 'Active workspaces',
  agentMetrics: 'Top agents',
  topUsers: 'Top users',
  mrrMovements: 'MRR movements',
  activeAlerts: 'Active alerts',
  annotations: 'Annotations',
  goals: 'Goals',
  'trends.execution': 'Execution trend',
  'trends.users': 'User activity trend',
  'trends.revenue': 'Revenue trend',
  'trends.errors': 'Error rate trend',
};

export const sectionName = (s: string) => SECTION_NAMES[s] ?? s;
