namespace ExecutiveDashboard.Exports.Digests;

/// <summary>Reads a request body up to a size: a chunked body has no length to check first.</summary>
public static class BoundedBody
{
    /// <returns>The body, or null once it passes <paramref name="maxBytes"/>.</returns>
    public static async Task<ReadOnlyMemory<byte>?> ReadAsync(Stream body, int maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[4096];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
