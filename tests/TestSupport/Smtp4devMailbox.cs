using System.Net.Http.Json;

namespace ExecutiveDashboard.TestSupport;

/// <summary>The mails an smtp4dev server received, read through its REST API at <paramref name="web"/>: the test's own
/// server (<see cref="SmtpServer"/>) or the app model's <c>smtp</c> resource.</summary>
public sealed class Smtp4devMailbox(Uri web)
{
    private static readonly HttpClient Http = new();

    private sealed record MessageSummary(string Id, IReadOnlyList<string> To);

    private sealed record MessagePage(IReadOnlyList<MessageSummary> Results, int PageCount);

    /// <summary>The raw MIME of every mail received for <paramref name="address"/> (any of its recipients), oldest first.</summary>
    public async Task<IReadOnlyList<byte[]>> MessagesToAsync(string address)
    {
        var ids = new List<string>();
        for (var page = 1; ; page++)
        {
            var answer = await Http.GetFromJsonAsync<MessagePage>(new Uri(web, $"/api/messages?pageSize=500&page={page}"));
            ids.AddRange(answer!.Results.Where(m => m.To.Contains(address, StringComparer.OrdinalIgnoreCase)).Select(m => m.Id));
            if (page >= answer.PageCount)
            {
                break;
            }
        }
        ids.Reverse();
        return await Task.WhenAll(ids.Select(id => Http.GetByteArrayAsync(new Uri(web, $"/api/messages/{id}/raw"))));
    }
}
