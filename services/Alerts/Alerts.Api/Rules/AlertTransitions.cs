namespace ExecutiveDashboard.Alerts.Rules;

/// <summary>
/// From the open alerts of a scope and the rules' outcomes to the changes: a firing rule without an open alert
/// triggers one, a cleared rule resolves its open alert, an unknown outcome changes nothing. At most one alert per
/// rule is ever open, so a rule that keeps firing keeps its alert (and its first message) instead of adding more.
/// </summary>
public static class AlertTransitions
{
    public static IReadOnlyList<Transition> Plan(IReadOnlyCollection<OpenAlert> open, IEnumerable<Finding> findings)
    {
        var transitions = new List<Transition>();
        foreach (var finding in findings)
        {
            var alert = open.FirstOrDefault(a => a.Rule == finding.Rule);
            switch (finding.Outcome)
            {
                case Outcome.Firing firing when alert is null:
                    transitions.Add(new Transition.Trigger(finding.Rule, firing.Severity, firing.Message));
                    break;
                case Outcome.Firing firing when alert.Severity != firing.Severity:
                    transitions.Add(new Transition.Rerate(alert, firing.Severity, firing.Message));
                    break;
                case Outcome.Clear when alert is not null:
                    transitions.Add(new Transition.Resolve(alert));
                    break;
            }
        }
        return transitions;
    }
}
