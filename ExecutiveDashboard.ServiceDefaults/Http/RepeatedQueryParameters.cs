using Microsoft.AspNetCore.Http;

namespace ExecutiveDashboard.ServiceDefaults.Http;

/// <summary>
/// A query parameter given twice (<c>?workspace_id=a&amp;workspace_id=b</c>, names compared as binding compares them,
/// without case) is refused before any endpoint or proxy route reads it: binding would take one value or join them, and a
/// gateway, a cache and a service could each act on a different one.
/// </summary>
public static class RepeatedQueryParameters
{
    public static async Task RefuseAsync(HttpContext context, RequestDelegate next)
    {
        foreach (var (name, values) in context.Request.Query)
        {
            if (values.Count > 1)
            {
                await TypedResults.ValidationProblem(
                    new Dictionary<string, string[]> { [name] = [$"is given {values.Count} times; give it once"] },
                    title: "Repeated query parameter").ExecuteAsync(context);
                return;
            }
        }
        await next(context);
    }
}
