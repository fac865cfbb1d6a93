namespace ExecutiveDashboard.Simulator.Generation.Events;

/// <summary>The service an event is posted to: <c>/api/{service}/events</c> on the gateway.</summary>
public enum EventStream { Users, Executions, Billing }
