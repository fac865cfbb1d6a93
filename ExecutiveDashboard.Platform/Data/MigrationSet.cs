using System.Reflection;

namespace ExecutiveDashboard.Platform.Data;

/// <summary>
/// Versioned migrations embedded in an assembly: its <c>.sql</c> resources in a <c>Migrations</c> folder whose names
/// start with <see cref="Prefix"/>. A migration's version is its file name (<c>NNN_name</c>); the database records it,
/// so it must be unique over every set the database applies. The platform's sets are numbered <c>000_</c>, so that on a
/// fresh database the tables they own exist before a service's own <c>001_</c> on.
/// </summary>
/// <param name="Prefix">Empty for a service's own migrations; a folder of the platform for the tables a part of it owns.</param>
public sealed record MigrationSet(Assembly Assembly, string Prefix)
{
    private const string Folder = ".Migrations.";

    /// <summary>The migrations of the platform's part whose code lives in the namespace of <paramref name="owner"/>:
    /// the resources of its <c>Migrations</c> folder.</summary>
    public static MigrationSet OwnedBy(Type owner) => new(owner.Assembly, owner.Namespace + Folder);

    public IEnumerable<Migration> Migrations() =>
        Assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(Prefix, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal)
                           && name.Contains(Folder, StringComparison.Ordinal))
            .Select(name => new Migration(name[(name.LastIndexOf(Folder, StringComparison.Ordinal) + Folder.Length)..^4], Assembly, name));
}
