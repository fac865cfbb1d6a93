using System.Text.Json;
using System.Text.Json.Serialization;

namespace ExecutiveDashboard.Gateway.Realtime;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(MetricsUpdateFrame))]
[JsonSerializable(typeof(ActivityFrame))]
[JsonSerializable(typeof(SubscribedFrame))]
[JsonSerializable(typeof(SubscribeMessage))]
public sealed partial class FrameJson : JsonSerializerContext;
