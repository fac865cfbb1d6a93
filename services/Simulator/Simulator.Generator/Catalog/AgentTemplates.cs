namespace ExecutiveDashboard.Simulator.Generation.Catalog;

public static class AgentTemplates
{
    public static readonly AgentTemplate[] All =
    [
        new("Support Triage", 0.020, 8, 0.6, 1.2, 0.2, 1.4, ["tool_error", "rate_limited"]),
        new("Invoice Processor", 0.030, 25, 0.5, 1.0, 0.5, 1.0, ["invalid_input", "tool_error"]),
        new("Lead Enricher", 0.060, 40, 0.7, 0.8, 0.3, 1.1, ["rate_limited", "not_found"]),
        new("Code Reviewer", 0.050, 95, 0.6, 2.5, 1.0, 0.9, ["model_error", "context_too_long"]),
        new("Meeting Summarizer", 0.015, 45, 0.4, 1.5, 0.4, 1.2, ["invalid_input"]),
        new("Web Researcher", 0.120, 180, 0.8, 1.8, 0.5, 0.8, ["rate_limited", "blocked", "not_found"]),
        new("SQL Analyst", 0.080, 30, 0.9, 2.0, 0.5, 0.7, ["query_error", "permission_denied"]),
        new("Contract Reviewer", 0.040, 240, 0.5, 3.0, 2.0, 0.5, ["model_error", "invalid_input"]),
        new("Email Drafter", 0.010, 6, 0.5, 0.8, 0.1, 1.5, ["model_error"]),
        new("Data Cleaner", 0.070, 120, 0.7, 1.2, 0.5, 0.6, ["invalid_input", "schema_mismatch"]),
        new("Churn Predictor", 0.030, 300, 0.4, 4.0, 2.0, 0.3, ["model_error"]),
        new("Ticket Router", 0.020, 3, 0.5, 0.5, 0.05, 1.3, ["tool_error"]),
        new("Social Listener", 0.090, 60, 0.8, 1.0, 0.2, 0.5, ["rate_limited", "auth_expired"]),
        new("Translation Agent", 0.020, 15, 0.5, 1.0, 0.2, 0.8, ["model_error"]),
        new("Onboarding Guide", 0.030, 20, 0.6, 0.7, 0.1, 0.7, ["tool_error"]),
        new("Report Builder", 0.050, 150, 0.6, 2.2, 1.0, 0.6, ["query_error", "model_error"]),
    ];
}
