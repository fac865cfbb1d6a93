using System.Reflection;

namespace ExecutiveDashboard.Platform.Data;

/// <param name="Version">The file name without <c>.sql</c>, as <c>schema_migrations</c> records it.</param>
public sealed record Migration(string Version, Assembly Assembly, string Resource);
