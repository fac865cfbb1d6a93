namespace Microsoft.Extensions.Hosting;
public static partial class Extensions {}
